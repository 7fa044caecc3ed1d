/** One year's State Council holiday schedule (国务院办公厅放假通知): only approved years count. */
export interface CalendarYearsTable {
  year: number;
  /** 'draft' until an administrator approves it, then 'approved'. */
  status: string;
  /** e.g. 国办发明电〔2025〕7号 */
  notice_number: string;
  notice_url: string | null;
  /** A user id, or `system:<name>` for the platform itself. */
  submitted_by: string;
  submitted_at: string;
  approved_by: string | null;
  approved_at: string | null;
}

/** A special day of a year: a statutory holiday or a 调休 make-up working day (YYYY-MM-DD, Asia/Shanghai). */
export interface CalendarDaysTable {
  date: string;
  year: number;
  /** 'holiday' | 'workday' */
  kind: string;
  name: string;
}

export interface CalendarTables {
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
}
