import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { LEGAL_QUALIFICATIONS, TRAINING_KINDS } from './officer-views.js';
import { BATCH_STATUSES, ITEM_ACTIONS } from './roster-batches.js';
import { CERTIFICATE_PATTERN, OFFICER_STATUSES } from './validity.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = () => Type.Union([Type.String(), Type.Null()]);
const DateText = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description}(YYYY-MM-DD)` });
const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

export const OfficerSchema = Type.Object({
  id: Type.String(),
  userId: Nullable(),
  name: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  position: Type.String(),
  categories: Type.Array(Type.String()),
  certificateNo: Type.String(),
  issuingAuthority: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  validToday: Type.Object({ valid: Type.Boolean(), reason: Type.String() }),
  legalQualification: Type.Object({ level: Type.String(), certificateNo: Nullable() }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const officerFields = {
  userId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  name: Text(64, '姓名'),
  unitId: Text(64, '所属单位'),
  position: Text(64, '职务'),
  categories: Type.Array(Text(64, '执法类别/执法领域'), { minItems: 1, maxItems: 20, uniqueItems: true }),
  certificateNo: Type.String({ minLength: 1, maxLength: 32, pattern: CERTIFICATE_PATTERN.source, description: '执法证件号码' }),
  issuingAuthority: Text(64, '发证机关'),
  validFrom: DateText('有效期起始日'),
  validTo: DateText('有效期截止日'),
  status: Type.Optional(Literals(OFFICER_STATUSES)),
  legalQualification: Type.Optional(
    Type.Object(
      { level: Literals(LEGAL_QUALIFICATIONS), certificateNo: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])) },
      { additionalProperties: false },
    ),
  ),
};

export const CreateOfficerBody = Type.Object(officerFields, { additionalProperties: false });

export const UpdateOfficerBody = Type.Object(
  {
    userId: officerFields.userId,
    name: Type.Optional(officerFields.name),
    unitId: Type.Optional(officerFields.unitId),
    position: Type.Optional(officerFields.position),
    categories: Type.Optional(officerFields.categories),
    certificateNo: Type.Optional(officerFields.certificateNo),
    issuingAuthority: Type.Optional(officerFields.issuingAuthority),
    validFrom: Type.Optional(officerFields.validFrom),
    validTo: Type.Optional(officerFields.validTo),
    status: officerFields.status,
    legalQualification: officerFields.legalQualification,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ListOfficersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Literals(OFFICER_STATUSES)),
    /** Only this unit and its sub-units (within the reader's own scope). */
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AlertsSchema = Type.Object({
  today: Type.String(),
  days: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(OfficerSchema),
});

export const TrainingSchema = Type.Object({
  id: Type.String(),
  officerId: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  date: Type.String(),
  hours: Type.Number(),
  provider: Type.String(),
});

export const TrainingBody = Type.Object(
  {
    kind: Literals(TRAINING_KINDS),
    date: DateText('培训日期'),
    hours: Type.Number({ minimum: 0, maximum: 1000, description: '学时(大于 0)' }),
    provider: Text(100, '培训机构'),
  },
  { additionalProperties: false },
);

export const TrainingParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), trainingId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

const EntrySchema = Type.Object({
  officerId: Type.String(),
  name: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  position: Type.String(),
  categories: Type.Array(Type.String()),
  certificateNo: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  status: Type.String(),
});

export const BatchSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  note: Nullable(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  submittedAt: Nullable(),
  decidedAt: Nullable(),
  decidedBy: Nullable(),
  returnReason: Nullable(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  publishDeadline: Nullable(),
  items: Type.Array(
    Type.Object({
      officerId: Type.String(),
      officerName: Type.String(),
      certificateNo: Type.String(),
      action: Type.String(),
      entry: Type.Union([EntrySchema, Type.Null()]),
    }),
  ),
});

const BatchItems = Type.Array(
  Type.Object({ officerId: Text(64, '执法人员'), action: Literals(ITEM_ACTIONS) }, { additionalProperties: false }),
  { maxItems: 500 },
);
const Note = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

export const CreateBatchBody = Type.Object(
  { title: Text(100, '批次名称'), note: Type.Optional(Note), items: BatchItems },
  { additionalProperties: false },
);

export const UpdateBatchBody = Type.Object(
  { title: Type.Optional(Text(100, '批次名称')), note: Type.Optional(Note), items: Type.Optional(BatchItems) },
  { additionalProperties: false, minProperties: 1 },
);

export const ListBatchesQuery = Type.Object(
  { status: Type.Optional(Literals(BATCH_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);

export const ReturnBody = Type.Object(
  { reason: Type.String({ maxLength: 500, description: '退回理由(必填)' }) },
  { additionalProperties: false },
);

export const PublicRosterQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 64 })),
    unit: Type.Optional(Type.String({ maxLength: 64 })),
    category: Type.Optional(Type.String({ maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PublicRosterSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      unitName: Type.String(),
      position: Type.String(),
      categories: Type.Array(Type.String()),
      certificateNo: Type.String(),
      validUntil: Type.String(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CertificateParams = Type.Object(
  { certificateNo: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export const VerifySchema = Type.Object({
  name: Type.String(),
  unit: Type.String(),
  certificateNo: Type.String(),
  validUntil: Type.String(),
  status: Type.String({ description: '有效 | 已过期 | 暂扣 | 注销 | 未生效(北京时间当日)' }),
});
