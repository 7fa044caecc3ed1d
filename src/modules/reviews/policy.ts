import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what in 法制审核: the handling unit submits, answers and escalates; 政策法规科's 法制审核人员
 * take, consult and conclude; a leader approves a longer review period and records the 集体讨论.
 */
export const reviewsPolicy = {
  'review.list': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'legal_reviewer', 'leader', 'supervisor', 'admin']),
  'review.submit': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head']),
  'review.escalate': (actor: Actor) => hasAnyRole(actor, ['unit_head']),
  'review.conduct': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer']),
  'review.extend': (actor: Actor) => hasAnyRole(actor, ['leader']),
  'review.settle': (actor: Actor) => hasAnyRole(actor, ['leader']),
} satisfies PolicySet;

export type ReviewsAction = keyof typeof reviewsPolicy;

export const can = (actor: Actor, action: ReviewsAction): boolean => reviewsPolicy[action](actor);

/** May the actor do `action` on a review of a unit with this path (scope by the handling unit)? */
export const canOnReview = (actor: Actor, action: ReviewsAction, unitPath: string): boolean =>
  can(actor, action) && inScope(readScope(actor), unitPath);
