// The archives module's public face (归档, issue 9 — started: the 保管期限表 and disposal rules).

export { CASE_RECORD_FORMAT, type CaseBagResult, type ExportLedger, exportCaseBag } from './export-service.js';
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
