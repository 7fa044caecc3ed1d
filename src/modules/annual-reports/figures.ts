import type { CaseYearFact } from '../cases/index.js';
import { CATEGORIES, PENALTY_TYPES } from '../catalog/index.js';
import type { UnitPublicationCounts } from '../publications/index.js';
import type { UnitReviewCounts } from '../reviews/index.js';
import type { Counts, MonthFigures, ReportFigures, UnitFigures } from './report-data.js';

// The figures of the 行政执法统计年报, computed by a pure function from what the cases, reviews and
// publications modules record (their shapes in report-data.ts).

export type { Counts, MonthFigures, ReportFigures, UnitFigures };

export interface FigureSources {
  readonly year: number;
  readonly asOf: string;
  readonly cases: readonly CaseYearFact[];
  readonly reviews: readonly UnitReviewCounts[];
  readonly publications: readonly UnitPublicationCounts[];
  /** Units in display order (the org tree); units not listed are placed last under their id. */
  readonly units: readonly { readonly id: string; readonly name: string }[];
}

const CONFISCATION_TYPES: readonly string[] = ['没收违法所得', '没收非法财物', '没收较大数额财物'];

/**
 * Said on every report: these categories have no record source in the platform yet, so their zero
 * means "not recorded here", not "none happened"; nothing is estimated.
 */
export const SOURCE_NOTES: readonly string[] = [
  '行政许可:本平台尚未办理行政许可事项(许可在政务服务系统办理),本表行政许可数据为 0,不代表全年未作出许可。',
  '行政检查:统计以行政检查类执法事项登记的案件;双随机抽查的每次入户检查都登记为行政检查案件(现场检查、检查结论),抽查结果另在「双随机抽查」栏目公示。',
  '行政强制:统计以行政强制类执法事项登记的案件;另列先行登记保存和申请人民法院强制执行的次数。',
  '行政征收征用、行政确认、行政给付:统计以该类执法事项登记的案件,本平台尚无其他数据来源。',
  '没收:决定书未单独记录没收金额,只统计含没收内容的决定件数;罚款金额为决定书载明的金额,缴款金额以银行回单为准。',
];

const zeroes = (keys: readonly string[]): { [key: string]: number } => Object.fromEntries(keys.map((k) => [k, 0]));

export function emptyCounts(): Counts {
  return {
    received: 0,
    filed: 0,
    simple: 0,
    closed: 0,
    open: 0,
    byCategory: zeroes(CATEGORIES),
    decisionsByCategory: zeroes(CATEGORIES),
    decisions: 0,
    byPenaltyType: zeroes(PENALTY_TYPES),
    fineYuan: 0,
    paidYuan: 0,
    confiscations: 0,
    hearingsRequested: 0,
    hearingsHeld: 0,
    preservations: 0,
    enforcementApplications: 0,
    reviews: 0,
    reviewsCleared: 0,
    reviewRounds: 0,
    reviewRoundsReturned: 0,
    published: 0,
    withdrawn: 0,
  };
}

/** Yuan to fen and back without float drift (0.1 + 0.2 yuan stays 0.3). */
const fen = (yuan: number): number => Math.round(yuan * 100);

/** The plain counters of Counts (amounts in yuan and the per-category maps are added apart). */
const COUNTERS = [
  'received',
  'filed',
  'simple',
  'closed',
  'open',
  'decisions',
  'confiscations',
  'hearingsRequested',
  'hearingsHeld',
  'preservations',
  'enforcementApplications',
  'reviews',
  'reviewsCleared',
  'reviewRounds',
  'reviewRoundsReturned',
  'published',
  'withdrawn',
] as const satisfies readonly (keyof Counts)[];
const BREAKDOWNS = ['byCategory', 'decisionsByCategory', 'byPenaltyType'] as const satisfies readonly (keyof Counts)[];

function add(into: Counts, from: Counts): void {
  for (const key of COUNTERS) into[key] += from[key];
  into.fineYuan = (fen(into.fineYuan) + fen(from.fineYuan)) / 100;
  into.paidYuan = (fen(into.paidYuan) + fen(from.paidYuan)) / 100;
  for (const key of BREAKDOWNS) for (const [k, v] of Object.entries(from[key])) into[key][k] = (into[key][k] ?? 0) + v;
}

const isNonZero = (c: Counts): boolean =>
  Object.values(c).some((v) => (typeof v === 'number' ? v !== 0 : Object.values(v).some((n) => n !== 0)));

/** The report's figures: per unit (those with anything to report), the agency total and the months. */
export function computeFigures(src: FigureSources): ReportFigures {
  const { year, asOf } = src;
  const first = `${year}-01-01`;
  const inYear = (date: string | null | undefined): date is string => typeof date === 'string' && date >= first && date <= asOf;
  const byUnit = new Map<string, Counts>();
  const countsOf = (unitId: string): Counts => {
    const found = byUnit.get(unitId) ?? emptyCounts();
    byUnit.set(unitId, found);
    return found;
  };
  const lastMonth = Number(asOf.slice(5, 7));
  const months: MonthFigures[] = Array.from({ length: lastMonth }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    received: 0,
    decisions: 0,
    fineYuan: 0,
  }));
  const monthOf = (date: string) => months[Number(date.slice(5, 7)) - 1];

  for (const c of src.cases) {
    const counts = countsOf(c.unitId);
    const category = c.category ?? '其他';
    if (inYear(c.receivedOn)) {
      counts.received += 1;
      counts.byCategory[category] = (counts.byCategory[category] ?? 0) + 1;
      const m = monthOf(c.receivedOn);
      if (m) m.received += 1;
    }
    if (c.procedure === 'general' && inYear(c.filedOn)) counts.filed += 1;
    if (inYear(c.closedOn)) counts.closed += 1;
    if (c.receivedOn <= asOf && (c.closedOn === null || c.closedOn > asOf)) counts.open += 1;
    const d = c.decision;
    if (d && inYear(d.decidedOn)) {
      counts.decisions += 1;
      if (c.procedure === 'simple') counts.simple += 1;
      counts.decisionsByCategory[category] = (counts.decisionsByCategory[category] ?? 0) + 1;
      for (const t of new Set(d.types)) counts.byPenaltyType[t] = (counts.byPenaltyType[t] ?? 0) + 1;
      if (d.types.some((t) => CONFISCATION_TYPES.includes(t))) counts.confiscations += 1;
      const fine = d.fineYuan ?? 0;
      counts.fineYuan = (fen(counts.fineYuan) + fen(fine)) / 100;
      const m = monthOf(d.decidedOn);
      if (m) {
        m.decisions += 1;
        m.fineYuan = (fen(m.fineYuan) + fen(fine)) / 100;
      }
    }
    if (c.hearing && inYear(c.hearing.requestedOn)) counts.hearingsRequested += 1;
    if (c.hearing && inYear(c.hearing.heldOn)) counts.hearingsHeld += 1;
    counts.preservations += c.preservedOn.filter(inYear).length;
    counts.enforcementApplications += c.enforcementAppliedOn.filter(inYear).length;
    const paid = c.payments.filter((p) => inYear(p.paidOn)).reduce((n, p) => n + p.amountFen, 0);
    counts.paidYuan = (fen(counts.paidYuan) + paid) / 100;
  }
  for (const r of src.reviews) {
    const counts = countsOf(r.unitId);
    counts.reviews += r.reviews;
    counts.reviewsCleared += r.cleared;
    counts.reviewRounds += r.rounds;
    counts.reviewRoundsReturned += r.returnedRounds;
  }
  for (const p of src.publications) {
    const counts = countsOf(p.unitId);
    counts.published += p.published;
    counts.withdrawn += p.withdrawn;
  }

  const order = new Map(src.units.map((u, i) => [u.id, i]));
  const names = new Map(src.units.map((u) => [u.id, u.name]));
  const units = [...byUnit.entries()]
    .filter(([, counts]) => isNonZero(counts))
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b))
    .map(([unitId, counts]) => ({ unitId, unitName: names.get(unitId) ?? unitId, counts }));
  const total = emptyCounts();
  for (const u of units) add(total, u.counts);
  return { year, asOf, partial: asOf < `${year}-12-31`, units, total, months, notes: [...SOURCE_NOTES] };
}
