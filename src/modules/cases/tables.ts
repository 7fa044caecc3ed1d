/** 案件: one enforcement case. What lists filter on has a column; the rest of the case's facts is `data`. */
export interface CasesTable {
  id: string;
  /** 案件编号, e.g. 2026-0012 (per year, without gaps). */
  case_no: string;
  title: string;
  unit_id: string;
  /** The handling unit's materialized path, for unit-scoped reads. */
  unit_path: string;
  /** general | simple (简易程序, 当场处罚) */
  procedure: string;
  source: string;
  /** The stage the case is in (procedure.ts). */
  stage: string;
  item_code: string;
  /** The 执法事项 version in force when the case was registered; it keeps pointing at it. */
  item_version_id: string;
  received_on: string;
  filed_on: string | null;
  closed_on: string | null;
  /**
   * The day the penalty was decided (作出决定, or 当场处罚 in 简易程序): a case is decided once. Repeats
   * data.decision.decidedOn so statistics read decisions by day from an index of cases.
   */
  decided_on: string | null;
  /** The day the decision was recorded as revoked, changed, found unlawful or void (publications withdraw it). */
  decision_revoked_on: string | null;
  /** The nearest open deadline (YYYY-MM-DD), for the due-soon and overdue lists. */
  next_deadline: string | null;
  /** 1 when the major-decision catalogue or a departure from the benchmark requires 法制审核. */
  review_required: number;
  /** CaseData as JSON text. */
  data: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface CasePartiesTable {
  id: string;
  case_id: string;
  /** natural | organization */
  kind: string;
  name: string;
  /** 身份证号码 or 统一社会信用代码, checked by checksum. */
  id_no: string;
  /** address, legal representative, phone as JSON text. */
  data: string;
}

export interface CaseOfficersTable {
  case_id: string;
  officer_id: string;
  /** lead | assist */
  role: string;
}

/** One thing done in a case: the action, the date it was done, who, with what documents and evidence. */
export interface CaseStepsTable {
  id: string;
  case_id: string;
  seq: number;
  action: string;
  stage_after: string;
  performed_on: string;
  data: string;
  /**
   * Whether the 音像记录事项清单 gate checked the step: recorded | exception (passed without a recording by an
   * approved exception); null: not checked. Repeats what `data` says (itemStep, avException) so statistics
   * count it from an index (avCheckOf).
   */
  av_check: AvCheck | null;
  /**
   * The case's handling unit, its path and 执法事项, which never change once the case is registered: repeated
   * on each step so statistics by unit and item count steps without joining a million cases.
   */
  unit_id: string;
  unit_path: string;
  item_code: string;
  created_at: string;
  created_by: string;
}

export type AvCheck = 'recorded' | 'exception';

/** A fine paid through the bank or treasury (罚缴分离): the receipt, never cash taken by an officer. */
export interface CasePaymentsTable {
  id: string;
  case_id: string;
  receipt_no: string;
  amount_fen: number;
  paid_on: string;
  created_at: string;
  created_by: string;
}

export interface CaseCountersTable {
  year: number;
  last_no: number;
}

export interface CasesTables {
  cases: CasesTable;
  case_parties: CasePartiesTable;
  case_officers: CaseOfficersTable;
  case_steps: CaseStepsTable;
  case_payments: CasePaymentsTable;
  case_counters: CaseCountersTable;
}
