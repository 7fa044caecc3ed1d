// The catalog module's public face (执法事项 / 权责清单): other modules and the app import from here only.

export { flowchartSvg } from './flowchart.js';
export { CATEGORIES } from './item-data.js';
export { catalogPolicy } from './policy.js';
export { getPublicItem, listPublicItems, listPublicItemUnits, type PublicItems } from './public-service.js';
export { catalogRoutes } from './routes.js';
export { seedCatalogDemo } from './seed.js';
export type { PublicItem, PublicItemSummary } from './views.js';
