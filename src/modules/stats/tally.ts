import type { AvCaseFact, AvStepFact, CaseloadFact, DecisionFact } from '../cases/index.js';
import type { PublicationFact } from '../publications/index.js';
import type { ReviewRoundFact } from '../reviews/index.js';
import { meanOf, type RankedIndicator, type Rate, rateOf } from './indicators.js';
import type { Kpis } from './views.js';

// Adding up the owning modules' grouped facts (unit × item × month) into the dashboard's rows: per unit,
// per 执法事项, per month and in total. Pure.

export interface Tally {
  received: number;
  closed: number;
  open: number;
  overdue: number;
  closingDays: number;
  decided: number;
  limited: number;
  late: number;
  limitedDays: number;
  checkedSteps: number;
  exceptionSteps: number;
  checkedCases: number;
  exceptionCases: number;
  reviewRounds: number;
  reviewConcluded: number;
  reviewReturned: number;
  reviewDays: number;
  decisions: number;
  onTime: number;
  publishedLate: number;
  unpublishedOverdue: number;
  pending: number;
  blocked: number;
}

export const emptyTally = (): Tally => ({
  received: 0,
  closed: 0,
  open: 0,
  overdue: 0,
  closingDays: 0,
  decided: 0,
  limited: 0,
  late: 0,
  limitedDays: 0,
  checkedSteps: 0,
  exceptionSteps: 0,
  checkedCases: 0,
  exceptionCases: 0,
  reviewRounds: 0,
  reviewConcluded: 0,
  reviewReturned: 0,
  reviewDays: 0,
  decisions: 0,
  onTime: 0,
  publishedLate: 0,
  unpublishedOverdue: 0,
  pending: 0,
  blocked: 0,
});

export interface Facts {
  caseload: readonly CaseloadFact[];
  decisions: readonly DecisionFact[];
  avSteps: readonly AvStepFact[];
  avCases: readonly AvCaseFact[];
  reviews: readonly ReviewRoundFact[];
  publications: readonly PublicationFact[];
}

/** Tallies keyed by what `keyOf` picks from a fact (null: the fact has no such key, e.g. reviews per item). */
export function tallyBy(
  facts: Facts,
  keyOf: (f: { unitId: string; itemCode?: string; month?: string }) => string | null,
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const at = (fact: { unitId: string; itemCode?: string; month?: string }): Tally | undefined => {
    const key = keyOf(fact);
    if (key === null) return undefined;
    const found = tallies.get(key) ?? emptyTally();
    tallies.set(key, found);
    return found;
  };
  for (const f of facts.caseload) {
    const t = at(f);
    if (!t) continue;
    t.received += f.received;
    t.closed += f.closed;
    t.open += f.open;
    t.overdue += f.overdue;
    t.closingDays += f.closingDays;
  }
  for (const f of facts.decisions) {
    const t = at(f);
    if (!t) continue;
    t.decided += f.decided;
    t.limited += f.limited;
    t.late += f.late;
    t.limitedDays += f.limitedDays;
  }
  for (const f of facts.avSteps) {
    const t = at(f);
    if (!t) continue;
    t.checkedSteps += f.checkedSteps;
    t.exceptionSteps += f.exceptionSteps;
  }
  for (const f of facts.avCases) {
    const t = at({ unitId: f.unitId, itemCode: f.itemCode });
    if (!t) continue;
    t.checkedCases += f.checkedCases;
    t.exceptionCases += f.exceptionCases;
  }
  for (const f of facts.reviews) {
    const t = at({ unitId: f.unitId, month: f.month });
    if (!t) continue;
    t.reviewRounds += f.submitted;
    t.reviewConcluded += f.concluded;
    t.reviewReturned += f.returned;
    t.reviewDays += f.turnaroundDays;
  }
  for (const f of facts.publications) {
    const t = at({ unitId: f.unitId, month: f.month });
    if (!t) continue;
    t.decisions += f.decisions;
    t.onTime += f.onTime;
    t.publishedLate += f.late;
    t.unpublishedOverdue += f.overdue;
    t.pending += f.pending;
    t.blocked += f.blocked;
  }
  return tallies;
}

export const total = (facts: Facts): Tally => tallyBy(facts, () => '').get('') ?? emptyTally();

/** The publications that had to be out by now: published (on time or late) or still out past the deadline. */
const publicationsDue = (t: Tally) => t.onTime + t.publishedLate + t.unpublishedOverdue;

export function ranked(t: Tally): Record<RankedIndicator, Rate> {
  return {
    overdue: rateOf(t.overdue, t.open),
    decisionLate: rateOf(t.late, t.limited),
    avException: rateOf(t.exceptionSteps, t.checkedSteps),
    reviewReturned: rateOf(t.reviewReturned, t.reviewConcluded),
    publicationLate: rateOf(t.publishedLate + t.unpublishedOverdue, publicationsDue(t)),
  };
}

export function kpis(t: Tally): Kpis {
  return {
    received: t.received,
    closed: t.closed,
    open: t.open,
    decided: t.decided,
    ...ranked(t),
    averageDecisionDays: meanOf(t.limitedDays, t.limited),
    averageClosingDays: meanOf(t.closingDays, t.closed),
    avMissingCases: rateOf(t.exceptionCases, t.checkedCases),
    reviewRounds: t.reviewRounds,
    averageReviewDays: meanOf(t.reviewDays, t.reviewConcluded),
    publicationOnTime: rateOf(t.onTime, publicationsDue(t)),
    publicationOverdue: t.unpublishedOverdue,
  };
}
