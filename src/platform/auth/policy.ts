import { forbidden, unauthenticated } from '../errors.js';
import type { Actor, UserActor } from './actor.js';
import type { Role } from './roles.js';

/**
 * Building blocks for module policies. A module's policy.ts names each action and says who may do it
 * (by role) and on what (by unit scope); services call `authorize` before touching data.
 */

/** Which units' data an actor may read: the whole agency, one unit's subtree, or nothing. */
export type UnitScope = { readonly kind: 'all' } | { readonly kind: 'subtree'; readonly path: string } | { readonly kind: 'none' };

/** Roles whose work spans the agency: oversight, legal review, archives and administration. */
const AGENCY_WIDE_ROLES: readonly Role[] = ['admin', 'leader', 'supervisor', 'legal_reviewer', 'archivist'];
/** Roles that work inside their own unit (and its sub-units). */
const UNIT_ROLES: readonly Role[] = ['unit_head', 'officer'];

export function isUserActor(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return isUserActor(actor) && actor.roles.some((r) => roles.includes(r));
}

export function readScope(actor: Actor): UnitScope {
  if (actor.kind === 'system') return { kind: 'all' };
  if (!isUserActor(actor)) return { kind: 'none' };
  if (hasAnyRole(actor, AGENCY_WIDE_ROLES)) return { kind: 'all' };
  if (hasAnyRole(actor, UNIT_ROLES)) return { kind: 'subtree', path: actor.unitPath };
  return { kind: 'none' };
}

export function inScope(scope: UnitScope, unitPath: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return unitPath.startsWith(scope.path);
}

export function requireUser(actor: Actor): UserActor {
  if (!isUserActor(actor)) throw unauthenticated('not_authenticated', '请先登录');
  return actor;
}

export function authorize(allowed: boolean, message = '无权执行此操作'): void {
  if (!allowed) throw forbidden('forbidden', message);
}

/** A named set of actions and who may perform them (without a specific target). */
export type PolicySet = Readonly<Record<string, (actor: Actor) => boolean>>;

/** The actions an actor may perform: the console builds its menu from this list. */
export function permissionsOf(actor: Actor, policySets: readonly PolicySet[]): string[] {
  return policySets.flatMap((set) =>
    Object.entries(set)
      .filter(([, allowed]) => allowed(actor))
      .map(([action]) => action),
  );
}
