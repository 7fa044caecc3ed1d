// The publications module's public face (事后公开, ADR 0006): other modules and the app import from here only.

export { type SyncResult, syncDrafts } from './drafts.js';
export { publicationsPolicy } from './policy.js';
export { publicationsRoutes } from './routes.js';
