import { Flex, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { ReviewListItem } from '../../api/reviews';
import { DeadlineTag } from '../cases/DeadlineTag';
import { PreCheckSummary } from './PreChecksList';
import { OPEN_STATES, reviewStateColor } from './reviewLabels';

/** The review clock as a tag while it runs; afterwards only the date it had. */
export function ReviewDueTag({ review, today }: { review: { state: string; dueOn: string | null; extended: boolean }; today: string }) {
  const open = OPEN_STATES.includes(review.state);
  return (
    <Flex gap={4} wrap align="center">
      {open ? (
        <DeadlineTag due={review.dueOn} today={today} emptyText="待定(节假日安排尚未录入)" />
      ) : (
        <Typography.Text type="secondary">{review.dueOn ?? '—'}</Typography.Text>
      )}
      {review.extended && <Tag color="purple">已延长</Tag>}
    </Flex>
  );
}

export function reviewColumns(today: string, unitName: (id: string) => string): TableColumnsType<ReviewListItem> {
  return [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 110,
      render: (no: string) => <span data-testid="review-row-case-no">{no}</span>,
    },
    {
      title: '案由',
      key: 'title',
      render: (_, r) => (
        <Tooltip title={r.determination.length > 0 ? `认定理由:${r.determination.join(';')}` : undefined}>
          <span>{r.caseTitle}</span>
        </Tooltip>
      ),
    },
    { title: '承办机构', key: 'unit', width: 150, render: (_, r) => unitName(r.unitId) },
    { title: '轮次', dataIndex: 'roundNo', key: 'round', width: 80, render: (n: number) => `第 ${n} 轮` },
    {
      title: '状态',
      key: 'state',
      width: 110,
      render: (_, r) => (
        <Tag color={reviewStateColor(r.state)} data-testid="review-row-state">
          {r.stateLabel}
        </Tag>
      ),
    },
    {
      title: '自动预审',
      key: 'preChecks',
      width: 150,
      render: (_, r) => <PreCheckSummary checks={r.preChecks} />,
    },
    { title: '审核期限', key: 'due', width: 190, render: (_, r) => <ReviewDueTag review={r} today={today} /> },
    { title: '审核人员', key: 'reviewer', width: 100, render: (_, r) => r.reviewerName ?? '—' },
  ];
}
