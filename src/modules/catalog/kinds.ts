import type { Trx } from '../../platform/db/transaction.js';

/**
 * The kinds of catalogue entry. They share one model — an entry with a code and numbered versions, a
 * draft that may change and published versions that never do — and differ in their data.
 */
export const KINDS = ['item', 'benchmark', 'av_rule', 'review_rule', 'window_board'] as const;
export type Kind = (typeof KINDS)[number];

/** The columns copied out of a version's data for lists, search and filters. */
export interface Summary {
  name: string;
  category: string;
  unitId: string;
  /** The related 执法事项 code, when the kind has one. */
  refCode: string | null;
}

export interface KindDef<D> {
  readonly kind: Kind;
  /** 执法事项, 裁量基准, … as messages name it. */
  readonly label: string;
  /** The event subject type of entries of this kind. */
  readonly subject: string;
  /** Checks and normalises data before it is stored; throws a 400 AppError naming the problem. */
  check(trx: Trx, data: D): Promise<D>;
  summary(data: D): Summary;
  /** The fixed values of the summary's category, when it has them (list filters check against these). */
  readonly categories?: readonly string[];
  /** Derived text the public lists carry besides the data (a rule's one-sentence explanation, labels). */
  publicExtras?(data: D): Record<string, string>;
}
