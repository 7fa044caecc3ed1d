import { Type } from 'typebox';
import { ContactSchema, DocumentDataSchema, PaymentSchema, RemediesSchema } from './data-schema.js';
import { DOCUMENT_TYPE_CODES } from './types.js';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DocumentTypeCode = Type.Union(
  DOCUMENT_TYPE_CODES.map((code) => Type.Literal(code)),
  { description: '文书种类代码' },
);

export const DocumentTypeSchema = Type.Object({
  code: Type.String(),
  title: Type.String({ description: '文书名称' }),
  numbered: Type.Boolean({ description: '是否编文号' }),
  abbr: Type.Union([Type.String(), Type.Null()], { description: '文号中的类型简称' }),
  layout: Type.String({ description: 'letter | form | record' }),
  required: Type.Array(Type.Object({ path: Type.String(), label: Type.String() }), { description: '签发时必填的字段' }),
  extraKeys: Type.Record(Type.String(), Type.String(), { description: '模板读取的 extra 字段及含义' }),
});

export const PreviewBody = Type.Object({ type: DocumentTypeCode, data: DocumentDataSchema }, strict);

export const PreviewSchema = Type.Object({
  html: Type.String({ description: '可直接嵌入的 HTML 片段(所有内容已转义)' }),
  missing: Type.Array(Type.String(), { description: '尚未填写的必填字段(签发时会被拒绝)' }),
});

export const IssuedDocumentSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  unitId: Type.String(),
  type: Type.String(),
  title: Type.String(),
  number: Nullable(Type.String({ description: '文号' })),
  version: Type.Integer({ description: '版本(更正后递增)' }),
  supersedesId: Nullable(Type.String({ description: '所更正的文书' })),
  supersededBy: Nullable(Type.String({ description: '更正本文书的文书' })),
  documentDate: Type.String({ description: '成文日期' }),
  sha256: Type.String(),
  size: Type.Integer(),
  issuedAt: Type.String(),
  issuedBy: Type.String(),
  issuedByName: Type.String(),
});

export const NumberPrefixSchema = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  prefix: Nullable(Type.String({ description: '设置的文号前缀' })),
  effectivePrefix: Type.String({ description: '实际使用的前缀(未设置时为单位名称)' }),
  updatedAt: Nullable(Type.String()),
});

export const UnitParams = Type.Object({ unitId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);

export const PrefixBody = Type.Object(
  { prefix: Type.String({ minLength: 1, maxLength: 20, description: '文号前缀,如 石人社监' }) },
  strict,
);

/** A unit's 文书固定信息: every part optional (a part left out is inherited from the parent unit). */
export const UnitProfileSchema = Type.Object(
  { contact: Type.Optional(ContactSchema), payment: Type.Optional(PaymentSchema), remedies: Type.Optional(RemediesSchema) },
  { ...strict, description: '文书固定信息:联系方式、罚款缴纳、救济途径' },
);

const PartSourceSchema = Type.Union([Type.Object({ unitId: Type.String(), unitName: Type.String() }), Type.Null()], {
  description: '该部分取自的单位(本单位或上级单位);null 为均未设置',
});

const ProfileSourcesSchema = Type.Object(
  { contact: PartSourceSchema, payment: PartSourceSchema, remedies: PartSourceSchema },
  { description: '各部分实际取自的单位' },
);

export const UnitProfileListItemSchema = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  profile: Type.Union([UnitProfileSchema, Type.Null()], { description: '本单位设置的固定信息;未设置为 null' }),
  updatedAt: Nullable(Type.String()),
  sources: ProfileSourcesSchema,
});

export const UnitProfileViewSchema = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  own: Type.Union([UnitProfileSchema, Type.Null()], { description: '本单位设置的固定信息;未设置为 null' }),
  updatedAt: Nullable(Type.String()),
  effective: UnitProfileSchema,
  sources: ProfileSourcesSchema,
});
