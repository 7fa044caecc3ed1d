// The documents module's public face (执法文书): other modules and the app import from here only.

export type { CorrectionOf } from './compose.js';
export type {
  ApprovalEntry,
  CaseFileEntry,
  CaseFileInfo,
  CaseInfo,
  DocumentData,
  DocumentDates,
  EvidenceEntry,
  LegalBasis,
  OfficerRef,
  PartyInfo,
  PaymentInfo,
  PenaltyInfo,
  PersonInfo,
  RecordInfo,
  RemediesInfo,
  RightsInfo,
  ServiceInfo,
} from './data.js';
export { DocumentDataSchema } from './data-schema.js';
export { type IssueInput, issueDocument } from './issue.js';
export { documentText, type IssuedDocumentRef, listIssuedDocuments } from './issued-reads.js';
export { formatNumber } from './numbering.js';
export { documentsPolicy } from './policy.js';
export { renderDocx, renderHtml } from './render.js';
export { documentsRoutes, sendDocx } from './routes.js';
export { DocumentTypeCode, IssuedDocumentSchema } from './schemas.js';
export { seedDocumentPrefixesDemo, seedDocumentProfilesDemo } from './seed.js';
export { documentCasesByBlob, listCaseDocuments, openDocumentAuthorized, unitNumberPrefix } from './service.js';
export {
  DOCUMENT_TYPE_CODES,
  DOCUMENT_TYPES,
  type DocumentType,
  type DocumentTypeDef,
  documentType,
  isArchivalType,
  isDocumentType,
} from './types.js';
export type { UnitProfile } from './unit-profile.js';
export { unitProfileFor } from './unit-profiles.js';
export type { IssuedDocument } from './views.js';
export { dateText } from './wording.js';
