import { Type } from 'typebox';
import { REPORT_STATES, UNIT_STATES } from './views.js';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Tally = Type.Record(Type.String(), Type.Number());

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 9999, description: '年度' }) }, strict);
export const UnitParams = Type.Object(
  { year: Type.Integer({ minimum: 1900, maximum: 9999 }), unitId: Type.String({ minLength: 1, maxLength: 64 }) },
  strict,
);

export const ComputeBody = Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 9999, description: '统计年度' }) }, strict);
export const ConfirmBody = Type.Object(
  {
    figuresSha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: '所确认的本单位数据的 SHA-256(数据重新计算后须重新核对)' }),
    note: Type.Optional(Type.String({ maxLength: 1000, description: '说明' })),
  },
  strict,
);
export const ReturnBody = Type.Object({ reason: Type.String({ maxLength: 1000, description: '退回理由' }) }, strict);

export const CountsSchema = Type.Object({
  received: Type.Integer({ description: '案源登记数' }),
  filed: Type.Integer({ description: '一般程序立案数' }),
  simple: Type.Integer({ description: '简易程序当场处罚数' }),
  closed: Type.Integer({ description: '结案数' }),
  open: Type.Integer({ description: '统计截至日未结案件数' }),
  byCategory: Tally,
  decisionsByCategory: Tally,
  decisions: Type.Integer({ description: '作出决定数' }),
  byPenaltyType: Tally,
  fineYuan: Type.Number({ description: '罚款金额(元)' }),
  paidYuan: Type.Number({ description: '缴款金额(元)' }),
  confiscations: Type.Integer(),
  hearingsRequested: Type.Integer(),
  hearingsHeld: Type.Integer(),
  preservations: Type.Integer(),
  enforcementApplications: Type.Integer(),
  reviews: Type.Integer(),
  reviewsCleared: Type.Integer(),
  reviewRounds: Type.Integer(),
  reviewRoundsReturned: Type.Integer(),
  published: Type.Integer(),
  withdrawn: Type.Integer(),
});

export const FiguresSchema = Type.Object({
  year: Type.Integer(),
  asOf: Type.String(),
  partial: Type.Boolean(),
  units: Type.Array(Type.Object({ unitId: Type.String(), unitName: Type.String(), counts: CountsSchema })),
  total: CountsSchema,
  months: Type.Array(Type.Object({ month: Type.String(), received: Type.Integer(), decisions: Type.Integer(), fineYuan: Type.Number() })),
  notes: Type.Array(Type.String()),
});

const Deadlines = {
  confirmDueOn: Type.String({ description: '各单位确认期限(次年 1 月 5 日)' }),
  publishDueOn: Type.String({ description: '公布期限(次年 1 月 25 日)' }),
};

export const UnitSchema = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  state: Type.String({ description: UNIT_STATES.join(' | ') }),
  stateLabel: Type.String(),
  counts: CountsSchema,
  figuresSha256: Type.String(),
  note: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  canConfirm: Type.Boolean(),
});

export const ReportSchema = Type.Object({
  year: Type.Integer(),
  state: Type.String({ description: REPORT_STATES.join(' | ') }),
  stateLabel: Type.String(),
  asOf: Type.String({ description: '统计截至' }),
  partial: Type.Boolean(),
  figures: FiguresSchema,
  figuresSha256: Type.String(),
  ...Deadlines,
  nationalDueOn: Type.String({ description: '国家规定的公布期限(次年 1 月 31 日)' }),
  publishOverdue: Type.Boolean(),
  unitsConfirmed: Type.Integer(),
  unitsTotal: Type.Integer(),
  units: Type.Array(UnitSchema),
  computedAt: Type.String(),
  compiledAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  ledgerIndex: Nullable(Type.Integer()),
  canCompute: Type.Boolean(),
  canCompile: Type.Boolean(),
  canPublish: Type.Boolean(),
});

export const ReportListItemSchema = Type.Object({
  year: Type.Integer(),
  state: Type.String({ description: REPORT_STATES.join(' | ') }),
  stateLabel: Type.String(),
  asOf: Type.String(),
  unitsConfirmed: Type.Integer(),
  unitsTotal: Type.Integer(),
  ...Deadlines,
  publishOverdue: Type.Boolean(),
  publishedAt: Nullable(Type.String()),
});

export const PublicReportSchema = Type.Object({
  year: Type.Integer(),
  asOf: Type.String(),
  partial: Type.Boolean(),
  figures: FiguresSchema,
  figuresSha256: Type.String({ description: '固定数据(规范 JSON)的 SHA-256,与账本记录一致' }),
  publishDueOn: Type.String(),
  publishedAt: Type.String(),
  ledgerIndex: Type.Integer({ description: '公布事件在账本中的序号' }),
});

export const PublicReportItemSchema = Type.Object({
  year: Type.Integer(),
  asOf: Type.String(),
  partial: Type.Boolean(),
  publishedAt: Type.String(),
  decisions: Type.Integer(),
  fineYuan: Type.Number(),
});

/** The workbook download (a Buffer, sent as is). */
export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 工作簿' });
