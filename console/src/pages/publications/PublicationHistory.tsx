import { Empty, Timeline, Typography } from 'antd';
import type { PublicationHistoryEntry, PublicationView } from '../../api/publications';
import { formatTime } from '../../format';
import { eventLabel } from '../../labels/eventLabels';

/** What an event carries that a person wants to read: the version, how many spans were replaced, the reason. */
function detailOf(entry: PublicationHistoryEntry): string {
  const d = entry.data;
  const parts = [
    typeof d.version === 'number' ? `第 ${d.version} 版` : '',
    typeof d.redactions === 'number' ? `隐去 ${d.redactions} 处` : '',
    typeof d.dueOn === 'string' ? `公开期限 ${d.dueOn}` : '',
    typeof d.changeNote === 'string' && d.changeNote !== '' ? `更正说明:${d.changeNote}` : '',
    typeof d.reason === 'string' ? `理由:${d.reason}` : '',
  ];
  return parts.filter((p) => p !== '').join(';');
}

/** 办理记录: every event of the publication in order, with who, when and its ledger position. */
export function PublicationHistory({ view }: { view: PublicationView }) {
  if (view.history.length === 0) return <Empty description="尚无办理记录" />;
  return (
    <Timeline
      data-testid="publication-history"
      items={view.history.map((h, i) => ({
        key: `${h.type}-${i}`,
        content: (
          <div>
            <Typography.Text strong>{eventLabel(h.type)}</Typography.Text>
            <Typography.Text style={{ marginLeft: 8, fontSize: 12 }}>
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
