import type { FourChecksReport } from './four-checks.js';
import type { CaseFileRow, CheckRow, DisposalListRow, ItemRow, SupplementRow } from './repository.js';
import { RETENTION_LABELS, type RetentionClass } from './retention.js';

// What the archives API answers: plain objects built from rows.

export const FILE_STATE_LABELS: Readonly<Record<string, string>> = { archived: '已归档', disposed: '已销毁' };
export const LIST_STATE_LABELS: Readonly<Record<string, string>> = {
  pending: '待批准',
  approved: '已批准待执行',
  executed: '已销毁',
  rejected: '未批准',
};

const retentionLabel = (r: string): string => RETENTION_LABELS[r as RetentionClass] ?? r;

export interface CaseFileSummary {
  id: string;
  caseId: string;
  caseNo: string;
  title: string;
  unitId: string;
  archiveNo: string;
  year: number;
  retention: string;
  retentionLabel: string;
  retentionUntil: string | null;
  pages: number;
  itemCount: number;
  closedOn: string;
  state: string;
  stateLabel: string;
  legalHold: string | null;
  acceptedAt: string;
  acceptedByName: string;
  disposedAt: string | null;
}

export function toSummary(row: CaseFileRow): CaseFileSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    title: row.title,
    unitId: row.unit_id,
    archiveNo: row.archive_no,
    year: Number(row.year),
    retention: row.retention,
    retentionLabel: retentionLabel(row.retention),
    retentionUntil: row.retention_until,
    pages: Number(row.pages),
    itemCount: Number(row.item_count),
    closedOn: row.closed_on,
    state: row.state,
    stateLabel: FILE_STATE_LABELS[row.state] ?? row.state,
    legalHold: row.legal_hold,
    acceptedAt: row.accepted_at,
    acceptedByName: row.accepted_by_name,
    disposedAt: row.disposed_at,
  };
}

export interface ItemView {
  position: number;
  part: string;
  kind: string;
  refId: string;
  title: string;
  number: string | null;
  responsible: string;
  date: string;
  pages: number | null;
  mediaType: string;
  fileName: string;
  sha256: string;
  size: number;
  supplement: number;
  note: string;
}

export const toItemView = (r: ItemRow): ItemView => ({
  position: Number(r.position),
  part: r.part,
  kind: r.kind,
  refId: r.ref_id,
  title: r.title,
  number: r.number,
  responsible: r.responsible,
  date: r.item_date,
  pages: r.pages === null ? null : Number(r.pages),
  mediaType: r.media_type,
  fileName: r.file_name,
  sha256: r.sha256,
  size: Number(r.size),
  supplement: Number(r.supplement),
  note: r.note,
});

export interface CheckSummary {
  id: string;
  trigger: string;
  passed: boolean;
  checkedAt: string;
  report: FourChecksReport;
}

export const toCheckSummary = (r: CheckRow): CheckSummary => ({
  id: r.id,
  trigger: r.trigger,
  passed: Number(r.passed) === 1,
  checkedAt: r.checked_at,
  report: JSON.parse(r.report) as FourChecksReport,
});

export interface CaseFileView extends CaseFileSummary {
  /** 本卷情况说明 given at acceptance. */
  note: string;
  retentionBases: string[];
  items: ItemView[];
  supplements: { no: number; reason: string; createdByName: string; createdAt: string }[];
  checks: CheckSummary[];
  disposalListId: string | null;
}

export function toCaseFileView(
  row: CaseFileRow,
  items: readonly ItemRow[],
  supplements: readonly SupplementRow[],
  checks: readonly CheckRow[],
): CaseFileView {
  return {
    ...toSummary(row),
    note: row.note,
    retentionBases: JSON.parse(row.retention_bases) as string[],
    items: items.map(toItemView),
    supplements: supplements.map((s) => ({
      no: Number(s.no),
      reason: s.reason,
      createdByName: s.created_by_name,
      createdAt: s.created_at,
    })),
    checks: checks.map(toCheckSummary),
    disposalListId: row.disposal_list_id,
  };
}

export interface DisposalListView {
  id: string;
  listNo: string;
  state: string;
  stateLabel: string;
  reason: string;
  createdByName: string;
  createdAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
  approvalRef: string | null;
  /** The leader's opinion, given when approving or refusing. */
  decisionOpinion: string | null;
  executedAt: string | null;
  blobsDisposed: number | null;
  files: CaseFileSummary[];
}

export const toDisposalListView = (row: DisposalListRow, files: readonly CaseFileRow[]): DisposalListView => ({
  id: row.id,
  listNo: row.list_no,
  state: row.state,
  stateLabel: LIST_STATE_LABELS[row.state] ?? row.state,
  reason: row.reason,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  approvedByName: row.approved_by_name,
  approvedAt: row.approved_at,
  approvalRef: row.approval_ref,
  decisionOpinion: row.decision_opinion,
  executedAt: row.executed_at,
  blobsDisposed: row.blobs_disposed === null ? null : Number(row.blobs_disposed),
  files: files.map(toSummary),
});
