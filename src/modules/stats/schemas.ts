import { type TSchema, Type } from 'typebox';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

export const StatsQuerySchema = Type.Object(
  {
    from: Type.Optional(Day('统计期间开始日期(YYYY-MM-DD,含);默认为 11 个月前的月初')),
    to: Type.Optional(Day('统计期间结束日期(YYYY-MM-DD,含);默认为今天')),
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '只统计该单位及下属单位;承办机构负责人默认为本单位' })),
  },
  strict,
);

const RateSchema = Type.Object({
  numerator: Type.Integer(),
  denominator: Type.Integer(),
  rate: Nullable(Type.Number({ description: '0–1;分母为 0 时为 null' })),
});

const CountSchema = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() });

const FilterSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  asOf: Type.String({ description: '逾期判断日(北京时间今天)' }),
  unitId: Nullable(Type.String()),
  unitName: Type.String(),
});

const KpisSchema = Type.Object({
  received: Type.Integer(),
  closed: Type.Integer(),
  open: Type.Integer(),
  decided: Type.Integer(),
  overdue: RateSchema,
  decisionLate: RateSchema,
  avException: RateSchema,
  reviewReturned: RateSchema,
  publicationLate: RateSchema,
  averageDecisionDays: Nullable(Type.Number()),
  averageClosingDays: Nullable(Type.Number()),
  avMissingCases: RateSchema,
  reviewRounds: Type.Integer(),
  averageReviewDays: Nullable(Type.Number()),
  publicationOnTime: RateSchema,
  publicationOverdue: Type.Integer(),
});

const SubjectRowSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  received: Type.Integer(),
  open: Type.Integer(),
  closed: Type.Integer(),
  decided: Type.Integer(),
  averageDecisionDays: Nullable(Type.Number()),
  overdue: RateSchema,
  decisionLate: RateSchema,
  avException: RateSchema,
  reviewReturned: RateSchema,
  publicationLate: RateSchema,
});

const MonthRowSchema = Type.Object({
  month: Type.String(),
  received: Type.Integer(),
  closed: Type.Integer(),
  decided: Type.Integer(),
  decisionLate: RateSchema,
  avException: RateSchema,
  reviewRounds: Type.Integer(),
  reviewReturned: RateSchema,
  publicationOnTime: RateSchema,
});

const WeakSpotSchema = Type.Object({
  rank: Type.Integer(),
  kind: Type.String({ description: 'unit | item' }),
  kindLabel: Type.String(),
  id: Type.String(),
  name: Type.String(),
  indicators: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      rate: Type.Number(),
      overallRate: Type.Number(),
      numerator: Type.Integer(),
      denominator: Type.Integer(),
    }),
  ),
  excess: Type.Number({ description: '高于总体的百分点合计' }),
});

export const OverviewSchema = Type.Object({
  filter: FilterSchema,
  kpis: KpisSchema,
  byStage: Type.Array(CountSchema),
  bySource: Type.Array(CountSchema),
  byProcedure: Type.Array(CountSchema),
  byUnit: Type.Array(SubjectRowSchema),
  byItem: Type.Array(SubjectRowSchema),
  months: Type.Array(MonthRowSchema),
  decisionDurations: Type.Array(CountSchema),
  returnReasons: Type.Array(CountSchema),
  publications: Type.Array(CountSchema),
  weakSpots: Type.Array(WeakSpotSchema),
});

export const WeakSpotsSchema = Type.Object({ filter: FilterSchema, weakSpots: Type.Array(WeakSpotSchema) });

export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 工作簿' });
