// The inspections module's public face (双随机、一公开): other modules and the app import from here only.

export { RESULT_KINDS, RISK_LABELS } from './model.js';
export { inspectionsPolicy } from './policy.js';
export { drawBundle, getPublicPlan, listPublicItems, listPublicPlans, listPublicResults, listPublicTargets } from './public-reads.js';
export { inspectionsRoutes } from './routes.js';
