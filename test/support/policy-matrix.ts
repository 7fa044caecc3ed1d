import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../../src/platform/auth/actor.js';
import { permissionsOf } from '../../src/platform/auth/policy.js';
import { ROLE_CODES, type Role } from '../../src/platform/auth/roles.js';

/** A signed-in user with these roles, in a unit at `unitPath`. */
export function testUser(roles: Role[], unitPath = '/root/inspection/'): UserActor {
  return { kind: 'user', userId: 'u1', username: 'someone', displayName: '某人', unitId: 'inspection', unitPath, roles };
}

/**
 * The table-driven policy test every module has: rows are roles, columns are the module's actions,
 * and a change to who may do what must change the table. Also checks that nobody without a role —
 * an anonymous visitor, a system actor, a user without roles (but for `rolelessAllowed`) — is allowed anything.
 */
export function describeRolesTimesActions<A extends string>(
  name: string,
  policy: Readonly<Record<A, (actor: Actor) => boolean>>,
  matrix: Readonly<Record<Role, Readonly<Record<A, boolean>>>>,
  /** Actions any signed-in user may perform even without a role (e.g. reading the org chart). */
  rolelessAllowed: readonly A[] = [],
): void {
  const actions = Object.keys(policy).filter((a): a is A => a in policy);
  const cases = ROLE_CODES.flatMap((role) => actions.map((action) => [role, action, matrix[role][action]] as const));

  describe(`${name} policy: roles × actions`, () => {
    it('covers every role and every action', () => {
      expect(Object.keys(matrix).sort()).toEqual([...ROLE_CODES].sort());
      for (const row of Object.values<Readonly<Record<A, boolean>>>(matrix)) expect(Object.keys(row).sort()).toEqual([...actions].sort());
    });

    it.each(cases)('%s → %s = %s', (role, action, expected) => {
      expect(policy[action](testUser([role]))).toBe(expected);
    });

    it('allows nothing to an anonymous visitor, a user without roles or a system actor', () => {
      const anonymous: Actor = { kind: 'anonymous' };
      for (const action of actions) {
        expect(policy[action](anonymous)).toBe(false);
        expect(policy[action](testUser([]))).toBe(rolelessAllowed.includes(action));
        expect(policy[action]({ kind: 'system', name: 'cli' })).toBe(false);
      }
      expect(permissionsOf(anonymous, [policy])).toEqual([]);
    });
  });
}
