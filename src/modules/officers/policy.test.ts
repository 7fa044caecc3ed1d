import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import { permissionsOf } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';
import { canSeeOfficer, type OfficersAction, officersPolicy } from './policy.js';

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

describeRolesTimesActions('officers', officersPolicy, MATRIX);

describe('officers policy: combinations', () => {
  it('the one who drafts is never the one who confirms, unless given both roles', () => {
    expect(permissionsOf(testUser(['legal_reviewer']), [officersPolicy])).not.toContain('roster.confirm');
    expect(permissionsOf(testUser(['supervisor']), [officersPolicy])).not.toContain('officer.edit');
  });
});

describe('officer register scope', () => {
  it('officers and unit heads see their unit subtree; agency-wide roles see everyone', () => {
    expect(canSeeOfficer(testUser(['officer']), '/root/inspection/team/')).toBe(true);
    expect(canSeeOfficer(testUser(['officer']), '/root/legal/')).toBe(false);
    expect(canSeeOfficer(testUser(['unit_head']), '/root/legal/')).toBe(false);
    for (const role of ['legal_reviewer', 'leader', 'archivist', 'supervisor', 'admin'] as const) {
      expect(canSeeOfficer(testUser([role]), '/root/legal/')).toBe(true);
    }
  });
});
