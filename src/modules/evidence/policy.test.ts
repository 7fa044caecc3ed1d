import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { permissionsOf } from '../../platform/auth/policy.js';
import { ROLE_CODES, type Role } from '../../platform/auth/roles.js';
import { canReadAccessLog, canSeeEvidence, type EvidenceAction, evidencePolicy } from './policy.js';

const user = (roles: Role[], unitPath = '/root/inspection/'): UserActor => ({
  kind: 'user',
  userId: 'u1',
  username: 'someone',
  displayName: '某人',
  unitId: 'inspection',
  unitPath,
  roles,
});

// Rows: each role alone. Columns: every evidence action. A change to who may do what must change this table.
const MATRIX: Record<Role, Record<EvidenceAction, boolean>> = {
  admin: { 'evidence.upload': false, 'evidence.list': true, 'evidence.access_log': true },
  officer: { 'evidence.upload': true, 'evidence.list': true, 'evidence.access_log': false },
  unit_head: { 'evidence.upload': true, 'evidence.list': true, 'evidence.access_log': true },
  legal_reviewer: { 'evidence.upload': false, 'evidence.list': true, 'evidence.access_log': false },
  leader: { 'evidence.upload': false, 'evidence.list': true, 'evidence.access_log': true },
  archivist: { 'evidence.upload': false, 'evidence.list': true, 'evidence.access_log': false },
  supervisor: { 'evidence.upload': false, 'evidence.list': true, 'evidence.access_log': true },
};

const ACTIONS = Object.keys(evidencePolicy).filter((a): a is EvidenceAction => a in evidencePolicy);
const cases = ROLE_CODES.flatMap((role) => ACTIONS.map((action) => [role, action, MATRIX[role][action]] as const));

describe('evidence policy: roles × actions', () => {
  it('covers every role and every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLE_CODES].sort());
    for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual(Object.keys(evidencePolicy).sort());
  });

  it.each(cases)('%s → %s = %s', (role, action, expected) => {
    expect(evidencePolicy[action](user([role]))).toBe(expected);
  });

  it('denies everything to an anonymous visitor and to a user without roles', () => {
    const anonymous: Actor = { kind: 'anonymous' };
    for (const allowed of Object.values(evidencePolicy)) {
      expect(allowed(anonymous)).toBe(false);
      expect(allowed(user([]))).toBe(false);
    }
    expect(permissionsOf(anonymous, [evidencePolicy])).toEqual([]);
  });
});

describe('evidence scope', () => {
  it('officers and unit heads see their unit subtree; agency-wide roles see everything', () => {
    expect(canSeeEvidence(user(['officer']), '/root/inspection/team1/')).toBe(true);
    expect(canSeeEvidence(user(['officer']), '/root/legal/')).toBe(false);
    expect(canSeeEvidence(user(['unit_head']), '/root/legal/')).toBe(false);
    for (const role of ['legal_reviewer', 'leader', 'archivist', 'supervisor', 'admin'] as const) {
      expect(canSeeEvidence(user([role]), '/root/legal/')).toBe(true);
    }
  });

  it('the access log: a unit head for their subtree, oversight everywhere, officers nowhere', () => {
    expect(canReadAccessLog(user(['unit_head']), '/root/inspection/')).toBe(true);
    expect(canReadAccessLog(user(['unit_head']), '/root/legal/')).toBe(false);
    expect(canReadAccessLog(user(['supervisor']), '/root/legal/')).toBe(true);
    expect(canReadAccessLog(user(['officer']), '/root/inspection/')).toBe(false);
    expect(canReadAccessLog(user(['archivist']), '/root/inspection/')).toBe(false);
  });
});
