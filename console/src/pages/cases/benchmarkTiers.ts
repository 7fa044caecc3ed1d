import type { BenchmarkTier } from '../../api/catalog';
import { yuan } from './caseLabels';

/** A tier's range as the benchmark states it: 2 万–3 万元, 每人 500–1000 元, 1–3 倍, 不处罚款. */
export function tierRangeText(t: BenchmarkTier): string {
  if (t.fineMin === null || t.fineMax === null) return '不处罚款';
  if (t.fineUnit === '元/人') return `每人 ${yuan(t.fineMin)}–${yuan(t.fineMax)}`;
  if (t.fineUnit === '倍') return `${t.fineMin}–${t.fineMax} 倍`;
  return `${yuan(t.fineMin)}–${yuan(t.fineMax)}`;
}

/**
 * The tier's range for this case in yuan, as the server computes it: per-person and multiple tiers
 * multiply by the basis quantity. `undefined` while the basis it needs is missing; null when no fine.
 */
export function caseRange(t: BenchmarkTier, basis: number | null | undefined): [number, number] | null | undefined {
  if (t.fineMin === null || t.fineMax === null) return null;
  if (t.fineUnit === '元') return [t.fineMin, t.fineMax];
  if (basis === null || basis === undefined || basis <= 0) return undefined;
  return [t.fineMin * basis, t.fineMax * basis];
}

export function withinRange(range: [number, number] | null, fine: number): boolean {
  return range === null ? fine === 0 : fine >= range[0] && fine <= range[1];
}
