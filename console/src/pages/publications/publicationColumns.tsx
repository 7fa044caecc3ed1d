import { Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { PublicationListItem } from '../../api/publications';
import { navigate, routes } from '../../router';
import { DeadlineTag } from '../cases/DeadlineTag';
import { beijingDate, periodText, stateColor } from './publicationLabels';

export const publicationUrl = (id: string): string => `${routes.publications}?id=${encodeURIComponent(id)}`;

const small = { fontSize: 12 } as const;

/**
 * The deadline that runs now: the 公开期限 while the decision waits; once it is public, the 撤回期限
 * when the decision has been revoked, else the end of its 公示期; afterwards the date it had, plain.
 */
export function PublicationDueTag({ item, today }: { item: PublicationListItem; today: string }) {
  if (item.state === 'published' && item.withdrawalDueOn !== null) {
    return (
      <Flex vertical gap={2} data-testid="publication-withdrawal-due">
        <DeadlineTag due={item.withdrawalDueOn} today={today} />
        <Typography.Text style={small}>决定已被撤销或变更,须撤回公开</Typography.Text>
      </Flex>
    );
  }
  if (item.state === 'published') {
    return (
      <Flex vertical gap={2}>
        <Typography.Text>{item.publishedAt ? `${beijingDate(item.publishedAt)} 公开` : '已公开'}</Typography.Text>
        {item.expiresOn && <Typography.Text style={small}>{item.expiresOn} 起公示期满</Typography.Text>}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2}>
      {item.state === 'draft' ? (
        <DeadlineTag due={item.dueOn} today={today} emptyText="待定(节假日安排尚未录入)" />
      ) : (
        <Typography.Text>{item.dueOn ?? '—'}</Typography.Text>
      )}
      <Typography.Text style={small}>{periodText(item)}</Typography.Text>
    </Flex>
  );
}

export function publicationColumns(
  compact: boolean,
  today: string,
  unitName: (id: string) => string,
): TableColumnsType<PublicationListItem> {
  const wide: TableColumnsType<PublicationListItem> = [
    { title: '类别', dataIndex: 'categoryLabel', key: 'category', width: 130 },
    { title: '承办机构', key: 'unit', width: 160, render: (_, p) => unitName(p.unitId) },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', width: 110 },
  ];
  return [
    {
      title: '决定书文号',
      key: 'number',
      width: compact ? 170 : 230,
      render: (_, p) => (
        <Flex vertical gap={2}>
          {/* A real link, so the row opens by keyboard and in a new tab too; the router keeps the page in place. */}
          <Typography.Link
            href={publicationUrl(p.id)}
            onClick={(e) => {
              e.preventDefault();
              navigate(publicationUrl(p.id));
            }}
            data-testid="publication-row-number"
          >
            {p.documentNumber ?? '(无文号)'}
          </Typography.Link>
          <Typography.Text style={small}>案件 {p.caseNo}</Typography.Text>
        </Flex>
      ),
    },
    ...(compact ? [] : wide),
    { title: '公开期限', key: 'due', width: 200, render: (_, p) => <PublicationDueTag item={p} today={today} /> },
    {
      title: '状态',
      key: 'state',
      width: 110,
      render: (_, p) => (
        <Flex vertical gap={2} align="start">
          <Tag color={stateColor(p.state)} data-testid="publication-row-state">
            {p.stateLabel}
          </Tag>
          {p.currentVersion > 1 && <Typography.Text style={small}>第 {p.currentVersion} 版</Typography.Text>}
        </Flex>
      ),
    },
  ];
}
