import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReviewView } from '../../api/reviews';
import { routes } from '../../router';
import { useUnits } from '../../session/UnitsContext';
import { ReviewDueTag } from './reviewColumns';
import { conclusionLabel, reviewStateColor } from './reviewLabels';

/** 案件编号, state and round, then the unit, reviewer, the review clock and the determination. */
export function ReviewHeader({ review, today }: { review: ReviewView; today: string }) {
  const { units } = useUnits();
  const unitName = units.find((u) => u.id === review.unitId)?.name ?? '—';
  const round = review.rounds.at(-1);
  const determination = round?.package.determination;
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Link
          strong
          style={{ fontSize: 16 }}
          href={`${routes.cases}?id=${encodeURIComponent(review.caseId)}`}
          target="_blank"
          rel="noopener"
          data-testid="review-case-no"
        >
          {review.caseNo}
        </Typography.Link>
        <Tag color={reviewStateColor(review.state)} data-testid="review-state">
          {review.stateLabel}
        </Tag>
        <Tag data-testid="review-round">第 {review.roundNo} 轮</Tag>
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 0, wordBreak: 'break-word' }}>
        {review.caseTitle}
      </Typography.Title>
      {review.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
      ))}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'unit', label: '承办机构', children: unitName },
          { key: 'reviewer', label: '审核人员', children: review.reviewerName ?? '待承办' },
          { key: 'due', label: '审核期限', children: <ReviewDueTag review={review} today={today} /> },
          ...(round
            ? [{ key: 'last', label: '本轮结论', children: round.conclusion ? conclusionLabel(round.conclusion) : '尚未出具' }]
            : []),
          {
            key: 'why',
            label: '认定为重大执法决定的理由',
            span: 'filled' as const,
            children: (
              <Flex vertical gap={2} data-testid="review-determination">
                {(determination?.reasons ?? []).map((r) => (
                  <span key={r}>{r}</span>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
