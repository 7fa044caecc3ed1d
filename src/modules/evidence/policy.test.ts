import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import type { Role } from '../../platform/auth/roles.js';
import { canReadAccessLog, canSeeEvidence, type EvidenceAction, evidencePolicy } from './policy.js';

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

describeRolesTimesActions('evidence', evidencePolicy, MATRIX);

describe('evidence scope', () => {
  it('officers and unit heads see their unit subtree; agency-wide roles see everything', () => {
    expect(canSeeEvidence(testUser(['officer']), '/root/inspection/team1/')).toBe(true);
    expect(canSeeEvidence(testUser(['officer']), '/root/legal/')).toBe(false);
    expect(canSeeEvidence(testUser(['unit_head']), '/root/legal/')).toBe(false);
    for (const role of ['legal_reviewer', 'leader', 'archivist', 'supervisor', 'admin'] as const) {
      expect(canSeeEvidence(testUser([role]), '/root/legal/')).toBe(true);
    }
  });

  it('the access log: a unit head for their subtree, oversight everywhere, officers nowhere', () => {
    expect(canReadAccessLog(testUser(['unit_head']), '/root/inspection/')).toBe(true);
    expect(canReadAccessLog(testUser(['unit_head']), '/root/legal/')).toBe(false);
    expect(canReadAccessLog(testUser(['supervisor']), '/root/legal/')).toBe(true);
    expect(canReadAccessLog(testUser(['officer']), '/root/inspection/')).toBe(false);
    expect(canReadAccessLog(testUser(['archivist']), '/root/inspection/')).toBe(false);
  });
});
