/**
 * 行政执法统计年报: one report per year. Its figures are recomputed from the records while it is a draft
 * and frozen (with their SHA-256) when 政策法规科 compiles it; what the public sees never changes after.
 */
export interface AnnualReportsTable {
  id: string;
  year: number;
  /** A ReportState: draft → compiled → published. */
  state: string;
  /** 统计截至: the last day the figures cover (31 December, or the day they were computed in the current year). */
  as_of: string;
  /** ReportFigures as canonical JSON: the latest computation of a draft, the frozen figures once compiled. */
  figures: string;
  figures_sha256: string;
  computed_at: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  compiled_at: string | null;
  compiled_by: string | null;
  published_at: string | null;
  published_by: string | null;
  /** Ledger index of the annual_report.published event. */
  ledger_index: number | null;
}

/** Each unit's own figures, as the unit head confirmed them or returned them with a reason. */
export interface AnnualReportUnitsTable {
  id: string;
  report_id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  /** A UnitState: pending | confirmed | returned. */
  state: string;
  /** The unit's UnitFigures as canonical JSON, and their SHA-256: a confirmation is of exactly these. */
  figures: string;
  figures_sha256: string;
  note: string | null;
  return_reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  updated_at: string;
}

export interface AnnualReportsTables {
  annual_reports: AnnualReportsTable;
  annual_report_units: AnnualReportUnitsTable;
}
