// The inspections module's public face (双随机、一公开): other modules and the app import from here only.

export { inspectionEntitiesRoutes } from './entities-routes.js';
export { seedDemoEntities } from './entities-seed.js';
export { RESULT_KINDS, RISK_LABELS } from './model.js';
export { inspectionsPolicy } from './policy.js';
export {
  drawBundle,
  getPublicPlan,
  listPublicItems,
  listPublicPlans,
  listPublicResults,
  listPublicTargets,
  type PublicItem,
  type PublicPlan,
  type PublicTask,
} from './public-reads.js';
export { inspectionsRoutes } from './routes.js';
export { DEMO_CODE, seedInspectionsDemo } from './seed.js';
