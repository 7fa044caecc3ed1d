/**
 * 随机抽查事项清单: one row per version of an item; `current` = 1 on the version in force. `data` holds
 * the ItemData fields as JSON.
 */
export interface InspectionItemsTable {
  id: string;
  code: string;
  version_no: number;
  current: number;
  unit_id: string;
  data: string;
  change_note: string | null;
  published_at: string;
  published_by: string;
  ledger_index: number | null;
}

/** One upload of the 检查对象名录库: read and checked in full, then written in one transaction or not at all. */
export interface InspectionEntityImportsTable {
  id: string;
  file_name: string;
  /** reading | failed | done */
  state: string;
  rows_read: number;
  rows_written: number;
  error_count: number;
  /** JSON array of the first errors ({ row, column, reason }). */
  errors: string;
  /** JSON: { created, updated, unchanged } once done. */
  summary: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** 检查对象名录库: market entities by 统一社会信用代码. */
export interface InspectionEntitiesTable {
  uscc: string;
  name: string;
  legal_representative: string;
  address: string;
  /** 所属区域 (行政区划) */
  region: string;
  /** 行业 */
  industry: string;
  /** 规模: 大型 / 中型 / 小型 / 微型 */
  size: string;
  /** 风险(信用)分类: A / B / C / D */
  risk_class: string;
  /** 联络人 */
  contact: string;
  phone: string;
  /** 0 once the entity left the directory (注销、迁出): kept for earlier draws. */
  active: number;
  import_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A declared conflict of interest (利害关系) between an inspector and an entity: grounds for 回避. */
export interface InspectionConflictsTable {
  id: string;
  officer_id: string;
  entity_uscc: string;
  reason: string;
  declared_at: string;
  declared_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** 抽查计划: draft → announced (snapshots frozen, commitment published) → drawn; or cancelled before the draw. */
export interface InspectionPlansTable {
  id: string;
  title: string;
  year: number;
  unit_id: string;
  unit_path: string;
  state: string;
  /** JSON PlanData: items, filter, sampling, team rules, sources. */
  data: string;
  /** SHA-256 (hex) of the one-time code, published with the announcement. */
  commitment: string | null;
  /** The one-time code when the platform generated it; revealed (and kept) at the draw. */
  secret: string | null;
  population_count: number | null;
  population_sha256: string | null;
  announced_at: string | null;
  announced_by: string | null;
  announce_ledger_index: number | null;
  drawn_at: string | null;
  drawn_by: string | null;
  draw_ledger_index: number | null;
  target_count: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** A plan's frozen draw inputs (DrawInputs without values and code until the draw) and the result. */
export interface InspectionSnapshotsTable {
  plan_id: string;
  inputs: string;
  result: string | null;
}

/** 检查任务: one selected entity, its team, the visit and the result to publish. */
export interface InspectionTasksTable {
  id: string;
  plan_id: string;
  ordinal: number;
  entity_uscc: string;
  entity_name: string;
  /** From the draw: the stratum (risk class), the position (vrs) or pick number (rfc3797), seats left empty. */
  stratum: string;
  position: string;
  unfilled: number;
  /** JSON array of { inspector, substitute } (TeamMember, TeamMember | null): the 回避 of this target. */
  recusals: string;
  unit_id: string;
  unit_path: string;
  /** JSON array of { officerId, name, certificateNo }. */
  team: string;
  /** assigned | inspected | published */
  state: string;
  inspected_from: string | null;
  inspected_to: string | null;
  /** A RESULT_KINDS value. */
  result: string | null;
  findings: string | null;
  /** 20 working days after the inspection's end. */
  publish_due: string | null;
  published_at: string | null;
  /** The 行政检查 case recording the visit (现场检查 steps, evidence, AV, 检查结论). */
  inspection_case_id: string | null;
  /** The penalty case opened from a problem found (立案查处). */
  case_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface InspectionsTables {
  inspection_items: InspectionItemsTable;
  inspection_entity_imports: InspectionEntityImportsTable;
  inspection_entities: InspectionEntitiesTable;
  inspection_conflicts: InspectionConflictsTable;
  inspection_plans: InspectionPlansTable;
  inspection_snapshots: InspectionSnapshotsTable;
  inspection_tasks: InspectionTasksTable;
}
