import { type TSchema, Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { ENTITY_SIZES, IMPORT_STATES, MAX_STORED_ERRORS, RISK_CLASSES } from './entities-views.js';

// Schemas of the 检查对象名录库 routes (entities-routes.ts).

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// ---- requests -----------------------------------------------------------------------------------

export const UsccParams = Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 32, description: '统一社会信用代码' }) }, strict);

export const EntitiesQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ maxLength: 50, description: '所属区域(完全一致)' })),
    industry: Type.Optional(Type.String({ maxLength: 50, description: '行业(完全一致)' })),
    riskClass: Type.Optional(Literals(RISK_CLASSES)),
    active: Type.Optional(Type.Boolean({ description: 'true:在册;false:已停用;不填:全部' })),
    q: Type.Optional(Type.String({ maxLength: 50, description: '名称的一部分,或统一社会信用代码的开头' })),
    ...PageQuery,
  },
  strict,
);

// Lengths and vocabularies are checked by the service, which answers with a code per problem
// (field_required, field_too_long, size_invalid, risk_class_invalid, phone_invalid); the schema only bounds the body.
const text = (description: string) => Type.String({ maxLength: 1000, description });

export const EntityBody = Type.Object(
  {
    name: text('名称'),
    legalRepresentative: text('法定代表人(负责人)'),
    address: text('住所(地址)'),
    region: text('所属区域'),
    industry: text('行业'),
    size: text(`规模:${ENTITY_SIZES.join(' | ')},或空字符串`),
    riskClass: text(`风险等级:${RISK_CLASSES.join(' | ')};空字符串按 B`),
    contact: text('联络人'),
    phone: text('联系电话'),
  },
  strict,
);

export const ReasonBody = Type.Object({ reason: Type.String({ maxLength: 2000, description: '原因(必填)' }) }, strict);

export const ImportQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ maxLength: 255, description: '文件名(也可用 X-File-Name 请求头,UTF-8 百分号编码)' })) },
  strict,
);

export const ImportListQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, strict);

// ---- responses ----------------------------------------------------------------------------------

export const EntitySchema = Type.Object({
  uscc: Type.String(),
  name: Type.String(),
  legalRepresentative: Type.String(),
  address: Type.String(),
  region: Type.String(),
  industry: Type.String(),
  size: Type.String({ description: `${ENTITY_SIZES.join(' | ')},或空(未填)` }),
  riskClass: Type.String({ description: RISK_CLASSES.join(' | ') }),
  contact: Type.String(),
  phone: Type.String(),
  active: Type.Boolean({ description: 'false:已停用(注销、迁出等),不再参加抽取' }),
  importId: Nullable(Type.String({ description: '最近写入该对象的导入' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const EntityListSchema = Type.Object({
  items: Type.Array(EntitySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Object({ regions: Facet, industries: Facet }, { description: '名录库中全部区域和行业及其对象数,供筛选下拉框使用' }),
});

export const ImportSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  state: Type.String({ description: `${IMPORT_STATES.join(' | ')}(读取校验中 | 失败,未写入 | 完成)` }),
  rowsRead: Type.Integer({ description: '已读取的数据行数(读取中每几千行更新一次)' }),
  rowsWritten: Type.Integer({ description: '新增和更新的对象数' }),
  errorCount: Type.Integer({ description: '错误总数' }),
  errors: Type.Array(
    Type.Object({
      row: Nullable(Type.Integer({ description: '行号(表头为第 1 行;整个文件的问题为 null)' })),
      column: Nullable(Type.String({ description: '列名' })),
      reason: Type.String(),
    }),
    { description: `前 ${MAX_STORED_ERRORS} 处错误` },
  ),
  summary: Nullable(
    Type.Object({
      created: Type.Integer({ description: '新增' }),
      updated: Type.Integer({ description: '更新' }),
      unchanged: Type.Integer({ description: '与名录库一致、未变更' }),
      inactive: Type.Integer({ description: '其中已停用的对象(导入不改变停用状态)' }),
      sha256: Type.String({ description: '文件的 SHA-256' }),
      readMs: Type.Integer({ description: '读取校验用时(毫秒)' }),
      writeMs: Type.Integer({ description: '写入用时(毫秒)' }),
    }),
  ),
  createdBy: Type.String({ description: '导入人(用户 ID)' }),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});

/** Raw bytes (never serialized; the schema only documents the answer). */
export const Binary = (description: string) => Type.Unknown({ description });
