// The violation-notices module's public face (重大劳动保障违法行为社会公布, 人社部令第29号): other modules and
// the app import from here only.

export { CATEGORY_LABELS, quarterLabel } from './categories.js';
export { violationNoticesPolicy } from './policy.js';
export { getPublicList, listPublicBatches } from './read-service.js';
export { violationNoticesRoutes } from './routes.js';
export { seedViolationNoticesDemo } from './seed.js';
export type { PublicNoticeBatch, PublicNoticeEntry, PublicNoticeList } from './views.js';
