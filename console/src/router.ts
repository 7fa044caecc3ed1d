import { useSyncExternalStore } from 'react';

/**
 * A deliberately tiny router: the console has a handful of flat pages, so it reads
 * `window.location.pathname` under /console/ and moves with history.pushState instead of pulling in a library.
 */

export const routes = {
  login: '/console/login',
  dashboard: '/console/',
  users: '/console/users',
  units: '/console/units',
  profile: '/console/profile',
  events: '/console/events',
  evidence: '/console/evidence',
  officers: '/console/officers',
  roster: '/console/roster',
  calendar: '/console/calendar',
  catalog: '/console/catalog',
  cases: '/console/cases',
  reviews: '/console/reviews',
  annualReports: '/console/annual-reports',
  violationNotices: '/console/violation-notices',
  publications: '/console/publications',
  documentSettings: '/console/documents/settings',
  inspectionItems: '/console/inspections/items',
  inspectionEntities: '/console/inspections/entities',
  inspectors: '/console/inspections/inspectors',
  inspectionPlans: '/console/inspections/plans',
  inspectionTasks: '/console/inspections/tasks',
  stats: '/console/stats',
  archives: '/console/archives',
  evaluations: '/console/evaluations',
} as const;

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The snapshot is a string so that React compares it by value and only re-renders on a real change. */
function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** `/console` and `/console/users/` mean the same pages as `/console/` and `/console/users`. */
export function normalizePath(pathname: string): string {
  if (pathname === '/console') return routes.dashboard;
  if (pathname.length > routes.dashboard.length && pathname.endsWith('/')) return pathname.slice(0, -1);
  return pathname;
}

export interface Location {
  path: string;
  search: URLSearchParams;
}

export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { path: normalizePath(url.pathname), search: url.searchParams };
}

/** The page the person is on, to come back to after logging in. */
export function currentRelativeUrl(): string {
  return window.location.pathname + window.location.search;
}

export function loginUrl(next?: string): string {
  return next ? `${routes.login}?next=${encodeURIComponent(next)}` : routes.login;
}

/**
 * Only follow `next` to a console page: anything else (another origin, `//evil.example`, the login page itself)
 * would turn the login form into an open redirect or a loop.
 */
/** Server-rendered staff pages a login may lead back to (previews of unpublished catalogue drafts). */
const STAFF_PAGES = '/preview/';

export function safeNext(next: string | null): string {
  if (!next || next.startsWith('//')) return routes.dashboard;
  if (next.startsWith(STAFF_PAGES)) return next;
  if (!next.startsWith('/console/')) return routes.dashboard;
  if (normalizePath(new URL(next, window.location.origin).pathname) === routes.login) return routes.dashboard;
  return next;
}

/** Goes to a login's target: inside the console without reloading, a server page (preview) by loading it. */
export function goToTarget(target: string): void {
  if (target.startsWith(STAFF_PAGES)) window.location.replace(target);
  else navigate(target, { replace: true });
}
