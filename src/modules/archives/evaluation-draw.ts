import { createHash, randomBytes } from 'node:crypto';

// The sample of a 评查 round. The seed comes from the operating system's CSPRNG; each file's rank is
// SHA-256(seed ":" file id) and the lowest ranks are taken. Anyone holding the event (seed, population
// hash, sample) can recompute the sample from the archive's list of files of that year, so the choice of
// files cannot be quietly redone.

export const DRAW_METHOD = 'sha256(seed:caseFileId) 升序取前 n 件';

export const newSeed = (): string => randomBytes(32).toString('hex');

export const rankOf = (seed: string, id: string): string => createHash('sha256').update(`${seed}:${id}`).digest('hex');

/** SHA-256 over the population's ids, sorted, one per line: names the population without listing it. */
export const populationHash = (ids: readonly string[]): string =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');

/** How many files a count or a ratio (percent, rounded up, at least one) asks of a population. */
export function sampleSize(kind: 'count' | 'ratio', value: number, population: number): number {
  return kind === 'count' ? value : Math.max(1, Math.ceil((population * value) / 100));
}

/** The first `n` of `items` by rank: the sample, in the order it was drawn. */
export function drawSample<T extends { readonly id: string }>(seed: string, items: readonly T[], n: number): T[] {
  return items
    .map((item) => ({ item, rank: rankOf(seed, item.id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, n)
    .map((r) => r.item);
}
