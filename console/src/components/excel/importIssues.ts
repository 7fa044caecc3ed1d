/** One problem the server found in an imported workbook: a cell, a row, or (row null) the whole file. */
export interface ImportIssue {
  /** Position in the server's list: a stable row key. */
  readonly key: number;
  /** Worksheet name, for workbooks with several data sheets (the catalogue's). */
  readonly sheet: string | null;
  /** Excel row number. */
  readonly row: number | null;
  /** Column header. */
  readonly column: string | null;
  readonly reason: string;
}

/** A refused import: the server's summary and every problem it listed (possibly none, e.g. an unreadable file). */
export interface ImportFailure {
  readonly message: string;
  readonly issues: readonly ImportIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The `errors` array of an `import_invalid` answer; entries without a reason are skipped. */
export function parseImportIssues(errors: unknown): ImportIssue[] {
  if (!Array.isArray(errors)) return [];
  const issues: ImportIssue[] = [];
  for (const item of errors) {
    if (!isRecord(item) || typeof item.reason !== 'string') continue;
    issues.push({
      key: issues.length,
      sheet: text(item.sheet),
      row: typeof item.row === 'number' && Number.isInteger(item.row) ? item.row : null,
      column: text(item.column),
      reason: item.reason,
    });
  }
  return issues;
}

/** File-level problems (no row) first, then by row; ties keep the server's order. */
export function compareByRow(a: ImportIssue, b: ImportIssue): number {
  return (a.row ?? 0) - (b.row ?? 0) || a.key - b.key;
}

export const hasSheets = (issues: readonly ImportIssue[]) => issues.some((i) => i.sheet !== null);

export const ROW_FALLBACK = '整个文件';
export const COLUMN_FALLBACK = '—';

/** A CSV cell: quoted when needed, and defused if a spreadsheet would read it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The error report as CSV with a UTF-8 byte order mark, so that Excel opens the Chinese text correctly. */
export function issuesCsv(issues: readonly ImportIssue[]): string {
  const withSheet = hasSheets(issues);
  const header = [...(withSheet ? ['工作表'] : []), '行号', '列名', '原因'];
  const lines = [
    header,
    ...issues.map((i) => [...(withSheet ? [i.sheet ?? ''] : []), i.row === null ? ROW_FALLBACK : String(i.row), i.column ?? '', i.reason]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
