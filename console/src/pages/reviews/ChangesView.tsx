import { Alert, Card, Table, Typography } from 'antd';
import type { ReviewView } from '../../api/reviews';
import { ProblemsList } from './RoundsHistory';

const cell = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 200, overflow: 'auto', display: 'block' } as const;

/**
 * For a resubmission: the unit's answer to each problem of the previous round, and what changed in the
 * package since then (a comparison of the two frozen packages).
 */
export function ChangesView({ review }: { review: ReviewView }) {
  const current = review.rounds.at(-1);
  const previous = review.rounds.at(-2);
  if (!current || !previous) return null;
  return (
    <Card size="small" title={`第 ${current.roundNo} 轮:与上一轮相比的变化`} style={{ marginBottom: 12 }} data-testid="review-changes">
      {previous.opinion && previous.opinion.problems.length > 0 && (
        <>
          <Typography.Text strong>承办机构对上一轮问题的说明</Typography.Text>
          <div style={{ margin: '8px 0 12px' }} data-testid="review-answers">
            <ProblemsList problems={previous.opinion.problems} answers={current.answers} />
          </div>
        </>
      )}
      {review.changes.length === 0 ? (
        <Alert type="info" showIcon title="送审材料与上一轮相同(仅补充了说明)" />
      ) : (
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={review.changes}
          columns={[
            { title: '内容', dataIndex: 'field', key: 'field', width: 110 },
            { title: '上一轮', dataIndex: 'before', key: 'before', render: (t: string) => <span style={cell}>{t}</span> },
            { title: '本轮', dataIndex: 'after', key: 'after', render: (t: string) => <span style={cell}>{t}</span> },
          ]}
          data-testid="review-changes-table"
        />
      )}
    </Card>
  );
}
