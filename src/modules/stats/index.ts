// The stats module's public face (统计分析, 执法监督看板): it owns no tables; its figures come from the
// read-only facts the cases, reviews and publications modules export.

export { INDICATORS, RANKED_INDICATORS, type Rate } from './indicators.js';
export { computeOverview, statsOverview } from './overview.js';
export { statsPolicy } from './policy.js';
export { statsRoutes } from './routes.js';
export type { StatsOverview } from './views.js';
