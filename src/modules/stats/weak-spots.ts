import { INDICATORS, RANKED_INDICATORS, type RankedIndicator, type Rate } from './indicators.js';

// 薄弱环节: units and 执法事项 whose rates are worse than the period's figure for everything the reader
// sees. A subject is listed when at least one of its rates is above that figure; the list is ranked by how
// many are, then by how far above they are in total. Pure, so the ranking rule is tested on its own.

export interface Subject {
  kind: 'unit' | 'item';
  id: string;
  name: string;
  rates: Record<RankedIndicator, Rate>;
}

export interface WeakIndicator {
  key: RankedIndicator;
  label: string;
  rate: number;
  overallRate: number;
  numerator: number;
  denominator: number;
}

export interface WeakSpot {
  rank: number;
  kind: 'unit' | 'item';
  kindLabel: string;
  id: string;
  name: string;
  /** The indicators above the overall figure, worst first. */
  indicators: WeakIndicator[];
  /** Sum of the percentage points above the overall figures. */
  excess: number;
}

export const KIND_LABELS = { unit: '单位', item: '执法事项' } as const;

/**
 * `minDenominator`: a rate counted over fewer cases (steps, rounds…) says little and is not ranked.
 */
export function weakSpots(subjects: readonly Subject[], overall: Record<RankedIndicator, Rate>, minDenominator = 1): WeakSpot[] {
  const spots = subjects.flatMap((s) => {
    const indicators: WeakIndicator[] = [];
    for (const key of RANKED_INDICATORS) {
      const own = s.rates[key];
      const all = overall[key].rate;
      if (own.rate === null || all === null || own.denominator < minDenominator || own.numerator === 0 || own.rate <= all) continue;
      indicators.push({
        key,
        label: INDICATORS[key].label,
        rate: own.rate,
        overallRate: all,
        numerator: own.numerator,
        denominator: own.denominator,
      });
    }
    if (indicators.length === 0) return [];
    indicators.sort((a, b) => b.rate - b.overallRate - (a.rate - a.overallRate));
    const excess = Math.round(indicators.reduce((sum, i) => sum + (i.rate - i.overallRate) * 100, 0) * 10) / 10;
    return [{ kind: s.kind, kindLabel: KIND_LABELS[s.kind], id: s.id, name: s.name, indicators, excess }];
  });
  spots.sort((a, b) => b.indicators.length - a.indicators.length || b.excess - a.excess || a.name.localeCompare(b.name, 'zh-CN'));
  return spots.map((s, i) => ({ rank: i + 1, ...s }));
}
