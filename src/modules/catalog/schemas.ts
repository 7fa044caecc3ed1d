import { type TProperties, Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { VERSION_STATUSES } from './item-data.js';

// The shapes every catalogue kind shares; each kind's data fields live in schemas-<kind> files.

export const Literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });
export const Free = (maxLength: number, description: string) => Type.String({ maxLength, description });
export const strict = { additionalProperties: false } as const;

export const LegalBases = (description: string, minItems: number) =>
  Type.Array(Type.Object({ law: Text(100, '法律法规名称'), article: Text(100, '条款'), text: Free(4000, '条文内容') }, strict), {
    minItems,
    maxItems: 30,
    description,
  });

/** Body and answer schemas of one kind, built from its data fields. */
export function kindSchemas<P extends TProperties & { unitId: unknown }, E extends TProperties>(
  fields: P,
  codeDescription: string,
  publicExtras: E,
) {
  const Data = Type.Object(fields, strict);
  const { unitId: _unitId, ...publicFields } = fields;
  const Version = Type.Object({
    id: Type.String(),
    itemId: Type.String(),
    versionNo: Type.Integer(),
    status: Type.String({ description: VERSION_STATUSES.join(' | ') }),
    statusLabel: Type.String(),
    data: Data,
    unitName: Type.String(),
    createdAt: Type.String(),
    createdBy: Type.String(),
    updatedAt: Type.String(),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    publishedBy: Type.Union([Type.String(), Type.Null()]),
  });
  const Code = Type.String({ minLength: 3, maxLength: 32, pattern: '^[0-9A-Za-z][0-9A-Za-z-]*$', description: codeDescription });
  const publicMeta = {
    code: Type.String(),
    versionId: Type.String({ description: '版本标识(案件引用此标识)' }),
    versionNo: Type.Integer(),
    current: Type.Boolean({ description: '是否为现行版本' }),
    publishedAt: Type.String(),
    unitName: Type.String(),
    ...publicExtras,
  };
  return {
    Data,
    Patch: Type.Partial(Data, { ...strict, minProperties: 1 }),
    Version,
    Entry: Type.Object({
      id: Type.String(),
      code: Type.String(),
      createdAt: Type.String(),
      currentVersionId: Type.Union([Type.String(), Type.Null()]),
      draftVersionId: Type.Union([Type.String(), Type.Null()]),
      versions: Type.Array(Version),
    }),
    Summary: Type.Object({ id: Type.String(), code: Type.String(), latestVersion: Version }),
    CreateBody: Type.Object({ code: Code, data: Data }, strict),
    CreateVersionBody: Type.Object({ data: Type.Optional(Data) }, strict),
    PublicEntry: Type.Object({ ...publicFields, ...publicMeta }),
    PublicDetail: Type.Object({
      ...publicFields,
      ...publicMeta,
      history: Type.Array(Type.Object({ versionNo: Type.Integer(), publishedAt: Type.String(), current: Type.Boolean() })),
    }),
  };
}

export const VersionParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), versionId: Type.String({ minLength: 1, maxLength: 64 }) },
  strict,
);

export const PublishDraftsBody = Type.Object(
  { itemIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 }) },
  strict,
);

/** Filters of every list; `category` must be one of the kind's fixed categories where it has them. */
export const ListQuery = (categories: readonly string[] | undefined) =>
  Type.Object(
    {
      q: Type.Optional(Type.String({ maxLength: 64, description: '编码或名称关键词' })),
      category: Type.Optional(categories ? Literals(categories) : Type.String({ maxLength: 40, description: '类别' })),
      unitId: Type.Optional(Type.String({ maxLength: 64 })),
      itemCode: Type.Optional(Type.String({ maxLength: 64, description: '相关执法事项编码' })),
      ...PageQuery,
    },
    strict,
  );

export const PublicItemSummarySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  category: Type.String(),
  unitName: Type.String(),
  versionNo: Type.Integer(),
  publishedAt: Type.String(),
});

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }, strict);
