/** 执法人员: the internal register kept by the 政策法规科. The public sees only published roster entries. */
export interface OfficersTable {
  id: string;
  /** The platform account of this person, when they have one. */
  user_id: string | null;
  name: string;
  unit_id: string;
  /** 职务 */
  position: string;
  /** 执法类别/执法领域: a JSON array of strings. */
  categories: string;
  /** 执法证件号码, unique. */
  certificate_no: string;
  /** 发证机关 */
  issuing_authority: string;
  /** YYYY-MM-DD, inclusive. */
  valid_from: string;
  valid_to: string;
  /** active (有效) | suspended (暂扣) | revoked (注销); 过期 is derived from the dates, never stored. */
  status: string;
  /** 法律职业资格: none | A | B | C */
  legal_qualification: string;
  legal_qualification_no: string | null;
  created_at: string;
  updated_at: string;
}

/** 培训记录: 岗前培训 (pre_service) or 岗位培训 (in_service). */
export interface OfficerTrainingsTable {
  id: string;
  officer_id: string;
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  hours: number;
  provider: string;
  created_at: string;
}

/** A batch of roster changes (执法人员清单变更): draft → submitted → confirmed | returned (→ submitted again). */
export interface RosterBatchesTable {
  id: string;
  title: string;
  status: string;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  return_reason: string | null;
  /** The roster version this batch published (confirmed batches only). */
  version: number | null;
  /** YYYY-MM-DD: 5 working days after confirmation (the public page must be updated by then). */
  publish_deadline: string | null;
}

export interface RosterBatchItemsTable {
  batch_id: string;
  officer_id: string;
  /** upsert (add or change the entry) | remove */
  action: string;
  /** The public entry frozen at submission (JSON); what the supervisor confirms. */
  entry: string | null;
}

/** One published version of the roster; every version is kept. */
export interface RosterVersionsTable {
  version: number;
  batch_id: string;
  published_at: string;
  publish_deadline: string | null;
  entry_count: number;
}

/** The full roster of one version (a snapshot, not a diff). */
export interface RosterEntriesTable {
  version: number;
  officer_id: string;
  name: string;
  unit_id: string;
  unit_name: string;
  position: string;
  categories: string;
  certificate_no: string;
  valid_from: string;
  valid_to: string;
  status: string;
}

export interface OfficersTables {
  officers: OfficersTable;
  officer_trainings: OfficerTrainingsTable;
  roster_batches: RosterBatchesTable;
  roster_batch_items: RosterBatchItemsTable;
  roster_versions: RosterVersionsTable;
  roster_entries: RosterEntriesTable;
}
