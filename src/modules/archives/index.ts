// The archives module's public face (归档: 案卷, 四性检测, 保管期限, 销毁清单, export): other modules and the app import from here only.

export { checkCaseFile, exportCaseFileZip, setLegalHold, supplementCaseFile } from './case-file-actions.js';
export { getCaseFile, listCaseFiles, listPendingCases } from './case-files-read.js';
export { type AcceptInput, type ArchiveDeps, acceptCaseFile, previewCaseFile } from './case-files-service.js';
export { decideDisposalList, executeDisposalList, getDisposalList, listDisposalLists, proposeDisposalList } from './disposal-service.js';
export { evaluationRoutes } from './evaluation-routes.js';
export { CHECK_CODES, CHECK_LABELS, DEFAULT_SHEET, type SheetItem } from './evaluation-sheet.js';
export { CASE_RECORD_FORMAT, type CaseBagResult, type ExportLedger, exportCaseBag } from './export-service.js';
export { archivesPolicy } from './policy.js';
export {
  type CaseFileFacts,
  DEFAULT_SCHEDULE,
  disposalRefusals,
  looseAvUntil,
  RETENTION_CLASSES,
  RETENTION_LABELS,
  type Retention,
  type RetentionClass,
  retentionOf,
  type ScheduleRule,
} from './retention.js';
export { archivesRoutes } from './routes.js';
export { seedArchivesDemo } from './seed.js';
export type { CaseFileSummary, CaseFileView, DisposalListView } from './views.js';
