import { Empty, Timeline, Typography } from 'antd';
import type { ReviewView } from '../../api/reviews';
import { formatTime } from '../../format';
import { eventLabel } from '../../labels/eventLabels';

/** Why, for the events that carry one (extension, escalation) or what they asked (consultation). */
function detailOf(entry: ReviewView['history'][number]): string {
  const d = entry.data;
  const parts = [
    typeof d.reason === 'string' ? `理由:${d.reason}` : '',
    typeof d.dueOn === 'string' ? `审核期限 ${d.dueOn}` : '',
    typeof d.adviser === 'string' ? `法律顾问 ${d.adviser}` : '',
    typeof d.conclusion === 'string' && typeof d.number === 'string' ? `意见书 ${d.number}` : '',
  ];
  return parts.filter((p) => p !== '').join(';');
}

/** 办理记录: every event of the review in order, with who, when and its ledger position. */
export function ReviewHistory({ review }: { review: ReviewView }) {
  if (review.history.length === 0) return <Empty description="尚无办理记录" />;
  return (
    <Timeline
      data-testid="review-history"
      items={review.history.map((h, i) => ({
        key: `${h.type}-${i}`,
        content: (
          <div>
            <Typography.Text strong>{eventLabel(h.type)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {h.actorName} · {formatTime(h.occurredAt)}
              {h.ledgerIndex !== null && ` · 账本序号 ${h.ledgerIndex}`}
            </Typography.Text>
            {detailOf(h) !== '' && <div style={{ wordBreak: 'break-word' }}>{detailOf(h)}</div>}
          </div>
        ),
      }))}
    />
  );
}
