import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what with the 重大劳动保障违法行为 list. Those who handle or oversee cases read the entries
 * of their unit scope. The officer who handled the case or the unit head marks the category and edits
 * the fields; confirming an entry for publication (or keeping it off the list, which 第29号令 does not
 * leave to choice: 应当公布) is the unit head's decision or 政策法规科's (法制审核人员 coordinate publicity).
 * 政策法规科 compiles the quarterly list; a 局领导 or 政策法规科 publishes it for the bureau. Taking an entry
 * off a published list is the unit head's, 政策法规科's or a leader's decision, with a reason.
 */
export const violationNoticesPolicy = {
  'violation_notice.read': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'leader', 'legal_reviewer', 'admin']),
  'violation_notice.edit': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'legal_reviewer']),
  'violation_notice.confirm': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'legal_reviewer']),
  'violation_notice.compile': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin']),
  'violation_notice.publish': (actor: Actor) => hasAnyRole(actor, ['leader', 'legal_reviewer']),
  'violation_notice.remove': (actor: Actor) => hasAnyRole(actor, ['unit_head', 'leader', 'legal_reviewer']),
} satisfies PolicySet;

export type ViolationNoticesAction = keyof typeof violationNoticesPolicy;

export const can = (actor: Actor, action: ViolationNoticesAction): boolean => violationNoticesPolicy[action](actor);

/** May the actor do `action` on an entry of a case handled by a unit with this path? */
export const canOnEntry = (actor: Actor, action: ViolationNoticesAction, unitPath: string): boolean =>
  can(actor, action) && inScope(readScope(actor), unitPath);
