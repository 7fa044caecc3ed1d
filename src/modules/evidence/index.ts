// The evidence module's public face: other modules and the app import from here only.

export { cleanUpExpiredUploads } from './cleanup.js';
export { type EvidenceView, getEvidence } from './evidence-service.js';
export {
  type CaseEvidenceFile,
  caseEvidenceFiles,
  type EvidenceFact,
  evidenceCasesByBlob,
  evidenceFacts,
  type IngestRecord,
  ingestRecords,
} from './lookup-service.js';
export { evidencePolicy } from './policy.js';
export { evidenceRoutes } from './routes.js';
