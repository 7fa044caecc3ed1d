import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what with cases. Everyone who handles or supervises cases reads them within their unit
 * scope; officers and unit heads register cases and record steps in their own units; approvals
 * (立案, 延期, 撤销, 决定, 结案) are the unit head's or a leader's.
 */
export const casesPolicy = {
  'case.list': (actor: Actor) =>
    hasAnyRole(actor, ['officer', 'unit_head', 'leader', 'legal_reviewer', 'supervisor', 'archivist', 'admin']),
  'case.handle': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head']),
  'case.approve': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'leader']),
  /** 调阅监督: who opened a case is seen by those who supervise it. */
  'case.access_log': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'supervisor', 'leader', 'admin']),
} satisfies PolicySet;

export type CasesAction = keyof typeof casesPolicy;

export function can(actor: Actor, action: CasesAction): boolean {
  return casesPolicy[action](actor);
}

/** May the actor see (or, with `action`, act on) a case of a unit with this path? */
export function canOnCase(actor: Actor, action: CasesAction, unitPath: string): boolean {
  return can(actor, action) && inScope(readScope(actor), unitPath);
}
