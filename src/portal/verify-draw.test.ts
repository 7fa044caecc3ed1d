import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { type DrawBundle, verifyBundle } from '../platform/draw/bundle.js';
import { type DrawInputs, type DrawResult, runDraw, snapshotHashes, type Verification } from '../platform/draw/draw.js';

// static/verify-draw.js is a plain browser script. It runs here in a node:vm context given only what a
// browser gives it (Web Crypto, TextEncoder; BigInt is the language's), and must agree with draw.ts to the
// byte: on the test vectors, on generated draws of every kind, and in what it reports.

const SCRIPT = fs.readFileSync(path.join(import.meta.dirname, 'static/verify-draw.js'), 'utf8');
const VECTORS = path.resolve(import.meta.dirname, '../../test/vectors/draws');

type Progress = { onProgress?: (done: number, total: number) => void };
interface SanxiangDraw {
  runDraw(bundle: unknown, options?: Progress): Promise<DrawResult>;
  verify(bundle: unknown, options?: Progress): Promise<Verification & { result: DrawResult | null }>;
}

/** Runs the script in a fresh context; `extra` adds globals (a fake document and fetch for the page tests). */
function load(extra: Record<string, unknown> = {}): { draw: SanxiangDraw; context: Record<string, unknown> } {
  const context: Record<string, unknown> = { crypto: globalThis.crypto, TextEncoder, ...extra };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(SCRIPT, context, { filename: 'verify-draw.js' });
  return { draw: context.SanxiangDraw as SanxiangDraw, context };
}

// Objects made in the context have its prototypes; JSON gives plain ones to compare.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const vectorFiles = fs.readdirSync(VECTORS).filter((f) => f.endsWith('.json'));
const readVector = (name: string): DrawBundle => JSON.parse(fs.readFileSync(path.join(VECTORS, name), 'utf8')) as DrawBundle;

const commit = (code: string) => ({ code, commitment: createHash('sha256').update(Buffer.from(code, 'hex')).digest('hex') });

/** A bundle around inputs, announced and published as draw.ts computes them. */
function bundleOf(inputs: DrawInputs): DrawBundle {
  const h = snapshotHashes(inputs);
  return plain({
    format: 'sanxiang-draw/1' as const,
    id: 't',
    title: 't',
    inputs,
    announced: {
      populationSha256: h.population,
      inspectorsSha256: h.inspectors,
      conflictsSha256: h.conflicts,
      populationCount: inputs.population.length,
      at: '',
      ledgerIndex: null,
    },
    result: runDraw(inputs),
    drawn: { at: '', ledgerIndex: null },
  }) as DrawBundle;
}

describe('verify-draw.js computes what draw.ts computes', () => {
  const { draw } = load();

  it('exposes runDraw and verify without a page', () => {
    expect(Object.keys(draw).sort()).toEqual(['runDraw', 'verify']);
  });

  it.each(vectorFiles)('reproduces the vector %s and reports the same checks', async (name) => {
    const bundle = readVector(name);
    expect(plain(await draw.runDraw(bundle))).toEqual(bundle.result);
    const verification = await draw.verify(bundle);
    expect(plain(verification.checks)).toEqual(verifyBundle(bundle).checks);
    expect(verification.ok).toBe(true);
  });

  it.each(vectorFiles)('gives another result for %s when one source value changes', async (name) => {
    const bundle = readVector(name);
    const source = bundle.inputs.sources[0] as { values: string[] };
    source.values[0] = String(Number(source.values[0]) + 1);
    const result = plain(await draw.runDraw(bundle));
    expect(result).not.toEqual(readVector(name).result);
    expect(result).toEqual(plain(runDraw(bundle.inputs)));
    const verification = await draw.verify(bundle);
    expect(verification.ok).toBe(false);
    expect(plain(verification.checks)).toEqual(verifyBundle(bundle).checks);
  });

  it('agrees on generated draws: both modes, strata, conflicts, load caps, short teams, odd labels and codes', async () => {
    const labels = ['91620100MA00000001', '某某建筑工程有限公司', 'ü-é', '😀', 'a b', '', 'Z', 'z', '10', '9'];
    for (let round = 0; round < 24; round++) {
      const population = Array.from({ length: 40 + round }, (_, i): [string, string] => [
        i < labels.length ? `${labels[i]}${round}` : `e${i}`,
        ['高', '中', '低'][(i * 7 + round) % 3] as string,
      ]);
      const inspectors = Array.from({ length: 3 + (round % 6) }, (_, i) => `insp-${i}`);
      const conflicts = population.flatMap(([label], e) =>
        inspectors.filter((_, k) => (e * 5 + k * 3 + round) % 7 === 0).map((i): [string, string] => [i, label]),
      );
      const inputs: DrawInputs = {
        algorithm: round % 2 === 0 ? 'vrs' : 'rfc3797',
        population,
        quotas: [
          { stratum: '低', count: 4 },
          { stratum: '无', count: 0 },
          { stratum: '高', count: 3 + (round % 3) },
          { stratum: '中', count: 2 },
        ],
        inspectors,
        conflicts,
        teamSize: round % 4,
        maxTasksPerInspector: round % 3 === 0 ? null : 1 + (round % 4),
        sources: [
          { name: '一', values: [String(round), '007', '12345678901234567890123456789'] },
          { name: '二', values: ['0'] },
        ],
        // An empty code too: Web Crypto refuses an empty HMAC key, the script uses the equivalent one.
        ...commit(
          round === 5
            ? ''
            : createHash('sha256')
                .update(`code ${round}`)
                .digest('hex')
                .slice(0, 2 * (1 + round)),
        ),
      };
      const bundle = bundleOf(inputs);
      expect(plain(await draw.runDraw(bundle)), `round ${round}`).toEqual(bundle.result);
    }
  });

  it('agrees on RFC 3797 picks for key strings of every length around the MD5 block boundaries', async () => {
    const population = Array.from({ length: 1000 }, (_, i): [string, string] => [`e${i}`, 'A']);
    for (let digits = 1; digits <= 80; digits++) {
      const inputs: DrawInputs = {
        algorithm: 'rfc3797',
        population,
        quotas: [{ stratum: 'A', count: 3 }],
        inspectors: [],
        conflicts: [],
        teamSize: 0,
        maxTasksPerInspector: null,
        // One number of `digits` digits, and a second source so the longest messages span three blocks.
        sources: [
          { name: 'n', values: ['9'.repeat(digits)] },
          { name: 'm', values: digits > 60 ? ['1'.repeat(digits), '2'.repeat(digits)] : ['1'] },
        ],
        ...commit('ab'),
      };
      expect(plain(await draw.runDraw({ inputs })), `${digits} digits`).toEqual(plain(runDraw(inputs)));
    }
  });

  it('refuses what draw.ts refuses, with the same check and reason', async () => {
    const base = readVector('rfc3797-teams.json');
    const edits: ((b: DrawBundle) => unknown)[] = [
      (b) => Object.assign(b.inputs, { code: 'ab' }),
      (b) => Object.assign(b.inputs, { code: 'AB' }),
      (b) => Object.assign(b.inputs, { sources: [] }),
      (b) => Object.assign(b.inputs, { sources: [{ name: '甲', values: ['1', 'x'] }] }),
      (b) => Object.assign(b.inputs, { quotas: [{ stratum: '重点监管', count: 999 }] }),
      (b) => Object.assign(b.inputs, { quotas: [{ stratum: '不存在', count: 1 }] }),
      (b) => Object.assign(b.inputs, { algorithm: 'vrs', quotas: [{ stratum: '一般监管', count: 999 }] }),
      (b) => Object.assign(b.announced, { populationSha256: 'f'.repeat(64) }),
      (b) => b.result.targets.reverse(),
      (b) => (b.result.targets[0] as { team: string[] }).team.reverse(),
      (b) => b.result.recusals.pop(),
    ];
    for (const edit of edits) {
      const bundle = readVector('rfc3797-teams.json');
      edit(bundle);
      expect(plain((await draw.verify(bundle)).checks), edit.toString()).toEqual(verifyBundle(bundle).checks);
    }
    // A file that is no bundle fails the same first check (the detail names the place differently).
    for (const bad of [null, [], { ...base, format: 'x' }, { ...base, inputs: { ...base.inputs, teamSize: -1 } }, { ...base, drawn: {} }]) {
      const v = await draw.verify(bad);
      expect(v.checks.map((c) => [c.name, c.ok])).toEqual([['文件格式', false]]);
      expect(verifyBundle(bad).checks.map((c) => [c.name, c.ok])).toEqual([['文件格式', false]]);
    }
  });

  it('re-runs a population of 100,000 in batches, reporting progress, within seconds', async () => {
    const inputs: DrawInputs = {
      algorithm: 'vrs',
      population: Array.from({ length: 100_000 }, (_, i): [string, string] => [
        `91620100${String(i).padStart(10, '0')}`,
        i % 4 ? 'L' : 'H',
      ]),
      quotas: [
        { stratum: 'H', count: 40 },
        { stratum: 'L', count: 80 },
      ],
      inspectors: Array.from({ length: 30 }, (_, i) => `i${i}`),
      conflicts: [],
      teamSize: 2,
      maxTasksPerInspector: 9,
      sources: [{ name: 'n', values: ['3', '14', '15'] }],
      ...commit('07'.repeat(32)),
    };
    const progress: number[] = [];
    const started = Date.now();
    const result = await draw.runDraw({ inputs }, { onProgress: (done, total) => progress.push(done / total) });
    const seconds = (Date.now() - started) / 1000;
    expect(plain(result)).toEqual(plain(runDraw(inputs)));
    expect(progress).toHaveLength(51);
    expect(progress.at(-1)).toBe(1);
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});

// ——— The page, with a fake DOM just large enough for the script.

class FakeElement {
  readonly children: FakeElement[] = [];
  readonly attributes = new Map<string, string>();
  readonly dataset: Record<string, string> = {};
  readonly listeners = new Map<string, ((event: { preventDefault(): void }) => void)[]>();
  id = '';
  className = '';
  hidden = true;
  disabled = false;
  type = 'button';
  value = '';
  name = '';
  private text = '';
  constructor(readonly tagName: string) {}
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    this.children.length = 0;
    this.text = text;
  }
  append(...nodes: FakeElement[]): void {
    this.children.push(...nodes);
  }
  replaceChildren(...nodes: FakeElement[]): void {
    this.children.length = 0;
    this.text = '';
    this.children.push(...nodes);
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  addEventListener(type: string, listener: (event: { preventDefault(): void }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  click(): void {
    for (const listener of this.listeners.get('click') ?? []) listener({ preventDefault: () => undefined });
  }
  *descendants(): Generator<FakeElement> {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }
  /** Only the selectors the script uses: a tag name, or [name="…"]. */
  querySelector(selector: string): FakeElement | null {
    const name = /^\[name="(.+)"\]$/.exec(selector)?.[1];
    for (const e of this.descendants()) if (name !== undefined ? e.name === name : e.tagName === selector) return e;
    return null;
  }
}

function page(bundle: DrawBundle) {
  const body = new FakeElement('body');
  const make = (tag: string, props: Partial<FakeElement> = {}) => Object.assign(new FakeElement(tag), props);
  const section = make('section', { id: 'draw-verify' });
  section.dataset.bundleUrl = `/api/public/draws/${bundle.id}`;
  const form = make('form', { id: 'draw-verify-inputs' });
  const sources = make('textarea', { name: 'sources' });
  const code = make('input', { name: 'code' });
  form.append(sources, code);
  const button = make('button', { id: 'draw-verify-run' });
  const output = make('div', { id: 'draw-verify-output' });
  section.append(form, button, output);
  body.append(section);
  const document = {
    getElementById: (id: string) => [...body.descendants()].find((e) => e.id === id) ?? null,
    createElement: (tag: string) => new FakeElement(tag),
  };
  const requested: string[] = [];
  const fetch = async (url: string) => {
    requested.push(url);
    return { ok: true, status: 200, json: async () => JSON.parse(JSON.stringify(bundle)) };
  };
  load({ document, fetch });
  const runAndWait = async () => {
    button.click();
    await vi.waitFor(() => expect(output.textContent).toMatch(/核验(通过|未通过|未能完成)/), { timeout: 10_000 });
    expect(button.disabled).toBe(false);
  };
  const lines = () => [...output.descendants()].filter((e) => e.tagName === 'li').map((e) => e.textContent);
  const rows = () =>
    [...output.descendants()]
      .filter((e) => e.tagName === 'tr' && e.getAttribute('data-target') !== null)
      .map((tr) => Object.fromEntries(tr.children.map((td) => [td.getAttribute('data-label'), td.textContent])));
  return { section, sources, code, button, output, requested, runAndWait, lines, rows };
}

describe('verify-draw.js on the page', () => {
  it('fetches the bundle, fills the empty form, and shows every check ✓ and the published result', async () => {
    const bundle = readVector('vrs-strata-teams.json');
    const p = page(bundle);
    expect(p.section.hidden).toBe(false);
    await p.runAndWait();
    expect(p.requested).toEqual(['/api/public/draws/vrs-strata-teams']);
    expect(p.sources.value).toBe('03 09 14 22 27 31\n12\n703');
    expect(p.code.value).toBe(bundle.inputs.code);
    expect(p.lines()).toEqual([
      ...verifyBundle(bundle).checks.map((c) => `✓ ${c.name}:${c.detail}`),
      '✓ 核验通过:重新抽取的结果与公布的结果完全一致。',
    ]);
    const rows = p.rows();
    expect(rows.map((r) => r.检查对象)).toEqual(bundle.result.targets.map((t) => t.label));
    expect(rows.map((r) => r.检查组)).toEqual(bundle.result.targets.map((t) => t.team.join('、')));
    expect(rows.every((r) => r.与公布结果 === '一致')).toBe(true);
    expect(rows[1]?.回避).toBe(`${bundle.result.recusals[0]?.inspector} 回避,由 ${bundle.result.recusals[0]?.substitute} 替补`);
    expect(Object.keys(rows[0] ?? {})).toEqual(['序号', '检查对象', '风险类别', '抽取位置', '检查组', '回避', '与公布结果']);
    expect(p.output.textContent).toContain('已按公布的数值重新抽取。');

    // The same numbers written differently (order, leading zeros) are the same key string: no change.
    p.sources.value = '31 27 22 14 9 3\n12\n0703\n';
    await p.runAndWait();
    expect(p.output.textContent).toContain('已按公布的数值重新抽取。');
    expect(p.lines().at(-1)).toBe('✓ 核验通过:重新抽取的结果与公布的结果完全一致。');
  });

  it('re-runs with a source value changed in the form and shows the different result and the first difference', async () => {
    const bundle = readVector('rfc3797-teams.json');
    const p = page(bundle);
    await p.runAndWait();
    expect(p.rows().map((r) => r.检查对象)).toEqual(bundle.result.targets.map((t) => t.label));
    p.sources.value = '4 0 9 1 7\n01 07 15 19 26 33';
    await p.runAndWait();
    const changed = {
      ...bundle,
      inputs: { ...bundle.inputs, sources: [{ name: '', values: ['4', '0', '9', '1', '7'] }, ...bundle.inputs.sources.slice(1)] },
    };
    const expected = runDraw(changed.inputs);
    expect(p.rows().map((r) => r.检查对象)).toEqual(expected.targets.map((t) => t.label));
    expect(p.rows().some((r) => r.与公布结果?.startsWith('不同'))).toBe(true);
    const lines = p.lines();
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([
      `✗ 重新抽取结果:${verifyBundle(changed).checks.at(-1)?.detail}`,
      '✗ 核验未通过:以上标 ✗ 的项目与公布的不一致。',
    ]);
    expect(p.output.textContent).toContain('改动了「体彩排列五第2026118期开奖号码(示例数值)」的数值');
  });

  it('reports a changed code against the commitment, and a value that is no number', async () => {
    const p = page(readVector('rfc3797-example.json'));
    p.code.value = 'ABCD';
    await p.runAndWait();
    expect(p.lines()).toContain('✗ 一次性码与承诺值:公布的一次性码的 SHA-256 与事先公告的承诺值不符');
    p.code.value = '';
    p.sources.value = '9319\n2 5 12 8 十';
    await p.runAndWait();
    expect(p.lines()).toContain('✗ 重新抽取:「RFC 3797 §6 示例随机源二」的数值「十」不是非负整数');
    expect(p.rows()).toEqual([]);
  });
});
