import { createHash, createHmac, hkdfSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawVectors, VECTORS_DIR } from '../../../scripts/draw-vectors.js';
import { type DrawBundle, verifyBundle } from './bundle.js';
import { DrawInputError, type DrawInputs, type DrawResult, keyString, runDraw, snapshotHashes, verifyDraw } from './draw.js';

const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const commit = (code: string) => ({ code, commitment: sha256Hex(Buffer.from(code, 'hex')) });

/** The RFC 3797 §6 example: 25 candidates numbered 1..25, three sources, five picks. */
const RFC_SOURCES = [
  { name: '一', values: ['9319'] },
  { name: '二', values: ['2', '5', '12', '8', '10'] },
  { name: '三', values: ['9', '18', '26', '34', '41', '45'] },
];
const RFC_POOL = Array.from({ length: 25 }, (_, i): [string, string] => [String(i + 1), 'A']);
const RFC_PICKS = ['17', '7', '2', '16', '25'];

const base = (over: Partial<DrawInputs> = {}): DrawInputs => ({
  algorithm: 'vrs',
  population: [],
  quotas: [],
  inspectors: [],
  conflicts: [],
  teamSize: 0,
  maxTasksPerInspector: null,
  sources: RFC_SOURCES,
  ...commit('07'.repeat(32)),
  ...over,
});

const rfcExample = (over: Partial<DrawInputs> = {}) =>
  base({ algorithm: 'rfc3797', population: RFC_POOL, quotas: [{ stratum: 'A', count: 5 }], ...over });

/** Inputs for the VRS vector pinned below (and varied by the property tests). */
const small = (over: Partial<DrawInputs> = {}) =>
  base({
    population: [
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'x'],
      ['e', 'y'],
      ['f', 'x'],
      ['g', 'y'],
      ['h', 'x'],
    ],
    quotas: [
      { stratum: 'y', count: 1 },
      { stratum: 'x', count: 2 },
    ],
    inspectors: ['p', 'q', 'r', 's'],
    teamSize: 2,
    sources: [{ name: 'round', values: ['1234'] }],
    ...over,
  });

/** PRK = HKDF-Extract(salt = code, IKM = key string), computed here without draw.ts or vrs.ts. */
const prkOf = (inputs: DrawInputs): Buffer =>
  createHmac('sha256', Buffer.from(inputs.code, 'hex')).update(keyString(inputs.sources), 'utf8').digest();

describe('runDraw, RFC 3797 mode', () => {
  it('reproduces the published example of RFC 3797 §6', () => {
    const result = runDraw(rfcExample());
    expect(result.targets.map((t) => t.label)).toEqual(RFC_PICKS);
    // The position is the pick's 1-based number in the stratum's announced list.
    expect(result.targets.map((t) => t.position)).toEqual(RFC_PICKS);
    expect(result.targets.every((t) => t.stratum === 'A' && t.team.length === 0 && t.unfilled === 0)).toBe(true);
    expect(result.recusals).toEqual([]);
  });

  it('indexes the announced list, not the label: the same picks under other labels', () => {
    const renamed = RFC_POOL.map(([label, s]): [string, string] => [`entity-${label}`, s]);
    expect(runDraw(rfcExample({ population: renamed })).targets.map((t) => t.label)).toEqual(RFC_PICKS.map((n) => `entity-${n}`));
  });

  it('runs the pick counter on across strata, in quota order', () => {
    const others = Array.from({ length: 10 }, (_, i): [string, string] => [`b${i + 1}`, 'B']);
    const population = [...others, ...RFC_POOL];
    // MD5(j ‖ key ‖ j) mod remaining, written out here from RFC 3797 §5.
    const key = '9319./2.5.8.10.12./9.18.26.34.41.45./';
    const pick = (pool: string[], j: number): string => {
      const counter = Buffer.from([j >> 8, j & 0xff]);
      const value = BigInt(`0x${createHash('md5').update(counter).update(key).update(counter).digest('hex')}`);
      return pool.splice(Number(value % BigInt(pool.length)), 1)[0] as string;
    };
    const first = runDraw(
      rfcExample({
        population,
        quotas: [
          { stratum: 'A', count: 5 },
          { stratum: 'B', count: 3 },
        ],
      }),
    );
    expect(first.targets.slice(0, 5).map((t) => t.label)).toEqual(RFC_PICKS);
    const poolB = others.map(([l]) => l);
    expect(first.targets.slice(5).map((t) => t.label)).toEqual([pick(poolB, 5), pick(poolB, 6), pick(poolB, 7)]);
    expect(first.targets.slice(5).every((t) => t.stratum === 'B')).toBe(true);

    // Stratum B first: it takes j = 0..2, so A starts at j = 3 and no longer gives the RFC's picks.
    const swapped = runDraw(
      rfcExample({
        population,
        quotas: [
          { stratum: 'B', count: 3 },
          { stratum: 'A', count: 5 },
        ],
      }),
    );
    const poolB2 = others.map(([l]) => l);
    const poolA = RFC_POOL.map(([l]) => l);
    expect(swapped.targets.map((t) => t.label)).toEqual([
      pick(poolB2, 0),
      pick(poolB2, 1),
      pick(poolB2, 2),
      ...[3, 4, 5, 6, 7].map((j) => pick(poolA, j)),
    ]);
  });

  it('takes a whole stratum when asked, and none of an absent one with count 0', () => {
    const all = runDraw(
      rfcExample({
        quotas: [
          { stratum: 'Z', count: 0 },
          { stratum: 'A', count: 25 },
        ],
      }),
    );
    expect(all.targets.slice(0, 5).map((t) => t.label)).toEqual(RFC_PICKS);
    expect(new Set(all.targets.map((t) => t.label)).size).toBe(25);
  });
});

describe('runDraw, VRS mode', () => {
  it('keeps a fixed vector: strata in quota order, positions, teams and a recusal', () => {
    expect(runDraw(small({ conflicts: [['r', 'a']] }))).toEqual({
      targets: [
        {
          label: 'c',
          stratum: 'y',
          position: '78182a5a6c3477aa14b7ceae9cf8e749b09800ced46edf37db2c2d8cc822858c',
          team: ['s', 'q'],
          unfilled: 0,
        },
        {
          label: 'a',
          stratum: 'x',
          position: '1e8cb68c17166d0284e8141144b03d3fe5adab60853926e0e461088b49931754',
          team: ['q', 'p'],
          unfilled: 0,
        },
        {
          label: 'b',
          stratum: 'x',
          position: '30808fafe9df7e77dfe29ec7567fcdc5c05e69334d65b838befe337f2012e1bd',
          team: ['p', 's'],
          unfilled: 0,
        },
      ],
      recusals: [{ target: 'a', inspector: 'r', substitute: 'q' }],
    });
  });

  it('places each label at HKDF-SHA256(IKM = key string, salt = code, info = label) and takes the lowest per stratum', () => {
    const inputs = small({ quotas: [{ stratum: 'x', count: 5 }] });
    const ikm = Buffer.from('1234./', 'utf8');
    const salt = Buffer.from(inputs.code, 'hex');
    const hkdf = (label: string) => Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(label, 'utf8'), 32)).toString('hex');
    const prk = prkOf(inputs);
    const hmac = (label: string) =>
      createHmac('sha256', prk)
        .update(Buffer.concat([Buffer.from(label, 'utf8'), Buffer.from([1])]))
        .digest('hex');
    const xs = inputs.population.filter(([, s]) => s === 'x').map(([l]) => l);
    const expected = xs
      .map((label) => ({ label, position: hkdf(label) }))
      .sort((a, b) => (a.position < b.position ? -1 : 1))
      .slice(0, 5);
    const result = runDraw(inputs);
    expect(result.targets.map(({ label, position }) => ({ label, position }))).toEqual(expected);
    for (const t of result.targets) expect(hmac(t.label)).toBe(t.position);
  });

  it('selects by position, whatever the other labels and the size of another stratum', () => {
    const before = runDraw(small()).targets.filter((t) => t.stratum === 'x');
    const more = small({ population: [...small().population, ['i', 'y'], ['j', 'y'], ['k', 'y']] });
    expect(
      runDraw(more)
        .targets.filter((t) => t.stratum === 'x')
        .map((t) => t.label),
    ).toEqual(before.map((t) => t.label));
  });

  it('orders many labels exactly as a full sort of the positions would (the 48-bit head is only a shortcut)', () => {
    const population = Array.from({ length: 3000 }, (_, i): [string, string] => [`91620100${String(i).padStart(10, '0')}`, 'S']);
    const inputs = base({ population, quotas: [{ stratum: 'S', count: 3000 }] });
    const positions = runDraw(inputs).targets.map((t) => t.position);
    expect(positions).toEqual([...positions].sort());
    expect(new Set(positions).size).toBe(3000);
  });
});

describe('runDraw, teams', () => {
  it('walks HMAC(PRK, "team" 0 label 0 j) mod the inspectors not yet tried', () => {
    const inputs = small();
    const prk = prkOf(inputs);
    const value = (label: string, j: number) =>
      createHmac('sha256', prk).update(`team\u0000${label}\u0000${j}`, 'utf8').digest().readUIntBE(0, 6);
    const result = runDraw(inputs);
    for (const t of result.targets) {
      const remaining = [...inputs.inspectors];
      const walk = [0, 1].map((j) => remaining.splice(value(t.label, j) % remaining.length, 1)[0]);
      expect(t.team).toEqual(walk);
    }
  });

  it('skips a conflicted inspector with a recusal naming the next member taken, and keeps the walk going', () => {
    const plain = runDraw(small());
    const target = plain.targets[1];
    if (!target) throw new Error('no target');
    const [first, second] = target.team;
    const result = runDraw(small({ conflicts: [[first ?? '', target.label]] }));
    const after = result.targets[1];
    expect(after?.team[0]).toBe(second);
    expect(after?.team).not.toContain(first);
    expect(result.recusals).toEqual([{ target: target.label, inspector: first, substitute: second }]);
  });

  it('never puts a conflicted inspector on a team, names every substitute, and respects maxTasksPerInspector', () => {
    let recusals = 0;
    let capped = 0;
    for (let round = 0; round < 40; round++) {
      const population = Array.from({ length: 30 }, (_, i): [string, string] => [
        `e${String(i).padStart(2, '0')}`,
        i % 3 === 0 ? 'H' : 'L',
      ]);
      const inspectors = Array.from({ length: 6 }, (_, i) => `i${i}`);
      // Every fourth (inspector, entity) pair, shifted by the round, is a declared conflict.
      const conflicts = population.flatMap(([label], e) =>
        inspectors.filter((_, k) => (e * 7 + k + round) % 4 === 0).map((inspector): [string, string] => [inspector, label]),
      );
      const cap = round % 2 === 0 ? 4 : null;
      const inputs = base({
        population,
        quotas: [
          { stratum: 'H', count: 4 },
          { stratum: 'L', count: 6 },
        ],
        inspectors,
        conflicts,
        teamSize: 3,
        maxTasksPerInspector: cap,
        sources: [{ name: 'n', values: [String(round)] }],
      });
      const result = runDraw(inputs);
      const conflicted = new Set(conflicts.map(([i, l]) => `${i}/${l}`));
      const load = new Map<string, number>();
      for (const t of result.targets) {
        expect(t.team.length + t.unfilled).toBe(3);
        expect(new Set(t.team).size).toBe(t.team.length);
        for (const member of t.team) {
          expect(conflicted.has(`${member}/${t.label}`)).toBe(false);
          load.set(member, (load.get(member) ?? 0) + 1);
        }
        const mine = result.recusals.filter((r) => r.target === t.label);
        // Each recusal is answered by a distinct member of the team, in the order taken.
        const substitutes = mine.map((r) => r.substitute).filter((s): s is string => s !== null);
        expect(new Set(substitutes).size).toBe(substitutes.length);
        for (const s of substitutes) expect(t.team).toContain(s);
      }
      for (const r of result.recusals) expect(conflicted.has(`${r.inspector}/${r.target}`)).toBe(true);
      recusals += result.recusals.length;
      if (cap !== null) {
        for (const n of load.values()) expect(n).toBeLessThanOrEqual(cap);
        if ([...load.values()].some((n) => n === cap)) capped++;
      }
    }
    // The rounds did exercise both rules.
    expect(recusals).toBeGreaterThan(20);
    expect(capped).toBeGreaterThan(5);
  });

  it('leaves a team short when the inspectors run out, and records the recusal without a substitute', () => {
    const result = runDraw(
      small({
        inspectors: ['p', 'q'],
        conflicts: [['p', 'c']],
        teamSize: 2,
        maxTasksPerInspector: 1,
      }),
    );
    const [c, a, b] = result.targets;
    expect(c).toMatchObject({ label: 'c', team: ['q'], unfilled: 1 });
    expect(result.recusals).toEqual([{ target: 'c', inspector: 'p', substitute: null }]);
    expect(a?.team).toEqual(['p']);
    expect(b).toMatchObject({ team: [], unfilled: 2 });
  });
});

describe('runDraw refuses inputs that form no draw', () => {
  it.each<[string, Partial<DrawInputs>, RegExp]>([
    ['a code that does not open the commitment', { code: '08'.repeat(32) }, /承诺值不符/],
    ['an upper-case code', { code: '0A'.repeat(32) }, /十六进制/],
    ['a malformed commitment', { commitment: 'abc' }, /承诺值/],
    ['a source without values', { sources: [{ name: 'x', values: [] }] }, /开奖数值/],
    ['a value that is no integer', { sources: [{ name: 'x', values: ['12.5'] }] }, /不是非负整数/],
    ['a negative value', { sources: [{ name: 'x', values: ['-3'] }] }, /不是非负整数/],
    ['no sources', { sources: [] }, /随机源/],
    ['more picks than the stratum holds', { quotas: [{ stratum: 'A', count: 26 }] }, /只有 25 个/],
    ['a stratum not in the population', { quotas: [{ stratum: 'B', count: 1 }] }, /没有「B」类/],
    ['a fractional team size', { teamSize: 1.5 }, /每组人数/],
    ['a per-person cap of 0', { maxTasksPerInspector: 0 }, /最多任务数/],
    [
      'a stratum quoted twice',
      {
        quotas: [
          { stratum: 'A', count: 1 },
          { stratum: 'A', count: 1 },
        ],
      },
      /抽取数重复/,
    ],
    ['a negative quota', { quotas: [{ stratum: 'A', count: -1 }] }, /非负整数/],
    [
      'a label listed twice',
      {
        population: [
          ['1', 'A'],
          ['1', 'A'],
        ],
      },
      /重复的标识/,
    ],
    ['a label holding a tab', { population: [['1\t2', 'A']], quotas: [{ stratum: 'A', count: 1 }] }, /制表符/],
    ['an inspector listed twice', { inspectors: ['p', 'p'] }, /执法检查人员名录中有重复/],
  ])('%s', (_, over, message) => {
    for (const algorithm of ['vrs', 'rfc3797'] as const) {
      expect(() => runDraw(rfcExample({ algorithm, ...over }))).toThrow(DrawInputError);
      expect(() => runDraw(rfcExample({ algorithm, ...over }))).toThrow(message);
    }
  });
});

describe('any one changed input changes the result or fails verification', () => {
  const labels = (r: DrawResult) => r.targets.map((t) => `${t.label}:${t.team.join('+')}`).join(' ');

  it.each(['vrs', 'rfc3797'] as const)('%s: a source value, its source, the code', (algorithm) => {
    const inputs = rfcExample({
      algorithm,
      inspectors: ['p', 'q', 'r', 's', 't'],
      teamSize: 2,
    });
    const original = labels(runDraw(inputs));
    // Each number of each source in turn, up by one.
    inputs.sources.forEach((source, s) => {
      source.values.forEach((value, v) => {
        const sources = inputs.sources.map((x, i) =>
          i === s ? { ...x, values: x.values.map((y, k) => (k === v ? String(BigInt(value) + 1n) : y)) } : x,
        );
        expect(labels(runDraw({ ...inputs, sources })), `${source.name}[${v}]`).not.toBe(original);
      });
    });
    // Moving a number from one source to another changes the key string too.
    const moved = [
      { name: '一', values: ['9319', '2'] },
      { name: '二', values: ['5', '12', '8', '10'] },
      RFC_SOURCES[2] ?? { name: '', values: [] },
    ];
    expect(labels(runDraw({ ...inputs, sources: moved }))).not.toBe(original);
    // Another code with its own commitment: another draw (the teams at least, which the PRK decides).
    expect(labels(runDraw({ ...inputs, ...commit('08'.repeat(32)) }))).not.toBe(original);
    // The order of numbers within a source does not matter (RFC 3797 sorts them).
    const shuffled = inputs.sources.map((x) => ({ ...x, values: [...x.values].reverse() }));
    expect(labels(runDraw({ ...inputs, sources: shuffled }))).toBe(original);
  });

  it('a changed label fails the population snapshot check even where the picks stay the same', () => {
    const inputs = rfcExample();
    const hashes = snapshotHashes(inputs);
    const announced = {
      populationSha256: hashes.population,
      inspectorsSha256: hashes.inspectors,
      conflictsSha256: hashes.conflicts,
      populationCount: inputs.population.length,
    };
    const published = runDraw(inputs);
    expect(verifyDraw(inputs, announced, published).ok).toBe(true);
    const population = inputs.population.map(([l, s]): [string, string] => [l === '3' ? '03' : l, s]);
    const v = verifyDraw({ ...inputs, population }, announced, published);
    expect(v.ok).toBe(false);
    expect(v.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['检查对象名录快照']);
  });
});

describe('snapshot hashes', () => {
  it('hash the documented line formats', () => {
    const hashes = snapshotHashes({
      population: [
        ['91620100MA00000001', '高风险'],
        ['91620100MA00000002', '低风险'],
      ],
      inspectors: ['62010020260001', '62010020260002'],
      conflicts: [['62010020260001', '91620100MA00000002']],
    });
    expect(hashes).toEqual({
      population: sha256Hex('91620100MA00000001\t高风险\n91620100MA00000002\t低风险\n'),
      inspectors: sha256Hex('62010020260001\n62010020260002\n'),
      conflicts: sha256Hex('62010020260001\t91620100MA00000002\n'),
    });
    // An empty list hashes the empty string.
    expect(snapshotHashes({ population: [], inspectors: [], conflicts: [] }).conflicts).toBe(sha256Hex(''));
  });
});

const vectors = drawVectors();
const vectorBundle = (name: string): DrawBundle => JSON.parse(vectors.get(name) ?? 'null') as DrawBundle;
const failing = (value: unknown) =>
  verifyBundle(value)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);

describe('the committed test vectors (test/vectors/draws/)', () => {
  it.each([...vectors.keys()])('%s verifies and equals what scripts/draw-vectors.ts writes', (name) => {
    const text = fs.readFileSync(path.join(VECTORS_DIR, name), 'utf8');
    expect(text).toBe(vectors.get(name));
    const verification = verifyBundle(JSON.parse(text));
    expect(verification.checks.map((c) => [c.name, c.ok])).toEqual([
      ['公告先于抽取', true],
      ['检查对象名录快照', true],
      ['检查对象数量', true],
      ['执法检查人员名录快照', true],
      ['利害关系申报快照', true],
      ['一次性码与承诺值', true],
      ['重新抽取结果', true],
    ]);
    expect(verification.ok).toBe(true);
  });

  it('has exactly the generated files', () => {
    expect(fs.readdirSync(VECTORS_DIR).sort()).toEqual([...vectors.keys()].sort());
  });

  it('holds the RFC 3797 example with its published picks and a code that opens its commitment', () => {
    const b = vectorBundle('rfc3797-example.json');
    expect(b.result.targets.map((t) => t.label)).toEqual(RFC_PICKS);
    expect(sha256Hex(Buffer.from(b.inputs.code, 'hex'))).toBe(b.inputs.commitment);
    expect(b.inputs.population).toEqual(RFC_POOL.map(([l]) => [l, '全部']));
  });

  it('shows what each vector is for: strata, recusals with substitutes, the load cap', () => {
    const vrs = vectorBundle('vrs-strata-teams.json');
    expect(new Set(vrs.result.targets.map((t) => t.stratum)).size).toBe(3);
    expect(vrs.inputs.inspectors).toHaveLength(8);
    expect(vrs.result.recusals).toHaveLength(2);
    expect(vrs.result.recusals.every((r) => r.substitute !== null)).toBe(true);
    expect(runDraw({ ...vrs.inputs, maxTasksPerInspector: null })).not.toEqual(vrs.result);
    const rfc = vectorBundle('rfc3797-teams.json');
    expect(rfc.inputs.algorithm).toBe('rfc3797');
    expect(rfc.result.targets.every((t) => t.team.length === 2)).toBe(true);
  });
});

describe('verifyBundle reports what was tampered with', () => {
  const tamper = (edit: (b: DrawBundle) => unknown): DrawBundle => {
    const b = vectorBundle('vrs-strata-teams.json');
    edit(b);
    return b;
  };

  // Each edit takes the bundle as parsed from JSON, so plain property writes.
  type Edit = (b: DrawBundle) => unknown;
  type Mutable = { team: string[]; substitute: string | null; values: string[]; position: string; stratum: string; unfilled: number };
  const at = (value: unknown) => value as Mutable;

  it.each<[string, Edit, string, RegExp]>([
    ['a team member', (b) => at(b.result.targets[2]).team.splice(1, 1, '62010020260007'), '重新抽取结果', /检查组/],
    ['the order of two targets', (b) => b.result.targets.reverse(), '重新抽取结果', /第 1 个对象/],
    ['a target dropped', (b) => b.result.targets.pop(), '重新抽取结果', /9 个/],
    ['a recusal dropped', (b) => b.result.recusals.pop(), '重新抽取结果', /回避/],
    ['a substitute', (b) => Object.assign(at(b.result.recusals[0]), { substitute: null }), '重新抽取结果', /回避/],
    ['the population hash', (b) => Object.assign(b.announced, { populationSha256: '0'.repeat(64) }), '检查对象名录快照', /公告为 0000/],
    ['the inspectors hash', (b) => Object.assign(b.announced, { inspectorsSha256: '0'.repeat(64) }), '执法检查人员名录快照', /公告为/],
    ['the conflicts hash', (b) => Object.assign(b.announced, { conflictsSha256: '0'.repeat(64) }), '利害关系申报快照', /公告为/],
    ['a declared conflict', (b) => b.inputs.conflicts.pop(), '利害关系申报快照', /公告为/],
    ['the code', (b) => Object.assign(b.inputs, { code: `${b.inputs.code.slice(0, -2)}00` }), '一次性码与承诺值', /承诺值不符/],
    ['the population count', (b) => Object.assign(b.announced, { populationCount: 999 }), '检查对象数量', /公告为 999/],
    ['the order of announcement and draw', (b) => Object.assign(b.drawn, { at: '2000-01-01T00:00:00.000Z' }), '公告先于抽取', /抽取 2000/],
    ['a source value', (b) => at(b.inputs.sources[0]).values.splice(0, 1, '04'), '重新抽取结果', /./],
  ])('%s', (_, edit, check, detail) => {
    const v = verifyBundle(tamper(edit));
    expect(v.ok).toBe(false);
    const failed = v.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toContain(check);
    expect(failed.find((c) => c.name === check)?.detail).toMatch(detail);
  });

  // Every published field of a target counts, not only its label and team.
  for (const [field, edit] of [
    ['position', (b: DrawBundle) => Object.assign(at(b.result.targets[0]), { position: '0'.repeat(64) })],
    ['stratum', (b: DrawBundle) => Object.assign(at(b.result.targets[0]), { stratum: '低风险' })],
    ['unfilled count', (b: DrawBundle) => Object.assign(at(b.result.targets[0]), { unfilled: 1 })],
  ] as const)
    it(`a published ${field}`, () => expect(verifyBundle(tamper(edit)).ok).toBe(false));

  it('says when a file is no draw bundle', () => {
    expect(failing({ format: 'sanxiang-draw/1' })).toEqual(['文件格式']);
    expect(failing([])).toEqual(['文件格式']);
    expect(verifyBundle({ ...vectorBundle('rfc3797-example.json'), format: 'sanxiang-draw/2' }).checks[0]?.detail).toMatch(
      /不是 sanxiang-draw\/1 抽取记录/,
    );
  });
});
