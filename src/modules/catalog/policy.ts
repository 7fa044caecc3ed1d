import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, type PolicySet } from '../../platform/auth/policy.js';
import { ROLE_CODES } from '../../platform/auth/roles.js';

/**
 * Who may do what with the 执法事项清单 (权责清单). Every signed-in role reads it, drafts included;
 * the 政策法规科 (legal reviewers) and the administrator draft and publish versions. The published
 * items themselves are public and need no policy.
 */
export const catalogPolicy = {
  'catalog.list': (actor: Actor) => hasAnyRole(actor, ROLE_CODES),
  'catalog.edit': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'admin']),
} satisfies PolicySet;

export type CatalogAction = keyof typeof catalogPolicy;

export function can(actor: Actor, action: CatalogAction): boolean {
  return catalogPolicy[action](actor);
}
