import { type CellError, column, type RawRow, RowReader, type SheetContent, type SheetSpec } from '../../platform/excel/index.js';
import type { UnitNames } from '../org/index.js';
import { type BenchmarkData, FINE_UNITS, TIER_LEVELS } from './benchmark-data.js';
import { detailsByCode, type ParsedEntry, uniqueCodes, unitCell } from './excel-import.js';

// The 裁量基准 spreadsheet: 裁量基准 (one row per violation) with 依据 and 裁量阶次 sheets whose rows name
// their benchmark by code; tiers keep the order of their rows (from least to most serious).

export type BenchmarkMainKey =
  | 'code'
  | 'name'
  | 'category'
  | 'unit'
  | 'itemCode'
  | 'statutoryRange'
  | 'firstViolationExempt'
  | 'minorExempt'
  | 'exemptConditions'
  | 'notes';

const YES_NO = ['是', '否'] as const;
const BASIS_KINDS = ['违法依据', '处罚依据'] as const;
const CODE_COLUMN = column('code', '基准编码', true, 12, '必填,「裁量基准」工作表中的编码', 'RB0101', { text: true });

export const BENCHMARKS_MAIN: SheetSpec<BenchmarkMainKey> = {
  name: '裁量基准',
  rowMeaning: '每行填写一个违法行为的裁量基准',
  columns: [
    column('code', '基准编码', true, 12, '必填,3–32 位字母、数字或「-」;系统中已有的编码将生成该基准的新版本草稿', 'RB0101', {
      text: true,
    }),
    column('name', '违法行为', true, 36, '必填,不超过 200 字', '用人单位未依法订立书面劳动合同'),
    column('category', '违法行为类别', true, 14, '必填,不超过 40 字(如 工资支付、社会保险、劳动用工)', '劳动用工'),
    column('unit', '适用单位', true, 22, '必填,与系统中的机构名称一致', '劳动保障监察监督局'),
    column('itemCode', '执法事项编码', false, 14, '对应的行政处罚事项编码,可不填', 'RS-CF-001', { text: true }),
    column('statutoryRange', '法定处罚种类和幅度', true, 40, '必填,不超过 2000 字', '责令改正;逾期不改正的,处 2000 元以上 2 万元以下罚款'),
    column('firstViolationExempt', '首违不罚', false, 10, '是 或 否,不填视为否', '否', { list: YES_NO }),
    column('minorExempt', '轻微不罚', false, 10, '是 或 否,不填视为否', '否', { list: YES_NO }),
    column('exemptConditions', '不予处罚条件', false, 30, '适用首违不罚或轻微不罚时必填,不超过 2000 字', ''),
    column('notes', '说明', false, 30, '不超过 2000 字', ''),
  ],
};

export const BENCHMARKS_BASES: SheetSpec<'code' | 'kind' | 'law' | 'article' | 'text'> = {
  name: '依据',
  rowMeaning: '每行填写一项违法依据或处罚依据,每个基准各至少一项',
  columns: [
    CODE_COLUMN,
    column('kind', '依据类型', true, 10, '必填:违法依据 或 处罚依据', '处罚依据', { list: BASIS_KINDS }),
    column('law', '法律法规名称', true, 24, '必填,不超过 100 字', '劳动保障监察条例'),
    column('article', '条款', true, 12, '必填,不超过 100 字', '第三十条'),
    column('text', '条文内容', false, 60, '不超过 4000 字', ''),
  ],
};

type TierKey = 'code' | 'level' | 'conditions' | 'penalty' | 'fineMin' | 'fineMax' | 'fineUnit';

export const BENCHMARKS_TIERS: SheetSpec<TierKey> = {
  name: '裁量阶次',
  rowMeaning: '每行填写一个裁量阶次,由轻到重排列,每个基准至少一个',
  columns: [
    CODE_COLUMN,
    column('level', '裁量等级', true, 10, `必填:${TIER_LEVELS.join('、')}`, '一般', { list: TIER_LEVELS }),
    column('conditions', '适用情形', true, 36, '必填,不超过 2000 字', '受侵害劳动者 10 人以下'),
    column('penalty', '处罚内容', true, 36, '必填,不超过 2000 字', '责令改正,处 2000 元以上 8000 元以下罚款'),
    column('fineMin', '罚款下限', false, 10, '数字;下限和上限同时填写或都不填', '2000', { text: true }),
    column('fineMax', '罚款上限', false, 10, '数字,不低于下限', '8000', { text: true }),
    column('fineUnit', '计算单位', false, 10, `${FINE_UNITS.join('、')};不填视为「元」`, '元', { list: FINE_UNITS }),
  ],
};

export const BENCHMARK_SHEETS = [BENCHMARKS_MAIN, BENCHMARKS_BASES, BENCHMARKS_TIERS] as const;

export function parseBenchmarkSheets(
  main: readonly RawRow<BenchmarkMainKey>[],
  details: Map<string, readonly RawRow<string>[]>,
  units: UnitNames,
  errors: CellError[],
): ParsedEntry<BenchmarkData>[] {
  const readers = main.map((raw) => new RowReader(BENCHMARKS_MAIN, raw, errors, true));
  const codes = uniqueCodes(readers, 'code');
  const bases = detailsByCode(BENCHMARKS_BASES, details.get(BENCHMARKS_BASES.name), 'code', codes, BENCHMARKS_MAIN.name, errors);
  const tiers = detailsByCode(BENCHMARKS_TIERS, details.get(BENCHMARKS_TIERS.name), 'code', codes, BENCHMARKS_MAIN.name, errors);
  const entries: ParsedEntry<BenchmarkData>[] = [];
  for (const r of readers) {
    const code = r.cell('code');
    const unitId = unitCell(r, 'unit', units);
    const own = bases.get(code) ?? [];
    const basis = (b: RowReader<'code' | 'kind' | 'law' | 'article' | 'text'>) => ({
      law: b.text('law', 100),
      article: b.text('article', 100),
      text: b.text('text', 4000),
    });
    const violationBases = own.filter((b) => b.oneOf('kind', BASIS_KINDS) === '违法依据').map(basis);
    const penaltyBases = own.filter((b) => b.cell('kind') === '处罚依据').map(basis);
    if (code !== '' && violationBases.length === 0) r.fail(null, `「${BENCHMARKS_BASES.name}」工作表中没有该基准的违法依据`);
    if (code !== '' && penaltyBases.length === 0) r.fail(null, `「${BENCHMARKS_BASES.name}」工作表中没有该基准的处罚依据`);
    const ownTiers = tiers.get(code) ?? [];
    if (code !== '' && ownTiers.length === 0) r.fail(null, `「${BENCHMARKS_TIERS.name}」工作表中没有该基准的裁量阶次`);
    const data: BenchmarkData = {
      name: r.text('name', 200),
      category: r.text('category', 40),
      unitId,
      itemCode: r.text('itemCode', 32),
      violationBases,
      penaltyBases,
      statutoryRange: r.text('statutoryRange', 2000),
      tiers: ownTiers.map((t) => ({
        level: t.oneOf('level', TIER_LEVELS),
        conditions: t.text('conditions', 2000),
        penalty: t.text('penalty', 2000),
        fineMin: t.amount('fineMin', 1e10),
        fineMax: t.amount('fineMax', 1e10),
        fineUnit: t.cell('fineUnit') === '' ? '元' : t.oneOf('fineUnit', FINE_UNITS),
      })),
      firstViolationExempt: r.yesNo('firstViolationExempt'),
      minorExempt: r.yesNo('minorExempt'),
      exemptConditions: r.text('exemptConditions', 2000),
      notes: r.text('notes', 2000),
    };
    if (r.ok && [...own, ...ownTiers].every((d) => d.ok)) entries.push({ code, row: r.row, data });
  }
  return entries;
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const amount = (n: number | null) => (n === null ? '' : String(n));

export function benchmarkSheets(entries: readonly { code: string; data: BenchmarkData }[], units: UnitNames): SheetContent<string>[] {
  return [
    {
      spec: BENCHMARKS_MAIN,
      rows: entries.map(({ code, data: d }) => ({
        code,
        name: d.name,
        category: d.category,
        unit: units.nameOf(d.unitId),
        itemCode: d.itemCode,
        statutoryRange: d.statutoryRange,
        firstViolationExempt: yesNo(d.firstViolationExempt),
        minorExempt: yesNo(d.minorExempt),
        exemptConditions: d.exemptConditions,
        notes: d.notes,
      })),
    },
    {
      spec: BENCHMARKS_BASES,
      rows: entries.flatMap(({ code, data }) => [
        ...data.violationBases.map((b) => ({ code, kind: '违法依据', ...b })),
        ...data.penaltyBases.map((b) => ({ code, kind: '处罚依据', ...b })),
      ]),
    },
    {
      spec: BENCHMARKS_TIERS,
      rows: entries.flatMap(({ code, data }) =>
        data.tiers.map((t) => ({
          code,
          level: t.level,
          conditions: t.conditions,
          penalty: t.penalty,
          fineMin: amount(t.fineMin),
          fineMax: amount(t.fineMax),
          fineUnit: t.fineUnit,
        })),
      ),
    },
  ];
}
