import { type TSchema, Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { BATCH_STATES, CATEGORIES, ENTRY_STATES } from './categories.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// ---- requests -----------------------------------------------------------------------------------

const FieldProps = {
  subjectName: Type.String({ maxLength: 200, description: '违法主体全称' }),
  creditCode: Type.String({ maxLength: 32, description: '统一社会信用代码(或注册号)' }),
  address: Type.String({ maxLength: 300, description: '地址' }),
  responsiblePerson: Type.String({ maxLength: 50, description: '法定代表人或负责人姓名' }),
  facts: Type.String({ maxLength: 2000, description: '主要违法事实' }),
  handling: Type.String({ maxLength: 2000, description: '相关处理情况' }),
};

export const EntryBody = Type.Object(
  { category: Nullable(Type.String({ maxLength: 40, description: `违法行为类别:${CATEGORIES.join(' | ')}` })), ...FieldProps },
  strict,
);

export const ReasonBody = Type.Object({ reason: Type.String({ maxLength: 2000, description: '理由' }) }, strict);

export const DeriveBody = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);

export const QuarterBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), quarter: Type.Integer({ minimum: 1, maximum: 4 }) },
  strict,
);

export const EntriesQuery = Type.Object(
  {
    state: Type.Optional(Literals(ENTRY_STATES)),
    q: Type.Optional(Type.String({ maxLength: 50, description: '违法主体名称或案件编号' })),
    ...PageQuery,
  },
  strict,
);

export const PublicListParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), quarter: Type.Integer({ minimum: 1, maximum: 4 }) },
  strict,
);

export const PublicListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 50, description: '违法主体名称' })) }, strict);

export const PublicBatchesQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, strict);

// ---- responses ----------------------------------------------------------------------------------

const Fields = {
  subjectName: Type.String(),
  creditCode: Type.String(),
  address: Type.String(),
  responsiblePerson: Type.String(),
  facts: Type.String(),
  handling: Type.String(),
};

export const EntrySchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNo: Type.String(),
  unitId: Type.String(),
  decidedOn: Type.String(),
  year: Type.Integer(),
  quarter: Type.Integer(),
  category: Nullable(Type.String({ description: `违法行为类别:${CATEGORIES.join(' | ')}` })),
  categoryLabel: Nullable(Type.String()),
  ...Fields,
  state: Type.String({ description: ENTRY_STATES.join(' | ') }),
  excludedReason: Nullable(Type.String()),
  batch: Nullable(
    Type.Object({
      id: Type.String(),
      year: Type.Integer(),
      quarter: Type.Integer(),
      state: Type.String({ description: BATCH_STATES.join(' | ') }),
    }),
  ),
  removedReason: Nullable(Type.String()),
  removedAt: Nullable(Type.String()),
  editable: Type.Boolean(),
  updatedAt: Type.String(),
});

export const DerivedSchema = Type.Object({ entryIds: Type.Array(Type.String()) });

const BatchFields = {
  id: Type.String(),
  year: Type.Integer(),
  quarter: Type.Integer(),
  label: Type.String(),
  state: Type.String({ description: BATCH_STATES.join(' | ') }),
  dueOn: Type.String(),
  overdue: Type.Boolean(),
  entryCount: Type.Integer(),
  removedCount: Type.Integer(),
  compiledAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  listSha256: Nullable(Type.String()),
  ledgerIndex: Nullable(Type.Integer()),
};

export const BatchSummarySchema = Type.Object(BatchFields);
export const BatchSchema = Type.Object({ ...BatchFields, entries: Type.Array(EntrySchema) });

const PublicBatchFields = {
  year: Type.Integer(),
  quarter: Type.Integer(),
  label: Type.String({ description: '如 2026 年第三季度' }),
  publishedAt: Type.String(),
  entryCount: Type.Integer({ description: '公布时的事项数' }),
  removedCount: Type.Integer({ description: '此后撤下的事项数' }),
  listSha256: Type.String({ description: '公布时名单(规范 JSON)的 SHA-256' }),
  ledgerIndex: Type.Integer({ description: '发布事件的账本序号' }),
};

export const PublicBatchSchema = Type.Object(PublicBatchFields);

export const PublicListSchema = Type.Object({
  ...PublicBatchFields,
  entries: Type.Array(
    Type.Object({
      no: Type.Integer({ description: '名单中的序号' }),
      category: Type.String({ description: CATEGORIES.join(' | ') }),
      categoryLabel: Type.String(),
      ...Fields,
      decidedOn: Type.String({ description: '处理决定日期' }),
      removed: Nullable(Type.Object({ reason: Type.String(), removedAt: Type.String() }, { description: '撤下说明' })),
    }),
  ),
});
