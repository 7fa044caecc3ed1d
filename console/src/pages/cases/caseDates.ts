import dayjs, { type Dayjs } from 'dayjs';
import { beijingToday } from '../../format';

export { beijingToday } from '../officers/officerLabels';

export const DATE = 'YYYY-MM-DD';

/** How many days ahead a deadline counts as 临近 (orange), as the list's quick filter asks the server. */
export const DUE_SOON_DAYS = 3;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type Urgency = 'overdue' | 'soon' | 'later' | 'closed';

export interface DeadlineState {
  urgency: Urgency;
  /** antd Tag colour. */
  color: string;
  /** 已逾期 3 天, 今日到期, 2 天后到期 … */
  text: string;
}

/** Where a deadline stands today: overdue red, within three days orange, later plain, closed green. */
export function deadlineState(due: string, today: string, closedOn: string | null = null): DeadlineState {
  if (closedOn !== null)
    return { urgency: 'closed', color: 'success', text: closedOn > due ? `${closedOn} 办结(超期)` : `${closedOn} 办结` };
  const left = daysBetween(today, due);
  if (left < 0) return { urgency: 'overdue', color: 'error', text: `已逾期 ${-left} 天` };
  if (left === 0) return { urgency: 'soon', color: 'warning', text: '今日到期' };
  if (left <= DUE_SOON_DAYS) return { urgency: 'soon', color: 'warning', text: `${left} 天后到期` };
  return { urgency: 'later', color: 'default', text: `${left} 天后到期` };
}

export const toDay = (value: Dayjs): string => value.format(DATE);
export const fromDay = (value: string): Dayjs => dayjs(value, DATE);
/** Steps and receipts cannot be dated in the future (the server refuses them). */
export const notAfterToday = (current: Dayjs): boolean => current.isAfter(dayjs(beijingToday()), 'day');
