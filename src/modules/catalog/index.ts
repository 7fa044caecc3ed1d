// The catalog module's public face (执法公示 catalogue: 执法事项, 裁量基准, 音像记录事项, 审核目录, 公示牌):
// other modules and the app import from here only.

export { AV_RECORD_CATEGORIES, AV_REQUIREMENT_LABELS, type AvRuleData } from './av-rule-data.js';
export { type BenchmarkData, FINE_UNITS, TIER_LEVELS } from './benchmark-data.js';
export { flowchartSvg } from './flowchart.js';
export { CATEGORIES, type ItemData } from './item-data.js';
export { avRuleKind, benchmarkKind, itemKind, KIND_PATHS, reviewRuleKind, windowBoardKind } from './kind-registry.js';
export type { Kind, KindDef } from './kinds.js';
export { avRulesFor, type CurrentEntry, currentEntry, entryVersion, reviewRulesInForce } from './lookup-service.js';
export { catalogPolicy } from './policy.js';
export { getPreviewEntry, type PreviewEntry } from './preview-service.js';
export {
  getPublicEntry,
  getPublicItem,
  listPublicAvRules,
  listPublicCategories,
  listPublicEntries,
  listPublicItems,
  listPublicUnits,
  type PublicListQuery,
  type PublicPage,
} from './public-service.js';
export { explainReviewRule, PENALTY_TYPES, REVIEW_RULE_TYPE_LABELS, type ReviewRuleData } from './review-rule-data.js';
export { catalogRoutes } from './routes.js';
export { seedCatalogDemo } from './seed.js';
export type { PublicEntry, PublicEntryDetail, PublicItemSummary } from './views.js';
export type { WindowBoardData } from './window-board-data.js';
