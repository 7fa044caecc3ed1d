import type { OpinionInput, PreCheck, SettleInput } from '../../../src/modules/reviews/review-data';
import type { ReviewStats } from '../../../src/modules/reviews/stats';
import type { ReviewSummary, ReviewView } from '../../../src/modules/reviews/views';
import { ApiError, request } from './client';
import type { Page, PageQuery } from './types';

/**
 * 重大执法决定法制审核 API (src/modules/reviews/routes.ts). The shapes are the server's own types, so they
 * cannot drift; only what the console sends is declared here.
 */

export type {
  Attestation,
  ChecklistEntry,
  ChecklistKey,
  CheckResult,
  Conclusion,
  Opinion,
  OpinionInput,
  PreCheck,
  Problem,
  ReviewPackage,
  ReviewState,
  SettleInput,
} from '../../../src/modules/reviews/review-data';
export type { ReviewSummary, ReviewView, RoundView, Settlement } from '../../../src/modules/reviews/views';
export type { ReviewStats };

/** A row of GET /api/reviews: the summary with the latest round's determination and pre-checks. */
export type ReviewListItem = ReviewSummary & { determination: string[]; preChecks: PreCheck[] };

export type Consultation = ReviewView['consultations'][number];

export interface ReviewQuery extends PageQuery {
  /** mine: the reviewer's own and the section's waiting queue; all: everything in scope. */
  view?: 'mine' | 'all';
  state?: string;
  /** Due on or before today + this many days (overdue included); only open reviews (待审核, 审核中) unless a state is given. */
  dueWithinDays?: number;
}

export interface SubmissionInput {
  statement: string;
  reportEvidenceIds?: string[];
  attested: boolean;
  /** The decision intended, when not the notified one (never heavier). */
  proposal?: {
    penalty: { types: string[]; fineYuan: number | null; basisQuantity: number | null; description: string };
    benchmark: { code: string; tierNo: number; departureReason: string };
  };
}

const reviewPath = (id: string) => `/api/reviews/${encodeURIComponent(id)}`;

export function listReviews(query: ReviewQuery): Promise<Page<ReviewListItem>> {
  return request<Page<ReviewListItem>>('GET', '/api/reviews', { query: { ...query } });
}

export function getReview(id: string): Promise<ReviewView> {
  return request<ReviewView>('GET', reviewPath(id));
}

/** Statistics of the caller's reviews by year of submission (per month, turnaround, share returned, problems). */
export function getReviewStats(year: number): Promise<ReviewStats> {
  return request<ReviewStats>('GET', '/api/reviews/stats', { query: { year } });
}

/** The case's review, or null before it is submitted. */
export function getReviewOfCase(caseId: string): Promise<ReviewView | null> {
  return request<ReviewView | null>('GET', `/api/reviews/by-case/${encodeURIComponent(caseId)}`);
}

/** 报送: 400 `review_package_incomplete` lists what is missing in `details`; the answer may carry `warnings`. */
export function submitReview(caseId: string, input: SubmissionInput): Promise<ReviewView> {
  return request<ReviewView>('POST', '/api/reviews', { body: { caseId, ...input } });
}

export function takeReview(id: string): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/take`);
}

export function extendReview(id: string, reason: string): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/extend`, { body: { reason } });
}

/** 出具审核意见: 400 `opinion_invalid` lists every problem in `details`. */
export function concludeReview(id: string, input: OpinionInput): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/opinion`, { body: input });
}

export function resubmitReview(
  id: string,
  input: SubmissionInput & { answers: { problemNo: number; answer: string }[] },
): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/resubmit`, { body: input });
}

export function escalateReview(id: string, reason: string): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/escalate`, { body: { reason } });
}

export function settleReview(id: string, input: SettleInput): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/settle`, { body: input });
}

export function consultAdviser(id: string, input: { adviser: string; question: string }): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/consultations`, { body: input });
}

export function recordAdviserReply(id: string, consultationId: string, reply: string): Promise<ReviewView> {
  return request<ReviewView>('POST', `${reviewPath(id)}/consultations/${encodeURIComponent(consultationId)}/reply`, {
    body: { reply },
  });
}

/** The list a refusal carries in `details` (what is missing or wrong), empty when it carries none. */
export function errorDetails(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter((d): d is string => typeof d === 'string');
}
