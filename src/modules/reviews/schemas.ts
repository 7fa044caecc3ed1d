import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { CHECK_RESULTS, CHECKLIST, CONCLUSIONS, REVIEW_STATES } from './review-data.js';
import type { ReviewView } from './views.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Text = (maxLength: number, description: string) => Type.String({ maxLength, description });

const Submission = {
  statement: Text(8000, '情况说明:违法事实、证据、适用法律、裁量基准适用情况、执法人员资格等'),
  reportEvidenceIds: Type.Optional(Type.Array(Id, { maxItems: 20, description: '其他报告(评估、鉴定报告等),须是本案证据' })),
  attested: Type.Boolean({ description: '承办机构承诺材料真实、准确、完整' }),
  proposal: Type.Optional(
    Type.Object(
      {
        penalty: Type.Object(
          {
            types: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10 }),
            fineYuan: Type.Union([Type.Number({ minimum: 0, maximum: 1e10 }), Type.Null()]),
            basisQuantity: Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()]),
            description: Type.String({ maxLength: 2000 }),
          },
          strict,
        ),
        benchmark: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 32 }),
            tierNo: Type.Integer({ minimum: 1, maximum: 20 }),
            departureReason: Type.String({ maxLength: 2000 }),
          },
          strict,
        ),
      },
      { ...strict, description: '拟作出的决定(与事先告知不同时填写,如采纳陈述申辩后减轻;不得重于告知)' },
    ),
  ),
};

export const SubmitBody = Type.Object({ caseId: Id, ...Submission }, strict);

export const ResubmitBody = Type.Object(
  {
    ...Submission,
    answers: Type.Array(Type.Object({ problemNo: Type.Integer({ minimum: 1 }), answer: Text(4000, '整改情况或说明') }, strict), {
      maxItems: 50,
    }),
  },
  strict,
);

export const OpinionBody = Type.Object(
  {
    checklist: Type.Array(
      Type.Object(
        {
          key: Literals(CHECKLIST.map((c) => c.key)),
          result: Literals(CHECK_RESULTS),
          note: Text(2000, '审核意见'),
        },
        strict,
      ),
      { maxItems: 20, description: '十项审核内容,每项一条' },
    ),
    conclusion: Literals(CONCLUSIONS),
    problems: Type.Array(Type.Object({ key: Literals(CHECKLIST.map((c) => c.key)), text: Text(2000, '问题') }, strict), { maxItems: 50 }),
    note: Text(4000, '其他意见'),
  },
  strict,
);

export const ReasonBody = Type.Object({ reason: Text(2000, '理由') }, strict);

export const SettleBody = Type.Object(
  {
    heldOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '讨论日期' }),
    participants: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 30, description: '参加人员' }),
    positions: Text(8000, '各方意见'),
    decision: Text(4000, '讨论决定'),
    outcome: Literals(['proposal', 'opinion']),
  },
  strict,
);

export const ConsultBody = Type.Object({ adviser: Text(64, '法律顾问'), question: Text(4000, '咨询问题') }, strict);
export const ReplyBody = Type.Object({ reply: Text(8000, '法律顾问答复') }, strict);
export const ConsultationParams = Type.Object({ id: Id, consultationId: Id }, strict);
export const CaseParams = Type.Object({ caseId: Id }, strict);

export const ListReviewsQuery = Type.Object(
  {
    state: Type.Optional(Literals(REVIEW_STATES)),
    view: Type.Optional(Literals(['mine', 'all'])),
    dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: '审核期限在若干日内到期(含已逾期;只列审核中的)' })),
    ...PageQuery,
  },
  strict,
);

const PreCheckSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  status: Type.String({ description: 'pass / fail / attention' }),
  detail: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
});

export const ReviewSummarySchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNo: Type.String(),
  caseTitle: Type.String(),
  unitId: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  reviewerId: Type.Union([Type.String(), Type.Null()]),
  reviewerName: Type.Union([Type.String(), Type.Null()]),
  roundNo: Type.Integer(),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  extended: Type.Boolean(),
  updatedAt: Type.String(),
  determination: Type.Array(Type.String(), { description: '认定为重大执法决定的理由(目录条目,每条一句)' }),
  preChecks: Type.Array(PreCheckSchema, { description: '最近一次送审时的自动预审结果' }),
});

export const ReviewSchema = Type.Unsafe<ReviewView>({
  type: 'object',
  additionalProperties: true,
  description: '法制审核:状态、各轮送审材料(冻结)、承诺、审核意见(含签名)、法律顾问咨询、集体讨论、与上一轮相比的变化',
});

export const StatsQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '送审年份(默认今年)' })) },
  strict,
);

export const ReviewStatsSchema = Type.Object({
  year: Type.Integer(),
  months: Type.Array(Type.Object({ month: Type.String(), submitted: Type.Integer(), concluded: Type.Integer(), returned: Type.Integer() })),
  cleared: Type.Integer({ description: '审核同意或集体讨论决定的' }),
  rounds: Type.Integer(),
  averageTurnaroundDays: Type.Union([Type.Number(), Type.Null()], { description: '送审至出具意见的平均天数' }),
  returnedShare: Type.Union([Type.Number(), Type.Null()], { description: '退回的轮次占已出具意见轮次的比例' }),
  topProblems: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() })),
});

export const PublicReviewCountSchema = Type.Object({
  year: Type.Integer(),
  reviews: Type.Integer({ description: '经法制审核的重大执法决定数' }),
  cleared: Type.Integer({ description: '审核同意(含集体讨论决定)的' }),
  rounds: Type.Integer({ description: '审核轮次' }),
  returnedRounds: Type.Integer({ description: '退回承办机构的次数' }),
});
