import {
  AV_REQUIREMENT_LABELS,
  type AvRuleData,
  type BenchmarkData,
  explainReviewRule,
  type PublicEntry,
  REVIEW_RULE_TYPE_LABELS,
  type ReviewRuleData,
  TIER_LEVELS,
  type WindowBoardData,
} from '../modules/catalog/index.js';

// Plain view models of the 行政执法公示 lists: the templates only print what these compute.

/** Published item names by code: the pages link an item only when it has a public guide. */
export type ItemNames = ReadonlyMap<string, string>;

const itemLink = (code: string, names: ItemNames) => ({
  code,
  name: names.get(code) ?? '',
  url: names.has(code) ? `/items/${encodeURIComponent(code)}` : null,
});

const number = (n: number): string => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

type Tier = BenchmarkData['tiers'][number];
const LEVELS: readonly string[] = TIER_LEVELS;

/** 罚款幅度 with its counting unit: 100–200 元/人, 20,000 元, 1–1.5 倍; 无罚款 when the tier fines nothing. */
export function fineRangeText(tier: Pick<Tier, 'fineMin' | 'fineMax' | 'fineUnit'>): string {
  const { fineMin, fineMax, fineUnit } = tier;
  if (fineMin === null || fineMax === null) return '无罚款';
  if (fineMin === fineMax) return `${number(fineMin)} ${fineUnit}`;
  return `${number(fineMin)}–${number(fineMax)} ${fineUnit}`;
}

/** How each fine unit is counted, said once under the tier table. */
export const FINE_UNIT_NOTES: Readonly<Record<string, string>> = {
  元: '按元计算的罚款总额',
  '元/人': '按每人计算的罚款数额,罚款总额为每人数额乘以人数',
  倍: '以违法所涉金额(如瞒报、少缴、骗取的数额)为基数的倍数',
};

export function benchmarkView(entry: PublicEntry<BenchmarkData>, names: ItemNames) {
  const units = [...new Set(entry.tiers.filter((t) => t.fineMin !== null).map((t) => t.fineUnit))];
  return {
    ...entry,
    item: entry.itemCode === '' ? null : itemLink(entry.itemCode, names),
    tiers: entry.tiers.map((t) => ({
      ...t,
      fineText: fineRangeText(t),
      levelClass: `tier-${Math.max(0, LEVELS.indexOf(t.level))}`,
    })),
    unitNotes: units.map((u) => ({ unit: u, note: FINE_UNIT_NOTES[u] ?? '' })),
  };
}

export const retentionText = (months: number): string => (months > 0 ? `${months} 个月` : '—');

export type AvEntry = PublicEntry<AvRuleData> & { itemName: string };

export interface AvRow {
  code: string;
  step: string;
  requirement: string;
  requirementLabel: string;
  mandatory: boolean;
  recordCategory: string;
  devicesText: string;
  retentionText: string;
  notes: string;
  highlighted: boolean;
}

export interface AvGroup {
  item: { code: string; name: string; url: string | null };
  rows: AvRow[];
  mandatoryCount: number;
}

/**
 * The AV list grouped by 执法事项 (in code order), each group's rows in the order of the item's
 * procedure when it is known (`stepOrder`), else by rule code.
 */
export function avGroups(
  rules: readonly AvEntry[],
  names: ItemNames,
  stepOrder: ReadonlyMap<string, readonly string[]>,
  highlight = '',
): AvGroup[] {
  const byItem = new Map<string, AvEntry[]>();
  for (const r of rules) byItem.set(r.itemCode, [...(byItem.get(r.itemCode) ?? []), r]);
  return [...byItem.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, entries]) => {
      const steps = stepOrder.get(code) ?? [];
      const rank = (e: AvEntry) => {
        const i = steps.indexOf(e.step);
        return i === -1 ? steps.length : i;
      };
      const rows = [...entries]
        .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code))
        .map((e) => ({
          code: e.code,
          step: e.step,
          requirement: e.requirement,
          requirementLabel: AV_REQUIREMENT_LABELS[e.requirement] ?? e.requirement,
          mandatory: e.requirement === 'mandatory',
          recordCategory: e.recordCategory,
          devicesText: e.devices.length > 0 ? e.devices.join('、') : '—',
          retentionText: retentionText(e.retentionMonths),
          notes: e.notes,
          highlighted: e.code === highlight,
        }));
      const link = itemLink(code, names);
      return {
        item: { ...link, name: link.name || entries[0]?.itemName || '' },
        rows,
        mandatoryCount: rows.filter((r) => r.mandatory).length,
      };
    });
}

export function reviewRuleView(entry: PublicEntry<ReviewRuleData>, names: ItemNames, highlight = '') {
  const type = entry.ruleType as keyof typeof REVIEW_RULE_TYPE_LABELS;
  return {
    code: entry.code,
    name: entry.name,
    ruleTypeLabel: REVIEW_RULE_TYPE_LABELS[type] ?? entry.ruleType,
    explanation: explainReviewRule({ ...entry, unitId: '' }),
    basis: entry.basis,
    notes: entry.notes,
    items: entry.itemCodes.map((c) => itemLink(c, names)),
    unitName: entry.unitName,
    versionNo: entry.versionNo,
    highlighted: entry.code === highlight,
  };
}

export function windowBoardView(entry: PublicEntry<WindowBoardData>, names: ItemNames) {
  return {
    ...entry,
    staff: entry.staff.map((s) => ({
      ...s,
      verifyUrl: s.certificateNo === '' ? null : `/verify/${encodeURIComponent(s.certificateNo)}`,
    })),
    items: entry.itemCodes.map((c) => itemLink(c, names)),
  };
}
