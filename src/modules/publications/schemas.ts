import { type TSchema, Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { PII_KINDS } from '../../platform/pii/index.js';
import { PUBLICATION_CATEGORIES, PUBLICATION_STATES } from './publication-data.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// ---- requests -----------------------------------------------------------------------------------

export const PublishBody = Type.Object(
  {
    findings: Type.Array(
      Type.Object(
        {
          start: Type.Integer({ minimum: 0, description: '在决定书全文(draft.text)中的起始位置(UTF-16 码元)' }),
          end: Type.Integer({ minimum: 1, description: '结束位置(不含)' }),
          replacement: Type.String({ minLength: 1, maxLength: 100, description: '公开文本中显示的替代内容' }),
        },
        strict,
      ),
      { maxItems: 2000, description: '经人工确认需隐去的个人信息' },
    ),
    changeNote: Type.Optional(Type.String({ maxLength: 2000, description: '更正说明(更正已公开的决定时必填)' })),
    textSha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: '确认时所依据的全文的 SHA-256(draft.textSha256)' })),
  },
  strict,
);

export const ReasonBody = Type.Object({ reason: Type.String({ maxLength: 2000, description: '理由' }) }, strict);

export const ListPublicationsQuery = Type.Object(
  {
    state: Type.Optional(Literals(PUBLICATION_STATES)),
    dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: '公开期限在若干日内到期(含已逾期;只列待公开的)' })),
    unitId: Type.Optional(Type.String({ maxLength: 64, description: '承办机构(含下级机构)' })),
    ...PageQuery,
  },
  strict,
);

export const PublicDecisionsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: '在公开的决定全文中查找(空格分隔的各词均须出现)' })),
    unit: Type.Optional(Type.String({ maxLength: 64, description: '作出决定的机构(含下级机构)' })),
    category: Type.Optional(Literals(PUBLICATION_CATEGORIES)),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: '决定年度' })),
    ...PageQuery,
  },
  strict,
);

// ---- responses ----------------------------------------------------------------------------------

const SummaryFields = {
  documentNumber: Nullable(Type.String({ description: '决定书文号' })),
  documentTitle: Type.String({ description: '文书名称' }),
  party: Type.String({ description: '当事人(自然人显示为张某某)' }),
  violation: Type.String({ description: '违法行为类型' }),
  penalty: Type.String({ description: '处罚内容' }),
  agency: Type.String({ description: '作出决定的机关' }),
  decidedOn: Type.String({ description: '决定日期' }),
};
const Summary = Type.Object(SummaryFields);

const RedactionSchema = Type.Object({
  kind: Type.String({ description: `${PII_KINDS.join(' / ')} / manual` }),
  start: Type.Integer({ description: '在公开文本中的起始位置' }),
  end: Type.Integer(),
  replacement: Type.String(),
});

const FindingSchema = Type.Object({
  kind: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String({ description: '原文(仅工作人员可见)' }),
  confidence: Type.String(),
  replacement: Type.String({ description: '建议的替代内容' }),
  reason: Type.String(),
  keep: Type.Boolean({ description: '公开信息(默认不隐去)' }),
});

export const PublicationListItemSchema = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  documentType: Type.String(),
  documentNumber: Nullable(Type.String()),
  caseId: Type.String(),
  caseNo: Type.String(),
  unitId: Type.String(),
  category: Type.String(),
  categoryLabel: Type.String(),
  decidedOn: Type.String(),
  dueOn: Nullable(Type.String({ description: '公开期限(null:所在年度节假日未录入,待定)' })),
  state: Type.String(),
  stateLabel: Type.String(),
  blockedReason: Nullable(Type.String()),
  withdrawnReason: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String()),
  currentVersion: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  expiresOn: Nullable(Type.String({ description: '公示期满之日(自该日起不再公示)' })),
  revokedOn: Nullable(Type.String({ description: '决定被撤销、变更或确认违法、无效的登记日期' })),
  withdrawalDueOn: Nullable(Type.String({ description: '撤回期限(登记后 3 个工作日)' })),
  updatedAt: Type.String(),
});

const VersionSchema = Type.Object({
  version: Type.Integer(),
  summary: Summary,
  text: Type.String(),
  redactions: Type.Array(RedactionSchema),
  originalSha256: Type.String(),
  textSha256: Type.String(),
  changeNote: Nullable(Type.String()),
  publishedAt: Type.String(),
  publishedBy: Type.String(),
  publishedByName: Nullable(Type.String()),
  ledgerIndex: Type.Integer(),
  confirmed: Nullable(
    Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer(), replacement: Type.String() }), {
      description: '确认隐去的内容在决定书全文中的位置和替代内容(仅工作人员可见)',
    }),
  ),
  sourceTextSha256: Nullable(Type.String()),
});

export const PublicationSchema = Type.Object({
  ...PublicationListItemSchema.properties,
  draft: Nullable(
    Type.Object({
      text: Type.String({ description: '决定书全文(未脱敏)' }),
      textSha256: Type.String(),
      summary: Summary,
      findings: Type.Array(FindingSchema),
      documentSuperseded: Type.Boolean(),
    }),
  ),
  versions: Type.Array(VersionSchema),
  history: Type.Array(
    Type.Object({
      type: Type.String(),
      occurredAt: Type.String(),
      actorName: Type.String(),
      ledgerIndex: Nullable(Type.Integer()),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const PublicDecisionItemSchema = Type.Object({
  id: Type.String(),
  ...SummaryFields,
  unitId: Type.String(),
  unitName: Type.String({ description: '作出决定的机构(谁执法谁公示)' }),
  category: Type.String(),
  categoryLabel: Type.String(),
  version: Type.Integer(),
  publishedAt: Type.String(),
});

const PublishedDecisionSchema = Type.Object({
  ...PublicDecisionItemSchema.properties,
  state: Type.Literal('published'),
  text: Type.String({ description: '脱敏后的决定书全文' }),
  redactions: Type.Array(RedactionSchema),
  changeNote: Nullable(Type.String()),
  originalSha256: Type.String({ description: '原决定书(.docx)的 SHA-256' }),
  textSha256: Type.String({ description: '公开文本(UTF-8)的 SHA-256' }),
  ledgerIndex: Type.Integer({ description: '公开事件在执法记录账本中的序号' }),
  ledgerEventData: Type.String({ description: '公开事件的数据(规范 JSON,其 SHA-256 即账本条目的 dataHash)' }),
  expiresOn: Nullable(Type.String({ description: '公示期满之日' })),
  versions: Type.Array(
    Type.Object({ version: Type.Integer(), publishedAt: Type.String(), changeNote: Nullable(Type.String()), ledgerIndex: Type.Integer() }),
  ),
});

const WithdrawnDecisionSchema = Type.Object({
  id: Type.String(),
  state: Type.Literal('withdrawn'),
  documentNumber: Nullable(Type.String()),
  withdrawnAt: Type.String(),
  reason: Type.String({ description: '撤回理由' }),
  notice: Type.String({ description: '撤回说明' }),
});

const ExpiredDecisionSchema = Type.Object({
  id: Type.String(),
  state: Type.Literal('expired'),
  documentNumber: Nullable(Type.String()),
  expiredOn: Type.String(),
  notice: Type.String({ description: '公示期满说明' }),
});

export const PublicDecisionSchema = Type.Union([PublishedDecisionSchema, WithdrawnDecisionSchema, ExpiredDecisionSchema]);
