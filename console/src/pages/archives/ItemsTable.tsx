import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { PART_LABELS, pagesText } from './archiveLabels';

/** One line of the 卷内文件目录, as previewed (PlannedItem) or as filed (ItemView). */
export interface CatalogueRow {
  position: number;
  part: string;
  title: string;
  number: string | null;
  responsible: string;
  date: string;
  /** null: 声像 (not counted) or not counted; absent (preview only): cannot be counted before printing. */
  pages?: number | null;
  note: string;
  /** 0 for the file as accepted; n for the nth 补充归档. */
  supplement?: number;
  mediaType: string;
}

function pagesCell(row: CatalogueRow) {
  if (row.pages === undefined) {
    return (
      <Tooltip title="电子文书无法自动计页,请按打印件核对">
        <Typography.Text type="secondary">待核</Typography.Text>
      </Tooltip>
    );
  }
  if (row.pages === null) {
    const av = row.mediaType.startsWith('audio/') || row.mediaType.startsWith('video/');
    return (
      <Tooltip title={av ? '声像材料不计页数' : '未计页数'}>
        <span role="img" aria-label={av ? '声像材料不计页数' : '未计页数'}>
          —
        </span>
      </Tooltip>
    );
  }
  return pagesText(row.pages);
}

const columns: TableColumnsType<CatalogueRow> = [
  { title: '件号', dataIndex: 'position', width: 64, align: 'center' },
  {
    title: '题名',
    key: 'title',
    width: 280,
    render: (_, r) => (
      <span data-testid="archive-item-title">
        {r.title}
        {(r.supplement ?? 0) > 0 && (
          <Tag color="purple" style={{ marginInlineStart: 8 }} data-testid="archive-item-supplement">
            补充归档 {r.supplement}
          </Tag>
        )}
      </span>
    ),
  },
  { title: '文号', dataIndex: 'number', width: 190, render: (n: string | null) => n ?? '—' },
  { title: '责任者', dataIndex: 'responsible', width: 180, ellipsis: true },
  { title: '日期', dataIndex: 'date', width: 110 },
  { title: '页数', key: 'pages', width: 70, align: 'center', render: (_, r) => pagesCell(r) },
  { title: '类别', dataIndex: 'part', width: 96, render: (p: string) => PART_LABELS[p] ?? p },
  { title: '备注', dataIndex: 'note', width: 160, render: (n: string) => n || '' },
];

/** 卷内文件目录: the items in 件号 order; scrolls sideways on a phone rather than squeezing the titles. */
export function ItemsTable({ items, testId, caption }: { items: readonly CatalogueRow[]; testId: string; caption: string }) {
  return (
    <Table<CatalogueRow>
      rowKey={(r) => `${r.supplement ?? 0}-${r.position}`}
      columns={columns}
      dataSource={[...items]}
      size="small"
      pagination={false}
      scroll={{ x: 1150 }}
      bordered
      data-testid={testId}
      aria-label={caption}
      locale={{ emptyText: '卷内没有文件' }}
    />
  );
}
