import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';
import { ROLE_CODES } from '../../platform/auth/roles.js';

/**
 * Who may do what with 执法文书. Officers and those above them in a case's handling (unit heads,
 * legal reviewers, leaders) preview drafts; everyone with a role reads issued documents within their
 * unit scope (agency-wide roles see all); only the administrator sets 文号 prefixes and
 * each unit's 文书固定信息 (which everyone with a role may read). Issuing itself
 * is authorized by the cases module, which calls `issueDocument` for a case action.
 */
export const documentsPolicy = {
  'documents.preview': (actor: Actor) => hasAnyRole(actor, ['officer', 'unit_head', 'legal_reviewer', 'leader']),
  'documents.read': (actor: Actor) => hasAnyRole(actor, ROLE_CODES),
  'documents.manage_prefixes': (actor: Actor) => hasAnyRole(actor, ['admin']),
  'documents.manage_unit_profiles': (actor: Actor) => hasAnyRole(actor, ['admin']),
} satisfies PolicySet;

export type DocumentsAction = keyof typeof documentsPolicy;

export function can(actor: Actor, action: DocumentsAction): boolean {
  return documentsPolicy[action](actor);
}

/** May the actor read this document (issued by a unit at this path)? */
export function canReadDocument(actor: Actor, unitPath: string): boolean {
  return can(actor, 'documents.read') && inScope(readScope(actor), unitPath);
}
