import { type TSchema, Type } from 'typebox';

// Request and response schemas of 案卷评查. Numbers in requests are plain numbers so the service, not Ajv,
// refuses a bad point or deduction with its own code and a Chinese reason.

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const SheetBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ maxLength: 32, description: '项目代码(小写字母、数字、下划线)' }),
          title: Type.String({ maxLength: 60 }),
          points: Type.Number({ description: '分值(正整数,合计 100)' }),
          criteria: Type.String({ maxLength: 1000, description: '评查要点' }),
          check: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { description: '自动检查代码' }),
        },
        strict,
      ),
      { maxItems: 100 },
    ),
    note: Type.String({ maxLength: 500, description: '修订说明' }),
  },
  strict,
);

const SheetItemSchema = Type.Object({
  code: Type.String(),
  title: Type.String(),
  points: Type.Integer(),
  criteria: Type.String(),
  check: Nullable(Type.String({ description: 'missing_documents | late_steps | missing_av | benchmark_departure' })),
  checkLabel: Nullable(Type.String()),
});

export const SheetSchema = Type.Object({
  version: Type.Integer({ description: '版本号;0 为系统默认标准' }),
  items: Type.Array(SheetItemSchema),
  total: Type.Integer(),
  note: Type.String(),
  createdByName: Nullable(Type.String()),
  createdAt: Nullable(Type.String()),
  versions: Type.Array(
    Type.Object({ version: Type.Integer(), note: Type.String(), createdByName: Type.String(), createdAt: Type.String() }),
  ),
  checks: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});

export const CreateRoundBody = Type.Object(
  {
    title: Type.String({ maxLength: 100 }),
    year: Type.Integer({ minimum: 1949, maximum: 2999, description: '归档年度' }),
    sampleKind: Type.Union([Type.Literal('count'), Type.Literal('ratio')], { description: 'count 按件数;ratio 按比例(%)' }),
    sampleValue: Type.Integer({ minimum: 1, maximum: 10000 }),
    unitId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  strict,
);

const roundFields = {
  id: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  sampleKind: Type.String({ description: 'count | ratio' }),
  sampleValue: Type.Integer(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  sheetVersion: Type.Integer(),
  seed: Type.String({ description: '抽取随机种子(十六进制)' }),
  population: Type.Integer({ description: '可抽取案卷总数' }),
  sampled: Type.Integer(),
  submitted: Type.Integer(),
  state: Type.String({ description: 'open | closed' }),
  stateLabel: Type.String(),
  createdByName: Type.String(),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
};
export const RoundSummarySchema = Type.Object(roundFields);

const evaluationFields = {
  id: Type.String(),
  position: Type.Integer(),
  caseFileId: Type.String(),
  caseNo: Type.String(),
  archiveNo: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  officerNames: Type.Array(Type.String()),
  findingCount: Type.Integer(),
  score: Type.Number(),
  state: Type.String({ description: 'draft | submitted' }),
  stateLabel: Type.String(),
  reviewerName: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
};

export const RoundSchema = Type.Object({
  ...roundFields,
  sheet: Type.Array(SheetItemSchema),
  evaluations: Type.Array(Type.Object(evaluationFields)),
});

const FindingSchema = Type.Object({
  check: Type.String(),
  checkLabel: Type.String(),
  itemCode: Type.String(),
  message: Type.String(),
  deduction: Type.Number({ description: '建议扣分' }),
});
const ScoreSchema = Type.Object({ code: Type.String(), deduction: Type.Number(), note: Type.String() });

export const EvaluationSchema = Type.Object({
  ...evaluationFields,
  roundId: Type.String(),
  roundTitle: Type.String(),
  roundState: Type.String(),
  caseId: Type.String(),
  officers: Type.Array(Type.Object({ officerId: Type.String(), name: Type.String() })),
  sheet: Type.Array(SheetItemSchema),
  findings: Type.Array(FindingSchema),
  scores: Type.Array(ScoreSchema),
  comment: Type.String(),
  updatedAt: Type.String(),
});

export const ScoresBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object({ code: Type.String({ maxLength: 32 }), deduction: Type.Number(), note: Type.String({ maxLength: 2000 }) }, strict),
      {
        maxItems: 100,
      },
    ),
    comment: Type.String({ maxLength: 2000, description: '总体评查意见' }),
  },
  strict,
);

const GroupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  count: Type.Integer(),
  average: Type.Number(),
  lowest: Type.Number(),
  highest: Type.Number(),
  frequent: Type.Array(Type.Object({ code: Type.String(), title: Type.String(), count: Type.Integer(), points: Type.Number() })),
});

export const ResultsSchema = Type.Object({
  round: RoundSummarySchema,
  sheet: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      points: Type.Integer(),
      criteria: Type.String(),
      check: Nullable(Type.String()),
    }),
  ),
  pending: Type.Integer(),
  count: Type.Integer(),
  average: Type.Union([Type.Number(), Type.Null()]),
  lowest: Type.Union([Type.Number(), Type.Null()]),
  highest: Type.Union([Type.Number(), Type.Null()]),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      points: Type.Integer(),
      deductedCount: Type.Integer(),
      deductedPoints: Type.Number(),
    }),
  ),
  byUnit: Type.Array(GroupSchema),
  byOfficer: Type.Array(GroupSchema),
  files: Type.Array(
    Type.Object({
      archiveNo: Type.String(),
      caseNo: Type.String(),
      title: Type.String(),
      unitName: Type.String(),
      officerNames: Type.Array(Type.String()),
      score: Type.Number(),
      scores: Type.Array(ScoreSchema),
      reviewerName: Type.String(),
      submittedAt: Type.String(),
      comment: Type.String(),
    }),
  ),
});

export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 工作簿' });
