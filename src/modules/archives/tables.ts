/**
 * 归档: accepted case files (案卷) and what they hold, the 四性检测 reports, and the 销毁清单.
 * An accepted file never changes its items; a later addition is a numbered supplement (补充归档).
 */
export interface CaseFilesTable {
  id: string;
  case_id: string;
  unit_id: string;
  unit_path: string;
  case_no: string;
  /** 案件名称 (the case's 案由). */
  title: string;
  /** 档号, e.g. 石人社-2026-D30-0007 (全宗代号-年度-保管期限代码-件号). */
  archive_no: string;
  /** 归档年度: the year the case was closed. */
  year: number;
  /** 件号 within the year and retention class. */
  seq: number;
  /** A RetentionClass. */
  retention: string;
  /** The last day of retention (YYYY-MM-DD); null when permanent. */
  retention_until: string | null;
  /** JSON array of the 保管期限表 lines that applied. */
  retention_bases: string;
  /** 页数 as the archivist confirmed it. */
  pages: number;
  item_count: number;
  closed_on: string;
  /** archived | disposed */
  state: string;
  /** 本卷情况说明 as the archivist wrote it at acceptance (also printed on the 备考表). */
  note: string;
  /** 冻结 (legal hold): why no disposal may touch it; null when none. */
  legal_hold: string | null;
  accepted_by: string;
  accepted_by_name: string;
  accepted_at: string;
  disposal_list_id: string | null;
  disposed_at: string | null;
  updated_at: string;
}

export interface CaseFileItemsTable {
  case_file_id: string;
  /** 件号 inside the file, 1-based, in the conventional order; supplements continue the count. */
  position: number;
  /** cover | catalogue | document | evidence | approval | notes */
  part: string;
  /** document | evidence */
  kind: string;
  ref_id: string;
  title: string;
  /** 文号 of a numbered document. */
  number: string | null;
  /** 责任者: the issuing agency or the recording officers. */
  responsible: string;
  item_date: string;
  /** Pages where they can be counted (PDF, images, generated forms); null for audio/video or unknown. */
  pages: number | null;
  media_type: string;
  file_name: string;
  sha256: string;
  size: number | string;
  /** 0 for the file as accepted, n for the nth 补充归档. */
  supplement: number;
  note: string;
}

export interface CaseFileSupplementsTable {
  case_file_id: string;
  no: number;
  reason: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface ArchiveChecksTable {
  id: string;
  /** Null for a check run before acceptance that was refused. */
  case_file_id: string | null;
  case_id: string;
  /** acceptance | on_demand */
  trigger: string;
  passed: number;
  /** JSON FourChecksReport. */
  report: string;
  checked_by: string;
  checked_at: string;
}

export interface DisposalListsTable {
  id: string;
  /** 销毁清单编号, e.g. XH-2026-001. */
  list_no: string;
  /** pending | approved | executed | rejected */
  state: string;
  reason: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  /** 同级档案部门的批复文号 (8号令 requires the archives authority's consent). */
  approval_ref: string | null;
  /** The leader's opinion when approving or refusing. */
  decision_opinion: string | null;
  executed_by: string | null;
  executed_at: string | null;
  blobs_disposed: number | null;
}

export interface DisposalListFilesTable {
  list_id: string;
  case_file_id: string;
}

/** The last 件号 given per year and retention class (gapless: a rollback returns it). */
export interface CaseFileCountersTable {
  year: number;
  retention: string;
  last_no: number;
}

export interface ArchivesTables {
  case_files: CaseFilesTable;
  case_file_counters: CaseFileCountersTable;
  case_file_items: CaseFileItemsTable;
  case_file_supplements: CaseFileSupplementsTable;
  archive_checks: ArchiveChecksTable;
  disposal_lists: DisposalListsTable;
  disposal_list_files: DisposalListFilesTable;
}
