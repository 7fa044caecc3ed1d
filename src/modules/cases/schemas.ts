import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { DocumentDataSchema, DocumentTypeCode } from '../documents/index.js';
import { type CaseData, REVOCATION_KINDS, SERVICE_METHODS } from './case-data.js';
import { ACTIONS, SOURCES, STAGES } from './procedure.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const Id = Type.String({ minLength: 1, maxLength: 64 });

const Party = Type.Object(
  {
    kind: Literals(['natural', 'organization']),
    name: Type.String({ minLength: 1, maxLength: 200, description: '姓名或名称' }),
    idNo: Type.String({ minLength: 1, maxLength: 32, description: '居民身份证号码或统一社会信用代码(校验位检查)' }),
    address: Type.String({ maxLength: 300 }),
    legalRepresentative: Type.String({ maxLength: 64, description: '法定代表人或负责人(单位必填)' }),
    phone: Type.String({ maxLength: 32 }),
  },
  strict,
);

export const RegisterCaseBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, description: '案由' }),
    unitId: Id,
    procedure: Literals(['general', 'simple']),
    source: Literals(SOURCES),
    itemCode: Type.String({ minLength: 1, maxLength: 32, description: '执法事项编码(使用其现行版本)' }),
    receivedOn: Day('收到案源的日期'),
    summary: Type.String({ maxLength: 4000, description: '案情简述' }),
    parties: Type.Array(Party, { minItems: 1, maxItems: 20 }),
    officers: Type.Array(Type.Object({ officerId: Id, role: Literals(['lead', 'assist']) }, strict), { maxItems: 10 }),
  },
  strict,
);

const PenaltyBody = Type.Object(
  {
    types: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10, description: '处罚种类' }),
    fineYuan: Type.Union([Type.Number({ minimum: 0, maximum: 1e10 }), Type.Null()]),
    basisQuantity: Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()], {
      description: '受侵害人数或计算基数(按人、按倍数计算罚款时)',
    }),
    description: Type.String({ maxLength: 2000 }),
  },
  strict,
);

export const ActionBody = Type.Object(
  {
    performedOn: Day('办理日期'),
    note: Type.String({ maxLength: 8000, description: '文字记录' }),
    officerIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
    evidenceIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    itemStep: Type.Optional(Type.String({ maxLength: 40, description: '执法事项的办理环节(音像记录清单按此判断)' })),
    avException: Type.Optional(Type.Object({ reason: Type.String({ maxLength: 1000 }) }, strict)),
    penalty: Type.Optional(PenaltyBody),
    benchmark: Type.Optional(
      Type.Object(
        {
          code: Type.String({ minLength: 1, maxLength: 32 }),
          tierNo: Type.Integer({ minimum: 1, maximum: 20 }),
          departureReason: Type.String({ maxLength: 2000 }),
        },
        strict,
      ),
    ),
    service: Type.Optional(
      Type.Object(
        {
          method: Literals(SERVICE_METHODS),
          recipient: Type.String({ maxLength: 100 }),
          documentId: Type.Optional(Type.String({ maxLength: 64, description: '送达的文书(默认本案最新签发的相应文书)' })),
          consentEvidenceId: Type.Optional(Type.String({ maxLength: 64, description: '电子送达:当事人签署的送达地址确认书(证据)' })),
        },
        strict,
      ),
    ),
    statementReview: Type.Optional(
      Type.Object(
        { adopted: Type.Boolean({ description: '是否采纳' }), opinion: Type.String({ maxLength: 4000, description: '复核意见' }) },
        strict,
      ),
    ),
    hearingOffered: Type.Optional(Type.Boolean({ description: '拟定事先告知:属于听证范围(较大数额罚款等),告知听证权利' })),
    preservedItems: Type.Optional(Type.String({ maxLength: 4000, description: '先行登记保存的证据物品清单' })),
    installments: Type.Optional(
      Type.Array(
        Type.Object(
          { dueOn: Day('本期缴款期限'), amountYuan: Type.Number({ minimum: 0.01, maximum: 1e10, description: '本期金额(元)' }) },
          strict,
        ),
        { maxItems: 12, description: '延期(一期)或分期缴纳计划' },
      ),
    ),
    rightsWaived: Type.Optional(Type.Boolean()),
    hearingNoticeOn: Type.Optional(Day('听证通知送达日期')),
    presiderOfficerId: Type.Optional(Id),
    collective: Type.Optional(Type.Boolean({ description: '经集体讨论' })),
    reviewRequired: Type.Optional(Type.Boolean({ description: '负责人认定须法制审核' })),
    revocation: Type.Optional(
      Type.Object(
        {
          kind: Literals(REVOCATION_KINDS),
          authority: Type.String({ maxLength: 100, description: '作出机关:本机关、复议机关或人民法院' }),
          instrument: Type.String({ maxLength: 200, description: '文书名称及文号' }),
        },
        { ...strict, description: '登记决定被撤销、变更或确认违法、无效(note 为理由)' },
      ),
    ),
  },
  strict,
);

export const ActionParams = Type.Object({ id: Id, action: Literals(ACTIONS) }, strict);

export const PaymentBody = Type.Object(
  {
    receiptNo: Type.String({ minLength: 1, maxLength: 64, description: '银行或国库缴款凭证号' }),
    amountYuan: Type.Number({ minimum: 0.01, maximum: 1e10, description: '缴款金额(元)' }),
    paidOn: Day('缴款日期'),
  },
  strict,
);

export const ListCasesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64, description: '案件编号、案由或当事人' })),
    stage: Type.Optional(Literals(STAGES)),
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '承办机构(含下级机构)' })),
    officerId: Type.Optional(Id),
    dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: '期限在若干日内到期(含已逾期)' })),
    ...PageQuery,
  },
  strict,
);

export const CaseSummarySchema = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  procedure: Type.String(),
  source: Type.String(),
  stage: Type.String(),
  stageLabel: Type.String(),
  itemCode: Type.String(),
  receivedOn: Type.String(),
  filedOn: Type.Union([Type.String(), Type.Null()]),
  closedOn: Type.Union([Type.String(), Type.Null()]),
  nextDeadline: Type.Union([Type.String(), Type.Null()]),
  reviewRequired: Type.Boolean(),
  partyNames: Type.Optional(Type.Array(Type.String(), { description: '当事人(列表中提供)' })),
});

const Loose = Type.Record(Type.String(), Type.Unknown());

export const CaseSchema = Type.Object({
  ...CaseSummarySchema.properties,
  itemVersionId: Type.String(),
  data: Type.Unsafe<CaseData>({ type: 'object', additionalProperties: true, description: '案件事实、期限、告知、听证、决定、审核判定' }),
  parties: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      name: Type.String(),
      idNo: Type.String(),
      address: Type.String(),
      legalRepresentative: Type.String(),
      phone: Type.String(),
    }),
  ),
  officers: Type.Array(Type.Object({ officerId: Type.String(), role: Type.String(), name: Type.String(), certificateNo: Type.String() })),
  steps: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      action: Type.String(),
      actionLabel: Type.String(),
      stageAfter: Type.String(),
      performedOn: Type.String(),
      data: Loose,
      createdAt: Type.String(),
      createdBy: Type.String(),
      createdByName: Type.String({ description: '办理人姓名' }),
      ledgerIndex: Type.Union([Type.Integer(), Type.Null()], { description: '该环节事件在防篡改日志中的序号(可核验)' }),
    }),
  ),
  payments: Type.Array(Type.Object({ receiptNo: Type.String(), amountYuan: Type.Number(), paidOn: Type.String() })),
  owed: Type.Union(
    [Type.Object({ fineYuan: Type.Number(), lateFeeYuan: Type.Number(), owedYuan: Type.Number(), paidYuan: Type.Number() }), Type.Null()],
    { description: '罚款、加处罚款(计至今日或罚款缴清之日)、应缴合计与已缴;无罚款时为 null' },
  ),
  nextActions: Type.Array(Type.Object({ action: Type.String(), label: Type.String(), approval: Type.Boolean() })),
});

export const CaseDocumentBody = Type.Object(
  {
    type: DocumentTypeCode,
    data: Type.Optional(DocumentDataSchema),
    supersedesId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '更正时:被更正的文书' })),
  },
  strict,
);

export const CaseRecordSchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  occurredAt: Type.String(),
  type: Type.String({ description: '事件类型,如 case.file、case.document_issued、case.payment_recorded' }),
  actorName: Type.String(),
  ledgerIndex: Type.Union([Type.Integer(), Type.Null()], { description: '防篡改日志序号(可取包含证明)' }),
  data: Loose,
});

export const CaseAccessSchema = Type.Object({
  occurredAt: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  ledgerIndex: Type.Union([Type.Integer(), Type.Null()]),
});
