import type ExcelJS from 'exceljs';
import { shanghaiToday } from '../calendar/dates.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The cell's value as trimmed text ('' when blank); dates come back as Beijing calendar dates. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDate(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return value.result === undefined ? '' : cellText(formulaResult(value.result));
  return '';
}

function formulaResult(result: unknown): ExcelJS.CellValue {
  if (result instanceof Date || typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') return result;
  return null;
}

/**
 * exceljs turns a date serial into the instant of that day's UTC midnight, and a date written from
 * JavaScript keeps its instant; reading the instant in UTC+8 gives the intended day in both cases.
 */
export function excelDate(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : shanghaiToday(value);
}

/** RFC 5987 value: percent-encoded UTF-8, with the few characters encodeURIComponent leaves alone. */
export function attachment(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}
