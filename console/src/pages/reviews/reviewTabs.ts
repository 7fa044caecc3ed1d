import { listReviews, type ReviewListItem } from '../../api/reviews';
import type { Page } from '../../api/types';
import { DUE_SOON_DAYS } from '../cases/caseDates';
import { OPEN_STATES } from './reviewLabels';

/** The inbox's tabs: the waiting queue, the reviewer's own, the review clocks running out, everything. */
export type ReviewTab = 'queue' | 'mine' | 'soon' | 'overdue' | 'all';

export const TAB_LABELS: Readonly<Record<ReviewTab, string>> = {
  queue: '待承办',
  mine: '我承办的',
  soon: '即将到期',
  overdue: '已逾期',
  all: '全部',
};

export const EMPTY_TEXT: Readonly<Record<ReviewTab, string>> = {
  queue: '没有待承办的法制审核',
  mine: '您没有正在审核的案件',
  soon: `没有 ${DUE_SOON_DAYS} 日内到期的法制审核`,
  overdue: '没有逾期的法制审核',
  all: '暂无法制审核',
};

/** The largest page the server gives: the due-date tabs read the open reviews whole (a bureau has few at a time). */
const OPEN_PAGE = 100;

export interface TabResult {
  page: Page<ReviewListItem>;
  /** The due-date tabs are merged here from two answers, so the table pages them itself. */
  local: boolean;
}

/**
 * The due-date tabs: the server filters by due date only (a concluded review keeps its date) and by one
 * state at a time, so both open states are read and the dates are narrowed here.
 */
async function openDue(today: string, overdue: boolean): Promise<TabResult> {
  const pages = await Promise.all(
    OPEN_STATES.map((state) =>
      listReviews({ view: 'all', state, dueWithinDays: overdue ? 0 : DUE_SOON_DAYS, page: 1, pageSize: OPEN_PAGE }),
    ),
  );
  const items = pages
    .flatMap((p) => p.items)
    .filter((r) => r.dueOn !== null && (overdue ? r.dueOn < today : r.dueOn >= today))
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  return { page: { items, total: items.length, page: 1, pageSize: items.length }, local: true };
}

export function loadTab(tab: ReviewTab, state: string | undefined, paging: { page: number; pageSize: number }, today: string) {
  switch (tab) {
    case 'queue':
      return listReviews({ view: 'all', state: 'submitted', ...paging }).then((page) => ({ page, local: false }));
    case 'mine':
      return listReviews({ view: 'mine', state: 'in_review', ...paging }).then((page) => ({ page, local: false }));
    case 'soon':
      return openDue(today, false);
    case 'overdue':
      return openDue(today, true);
    default:
      return listReviews({ view: 'all', state, ...paging }).then((page) => ({ page, local: false }));
  }
}
