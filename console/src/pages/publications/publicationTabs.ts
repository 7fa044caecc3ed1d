import { listPublications, type PublicationListItem, type PublicationState } from '../../api/publications';
import type { Page } from '../../api/types';
import { DUE_SOON_DAYS } from '../cases/caseDates';

/** The queue's tabs: by state, and the drafts whose 公开期限 is near or past. */
export type PublicationTab = 'draft' | 'soon' | 'overdue' | 'published' | 'blocked' | 'withdrawn' | 'expired' | 'all';

export const TABS: readonly PublicationTab[] = ['draft', 'soon', 'overdue', 'published', 'blocked', 'withdrawn', 'expired', 'all'];

export const TAB_LABELS: Readonly<Record<PublicationTab, string>> = {
  draft: '待公开',
  soon: '即将到期',
  overdue: '已逾期',
  published: '已公开',
  blocked: '不予公开',
  withdrawn: '已撤回',
  expired: '公示期满',
  all: '全部',
};

export const EMPTY_TEXT: Readonly<Record<PublicationTab, string>> = {
  draft: '没有待公开的执法决定',
  soon: `没有 ${DUE_SOON_DAYS} 日内到期的待公开决定`,
  overdue: '没有逾期未公开的决定',
  published: '暂无已公开的决定',
  blocked: '没有决定不予公开的决定',
  withdrawn: '没有已撤回的决定',
  expired: '没有公示期满的决定',
  all: '暂无事后公开事项',
};

const STATE_OF: Readonly<Partial<Record<PublicationTab, PublicationState>>> = {
  draft: 'draft',
  published: 'published',
  blocked: 'blocked',
  withdrawn: 'withdrawn',
  expired: 'expired',
};

/** The largest page the server gives. */
const MAX_PAGE = 100;
/** The due-date tabs read at most this many pages of drafts (a bureau has far fewer waiting at a time). */
const MAX_PAGES = 10;

export interface TabResult {
  page: Page<PublicationListItem>;
  /** The due-date tabs are narrowed here from the server's answer, so the table pages them itself. */
  local: boolean;
}

/**
 * The due-date tabs: the server lists the drafts due by a date, overdue ones included, so the drafts
 * due by today + N are read whole and split here into 即将到期 (today or later) and 已逾期 (before today).
 */
async function dueDrafts(today: string, overdue: boolean, unitId: string | undefined): Promise<TabResult> {
  const items: PublicationListItem[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await listPublications({ dueWithinDays: overdue ? 0 : DUE_SOON_DAYS, unitId, page, pageSize: MAX_PAGE });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  const picked = items.filter((p) => p.dueOn !== null && (overdue ? p.dueOn < today : p.dueOn >= today));
  return { page: { items: picked, total: picked.length, page: 1, pageSize: picked.length }, local: true };
}

export function loadTab(
  tab: PublicationTab,
  paging: { page: number; pageSize: number },
  today: string,
  unitId?: string,
): Promise<TabResult> {
  if (tab === 'soon' || tab === 'overdue') return dueDrafts(today, tab === 'overdue', unitId);
  return listPublications({ state: STATE_OF[tab], unitId, ...paging }).then((page) => ({ page, local: false }));
}
