import { type Static, Type } from 'typebox';
import { Check, Errors } from 'typebox/value';
import { ALGORITHMS, DRAW_FORMAT, type DrawInputs, type Verification, verifyDraw } from './draw.js';

// The verification bundle: what `GET /api/public/draws/:id` returns and `sanxiang draw verify <file>` and
// the portal page re-run. Everything the draw used is in it; the descriptive part (plan, items, unit) is
// for people and is not needed to verify.

const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' });
// Two strings; a tuple schema would carry `additionalItems`, which OpenAPI 3.0 documents cannot hold.
const Pair = Type.Array(Type.String(), { minItems: 2, maxItems: 2 });
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const DrawInputsSchema = Type.Object({
  algorithm: Type.Union([Type.Literal('vrs'), Type.Literal('rfc3797')], { description: ALGORITHMS.join(' | ') }),
  population: Type.Array(Pair, { description: '[统一社会信用代码, 风险类别],按代码排序' }),
  quotas: Type.Array(Type.Object({ stratum: Type.String(), count: Type.Integer({ minimum: 0 }) })),
  inspectors: Type.Array(Type.String(), { description: '执法证号,按公告顺序' }),
  conflicts: Type.Array(Pair, { description: '[执法证号, 统一社会信用代码]:申报的利害关系' }),
  teamSize: Type.Integer({ minimum: 0 }),
  maxTasksPerInspector: Nullable(Type.Integer({ minimum: 1 })),
  sources: Type.Array(Type.Object({ name: Type.String(), values: Type.Array(Type.String()) })),
  code: Type.String({ description: '开奖后公布的一次性码(十六进制)' }),
  commitment: Hex64,
});

const AnnouncedSchema = Type.Object({
  populationSha256: Hex64,
  inspectorsSha256: Hex64,
  conflictsSha256: Hex64,
  populationCount: Type.Integer({ minimum: 0 }),
  /** When and at which ledger index the plan was announced (before the randomness existed). */
  at: Type.String(),
  ledgerIndex: Nullable(Type.Integer({ minimum: 0 })),
});

export const DrawResultSchema = Type.Object({
  targets: Type.Array(
    Type.Object({
      label: Type.String(),
      stratum: Type.String(),
      position: Type.String(),
      team: Type.Array(Type.String()),
      unfilled: Type.Integer({ minimum: 0 }),
    }),
  ),
  recusals: Type.Array(Type.Object({ target: Type.String(), inspector: Type.String(), substitute: Nullable(Type.String()) })),
});

export const DrawBundleSchema = Type.Object({
  format: Type.Literal(DRAW_FORMAT),
  id: Type.String(),
  title: Type.String(),
  inputs: DrawInputsSchema,
  announced: AnnouncedSchema,
  result: DrawResultSchema,
  drawn: Type.Object({ at: Type.String(), ledgerIndex: Nullable(Type.Integer({ minimum: 0 })) }),
});

/** The inputs as a bundle holds them: the schema's pairs are [label, stratum] and [inspector, target] tuples. */
export interface BundleInputs extends Omit<Static<typeof DrawInputsSchema>, 'population' | 'conflicts' | 'algorithm'> {
  algorithm: DrawInputs['algorithm'];
  population: [string, string][];
  conflicts: [string, string][];
}

export type DrawBundle = Omit<Static<typeof DrawBundleSchema>, 'inputs'> & { inputs: BundleInputs };

/** Checks a parsed bundle file: its shape first (a file that is no draw bundle says so), then the draw. */
export function verifyBundle(value: unknown): Verification {
  if (!Check(DrawBundleSchema, value)) {
    const first = Errors(DrawBundleSchema, value)[0];
    const where = first ? `${first.instancePath || '/'}: ${first.message}` : '';
    return { ok: false, checks: [{ name: '文件格式', ok: false, detail: `不是 ${DRAW_FORMAT} 抽取记录(${where})` }] };
  }
  // The schema has checked that every pair holds exactly two strings.
  const bundle = value as unknown as DrawBundle;
  const verification = verifyDraw(bundle.inputs, bundle.announced, bundle.result);
  // The announcement must precede the draw (ISO 8601 UTC times compare as text).
  const inOrder = bundle.announced.at < bundle.drawn.at;
  const order = { name: '公告先于抽取', ok: inOrder, detail: `公告 ${bundle.announced.at},抽取 ${bundle.drawn.at}` };
  return { ok: verification.ok && inOrder, checks: [order, ...verification.checks] };
}
