import { column, type SheetSpec } from '../../platform/excel/spec.js';
import { isUscc, usccCheckChar } from '../../platform/pii/ids.js';
import { DEFAULT_RISK_CLASS, ENTITY_SIZES, type EntityFields, RISK_CLASSES } from './entities-views.js';

/**
 * The columns of the 检查对象名录库 (template, import and the checks shared with editing one entity).
 * Pure: no database, no spreadsheet library.
 */

export type EntityKey = 'uscc' | keyof EntityFields;

export const ENTITIES_SHEET_NAME = '检查对象';

// A valid code for the template's example row (the 说明 sheet shows it; people copy its shape).
const EXAMPLE_USCC_BODY = '91640200MA76BN2Q0';
const EXAMPLE_USCC = `${EXAMPLE_USCC_BODY}${usccCheckChar(EXAMPLE_USCC_BODY)}`;

export const ENTITIES_SHEET: SheetSpec<EntityKey> = {
  name: ENTITIES_SHEET_NAME,
  rowMeaning: '每行填写一个检查对象(市场主体)',
  columns: [
    column('uscc', '统一社会信用代码', true, 22, '必填,18 位,末位为校验码;已在名录库中的代码将更新该检查对象', EXAMPLE_USCC, {
      text: true,
    }),
    column('name', '名称', true, 30, '必填,市场主体全称,不超过 200 字', '某某建筑工程有限公司'),
    column('legalRepresentative', '法定代表人', true, 12, '必填,法定代表人或负责人姓名,不超过 50 字', '张三'),
    column('address', '住所(地址)', true, 36, '必填,不超过 300 字', '某市大武口区朝阳西街 1 号'),
    column('region', '所属区域', true, 14, '必填,所在县(市、区)或街道,不超过 50 字', '大武口区'),
    column('industry', '行业', true, 16, '必填,国民经济行业门类或大类,不超过 50 字', '建筑业'),
    column('size', '规模', false, 8, `${ENTITY_SIZES.join('、')};可不填`, '小型', { list: ENTITY_SIZES }),
    column('riskClass', '风险等级', false, 10, `信用风险分类 ${RISK_CLASSES.join('、')};不填按 ${DEFAULT_RISK_CLASS} 类(一般)`, 'B', {
      list: RISK_CLASSES,
    }),
    column('contact', '联络人', false, 12, '不超过 50 字', '李四'),
    column('phone', '联系电话', false, 16, '固定电话或手机号码,不超过 30 字', '0952-1234567', { text: true }),
  ],
};

/** Other headers people write for the same column (exports of other systems, older templates). */
const ALIASES: Readonly<Record<string, EntityKey>> = {
  企业名称: 'name',
  市场主体名称: 'name',
  '法定代表人(负责人)': 'legalRepresentative',
  负责人: 'legalRepresentative',
  住所: 'address',
  地址: 'address',
  区域: 'region',
  行业类别: 'industry',
  企业规模: 'size',
  信用风险分类: 'riskClass',
  风险分类: 'riskClass',
  联系人: 'contact',
  电话: 'phone',
};

/** 「住所(地址)*」, 「住所(地址)」 and 「 住所 ( 地址 ) 」 are one header: marks of required columns and full-width brackets are dropped. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const KEY_BY_HEADER = new Map<string, EntityKey>([
  ...ENTITIES_SHEET.columns.map((c) => [normalizeHeader(c.header), c.key] as const),
  ...Object.entries(ALIASES),
]);

export const keyOfHeader = (header: string): EntityKey | undefined => KEY_BY_HEADER.get(normalizeHeader(header));

export const headerOfKey = (key: EntityKey): string => ENTITIES_SHEET.columns.find((c) => c.key === key)?.header ?? key;

export const FIELD_KEYS: readonly (keyof EntityFields)[] = [
  'name',
  'legalRepresentative',
  'address',
  'region',
  'industry',
  'size',
  'riskClass',
  'contact',
  'phone',
];

const MAX_LENGTH: Partial<Record<keyof EntityFields, number>> = {
  name: 200,
  legalRepresentative: 50,
  address: 300,
  region: 50,
  industry: 50,
  contact: 50,
  phone: 30,
};

const REQUIRED: readonly (keyof EntityFields)[] = ['name', 'legalRepresentative', 'address', 'region', 'industry'];

const PHONE = /^[0-9０-９+\-－()（）\s/、,，;；转]+$/;

/** A field's problem: a stable code for the API, and the reason as said after the column's name. */
export interface FieldProblem {
  readonly key: EntityKey;
  readonly code: string;
  readonly reason: string;
}

/** The USCC as stored: no spaces, upper case (people type it in lower case and copy it with spaces). */
export const normalizeUscc = (text: string): string => text.replace(/\s/g, '').toUpperCase();

/** Why a (normalized) USCC is refused, or null when it is valid; the wrong check character is named. */
export function usccProblem(code: string): string | null {
  if (code === '') return '必填,不能为空';
  if (isUscc(code)) return null;
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return `「${code}」不是有效的统一社会信用代码(应为 18 位数字或大写字母,不含 I、O、S、V、Z)`;
  }
  return `「${code}」校验码错误(按 GB 32100,第 18 位应为「${usccCheckChar(code.slice(0, 17))}」)`;
}

/** Trimmed text, the size and class vocabularies' spellings, and the default class for a blank one. */
export function normalizeFields(raw: EntityFields): EntityFields {
  const t = (s: string) => s.trim();
  return {
    name: t(raw.name),
    legalRepresentative: t(raw.legalRepresentative),
    address: t(raw.address),
    region: t(raw.region),
    industry: t(raw.industry),
    size: t(raw.size).replace(/企业$/, ''),
    riskClass: t(raw.riskClass).toUpperCase().replace(/类$/, '') || DEFAULT_RISK_CLASS,
    contact: t(raw.contact),
    phone: t(raw.phone),
  };
}

/** Every problem of a normalized entity, in column order (the import lists them all; an edit refuses with the first). */
export function fieldProblems(fields: EntityFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of FIELD_KEYS) {
    const value = fields[key];
    const max = MAX_LENGTH[key];
    if (value === '' && REQUIRED.includes(key)) problems.push({ key, code: 'field_required', reason: '必填,不能为空' });
    else if (max !== undefined && value.length > max) problems.push({ key, code: 'field_too_long', reason: `不能超过 ${max} 个字` });
  }
  if (fields.size !== '' && !(ENTITY_SIZES as readonly string[]).includes(fields.size)) {
    problems.push({ key: 'size', code: 'size_invalid', reason: `应为${ENTITY_SIZES.join('、')}之一(或不填)` });
  }
  if (!(RISK_CLASSES as readonly string[]).includes(fields.riskClass)) {
    problems.push({
      key: 'riskClass',
      code: 'risk_class_invalid',
      reason: `应为 ${RISK_CLASSES.join('、')} 之一(不填按 ${DEFAULT_RISK_CLASS} 类)`,
    });
  }
  if (fields.phone !== '' && !PHONE.test(fields.phone)) {
    problems.push({ key: 'phone', code: 'phone_invalid', reason: '只能包含数字、空格和 + - ( ) 转 等分隔符号' });
  }
  return problems;
}

/** Whether two entities' editable fields are the same (an import of unchanged rows writes nothing). */
export function sameFields(a: EntityFields, b: EntityFields): boolean {
  return FIELD_KEYS.every((key) => a[key] === b[key]);
}
