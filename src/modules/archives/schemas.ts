import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';

// Request and response schemas of the archives API.

const strict = { additionalProperties: false } as const;
const Loose = Type.Object({}, { additionalProperties: true });
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export const CaseIdParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);

export const PendingQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '案件编号或案由' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  strict,
);

export const ClosedCaseSchema = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  unitPath: Type.String(),
  procedure: Type.String(),
  itemCode: Type.String(),
  closedOn: Type.String(),
});

export const FilesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '档号、案件编号或案由' })),
    state: Type.Optional(Type.Union([Type.Literal('archived'), Type.Literal('disposed')])),
    retention: Type.Optional(Type.Union([Type.Literal('permanent'), Type.Literal('30y'), Type.Literal('10y')])),
    year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2999 })),
    expiredBy: Type.Optional(Type.String({ pattern: DATE, description: '保管期限在此日之前届满(YYYY-MM-DD)' })),
    ...PageQuery,
  },
  strict,
);

const summaryFields = {
  id: Type.String(),
  caseId: Type.String({ description: '案件 ID' }),
  caseNo: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  archiveNo: Type.String({ description: '档号' }),
  year: Type.Integer(),
  retention: Type.String({ description: 'permanent | 30y | 10y' }),
  retentionLabel: Type.String(),
  retentionUntil: Type.Union([Type.String(), Type.Null()], { description: '保管期限届满日;永久为 null' }),
  pages: Type.Integer(),
  itemCount: Type.Integer(),
  closedOn: Type.String(),
  state: Type.String({ description: 'archived | disposed' }),
  stateLabel: Type.String(),
  legalHold: Type.Union([Type.String(), Type.Null()], { description: '冻结原因' }),
  acceptedAt: Type.String(),
  acceptedByName: Type.String(),
  disposedAt: Type.Union([Type.String(), Type.Null()]),
};

export const CaseFileSummarySchema = Type.Object(summaryFields);

export const ItemSchema = Type.Object({
  position: Type.Integer({ description: '件号' }),
  part: Type.String({ description: 'cover | catalogue | document | evidence | approval | notes' }),
  kind: Type.String({ description: 'document | evidence' }),
  refId: Type.String(),
  title: Type.String(),
  number: Type.Union([Type.String(), Type.Null()]),
  responsible: Type.String(),
  date: Type.String(),
  pages: Type.Union([Type.Integer(), Type.Null()]),
  mediaType: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  supplement: Type.Integer({ description: '0 为接收时的案卷,n 为第 n 次补充归档' }),
  note: Type.String(),
});

export const CheckSchema = Type.Object({
  id: Type.String(),
  trigger: Type.String({ description: 'acceptance | supplement | on_demand' }),
  passed: Type.Boolean(),
  checkedAt: Type.String(),
  report: Loose,
});

export const CaseFileSchema = Type.Object({
  ...summaryFields,
  note: Type.String({ description: '本卷情况说明(接收时填写)' }),
  retentionBases: Type.Array(Type.String()),
  items: Type.Array(ItemSchema),
  supplements: Type.Array(
    Type.Object({ no: Type.Integer(), reason: Type.String(), createdByName: Type.String(), createdAt: Type.String() }),
  ),
  checks: Type.Array(CheckSchema),
  disposalListId: Type.Union([Type.String(), Type.Null()]),
});

export const PlanSchema = Type.Object({
  caseId: Type.String(),
  caseNo: Type.String(),
  title: Type.String(),
  closedOn: Type.String(),
  retention: Type.Object({
    retention: Type.String(),
    label: Type.String(),
    until: Type.Union([Type.String(), Type.Null()]),
    bases: Type.Array(Type.String()),
  }),
  items: Type.Array(
    Type.Object({
      position: Type.Integer(),
      part: Type.String(),
      kind: Type.String(),
      refId: Type.String(),
      title: Type.String(),
      number: Type.Union([Type.String(), Type.Null()]),
      responsible: Type.String(),
      date: Type.String(),
      mediaType: Type.String(),
      fileName: Type.String(),
      sha256: Type.Union([Type.String(), Type.Null()]),
      size: Type.Union([Type.Integer(), Type.Null()]),
      note: Type.String(),
      generated: Type.Boolean(),
      pages: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    }),
  ),
  suggestedPages: Type.Integer(),
  report: Loose,
});

export const AcceptBody = Type.Object(
  {
    pages: Type.Integer({ minimum: 1, maximum: 100000, description: '页数(档案管理员核对后填写)' }),
    note: Type.Optional(Type.String({ maxLength: 2000, description: '本卷情况说明(备考表)' })),
  },
  strict,
);

export const SupplementBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 500, description: '补充归档原因' }),
    pages: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, description: '新增页数' })),
  },
  strict,
);

export const HoldBody = Type.Object(
  { reason: Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()], { description: '冻结原因;null 解除冻结' }) },
  strict,
);

export const DisposalListSchema = Type.Object({
  id: Type.String(),
  listNo: Type.String(),
  state: Type.String({ description: 'pending | approved | executed | rejected' }),
  stateLabel: Type.String(),
  reason: Type.String(),
  createdByName: Type.String(),
  createdAt: Type.String(),
  approvedByName: Type.Union([Type.String(), Type.Null()]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  approvalRef: Type.Union([Type.String(), Type.Null()]),
  decisionOpinion: Type.Union([Type.String(), Type.Null()], { description: '局领导审批意见' }),
  executedAt: Type.Union([Type.String(), Type.Null()]),
  blobsDisposed: Type.Union([Type.Integer(), Type.Null()]),
  files: Type.Array(CaseFileSummarySchema),
});

export const ProposeBody = Type.Object(
  {
    caseFileIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000 }),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  strict,
);

export const DecideBody = Type.Object(
  {
    approve: Type.Boolean(),
    approvalRef: Type.Optional(Type.String({ maxLength: 100, description: '同级档案部门批复文号' })),
    opinion: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);
