import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { CATEGORIES, LIMIT_UNITS, VERSION_STATUSES } from './item-data.js';

const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });
const Free = (maxLength: number, description: string) => Type.String({ maxLength, description });
const strict = { additionalProperties: false } as const;

const Limit = (description: string) =>
  Type.Object({ value: Type.Integer({ minimum: 0, maximum: 3650 }), unit: Literals(LIMIT_UNITS) }, { ...strict, description });

const dataFields = {
  name: Text(200, '事项名称'),
  category: Literals(CATEGORIES),
  unitId: Text(64, '实施主体(承办单位)'),
  legalBases: Type.Array(
    Type.Object({ law: Text(100, '法律法规名称'), article: Text(100, '条款'), text: Free(4000, '条文内容') }, strict),
    { minItems: 1, maxItems: 30, description: '法律依据' },
  ),
  acceptingBody: Free(200, '受理机构'),
  approvingBody: Free(200, '决定机构'),
  conditions: Free(4000, '办理条件/适用情形'),
  materials: Type.Array(Text(200, '材料'), { maxItems: 50, description: '申请(所需)材料' }),
  statutoryLimit: Limit('法定办理时限'),
  promisedLimit: Limit('承诺办理时限'),
  fees: Free(500, '收费标准及依据'),
  steps: Type.Array(Type.Object({ name: Text(40, '环节名称'), role: Text(60, '承办岗位'), timeLimit: Free(60, '环节时限') }, strict), {
    minItems: 1,
    maxItems: 30,
    description: '办理流程(按顺序)',
  }),
  remedies: Type.Array(Type.Object({ channel: Text(100, '救济途径'), period: Text(100, '期限') }, strict), {
    maxItems: 10,
    description: '救济途径(行政复议、行政诉讼)',
  }),
  supervision: Free(500, '监督渠道'),
  complaint: Free(500, '投诉渠道'),
};

export const ItemDataSchema = Type.Object(dataFields, strict);

export const ItemDataPatch = Type.Partial(ItemDataSchema, { ...strict, minProperties: 1 });

const LimitOut = Type.Object({ value: Type.Integer(), unit: Type.String() });
const outFields = { ...dataFields, category: Type.String(), statutoryLimit: LimitOut, promisedLimit: LimitOut };
const ItemDataOut = Type.Object(outFields);

export const VersionSchema = Type.Object({
  id: Type.String(),
  itemId: Type.String(),
  versionNo: Type.Integer(),
  status: Type.String({ description: VERSION_STATUSES.join(' | ') }),
  statusLabel: Type.String(),
  data: ItemDataOut,
  unitName: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
});

export const ItemSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  createdAt: Type.String(),
  currentVersionId: Type.Union([Type.String(), Type.Null()]),
  draftVersionId: Type.Union([Type.String(), Type.Null()]),
  versions: Type.Array(VersionSchema),
});

export const ItemSummarySchema = Type.Object({ code: Type.String(), latestVersion: VersionSchema });

const Code = Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9A-Za-z][0-9A-Za-z-]*$', description: '事项编码' });

export const CreateItemBody = Type.Object({ code: Code, data: ItemDataSchema }, strict);
export const CreateVersionBody = Type.Object({ data: Type.Optional(ItemDataSchema) }, strict);

export const VersionParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), versionId: Type.String({ minLength: 1, maxLength: 64 }) },
  strict,
);

const filters = {
  q: Type.Optional(Type.String({ maxLength: 64, description: '编码或名称关键词' })),
  category: Type.Optional(Literals(CATEGORIES)),
  unitId: Type.Optional(Type.String({ maxLength: 64 })),
};

export const ListItemsQuery = Type.Object({ ...filters, ...PageQuery }, strict);

export const PublicItemSummarySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  unitName: Type.String(),
  versionNo: Type.Integer(),
  publishedAt: Type.String(),
});

const { unitId: _unitId, ...publicData } = outFields;

export const PublicItemSchema = Type.Object({
  code: Type.String(),
  versionId: Type.String({ description: '版本标识(案件引用此标识)' }),
  versionNo: Type.Integer(),
  current: Type.Boolean({ description: '是否为现行版本' }),
  publishedAt: Type.String(),
  unitName: Type.String(),
  ...publicData,
  history: Type.Array(Type.Object({ versionNo: Type.Integer(), publishedAt: Type.String(), current: Type.Boolean() })),
});

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }, strict);
