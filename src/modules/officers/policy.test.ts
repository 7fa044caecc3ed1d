import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { permissionsOf } from '../../platform/auth/policy.js';
import { ROLE_CODES, type Role } from '../../platform/auth/roles.js';
import { canSeeOfficer, type OfficersAction, officersPolicy } from './policy.js';

const user = (roles: Role[], unitPath = '/root/inspection/'): UserActor => ({
  kind: 'user',
  userId: 'u1',
  username: 'someone',
  displayName: '某人',
  unitId: 'inspection',
  unitPath,
  roles,
});

// Rows: each role alone. Columns: every officers action. A change to who may do what must change this table.
const MATRIX: Record<Role, Record<OfficersAction, boolean>> = {
  admin: { 'officer.list': true, 'officer.edit': true, 'roster.list': true, 'roster.confirm': false },
  officer: { 'officer.list': true, 'officer.edit': false, 'roster.list': false, 'roster.confirm': false },
  unit_head: { 'officer.list': true, 'officer.edit': false, 'roster.list': false, 'roster.confirm': false },
  legal_reviewer: { 'officer.list': true, 'officer.edit': true, 'roster.list': true, 'roster.confirm': false },
  leader: { 'officer.list': true, 'officer.edit': false, 'roster.list': false, 'roster.confirm': false },
  archivist: { 'officer.list': true, 'officer.edit': false, 'roster.list': false, 'roster.confirm': false },
  supervisor: { 'officer.list': true, 'officer.edit': false, 'roster.list': true, 'roster.confirm': true },
};

const ACTIONS = Object.keys(officersPolicy).filter((a): a is OfficersAction => a in officersPolicy);
const cases = ROLE_CODES.flatMap((role) => ACTIONS.map((action) => [role, action, MATRIX[role][action]] as const));

describe('officers policy: roles × actions', () => {
  it('covers every role and every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLE_CODES].sort());
    for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual(Object.keys(officersPolicy).sort());
  });

  it.each(cases)('%s → %s = %s', (role, action, expected) => {
    expect(officersPolicy[action](user([role]))).toBe(expected);
  });

  it('denies everything to an anonymous visitor, a user without roles and a system actor', () => {
    const anonymous: Actor = { kind: 'anonymous' };
    for (const allowed of Object.values(officersPolicy)) {
      expect(allowed(anonymous)).toBe(false);
      expect(allowed(user([]))).toBe(false);
      expect(allowed({ kind: 'system', name: 'cli' })).toBe(false);
    }
    expect(permissionsOf(anonymous, [officersPolicy])).toEqual([]);
  });

  it('the one who drafts is never the one who confirms, unless given both roles', () => {
    expect(permissionsOf(user(['legal_reviewer']), [officersPolicy])).not.toContain('roster.confirm');
    expect(permissionsOf(user(['supervisor']), [officersPolicy])).not.toContain('officer.edit');
  });
});

describe('officer register scope', () => {
  it('officers and unit heads see their unit subtree; agency-wide roles see everyone', () => {
    expect(canSeeOfficer(user(['officer']), '/root/inspection/team/')).toBe(true);
    expect(canSeeOfficer(user(['officer']), '/root/legal/')).toBe(false);
    expect(canSeeOfficer(user(['unit_head']), '/root/legal/')).toBe(false);
    for (const role of ['legal_reviewer', 'leader', 'archivist', 'supervisor', 'admin'] as const) {
      expect(canSeeOfficer(user([role]), '/root/legal/')).toBe(true);
    }
  });
});
