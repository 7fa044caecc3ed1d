import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { LegalBasis } from '../../../api/catalog';

/** Small read-only pieces shared by the kinds' views. */

export const orDash = (text: string | null | undefined) => (text && text.trim() !== '' ? text : '—');

/** Multi-line text as written (line breaks kept). */
export function Prose({ text }: { text: string }) {
  return <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(text)}</span>;
}

export function LegalBasesView({ bases }: { bases: readonly LegalBasis[] }) {
  if (bases.length === 0) return <>—</>;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {bases.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: bases may repeat and are never reordered here.
        <div key={i}>
          <Typography.Text strong>{`《${b.law}》${b.article}`}</Typography.Text>
          {b.text && (
            <Typography.Paragraph
              type="secondary"
              style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}
              ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}
            >
              {b.text}
            </Typography.Paragraph>
          )}
        </div>
      ))}
    </Space>
  );
}

/** A numbered list of texts. */
export function NumberedList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in its stored order.
        <li key={i} style={{ whiteSpace: 'pre-wrap' }}>
          {item}
        </li>
      ))}
    </ol>
  );
}

export function TagList({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </Space>
  );
}

export function NoData() {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无内容" />;
}

/** One labelled row of a view; `false` leaves the row out. */
export type DataRow = readonly [label: string, content: ReactNode] | false;

/** A version's fields as a bordered two-column table. */
export function DataTable({ rows }: { rows: readonly DataRow[] }) {
  const items = rows
    .filter((r): r is readonly [string, ReactNode] => r !== false)
    .map(([label, children]) => ({ key: label, label, children }));
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 130 } }} items={items} data-testid="catalog-version-view" />
  );
}
