import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, isUserActor, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what with units and users. Reading users is scoped: agency-wide roles see everyone,
 * a 承办机构负责人 sees the people of their own unit subtree; only the administrator changes accounts.
 */
export const orgPolicy = {
  'unit.list': (actor: Actor) => isUserActor(actor),
  'unit.create': (actor: Actor) => hasAnyRole(actor, ['admin']),
  'unit.update': (actor: Actor) => hasAnyRole(actor, ['admin']),
  'user.list': (actor: Actor) => hasAnyRole(actor, ['admin', 'unit_head', 'leader', 'supervisor']),
  'user.create': (actor: Actor) => hasAnyRole(actor, ['admin']),
  'user.update': (actor: Actor) => hasAnyRole(actor, ['admin']),
  'user.reset_password': (actor: Actor) => hasAnyRole(actor, ['admin']),
  'event.list_all': (actor: Actor) => hasAnyRole(actor, ['admin', 'supervisor']),
} satisfies PolicySet;

export type OrgAction = keyof typeof orgPolicy;

export function can(actor: Actor, action: OrgAction): boolean {
  return orgPolicy[action](actor);
}

/** May the actor see this particular user (a person in a unit with this path)? */
export function canSeeUser(actor: Actor, userUnitPath: string, userId: string): boolean {
  if (isUserActor(actor) && actor.userId === userId) return true;
  return can(actor, 'user.list') && inScope(readScope(actor), userUnitPath);
}
