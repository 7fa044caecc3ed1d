// Writes the draw test vectors in test/vectors/draws/ (`npx tsx scripts/draw-vectors.ts`). Each is a full
// `sanxiang-draw/1` bundle that `sanxiang draw verify`, the portal's verify-draw.js and an independent
// implementation following docs/draws.md must reproduce. Everything is derived from fixed strings, so a
// second run writes the same bytes; draw.test.ts asserts that the committed files still equal this output,
// which pins the algorithm: a change to draw.ts that alters any result fails there.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DrawBundle } from '../src/platform/draw/bundle.js';
import { type Algorithm, DRAW_FORMAT, type DrawResult, runDraw, snapshotHashes } from '../src/platform/draw/draw.js';
import { hashChain } from '../src/platform/draw/vrs.js';
import { usccCheckChar } from '../src/platform/pii/ids.js';

// bundle.ts's Static type makes `algorithm` never (its union is built from a mapped array), so the vectors
// name the algorithm with draw.ts's type.
type Inputs = Omit<DrawBundle['inputs'], 'algorithm'> & { algorithm: Algorithm };
type Bundle = Omit<DrawBundle, 'inputs'> & { inputs: Inputs };

export const VECTORS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/vectors/draws');

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** A code and its commitment from a short hash chain over a secret named by the vector (never a real one). */
function commitment(name: string): { code: string; commitment: string } {
  const secret = sha256(`sanxiang draw test vector: ${name}`);
  return { code: hashChain(secret, 2).toString('hex'), commitment: hashChain(secret, 3).toString('hex') };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A well-formed (check character included) but made-up 统一社会信用代码 for entity number i. */
function uscc(i: number): string {
  const digest = sha256(`entity ${i}`);
  const organization = Array.from(digest.subarray(0, 9), (b) => USCC_CHARS[b % 31]).join('');
  const first17 = `91620100${organization}`;
  return first17 + usccCheckChar(first17);
}

/** `count` made-up entities, each in a stratum chosen by its hash, sorted by label as a plan announces them. */
function population(count: number, strata: readonly string[]): [string, string][] {
  return Array.from({ length: count }, (_, i): [string, string] => {
    const label = uscc(i);
    return [label, strata[(sha256(label)[0] as number) % strata.length] as string];
  }).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Conflicts are announced sorted by inspector, then entity. */
const sortPairs = (pairs: [string, string][]): [string, string][] =>
  pairs.sort(([a, x], [b, y]) => (a !== b ? (a < b ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0));

const mutableResult = (result: DrawResult): DrawBundle['result'] => ({
  targets: result.targets.map((t) => ({
    label: t.label,
    stratum: t.stratum,
    position: t.position,
    team: [...t.team],
    unfilled: t.unfilled,
  })),
  recusals: result.recusals.map((r) => ({ target: r.target, inspector: r.inspector, substitute: r.substitute })),
});

function bundle(id: string, title: string, inputs: Inputs, at: { announced: string; drawn: string }): Bundle {
  const hashes = snapshotHashes(inputs);
  return {
    format: DRAW_FORMAT,
    id,
    title,
    inputs,
    announced: {
      populationSha256: hashes.population,
      inspectorsSha256: hashes.inspectors,
      conflictsSha256: hashes.conflicts,
      populationCount: inputs.population.length,
      at: at.announced,
      // Test vectors are in no ledger.
      ledgerIndex: null,
    },
    result: mutableResult(runDraw(inputs)),
    drawn: { at: at.drawn, ledgerIndex: null },
  };
}

/** RFC 3797 §6: the pool of 25 numbered 1..25, sources 9319 | 2 5 12 8 10 | 9 18 26 34 41 45, five picks. */
function rfc3797Example(): Bundle {
  const inputs: Inputs = {
    algorithm: 'rfc3797',
    population: Array.from({ length: 25 }, (_, i): [string, string] => [String(i + 1), '全部']),
    quotas: [{ stratum: '全部', count: 5 }],
    inspectors: [],
    conflicts: [],
    teamSize: 0,
    maxTasksPerInspector: null,
    sources: [
      { name: 'RFC 3797 §6 示例随机源一', values: ['9319'] },
      { name: 'RFC 3797 §6 示例随机源二', values: ['2', '5', '12', '8', '10'] },
      { name: 'RFC 3797 §6 示例随机源三', values: ['9', '18', '26', '34', '41', '45'] },
    ],
    ...commitment('rfc3797-example'),
  };
  return bundle('rfc3797-example', '测试向量:RFC 3797 第 6 节的公开示例(25 选 5,应得 17、7、2、16、25)', inputs, {
    announced: '2026-01-05T01:00:00.000Z',
    drawn: '2026-01-08T02:00:00.000Z',
  });
}

const INSPECTORS = Array.from({ length: 8 }, (_, i) => `6201002026${String(i + 1).padStart(4, '0')}`);

/**
 * VRS mode: three risk classes, 8 inspectors, teams of 2, at most 3 tasks each. Two of the declared
 * conflicts are met in the walk (recusals); a third concerns an entity not drawn. A real plan cannot aim its
 * conflicts like this — they are announced before the randomness exists — so the vector picks them from a
 * run without conflicts, then checks that the draw with them has the recusals and the load cap it shows.
 */
function vrsStrataTeams(): Bundle {
  const base: Inputs = {
    algorithm: 'vrs',
    population: population(60, ['高风险', '中风险', '低风险']),
    quotas: [
      { stratum: '高风险', count: 3 },
      { stratum: '中风险', count: 3 },
      { stratum: '低风险', count: 4 },
    ],
    inspectors: INSPECTORS,
    conflicts: [],
    teamSize: 2,
    maxTasksPerInspector: 3,
    sources: [
      { name: '双色球第2026052期开奖号码(红球,示例数值)', values: ['03', '09', '14', '22', '27', '31'] },
      { name: '双色球第2026052期开奖号码(蓝球,示例数值)', values: ['12'] },
      { name: '福彩3D第2026120期开奖号码(示例数值)', values: ['703'] },
    ],
    ...commitment('vrs-strata-teams'),
  };
  const first = runDraw(base);
  const drawn = new Set(first.targets.map((t) => t.label));
  const one = first.targets[1];
  const other = first.targets.slice(5).find((t) => t.team[0] !== one?.team[0]);
  const aimed: [string, string][] = [
    [one?.team[0] ?? '', one?.label ?? ''],
    [other?.team[0] ?? '', other?.label ?? ''],
  ];
  const missed = base.population.find(([label]) => !drawn.has(label))?.[0] ?? '';
  const conflicts = sortPairs([...aimed, [INSPECTORS[0] ?? '', missed]]);
  const inputs: Inputs = { ...base, conflicts };
  const result = runDraw(inputs);
  if (result.recusals.length !== 2 || result.recusals.some((r) => r.substitute === null))
    throw new Error('the vector should show two recusals');
  const uncapped = runDraw({ ...inputs, maxTasksPerInspector: null });
  if (JSON.stringify(uncapped) === JSON.stringify(result)) throw new Error('the vector should show the load cap at work');
  if (result.targets.some((t) => t.unfilled > 0)) throw new Error('the vector should fill every team');
  return bundle('vrs-strata-teams', '测试向量:VRS 方式,三个风险类别,8 名检查人员两人一组,两次回避,每人至多 3 项任务', inputs, {
    announced: '2026-05-06T01:30:00.000Z',
    drawn: '2026-05-12T02:00:00.000Z',
  });
}

/**
 * RFC 3797 mode over two strata (the pick counter runs on from the first into the second), with teams and
 * one conflict met in the walk (picked from a run without it, as above).
 */
function rfc3797Teams(): Bundle {
  const base: Inputs = {
    algorithm: 'rfc3797',
    population: population(30, ['重点监管', '一般监管']),
    quotas: [
      { stratum: '重点监管', count: 2 },
      { stratum: '一般监管', count: 3 },
    ],
    inspectors: INSPECTORS.slice(0, 5),
    conflicts: [],
    teamSize: 2,
    maxTasksPerInspector: null,
    sources: [
      { name: '体彩排列五第2026118期开奖号码(示例数值)', values: ['4', '0', '9', '1', '6'] },
      { name: '双色球第2026053期开奖号码(红球,示例数值)', values: ['01', '07', '15', '19', '26', '33'] },
    ],
    ...commitment('rfc3797-teams'),
  };
  const met = runDraw(base).targets[0];
  const inputs: Inputs = { ...base, conflicts: [[met?.team[1] ?? '', met?.label ?? '']] };
  if (runDraw(inputs).recusals.length !== 1) throw new Error('the vector should show one recusal');
  return bundle('rfc3797-teams', '测试向量:RFC 3797 方式,两个监管类别,5 名检查人员两人一组,一次回避', inputs, {
    announced: '2026-05-06T01:30:00.000Z',
    drawn: '2026-05-13T02:00:00.000Z',
  });
}

/** The vectors as file name → file text (2-space JSON with a final newline). */
export function drawVectors(): Map<string, string> {
  return new Map(
    [rfc3797Example(), vrsStrataTeams(), rfc3797Teams()].map((b) => [`${b.id}.json`, `${JSON.stringify(b, null, 2)}\n`] as const),
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(VECTORS_DIR, { recursive: true });
  for (const [name, text] of drawVectors()) {
    fs.writeFileSync(path.join(VECTORS_DIR, name), text);
    console.log(path.relative(process.cwd(), path.join(VECTORS_DIR, name)));
  }
}
