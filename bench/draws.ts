// 双随机 draws: 5 % of 1,000,000 entities in four risk classes, teams of 2 from 500 inspectors with declared
// conflicts and a per-person cap; the draw itself and its verification from the bundle (targets < 2 s each).
import { createHash } from 'node:crypto';
import { type DrawInputs, runDraw, snapshotHashes, verifyDraw } from '../src/platform/draw/index.js';
import { usccCheckChar } from '../src/platform/pii/ids.js';
import type { Row } from './support.js';

const uscc = (n: number): string => {
  const first17 = `91640202${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};

export async function benchDraws(): Promise<Row[]> {
  const size = 1_000_000;
  const classes = ['A', 'B', 'C', 'D'];
  const population = Array.from({ length: size }, (_, i) => [uscc(i), classes[i % 4] as string] as const);
  const inspectors = Array.from({ length: 500 }, (_, i) => `6402002${String(i).padStart(5, '0')}`);
  const conflicts = Array.from({ length: 100_000 }, (_, i) => [inspectors[i % 500] as string, uscc(i * 10)] as const);
  const code = createHash('sha256').update('bench').digest('hex');
  const inputs: DrawInputs = {
    algorithm: 'vrs',
    population,
    quotas: classes.map((stratum) => ({ stratum, count: 12_500 })),
    inspectors,
    conflicts,
    teamSize: 2,
    maxTasksPerInspector: 250,
    sources: [
      { name: '双色球(红球)', values: ['4', '9', '13', '21', '27', '32'] },
      { name: '双色球(蓝球)', values: ['11'] },
    ],
    code,
    commitment: createHash('sha256').update(Buffer.from(code, 'hex')).digest('hex'),
  };
  let start = performance.now();
  const result = runDraw(inputs);
  const drawMs = performance.now() - start;
  const hashes = snapshotHashes(inputs);
  start = performance.now();
  const verified = verifyDraw(
    inputs,
    {
      populationSha256: hashes.population,
      inspectorsSha256: hashes.inspectors,
      conflictsSha256: hashes.conflicts,
      populationCount: size,
    },
    result,
  );
  const verifyMs = performance.now() - start;
  if (!verified.ok) throw new Error('the benchmark draw did not verify');
  const name = `5 % of ${size.toLocaleString('en')} (${result.targets.length} targets, ${result.recusals.length} recusals), teams of 2 from 500`;
  return [
    { suite: 'draws', dialect: '-', name: `draw: ${name}`, value: `${(drawMs / 1000).toFixed(2)} s`, target: '< 2 s' },
    {
      suite: 'draws',
      dialect: '-',
      name: 'verification of the same draw (hashes + re-run + compare)',
      value: `${(verifyMs / 1000).toFixed(2)} s`,
      target: '< 2 s',
    },
  ];
}
