import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what in 事后公开. Everyone who handles or oversees decisions reads the queue (officers
 * prepare the redaction, leaders watch the deadlines), within their unit scope. Releasing a text to
 * the public, withdrawing it and blocking it are decisions about personal data: the head of the unit
 * that made the decision answers for it (谁执法谁公示), 政策法规科's 法制审核人员 coordinate publicity
 * agency-wide, and the administrator operates the portal. Officers do not release on their own.
 */
export const publicationsPolicy = {
  'publication.read': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'leader', 'legal_reviewer', 'admin']),
  'publication.publish': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer', 'admin']),
  'publication.withdraw': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer', 'admin']),
  'publication.block': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer', 'admin']),
} satisfies PolicySet;

export type PublicationsAction = keyof typeof publicationsPolicy;

export const can = (actor: Actor, action: PublicationsAction): boolean => publicationsPolicy[action](actor);

/** May the actor do `action` on a publication of a unit with this path? */
export const canOnPublication = (actor: Actor, action: PublicationsAction, unitPath: string): boolean =>
  can(actor, action) && inScope(readScope(actor), unitPath);
