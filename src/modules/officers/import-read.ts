import { type CellError, openWorkbook, type RawRow, readSheet } from '../../platform/excel/index.js';
import { type ColumnKey, OFFICERS_SHEET } from './excel-columns.js';

export type OfficerRawRow = RawRow<ColumnKey>;

/** Reads the 执法人员 sheet (or, when renamed, the only data sheet); errors carry no sheet name. */
export async function readOfficerSheet(body: Buffer): Promise<{ rows: readonly OfficerRawRow[]; errors: readonly CellError[] }> {
  return readSheet(await openWorkbook(body), OFFICERS_SHEET, { nameSheet: false, optional: false, anyName: true });
}
