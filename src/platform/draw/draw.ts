import { createHash } from 'node:crypto';
import { HmacHeads } from './hmac-heads.js';
import { RFC3797_MAX, rfc3797Key, rfc3797Value } from './rfc3797.js';
import { codeOpens, vrsKey } from './vrs.js';

// A 双随机 draw (format `sanxiang-draw/1`) as a pure function of inputs that are fixed before the randomness
// exists (the population and inspector snapshots, quotas, team rules, named sources and the commitment to a
// one-time code) and of the values published afterwards (the sources' numbers, the revealed code). The
// server, `sanxiang draw verify` and the portal's plain script (static/verify-draw.js) each implement
// exactly this; docs/draws.md states it in words.
//
// Randomness: the sources' numbers form the RFC 3797 key string; its UTF-8 bytes are the input keying
// material and PRK = HKDF-Extract(salt = code, IKM = key string).
// Targets, per stratum (risk class) in quota order:
//   vrs     — each label's position = HKDF-Expand(PRK, label, 32); the `count` lowest positions.
//   rfc3797 — RFC 3797 §5 picks from the stratum's labels in announced order, the counter j running on
//             across strata (one stratum reproduces the RFC's published example).
// Teams, per selected target in selection order: pick j = 0, 1, … is
//   index = (first 6 bytes of HMAC-SHA256(PRK, "team" 0x00 target 0x00 decimal(j)), big-endian) mod remaining
// into the inspectors not yet tried for this target, in announced order. A tried inspector with a
// declared conflict for the target is a recusal (回避) — the next member taken is the substitute; one who
// already has `maxTasksPerInspector` tasks is passed over. A team that runs out of inspectors stays short
// (`unfilled`), which announcing a plan rules out for conflicts and load together.

export const DRAW_FORMAT = 'sanxiang-draw/1';
export const ALGORITHMS = ['vrs', 'rfc3797'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export interface DrawSource {
  /** What was announced: 「双色球第2026138期开奖号码(红球)」. */
  readonly name: string;
  /** Non-negative integers in decimal, as published (order does not matter: RFC 3797 sorts them). */
  readonly values: readonly string[];
}

export interface DrawInputs {
  readonly algorithm: Algorithm;
  /** [label (USCC), stratum (risk class)] in announced order: sorted by label. */
  readonly population: readonly (readonly [string, string])[];
  /** How many to select from each stratum, in the order strata are drawn. */
  readonly quotas: readonly { readonly stratum: string; readonly count: number }[];
  /** Inspector labels (执法证号) in announced order. */
  readonly inspectors: readonly string[];
  /** [inspector label, target label] pairs of declared conflicts of interest. */
  readonly conflicts: readonly (readonly [string, string])[];
  readonly teamSize: number;
  readonly maxTasksPerInspector: number | null;
  readonly sources: readonly DrawSource[];
  /** Hex of the one-time code revealed at the draw, and of its commitment SHA-256(code) announced before. */
  readonly code: string;
  readonly commitment: string;
}

export interface DrawTarget {
  readonly label: string;
  readonly stratum: string;
  /** vrs: the hex position; rfc3797: the 1-based number of the pick within its stratum's announced list. */
  readonly position: string;
  readonly team: readonly string[];
  readonly unfilled: number;
}

export interface Recusal {
  readonly target: string;
  readonly inspector: string;
  /**
   * The member taken in the inspector's stead: each member taken answers the oldest recusal of the
   * target still open, so null when no member was taken after it (the team was full or stayed short).
   */
  readonly substitute: string | null;
}

export interface DrawResult {
  readonly targets: readonly DrawTarget[];
  readonly recusals: readonly Recusal[];
}

export class DrawInputError extends Error {}

/** The announced snapshots' hashes: what the announcement records before the randomness exists. */
export function snapshotHashes(inputs: Pick<DrawInputs, 'population' | 'inspectors' | 'conflicts'>): {
  population: string;
  inspectors: string;
  conflicts: string;
} {
  return {
    population: linesSha256(inputs.population, ([label, stratum]) => `${label}\t${stratum}\n`),
    inspectors: linesSha256(inputs.inspectors, (label) => `${label}\n`),
    conflicts: linesSha256(inputs.conflicts, ([inspector, target]) => `${inspector}\t${target}\n`),
  };
}

/** SHA-256 of the lines, hashed a few thousand at a time (a million-line text is never built whole). */
function linesSha256<T>(entries: readonly T[], line: (entry: T) => string): string {
  const hash = createHash('sha256');
  for (let start = 0; start < entries.length; start += 4096) {
    let chunk = '';
    const end = Math.min(entries.length, start + 4096);
    for (let i = start; i < end; i++) chunk += line(entries[i] as T);
    hash.update(chunk, 'utf8');
  }
  return hash.digest('hex');
}

/** The RFC 3797 key string of the sources' published values. */
export function keyString(sources: readonly DrawSource[]): string {
  return rfc3797Key(
    sources.map((s) =>
      s.values.map((v) => {
        if (!/^\d{1,80}$/.test(v)) throw new DrawInputError(`「${s.name}」的数值「${v}」不是非负整数`);
        return BigInt(v);
      }),
    ),
  );
}

/** Whether a label holds a separator of the snapshot lines or the team messages (tab, newline, NUL). */
function unclean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 0) return true;
  }
  return false;
}

function checkInputs(inputs: DrawInputs): void {
  if (!ALGORITHMS.includes(inputs.algorithm)) throw new DrawInputError('未知的抽取算法');
  if (!/^[0-9a-f]{64}$/.test(inputs.commitment)) throw new DrawInputError('承诺值应为 64 位十六进制');
  if (!/^([0-9a-f]{2})*$/.test(inputs.code)) throw new DrawInputError('一次性码应为十六进制');
  if (!codeOpens(Buffer.from(inputs.code, 'hex'), Buffer.from(inputs.commitment, 'hex')))
    throw new DrawInputError('公布的一次性码与事先公告的承诺值不符');
  if (inputs.sources.length === 0 || inputs.sources.some((s) => s.values.length === 0))
    throw new DrawInputError('每个随机源都须有开奖数值');
  if (!Number.isInteger(inputs.teamSize) || inputs.teamSize < 0) throw new DrawInputError('每组人数应为非负整数');
  const cap = inputs.maxTasksPerInspector;
  if (cap !== null && !(Number.isInteger(cap) && cap >= 1)) throw new DrawInputError('每人最多任务数应为正整数');
  // Labels end lines of the snapshot hashes and fields of the team messages: separators would make them ambiguous.
  const strata = new Set<string>();
  let ascending = true;
  let previous: string | null = null;
  for (const [label, stratum] of inputs.population) {
    if (unclean(label) || unclean(stratum)) throw new DrawInputError('标识中不能含制表符、换行符或空字符');
    strata.add(stratum);
    if (previous !== null && label <= previous) ascending = false;
    previous = label;
  }
  // The platform announces populations sorted by label, which proves them distinct without a set.
  if (!ascending && new Set(inputs.population.map(([label]) => label)).size !== inputs.population.length)
    throw new DrawInputError('检查对象名录中有重复的标识');
  if (new Set(inputs.inspectors).size !== inputs.inspectors.length || inputs.inspectors.some(unclean))
    throw new DrawInputError('执法检查人员名录中有重复或含分隔符的标识');
  const quotaStrata = new Set<string>();
  for (const q of inputs.quotas) {
    if (!Number.isInteger(q.count) || q.count < 0) throw new DrawInputError(`「${q.stratum}」类的抽取数应为非负整数`);
    if (quotaStrata.has(q.stratum)) throw new DrawInputError(`「${q.stratum}」类的抽取数重复`);
    quotaStrata.add(q.stratum);
    if (!strata.has(q.stratum) && q.count > 0) throw new DrawInputError(`名录中没有「${q.stratum}」类对象`);
  }
}

/** Runs the draw. Throws DrawInputError when the inputs do not form a draw (a wrong code, too many picks). */
export function runDraw(inputs: DrawInputs): DrawResult {
  checkInputs(inputs);
  const key = keyString(inputs.sources);
  const prk = vrsKey(Buffer.from(inputs.code, 'hex'), Buffer.from(key, 'utf8'));
  const picked = inputs.algorithm === 'vrs' ? pickByPosition(inputs, prk) : pickByRfc3797(inputs, key);
  return assignTeams(inputs, prk, picked);
}

interface Chosen {
  readonly label: string;
  readonly stratum: string;
  readonly position: string;
}

function strataLabels(inputs: DrawInputs): Map<string, string[]> {
  const byStratum = new Map<string, string[]>();
  for (const [label, stratum] of inputs.population) {
    const list = byStratum.get(stratum);
    if (list) list.push(label);
    else byStratum.set(stratum, [label]);
  }
  return byStratum;
}

function pickByPosition(inputs: DrawInputs, prk: Buffer): Chosen[] {
  const byStratum = strataLabels(inputs);
  const picks: Chosen[] = [];
  for (const { stratum, count } of inputs.quotas) {
    const labels = byStratum.get(stratum) ?? [];
    if (count > labels.length) throw new DrawInputError(`「${stratum}」类只有 ${labels.length} 个对象,不能抽取 ${count} 个`);
    for (const { label, position } of lowestPositions(prk, labels, count)) picks.push({ label, stratum, position });
  }
  return picks;
}

/**
 * The `count` labels of lowest position, lowest first. Positions are compared by their first 6 bytes as a
 * number (exact in a double) and, only on a tie there, in full and then by label — the order of vrsOrder.
 */
export function lowestPositions(prk: Buffer, labels: readonly string[], count: number): { label: string; position: string }[] {
  if (count === 0) return [];
  const hasher = new HmacHeads(prk);
  const head = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) head[i] = hasher.head(labels[i] as string, true);
  // Only labels at or below the count-th smallest head can be among the lowest: sort just those.
  const threshold = kthSmallest(Float64Array.from(head), count - 1);
  const candidates: number[] = [];
  for (let i = 0; i < head.length; i++) if ((head[i] as number) <= threshold) candidates.push(i);
  const full = (i: number): string => hasher.hex(labels[i] as string, true);
  candidates.sort((a, b) => {
    const d = (head[a] as number) - (head[b] as number);
    if (d !== 0) return d;
    const fa = full(a);
    const fb = full(b);
    return fa < fb ? -1 : fa > fb ? 1 : (labels[a] as string) < (labels[b] as string) ? -1 : 1;
  });
  return candidates.slice(0, count).map((i) => ({ label: labels[i] as string, position: full(i) }));
}

/** The k-th smallest value (0-based) of `values`, which it reorders (Hoare's selection). */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

function pickByRfc3797(inputs: DrawInputs, key: string): Chosen[] {
  const byStratum = strataLabels(inputs);
  const total = inputs.quotas.reduce((n, q) => n + q.count, 0);
  if (total > RFC3797_MAX) throw new DrawInputError(`RFC 3797 方式最多抽取 ${RFC3797_MAX} 个`);
  const picks: Chosen[] = [];
  let j = 0;
  for (const { stratum, count } of inputs.quotas) {
    const labels = byStratum.get(stratum) ?? [];
    if (labels.length > RFC3797_MAX) throw new DrawInputError(`RFC 3797 方式每类对象不能超过 ${RFC3797_MAX} 个`);
    if (count > labels.length) throw new DrawInputError(`「${stratum}」类只有 ${labels.length} 个对象,不能抽取 ${count} 个`);
    const remaining = labels.map((label, i) => ({ label, number: i + 1 }));
    for (let k = 0; k < count; k++, j++) {
      const index = Number(rfc3797Value(key, j) % BigInt(remaining.length));
      const [chosen] = remaining.splice(index, 1);
      if (chosen) picks.push({ label: chosen.label, stratum, position: String(chosen.number) });
    }
  }
  return picks;
}

/**
 * The inspectors not yet tried for one target, in announced order; `take(i)` removes and returns the i-th.
 * A team usually tries two or three, so the first removals are kept as a short sorted list of positions
 * instead of copying the whole directory for every target; after many it copies once and splices.
 */
class Remaining {
  private removed: number[] = [];
  private list: string[] | null = null;

  constructor(private readonly all: readonly string[]) {}

  get length(): number {
    return this.list ? this.list.length : this.all.length - this.removed.length;
  }

  take(index: number): string {
    if (this.list) return this.list.splice(index, 1)[0] as string;
    let position = index;
    let at = 0;
    for (; at < this.removed.length && (this.removed[at] as number) <= position; at++) position++;
    this.removed.splice(at, 0, position);
    if (this.removed.length > 16) this.list = this.all.filter((_, i) => !this.removed.includes(i));
    return this.all[position] as string;
  }
}

function assignTeams(inputs: DrawInputs, prk: Buffer, picks: readonly Chosen[]): DrawResult {
  const hasher = new HmacHeads(prk);
  const conflicts = new Set(inputs.conflicts.map(([inspector, target]) => `${inspector}\u0000${target}`));
  const load = new Map<string, number>();
  const cap = inputs.maxTasksPerInspector ?? Number.POSITIVE_INFINITY;
  const recusals: { target: string; inspector: string; substitute: string | null }[] = [];
  const targets: DrawTarget[] = [];
  for (const pick of picks) {
    const remaining = new Remaining(inputs.inspectors);
    const team: string[] = [];
    const open: { target: string; inspector: string; substitute: string | null }[] = [];
    for (let j = 0; team.length < inputs.teamSize && remaining.length > 0; j++) {
      const inspector = remaining.take(hasher.head(`team\u0000${pick.label}\u0000${j}`, false) % remaining.length);
      if (conflicts.has(`${inspector}\u0000${pick.label}`)) {
        const recusal = { target: pick.label, inspector, substitute: null };
        recusals.push(recusal);
        open.push(recusal);
        continue;
      }
      if ((load.get(inspector) ?? 0) >= cap) continue;
      team.push(inspector);
      load.set(inspector, (load.get(inspector) ?? 0) + 1);
      const waiting = open.shift();
      if (waiting) waiting.substitute = inspector;
    }
    targets.push({ ...pick, team, unfilled: inputs.teamSize - team.length });
  }
  return { targets, recusals };
}

export interface Verification {
  readonly ok: boolean;
  /** Each check in Chinese with its outcome, in the order made. */
  readonly checks: readonly { readonly name: string; readonly ok: boolean; readonly detail: string }[];
}

/** Re-runs a published draw: the snapshot hashes, the code against the commitment, then the whole result. */
export function verifyDraw(
  inputs: DrawInputs,
  announced: {
    readonly populationSha256: string;
    readonly inspectorsSha256: string;
    readonly conflictsSha256: string;
    readonly populationCount: number;
  },
  published: DrawResult,
): Verification {
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const hashes = snapshotHashes(inputs);
  const compare = (name: string, actual: string, expected: string) =>
    checks.push({ name, ok: actual === expected, detail: actual === expected ? actual : `计算得 ${actual},公告为 ${expected}` });
  compare('检查对象名录快照', hashes.population, announced.populationSha256);
  compare('检查对象数量', String(inputs.population.length), String(announced.populationCount));
  compare('执法检查人员名录快照', hashes.inspectors, announced.inspectorsSha256);
  compare('利害关系申报快照', hashes.conflicts, announced.conflictsSha256);
  const opens = /^([0-9a-f]{2})*$/.test(inputs.code) && codeOpens(Buffer.from(inputs.code, 'hex'), Buffer.from(inputs.commitment, 'hex'));
  checks.push({
    name: '一次性码与承诺值',
    ok: opens,
    detail: opens
      ? `SHA-256(${inputs.code.slice(0, 16)}…) = ${inputs.commitment.slice(0, 16)}…`
      : '公布的一次性码的 SHA-256 与事先公告的承诺值不符',
  });
  if (!opens) return { ok: false, checks };
  let result: DrawResult;
  try {
    result = runDraw(inputs);
  } catch (e) {
    if (!(e instanceof DrawInputError)) throw e;
    checks.push({ name: '重新抽取', ok: false, detail: e.message });
    return { ok: false, checks };
  }
  const difference = firstDifference(result, published);
  checks.push({
    name: '重新抽取结果',
    ok: difference === null,
    detail: difference ?? `${result.targets.length} 个检查对象、${result.recusals.length} 次回避,与公布结果一致`,
  });
  return { ok: checks.every((c) => c.ok), checks };
}

function firstDifference(actual: DrawResult, published: DrawResult): string | null {
  if (actual.targets.length !== published.targets.length)
    return `重新抽取得 ${actual.targets.length} 个对象,公布为 ${published.targets.length} 个`;
  for (let i = 0; i < actual.targets.length; i++) {
    const a = actual.targets[i] as DrawTarget;
    const p = published.targets[i] as DrawTarget;
    if (a.label !== p.label) return `第 ${i + 1} 个对象:重新抽取得 ${a.label},公布为 ${p.label}`;
    if (a.stratum !== p.stratum || a.position !== p.position || a.unfilled !== p.unfilled)
      return `${a.label} 的类别、位置或缺员数与公布的不一致`;
    if (a.team.join(',') !== p.team.join(',')) return `${a.label} 的检查组:重新抽取得 ${a.team.join('、')},公布为 ${p.team.join('、')}`;
  }
  const key = (r: Recusal) => `${r.target}/${r.inspector}/${r.substitute ?? ''}`;
  if (actual.recusals.map(key).join(',') !== published.recusals.map(key).join(',')) return '回避记录与公布的不一致';
  return null;
}
