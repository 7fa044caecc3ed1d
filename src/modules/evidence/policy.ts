import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';
import { ROLE_CODES } from '../../platform/auth/roles.js';

/**
 * Who may do what with evidence. Officers and unit heads collect it; everyone with a role reads it
 * within their unit scope (agency-wide roles see all); the access log (调阅记录) is for unit heads
 * of the unit subtree and for oversight (supervisor, leader, admin).
 */
export const evidencePolicy = {
  'evidence.upload': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head']),
  'evidence.list': (actor: Actor) => hasAnyRole(actor, ROLE_CODES),
  'evidence.access_log': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'supervisor', 'leader', 'admin']),
} satisfies PolicySet;

export type EvidenceAction = keyof typeof evidencePolicy;

export function can(actor: Actor, action: EvidenceAction): boolean {
  return evidencePolicy[action](actor);
}

/** May the actor see this piece of evidence (held by a unit with this path)? */
export function canSeeEvidence(actor: Actor, unitPath: string): boolean {
  return can(actor, 'evidence.list') && inScope(readScope(actor), unitPath);
}

/** May the actor read who accessed this piece of evidence? */
export function canReadAccessLog(actor: Actor, unitPath: string): boolean {
  return can(actor, 'evidence.access_log') && inScope(readScope(actor), unitPath);
}
