import { type TSchema, Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { ITEM_KINDS, PLAN_STATES, RESULT_KINDS, TASK_STATES } from './model.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const Day = (description: string) => Type.String({ maxLength: 10, description: `${description}(YYYY-MM-DD)` });

// ---- items ---------------------------------------------------------------------------------------

const ItemFields = {
  category: Str(50, '抽查类别'),
  name: Str(200, '抽查事项'),
  target: Str(200, '检查对象'),
  kind: Type.String({ description: ITEM_KINDS.join(' | ') }),
  basis: Str(4000, '检查依据'),
  content: Str(4000, '抽查内容'),
  method: Str(500, '检查方式'),
  percent: Type.Number({ description: '抽查比例(%,全年)' }),
  frequency: Str(200, '抽查频次'),
  level: Str(100, '实施层级'),
  field: Str(50, '执法检查人员须具备的执法类别'),
};

export const ItemBody = Type.Object(
  { ...ItemFields, kind: Literals(ITEM_KINDS), unitId: Str(64, '实施机构'), changeNote: Type.Optional(Str(2000, '修订理由(修订时必填)')) },
  strict,
);

export const ItemSchema = Type.Object({
  ...ItemFields,
  id: Type.String(),
  code: Type.String(),
  versionNo: Type.Integer(),
  current: Type.Boolean(),
  unitId: Type.String(),
  unitName: Type.String(),
  changeNote: Nullable(Type.String()),
  publishedAt: Type.String(),
});

export const PublicItemSchema = Type.Object({
  ...ItemFields,
  code: Type.String(),
  versionNo: Type.Integer(),
  current: Type.Boolean(),
  unitName: Type.String(),
  changeNote: Nullable(Type.String()),
  publishedAt: Type.String(),
});

export const CodeParams = Type.Object({ code: Str(32) }, strict);
export const SearchQuery = Type.Object({ q: Type.Optional(Str(50, '关键词')) }, strict);
export const ReasonBody = Type.Object({ reason: Str(2000, '理由') }, strict);

// ---- inspectors and conflicts --------------------------------------------------------------------

export const InspectorsQuery = Type.Object({ unitId: Str(64), field: Type.Optional(Str(50, '执法类别,默认劳动保障监察')) }, strict);

export const InspectorSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  certificateNo: Type.String(),
  categories: Type.Array(Type.String()),
  valid: Type.Boolean(),
  statusLabel: Type.String(),
  conflicts: Type.Integer(),
});

export const ConflictBody = Type.Object(
  { officerId: Type.Optional(Str(64, '执法人员(不填为本人)')), uscc: Str(18, '检查对象统一社会信用代码'), reason: Str(500, '利害关系') },
  strict,
);

export const ConflictSchema = Type.Object({
  id: Type.String(),
  officerId: Type.String(),
  officerName: Type.String(),
  certificateNo: Type.String(),
  uscc: Type.String(),
  entityName: Type.String(),
  reason: Type.String(),
  declaredAt: Type.String(),
});

export const ConflictsQuery = Type.Object({ uscc: Type.Optional(Str(18)) }, strict);

// ---- plans ---------------------------------------------------------------------------------------

export const PlanBody = Type.Object(
  {
    title: Str(200, '计划名称'),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    unitId: Str(64, '实施机构'),
    description: Str(4000, '说明'),
    itemCodes: Type.Array(Str(32), { maxItems: 50, description: '抽查事项编码(一次检查、多项事项)' }),
    regions: Type.Array(Str(50), { maxItems: 100 }),
    industries: Type.Array(Str(50), { maxItems: 100 }),
    riskClasses: Type.Array(Str(1), { maxItems: 4 }),
    sampling: Type.Object(
      {
        mode: Literals(['percent', 'count']),
        values: Type.Record(Type.String({ maxLength: 4 }), Type.Number(), { description: '「全部」或按风险类别 A/B/C/D' }),
      },
      strict,
    ),
    teamSize: Type.Integer({ minimum: 0, maximum: 10 }),
    maxTasksPerInspector: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
    field: Str(50, '执法类别'),
    algorithm: Literals(['vrs', 'rfc3797']),
    sources: Type.Array(Type.Object({ name: Str(200), description: Str(1000) }, strict), { maxItems: 10 }),
    drawOn: Day('抽取日期'),
    inspectFrom: Day('检查开始日期'),
    inspectTo: Day('检查结束日期'),
    commitment: Type.Optional(Nullable(Str(64, '自行保管一次性码时,填写其 SHA-256'))),
  },
  strict,
);

const SourceSchema = Type.Object({ name: Type.String(), description: Type.String(), values: Nullable(Type.Array(Type.String())) });
const QuotaSchema = Type.Object({ stratum: Type.String(), size: Type.Integer(), count: Type.Integer() });

const PlanFields = {
  id: Type.String(),
  title: Type.String(),
  year: Type.Integer(),
  state: Type.String({ description: PLAN_STATES.join(' | ') }),
  stateLabel: Type.String(),
  description: Type.String(),
  items: Type.Array(Type.Object({ code: Type.String(), versionNo: Type.Integer(), name: Type.String() })),
  filter: Type.Object({
    regions: Type.Array(Type.String()),
    industries: Type.Array(Type.String()),
    riskClasses: Type.Array(Type.String()),
  }),
  sampling: Type.Object({ mode: Type.String(), values: Type.Record(Type.String(), Type.Number()) }),
  teamSize: Type.Integer(),
  maxTasksPerInspector: Nullable(Type.Integer()),
  field: Type.String(),
  algorithm: Type.String(),
  sources: Type.Array(SourceSchema),
  drawOn: Type.String(),
  inspectFrom: Type.String(),
  inspectTo: Type.String(),
  externalCode: Type.Boolean(),
  commitment: Nullable(Type.String()),
  code: Nullable(Type.String()),
  announcement: Nullable(
    Type.Object({
      quotas: Type.Array(QuotaSchema),
      inspectorCount: Type.Integer(),
      inspectorsSha256: Type.String(),
      conflictCount: Type.Integer(),
      conflictsSha256: Type.String(),
    }),
  ),
  populationCount: Nullable(Type.Integer()),
  populationSha256: Nullable(Type.String()),
  announcedAt: Nullable(Type.String()),
  announceLedgerIndex: Nullable(Type.Integer()),
  drawnAt: Nullable(Type.String()),
  drawLedgerIndex: Nullable(Type.Integer()),
  targetCount: Nullable(Type.Integer()),
  recusalCount: Nullable(Type.Integer({ description: '回避次数(抽取后)' })),
  cancelReason: Nullable(Type.String({ description: '取消理由' })),
  unfilledCount: Nullable(Type.Integer({ description: '未能配齐的检查组席位数(抽取后)' })),
};

export const PlanSchema = Type.Object({ ...PlanFields, unitId: Type.String(), createdAt: Type.String() });
export const PublicPlanSchema = Type.Object({ ...PlanFields, unitName: Type.String() });

export const PlansQuery = Type.Object(
  { state: Type.Optional(Literals(PLAN_STATES)), year: Type.Optional(Type.Integer()), q: Type.Optional(Str(50)), ...PageQuery },
  strict,
);
export const PublicPlansQuery = Type.Object({ year: Type.Optional(Type.Integer()), q: Type.Optional(Str(50)), ...PageQuery }, strict);

const MemberSchema = Type.Object({ officerId: Type.String(), name: Type.String(), certificateNo: Type.String() });

export const PreviewSchema = Type.Object({
  populationCount: Type.Integer(),
  quotas: Type.Array(QuotaSchema),
  inspectors: Type.Array(MemberSchema),
  inspectorsSha256: Type.String(),
  conflictCount: Type.Integer(),
  conflictsSha256: Type.String(),
  problems: Type.Array(Type.String()),
});

export const DrawBody = Type.Object(
  {
    values: Type.Array(Type.Array(Str(80), { maxItems: 100 }), { maxItems: 10, description: '每个随机源的开奖号码,按公告顺序' }),
    code: Type.Optional(Str(200, '自行保管的一次性码(十六进制)')),
  },
  strict,
);

// ---- tasks ---------------------------------------------------------------------------------------

export const TaskSchema = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  planTitle: Type.String(),
  ordinal: Type.Integer(),
  uscc: Type.String(),
  entityName: Type.String(),
  unitId: Type.String(),
  team: Type.Array(MemberSchema),
  state: Type.String({ description: TASK_STATES.join(' | ') }),
  stateLabel: Type.String(),
  items: Type.Array(Type.Object({ code: Type.String(), versionNo: Type.Integer(), name: Type.String() })),
  inspectFrom: Type.String({ description: '计划的检查时间段' }),
  inspectTo: Type.String(),
  inspectedFrom: Nullable(Type.String()),
  inspectedTo: Nullable(Type.String()),
  result: Nullable(Type.String()),
  findings: Nullable(Type.String()),
  publishDue: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  inspectionCaseId: Nullable(Type.String({ description: '记录本次检查的行政检查案件' })),
  caseId: Nullable(Type.String({ description: '发现问题后登记的行政处罚案件' })),
  overdue: Type.Boolean(),
});

export const TasksQuery = Type.Object(
  {
    planId: Type.Optional(Str(64)),
    state: Type.Optional(Literals(TASK_STATES)),
    mine: Type.Optional(Type.Boolean({ description: '只看本人所在检查组的任务' })),
    overdue: Type.Optional(Type.Boolean({ description: '只看逾期未公示的' })),
    q: Type.Optional(Str(50)),
    ...PageQuery,
  },
  strict,
);

export const InspectBody = Type.Object(
  {
    inspectedFrom: Day('检查开始日期'),
    inspectedTo: Day('检查结束日期'),
    result: Literals(RESULT_KINDS),
    findings: Str(4000, '检查情况'),
  },
  strict,
);

export const StartBody = Type.Object({ itemCode: Str(64, '行政检查类执法事项编码') }, strict);

export const OpenCaseBody = Type.Object(
  {
    itemCode: Str(64, '执法事项编码(行政处罚)'),
    title: Str(200),
    summary: Str(4000),
    leadOfficerId: Str(64),
    assistOfficerId: Str(64),
  },
  strict,
);

export const PublicTaskSchema = Type.Object({
  ordinal: Type.Integer(),
  uscc: Type.String(),
  entityName: Type.String(),
  stratum: Type.String(),
  position: Type.String(),
  unfilled: Type.Integer(),
  team: Type.Array(MemberSchema),
  recusals: Type.Array(Type.Object({ inspector: MemberSchema, substitute: Nullable(MemberSchema) })),
  planId: Type.String(),
  planTitle: Type.String(),
  unitName: Type.String(),
  items: Type.Array(Type.String()),
  inspectedFrom: Nullable(Type.String()),
  inspectedTo: Nullable(Type.String()),
  result: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
});

export const PublicTasksQuery = Type.Object({ q: Type.Optional(Str(50)), ...PageQuery }, strict);
