import type { CellError } from '../../platform/excel/index.js';
import type { UnitNames } from '../org/index.js';
import { COLUMNS, type ColumnKey, QUALIFICATION_LABELS, STATUS_BY_LABEL } from './excel-columns.js';
import type { OfficerRawRow } from './import-read.js';
import type { OfficerInput } from './officers-service.js';
import { CERTIFICATE_PATTERN, CERTIFICATE_RULE, isCalendarDate } from './validity.js';

/** A row that passed every check, as the input of the officers service (the linked account is never imported). */
export interface ImportRow {
  readonly row: number;
  readonly input: Required<Omit<OfficerInput, 'userId'>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY_SEPARATORS = /[、,,;;\n]/;
const MAX_CATEGORIES = 20;

const headerOf = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)?.header ?? key;

/** Checks every cell of every row, collecting all problems rather than stopping at the first. */
export function validateRows(rows: readonly OfficerRawRow[], units: UnitNames): { valid: ImportRow[]; errors: CellError[] } {
  const errors: CellError[] = [];
  const valid: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: ColumnKey, reason: string) => errors.push({ sheet: null, row, column: headerOf(key), reason });

    for (const column of COLUMNS) if (column.required && cells[column.key] === '') fail(column.key, '必填,不能为空');
    for (const key of ['name', 'position', 'issuingAuthority', 'qualificationNo'] as const) {
      if (cells[key].length > 64) fail(key, '不能超过 64 个字');
    }

    let unitId = '';
    if (cells.unit !== '') {
      const found = units.resolve(cells.unit);
      if ('reason' in found) fail('unit', found.reason);
      else unitId = found.unitId;
    }

    const categories = [...new Set(cells.categories.split(CATEGORY_SEPARATORS).map((c) => c.trim()))].filter((c) => c !== '');
    if (cells.categories !== '' && categories.length === 0) fail('categories', '请填写至少一项执法类别');
    if (categories.length > MAX_CATEGORIES) fail('categories', `执法类别不能超过 ${MAX_CATEGORIES} 项`);
    if (categories.some((c) => c.length > 64)) fail('categories', '每项执法类别不能超过 64 个字');

    const certificateNo = cells.certificateNo;
    if (certificateNo !== '') {
      const first = firstRowOf.get(certificateNo);
      if (!CERTIFICATE_PATTERN.test(certificateNo)) fail('certificateNo', `应为${CERTIFICATE_RULE}`);
      else if (first !== undefined) fail('certificateNo', `与第${first}行的执法证件号码重复`);
      else firstRowOf.set(certificateNo, row);
    }

    const dateOf = (key: 'validFrom' | 'validTo'): string | undefined => {
      const text = cells[key];
      if (text === '') return undefined;
      if (!DATE.test(text)) fail(key, '日期格式应为 YYYY-MM-DD');
      else if (!isCalendarDate(text)) fail(key, `「${text}」不是有效的日期`);
      else return text;
      return undefined;
    };
    const validFrom = dateOf('validFrom');
    const validTo = dateOf('validTo');
    if (validFrom !== undefined && validTo !== undefined && validFrom > validTo) fail('validTo', '有效期止不能早于有效期起');

    const status = STATUS_BY_LABEL[cells.status];
    if (cells.status !== '' && status === undefined) fail('status', '应为 有效、暂扣 或 注销');

    const qualificationText = cells.qualification.toUpperCase();
    const level = qualificationText === '' || qualificationText === '无' ? 'none' : qualificationText;
    if (!QUALIFICATION_LABELS.some((l) => l === qualificationText) && qualificationText !== '') fail('qualification', '应为 无、A、B 或 C');
    else if (level === 'none' && cells.qualificationNo !== '') fail('qualificationNo', '填写证书编号时须选择法律职业资格类别(A、B 或 C)');

    if (errors.length > before || status === undefined || validFrom === undefined || validTo === undefined) continue;
    valid.push({
      row,
      input: {
        name: cells.name,
        unitId,
        position: cells.position,
        categories,
        certificateNo,
        issuingAuthority: cells.issuingAuthority,
        validFrom,
        validTo,
        status,
        legalQualification: { level, certificateNo: cells.qualificationNo === '' ? null : cells.qualificationNo },
      },
    });
  }
  return { valid, errors };
}
