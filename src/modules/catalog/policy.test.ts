import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { permissionsOf } from '../../platform/auth/policy.js';
import { ROLE_CODES, type Role } from '../../platform/auth/roles.js';
import { type CatalogAction, catalogPolicy } from './policy.js';

const user = (roles: Role[]): UserActor => ({
  kind: 'user',
  userId: 'u1',
  username: 'someone',
  displayName: '某人',
  unitId: 'inspection',
  unitPath: '/root/inspection/',
  roles,
});

// Rows: each role alone. Columns: every catalog action. A change to who may do what must change this table.
const MATRIX: Record<Role, Record<CatalogAction, boolean>> = {
  admin: { 'catalog.list': true, 'catalog.edit': true },
  officer: { 'catalog.list': true, 'catalog.edit': false },
  unit_head: { 'catalog.list': true, 'catalog.edit': false },
  legal_reviewer: { 'catalog.list': true, 'catalog.edit': true },
  leader: { 'catalog.list': true, 'catalog.edit': false },
  archivist: { 'catalog.list': true, 'catalog.edit': false },
  supervisor: { 'catalog.list': true, 'catalog.edit': false },
};

const ACTIONS = Object.keys(catalogPolicy).filter((a): a is CatalogAction => a in catalogPolicy);
const cases = ROLE_CODES.flatMap((role) => ACTIONS.map((action) => [role, action, MATRIX[role][action]] as const));

describe('catalog policy: roles × actions', () => {
  it('covers every role and every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLE_CODES].sort());
    for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual(Object.keys(catalogPolicy).sort());
  });

  it.each(cases)('%s → %s = %s', (role, action, expected) => {
    expect(catalogPolicy[action](user([role]))).toBe(expected);
  });

  it('denies everything to an anonymous visitor, a user without roles and a system actor', () => {
    const anonymous: Actor = { kind: 'anonymous' };
    for (const allowed of Object.values(catalogPolicy)) {
      expect(allowed(anonymous)).toBe(false);
      expect(allowed(user([]))).toBe(false);
      expect(allowed({ kind: 'system', name: 'cli' })).toBe(false);
    }
    expect(permissionsOf(anonymous, [catalogPolicy])).toEqual([]);
  });
});
