/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号): one entry per organisation party of a decided case, with the
 * fields 第六条 lists frozen when a person confirms them, and the quarterly batches that publish them.
 */
export interface ViolationNoticeEntriesTable {
  id: string;
  case_id: string;
  /** The case party the entry names (an organisation or 个体工商户; natural persons are never derived). */
  party_id: string;
  case_no: string;
  /** 谁执法谁公示: the handling unit, and its path for unit scope. */
  unit_id: string;
  unit_path: string;
  /** The decision's date (YYYY-MM-DD): the quarter it falls in is the batch it belongs to. */
  decided_on: string;
  /** A Category, null until a person marks it. */
  category: string | null;
  /** 违法主体全称 */
  subject_name: string;
  /** 统一社会信用代码(或注册号) */
  credit_code: string;
  address: string;
  /** 法定代表人或者负责人姓名 */
  responsible_person: string;
  /** 主要违法事实 */
  facts: string;
  /** 相关处理情况 */
  handling: string;
  /** An EntryState. */
  state: string;
  excluded_reason: string | null;
  /** The batch it was compiled into; once that batch is published the entry is frozen. */
  batch_id: string | null;
  removed_reason: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface ViolationNoticeBatchesTable {
  id: string;
  year: number;
  quarter: number;
  /** A BatchState. */
  state: string;
  /** When the batch should be public: the quarter's end plus the configured number of days. */
  due_on: string;
  entry_count: number;
  compiled_at: string;
  compiled_by: string;
  published_at: string | null;
  published_by: string | null;
  /** SHA-256 of the canonical JSON of the list as published (the entries' public fields, in order). */
  list_sha256: string | null;
  /** Ledger index of the violation_notice.batch_published event. */
  ledger_index: number | null;
  created_at: string;
  updated_at: string;
}

export interface ViolationNoticesTables {
  violation_notice_entries: ViolationNoticeEntriesTable;
  violation_notice_batches: ViolationNoticeBatchesTable;
}
