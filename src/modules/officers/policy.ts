import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';
import { ROLE_CODES } from '../../platform/auth/roles.js';

/**
 * Who may do what with 执法人员 and the 执法人员清单. Everyone with a role reads the register within
 * their unit scope; the 政策法规科 (legal reviewers) and the administrator draft changes and submit
 * them; the justice bureau's supervisor confirms or returns a submitted batch. The published roster
 * itself is public and needs no policy.
 */
export const officersPolicy = {
  'officer.list': (actor: Actor) => hasAnyRole(actor, ROLE_CODES),
  'officer.edit': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin']),
  'roster.list': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin', 'supervisor']),
  'roster.confirm': (actor: Actor) => hasAnyRole(actor, ['supervisor']),
} satisfies PolicySet;

export type OfficersAction = keyof typeof officersPolicy;

export function can(actor: Actor, action: OfficersAction): boolean {
  return officersPolicy[action](actor);
}

/** May the actor see the register entry of an officer of a unit with this path? */
export function canSeeOfficer(actor: Actor, unitPath: string): boolean {
  return can(actor, 'officer.list') && inScope(readScope(actor), unitPath);
}
