// The shapes and rules of 事后公开 (pure: no database; the console may import them). States, the
// decision types that are published with their category and period, the minor-party rule.

import type { Calendar } from '../../platform/calendar/index.js';
import { isResidentId, type PiiKind } from '../../platform/pii/index.js';
import type { DocumentType, PartyInfo } from '../documents/index.js';

export const PUBLICATION_STATES = ['draft', 'published', 'withdrawn', 'expired', 'blocked'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];
export const PUBLICATION_STATE_LABELS: Readonly<Record<PublicationState, string>> = {
  draft: '待公开',
  published: '已公开',
  withdrawn: '已撤回',
  expired: '公示期满',
  blocked: '不予公开',
};

/**
 * 公示期限 by policy (domain research A10: SAMR §13 three years, three months for 通报批评 or a low fine;
 * other places differ, so all three numbers are configuration). A penalty is minor when it is only
 * 警告 or 通报批评, or a fine (possibly with those) of at most `minorFineYuan` (0: no fine is minor).
 */
export interface PublicationPeriods {
  readonly months: number;
  readonly minorMonths: number;
  readonly minorFineYuan: number;
}
export const DEFAULT_PUBLICATION_PERIODS: PublicationPeriods = { months: 36, minorMonths: 3, minorFineYuan: 0 };

const MINOR_TYPES: readonly string[] = ['警告', '通报批评'];

export function isMinorPenalty(
  penalty: { types?: readonly string[]; amountYuan?: number } | undefined,
  periods: PublicationPeriods,
): boolean {
  const types = penalty?.types ?? [];
  if (types.length === 0) return false;
  return types.every(
    (t) =>
      MINOR_TYPES.includes(t) || (t === '罚款' && periods.minorFineYuan > 0 && (penalty?.amountYuan ?? Infinity) <= periods.minorFineYuan),
  );
}

/** The same day `months` later (the month's last day when it has no such day: 08-31 + 6 → 02-28). */
export function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day the decision is no longer public: the publication day plus the period the policy gives it. */
export function expiryOf(
  publishedOn: string,
  penalty: { types?: readonly string[]; amountYuan?: number } | undefined,
  periods: PublicationPeriods,
): string {
  return plusMonths(publishedOn, isMinorPenalty(penalty, periods) ? periods.minorMonths : periods.months);
}

/** 撤回期限 (行政处罚法 §48): three days, which §85 counts as working days. */
export const WITHDRAWAL_WORKING_DAYS = 3;

export const PUBLICATION_CATEGORIES = ['penalty', 'other'] as const;
export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number];
export const CATEGORY_LABELS: Readonly<Record<PublicationCategory, string>> = { penalty: '行政处罚', other: '其他行政执法决定' };

/**
 * The decision documents that are published, with their category and period in working days from
 * the decision date (plan §1, domain research A5): 行政处罚 within 7, other decisions within 20. A new
 * issuing path (e.g. 行政许可) only has to be listed here.
 */
export const PUBLISHED_TYPES = {
  penalty_decision: { category: 'penalty', days: 7 },
  on_the_spot_decision: { category: 'penalty', days: 7 },
  handling_decision: { category: 'other', days: 20 },
} as const satisfies Partial<Record<DocumentType, { category: PublicationCategory; days: number }>>;
export type PublishedType = keyof typeof PUBLISHED_TYPES;
export const PUBLISHED_TYPE_CODES = Object.keys(PUBLISHED_TYPES) as PublishedType[];

export const isPublishedType = (type: string): type is PublishedType => type in PUBLISHED_TYPES;

/** 公开期限: `days` working days after the decision date, or null while that year's holidays are not entered. */
export function dueFrom(calendar: Calendar, decidedOn: string, days: number): string | null {
  try {
    return calendar.addWorkingDays(decidedOn, days);
  } catch {
    return null; // calendar_year_unknown: shown as 待定 and filled in once the year is approved
  }
}

/** A replacement as stored and published: where it is in the published text, never what it replaced. */
export interface Redaction {
  /** The recognizer's kind, or manual for a span the reviewer marked themselves. */
  readonly kind: PiiKind | 'manual';
  /** Offsets in the published text (UTF-16 code units), end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/**
 * Age in 周岁 on `date` from an 18-digit 居民身份证号码, or null when the number is not a valid one.
 * A year of age is completed the day after the birthday ("周岁…从周岁生日的第二天起算", 最高人民法院
 * 关于审理未成年人刑事案件具体应用法律若干问题的解释 §2), which also errs on the side of the minor.
 */
export function ageOn(residentId: string, date: string): number | null {
  if (!isResidentId(residentId)) return null;
  const birth = { y: Number(residentId.slice(6, 10)), md: residentId.slice(10, 14) };
  const on = { y: Number(date.slice(0, 4)), md: `${date.slice(5, 7)}${date.slice(8, 10)}` };
  const years = on.y - birth.y;
  return on.md > birth.md ? years : years - 1;
}

/**
 * Why a decision about this party must not be published (a natural person under 18 on the decision
 * date: ADR 0006 never publishes a decision about a minor; cf. 未成年人保护法 §103 on identifying
 * information of minors in cases), or null. A party whose ID cannot be
 * read is not presumed a minor; the reviewer can still block it with a reason.
 */
export function minorReason(party: PartyInfo | undefined, decidedOn: string): string | null {
  if (party?.kind !== 'natural' || !party.idNumber) return null;
  const age = ageOn(party.idNumber.trim(), decidedOn);
  if (age === null || age >= 18) return null;
  return `当事人在作出决定时未满十八周岁(${age} 周岁),涉及未成年人的行政执法决定不予公开`;
}
