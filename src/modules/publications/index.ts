// The publications module's public face (事后公开, ADR 0006): other modules and the app import from here only.

export { type SyncResult, syncDrafts } from './drafts.js';
export { publicationJobs } from './jobs.js';
export { expirePublications, syncRevocations } from './lifecycle.js';
export { publicationsPolicy } from './policy.js';
export { getPublicDecision, listPublicDecisions, type PublicDecisionsQuery, publicDecisionFacets } from './public-reads.js';
export {
  CATEGORY_LABELS,
  DEFAULT_PUBLICATION_PERIODS,
  PUBLICATION_CATEGORIES,
  type PublicationCategory,
  type PublicationPeriods,
} from './publication-data.js';
export { publicationsRoutes } from './routes.js';
export { seedPublicationsDemo } from './seed.js';
export { type PublicationFact, type PublicationStatsFilter, publicationFacts } from './stats-facts.js';
export type { ExpiredDecision, PublicDecision, PublicDecisionItem, PublishedDecision, WithdrawnDecision } from './views.js';
export { publicationCountsByUnit, type UnitPublicationCounts } from './yearly-counts.js';
