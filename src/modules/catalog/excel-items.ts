import { type CellError, column, type RawRow, RowReader, type SheetContent, type SheetSpec } from '../../platform/excel/index.js';
import type { UnitNames } from '../org/index.js';
import { detailsByCode, type ParsedEntry, uniqueCodes, unitCell } from './excel-import.js';
import { CATEGORIES, type ItemData, LIMIT_UNITS } from './item-data.js';

// The 执法事项 spreadsheet: 执法事项 (one row per item) with 法律依据, 办理环节 and 救济途径 sheets whose rows
// name their item by code; steps keep the order of their rows.

export type ItemMainKey =
  | 'code'
  | 'name'
  | 'category'
  | 'unit'
  | 'acceptingBody'
  | 'approvingBody'
  | 'conditions'
  | 'materials'
  | 'statutoryValue'
  | 'statutoryUnit'
  | 'promisedValue'
  | 'promisedUnit'
  | 'fees'
  | 'supervision'
  | 'complaint';

const CODE_HINT = '必填,3–32 位字母、数字或「-」,以字母或数字开头;系统中已有的编码将生成该事项的新版本草稿';

export const ITEMS_MAIN: SheetSpec<ItemMainKey> = {
  name: '执法事项',
  rowMeaning: '每行填写一个执法事项',
  columns: [
    column('code', '事项编码', true, 14, CODE_HINT, 'RS-CF-005', { text: true }),
    column('name', '事项名称', true, 36, '必填,不超过 200 字', '对用人单位未依法订立劳动合同的行政处理'),
    column('category', '事项类别', true, 12, `必填:${CATEGORIES.join('、')}`, '行政处罚', { list: CATEGORIES }),
    column('unit', '实施主体', true, 22, '必填,与系统中的机构名称一致;有同名机构时写作「上级机构/本机构」', '劳动保障监察监督局'),
    column('acceptingBody', '受理机构', false, 20, '不超过 200 字', '劳动保障监察监督局'),
    column('approvingBody', '决定机构', false, 20, '不超过 200 字', '石嘴山市人力资源和社会保障局'),
    column('conditions', '办理条件', false, 30, '办理条件或适用情形,不超过 4000 字', '用人单位与劳动者建立劳动关系未依法订立书面劳动合同'),
    column('materials', '申请材料', false, 30, '每项材料一行(单元格内换行)或用「;」分隔,每项不超过 200 字', '投诉书;劳动关系证明材料'),
    column('statutoryValue', '法定办理时限', true, 10, '必填,0–3650 的整数', '90', { text: true }),
    column('statutoryUnit', '法定时限单位', true, 10, '必填:工作日 或 日', '日', { list: LIMIT_UNITS }),
    column('promisedValue', '承诺办理时限', true, 10, '必填,0–3650 的整数,单位相同时不长于法定时限', '60', { text: true }),
    column('promisedUnit', '承诺时限单位', true, 10, '必填:工作日 或 日', '日', { list: LIMIT_UNITS }),
    column('fees', '收费标准', false, 14, '不超过 500 字', '不收费'),
    column('supervision', '监督渠道', false, 24, '不超过 500 字', '市司法局行政执法监督'),
    column('complaint', '投诉渠道', false, 24, '不超过 500 字', '12333'),
  ],
};

export const ITEMS_BASES: SheetSpec<'code' | 'law' | 'article' | 'text'> = {
  name: '法律依据',
  rowMeaning: '每行填写一项法律依据,每个事项至少一项',
  columns: [
    column('code', '事项编码', true, 14, '必填,「执法事项」工作表中的编码', 'RS-CF-005', { text: true }),
    column('law', '法律法规名称', true, 28, '必填,不超过 100 字', '中华人民共和国劳动合同法'),
    column('article', '条款', true, 14, '必填,不超过 100 字', '第八十二条'),
    column(
      'text',
      '条文内容',
      false,
      60,
      '不超过 4000 字',
      '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的,应当向劳动者每月支付二倍的工资。',
    ),
  ],
};

export const ITEMS_STEPS: SheetSpec<'code' | 'name' | 'role' | 'timeLimit'> = {
  name: '办理环节',
  rowMeaning: '每行填写一个办理环节,按办理顺序排列,每个事项至少一个',
  columns: [
    column('code', '事项编码', true, 14, '必填,「执法事项」工作表中的编码', 'RS-CF-005', { text: true }),
    column('name', '环节名称', true, 14, '必填,不超过 40 字,同一事项内不重复', '立案'),
    column('role', '承办岗位', true, 24, '必填,不超过 60 字', '劳动保障监察员'),
    column('timeLimit', '环节时限', false, 24, '不超过 60 字', '5 个工作日内'),
  ],
};

export const ITEMS_REMEDIES: SheetSpec<'code' | 'channel' | 'period'> = {
  name: '救济途径',
  rowMeaning: '每行填写一种救济途径',
  columns: [
    column('code', '事项编码', true, 14, '必填,「执法事项」工作表中的编码', 'RS-CF-005', { text: true }),
    column('channel', '救济途径', true, 14, '必填,不超过 100 字', '行政复议'),
    column('period', '期限', true, 40, '必填,不超过 100 字', '自知道该行政行为之日起 60 日内'),
  ],
};

export const ITEM_SHEETS = [ITEMS_MAIN, ITEMS_BASES, ITEMS_STEPS, ITEMS_REMEDIES] as const;

/** Every row of the workbook checked cell by cell and turned into item data; problems go to `errors`. */
export function parseItemSheets(
  main: readonly RawRow<ItemMainKey>[],
  details: Map<string, readonly RawRow<string>[]>,
  units: UnitNames,
  errors: CellError[],
): ParsedEntry<ItemData>[] {
  const readers = main.map((raw) => new RowReader(ITEMS_MAIN, raw, errors, true));
  const codes = uniqueCodes(readers, 'code');
  const bases = detailsByCode(ITEMS_BASES, details.get(ITEMS_BASES.name), 'code', codes, ITEMS_MAIN.name, errors);
  const steps = detailsByCode(ITEMS_STEPS, details.get(ITEMS_STEPS.name), 'code', codes, ITEMS_MAIN.name, errors);
  const remedies = detailsByCode(ITEMS_REMEDIES, details.get(ITEMS_REMEDIES.name), 'code', codes, ITEMS_MAIN.name, errors);
  const entries: ParsedEntry<ItemData>[] = [];
  for (const r of readers) {
    const code = r.cell('code');
    const unitId = unitCell(r, 'unit', units);
    const itemBases = (bases.get(code) ?? []).map((b) => ({
      law: b.text('law', 100),
      article: b.text('article', 100),
      text: b.text('text', 4000),
    }));
    if (code !== '' && itemBases.length === 0) r.fail(null, `「${ITEMS_BASES.name}」工作表中没有该事项的法律依据`);
    const itemSteps = (steps.get(code) ?? []).map((s) => ({
      name: s.text('name', 40),
      role: s.text('role', 60),
      timeLimit: s.text('timeLimit', 60),
    }));
    if (code !== '' && itemSteps.length === 0) r.fail(null, `「${ITEMS_STEPS.name}」工作表中没有该事项的办理环节`);
    const data: ItemData = {
      name: r.text('name', 200),
      category: r.oneOf('category', CATEGORIES),
      unitId,
      legalBases: itemBases,
      acceptingBody: r.text('acceptingBody', 200),
      approvingBody: r.text('approvingBody', 200),
      conditions: r.text('conditions', 4000),
      materials: r.list('materials', 200),
      statutoryLimit: { value: r.integer('statutoryValue', 0, 3650) ?? 0, unit: r.oneOf('statutoryUnit', LIMIT_UNITS) },
      promisedLimit: { value: r.integer('promisedValue', 0, 3650) ?? 0, unit: r.oneOf('promisedUnit', LIMIT_UNITS) },
      fees: r.text('fees', 500),
      steps: itemSteps,
      remedies: (remedies.get(code) ?? []).map((m) => ({ channel: m.text('channel', 100), period: m.text('period', 100) })),
      supervision: r.text('supervision', 500),
      complaint: r.text('complaint', 500),
    };
    const detailReaders = [...(bases.get(code) ?? []), ...(steps.get(code) ?? []), ...(remedies.get(code) ?? [])];
    if (r.ok && detailReaders.every((d) => d.ok)) entries.push({ code, row: r.row, data });
  }
  return entries;
}

/** The workbook's sheets holding the given items (the export, or the empty template). */
export function itemSheets(entries: readonly { code: string; data: ItemData }[], units: UnitNames): SheetContent<string>[] {
  return [
    {
      spec: ITEMS_MAIN,
      rows: entries.map(({ code, data: d }) => ({
        code,
        name: d.name,
        category: d.category,
        unit: units.nameOf(d.unitId),
        acceptingBody: d.acceptingBody,
        approvingBody: d.approvingBody,
        conditions: d.conditions,
        materials: d.materials.join('\n'),
        statutoryValue: String(d.statutoryLimit.value),
        statutoryUnit: d.statutoryLimit.unit,
        promisedValue: String(d.promisedLimit.value),
        promisedUnit: d.promisedLimit.unit,
        fees: d.fees,
        supervision: d.supervision,
        complaint: d.complaint,
      })),
    },
    { spec: ITEMS_BASES, rows: entries.flatMap(({ code, data }) => data.legalBases.map((b) => ({ code, ...b }))) },
    { spec: ITEMS_STEPS, rows: entries.flatMap(({ code, data }) => data.steps.map((s) => ({ code, ...s }))) },
    { spec: ITEMS_REMEDIES, rows: entries.flatMap(({ code, data }) => data.remedies.map((m) => ({ code, ...m }))) },
  ];
}
