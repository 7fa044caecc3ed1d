import { Tag } from 'antd';
import { deadlineState } from './caseDates';

export interface DeadlineTagProps {
  /** null: no deadline (a list row), or a deadline whose year's holidays are not entered yet (待定). */
  due: string | null;
  today: string;
  closedOn?: string | null;
  /** What a null `due` reads as. */
  emptyText?: string;
  /** A period of the party's (陈述申辩, 催告): once past it has 届满, it is not overdue. */
  partyPeriod?: boolean;
}

/** A deadline as a tag with its date: red when overdue, orange within three days, green once closed. */
export function DeadlineTag({ due, today, closedOn = null, emptyText = '—', partyPeriod = false }: DeadlineTagProps) {
  if (due === null) return closedOn === null && emptyText !== '—' ? <Tag>{emptyText}</Tag> : <span>{closedOn ?? emptyText}</span>;
  const computed = deadlineState(due, today, closedOn);
  const state = partyPeriod && computed.urgency === 'overdue' ? { ...computed, color: 'default', text: '已届满' } : computed;
  return (
    <Tag color={state.color} data-urgency={state.urgency} style={{ marginInlineEnd: 0 }}>
      {due} · {state.text}
    </Tag>
  );
}
