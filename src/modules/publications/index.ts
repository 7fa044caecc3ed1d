// The publications module's public face (事后公开, ADR 0006): other modules and the app import from here only.

export { type SyncResult, syncDrafts } from './drafts.js';
export { publicationsPolicy } from './policy.js';
export { getPublicDecision, listPublicDecisions } from './read-service.js';
export { publicationsRoutes } from './routes.js';
export { seedPublicationsDemo } from './seed.js';
export type { PublicDecision, PublicDecisionItem, PublishedDecision, WithdrawnDecision } from './views.js';
