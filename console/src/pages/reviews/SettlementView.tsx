import { Alert, Descriptions } from 'antd';
import type { ReviewView } from '../../api/reviews';
import { formatTime } from '../../format';

const pre = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** 集体讨论: waiting for it (escalated), or its record — who took part, the positions, the decision. */
export function SettlementView({ review }: { review: ReviewView }) {
  const s = review.settlement;
  if (!s) {
    return review.state === 'escalated' ? (
      <Alert type="info" showIcon title="承办机构不同意审核意见,已提请集体讨论;由局领导记录讨论决定" />
    ) : null;
  }
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="review-settlement"
      items={[
        { key: 'on', label: '讨论日期', children: s.heldOn },
        { key: 'who', label: '参加人员', children: s.participants.join('、') },
        { key: 'positions', label: '各方意见', children: <div style={pre}>{s.positions}</div> },
        { key: 'decision', label: '讨论决定', children: <div style={pre}>{s.decision}</div> },
        {
          key: 'outcome',
          label: '结果',
          children: s.outcome === 'proposal' ? '按承办机构的拟处理意见作出决定' : '按法制审核意见办理(退回承办机构)',
        },
        { key: 'at', label: '记录时间', children: formatTime(s.recordedAt) },
      ]}
    />
  );
}
