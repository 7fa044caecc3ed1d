/**
 * 案卷评查: the versioned scoring sheet (评查标准), the rounds (评查活动) that sample archived files, and one
 * evaluation per sampled file. A round keeps a copy of the sheet it started with, so a later version of the
 * sheet never changes how a round is scored; a submitted evaluation is final.
 */
export interface EvaluationSheetsTable {
  id: string;
  /** 1, 2, 3 …: the latest is current. Version 0 is the built-in default and is never stored. */
  version: number;
  /** JSON SheetItem[]. */
  items: string;
  note: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface EvaluationRoundsTable {
  id: string;
  title: string;
  /** 归档年度 of the files sampled. */
  year: number;
  /** count | ratio */
  sample_kind: string;
  /** The number of files, or the percentage (1–100) of the population. */
  sample_value: number;
  /** Only files of this unit and the units under it; null: every unit. */
  unit_id: string | null;
  unit_path: string | null;
  /** The sheet version used (0: the built-in default). */
  sheet_version: number;
  /** JSON SheetItem[]: the sheet as it was when the round started. */
  sheet: string;
  /** Hex seed of the draw (crypto random); the event names it with the population and the sample. */
  seed: string;
  population: number;
  /** open | closed */
  state: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
}

export interface CaseFileEvaluationsTable {
  id: string;
  round_id: string;
  /** Order in the sample (1-based). */
  position: number;
  case_file_id: string;
  case_id: string;
  unit_id: string;
  unit_path: string;
  case_no: string;
  archive_no: string;
  title: string;
  /** JSON {officerId, name}[]: the case's officers, for results per officer. */
  officers: string;
  /** JSON Finding[]: the automatic checks when the round started. */
  findings: string;
  /** JSON Score[]: one per sheet item with a deduction (prefilled from the findings). */
  scores: string;
  comment: string;
  /** draft | submitted */
  state: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  updated_at: string;
  submitted_at: string | null;
}

export interface EvaluationTables {
  evaluation_sheets: EvaluationSheetsTable;
  evaluation_rounds: EvaluationRoundsTable;
  case_file_evaluations: CaseFileEvaluationsTable;
}
