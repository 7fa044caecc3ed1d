export interface JobRunsTable {
  name: string;
  /** The scheduled time this run is for (ISO-8601). */
  slot: string;
  holder: string;
  started_at: string;
  finished_at: string | null;
  /** 'ok' or the error message. */
  outcome: string | null;
}

export interface JobTables {
  job_runs: JobRunsTable;
}
