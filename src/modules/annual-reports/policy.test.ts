import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import type { Role } from '../../platform/auth/roles.js';
import { type AnnualReportsAction, annualReportsPolicy, canConfirmUnit } from './policy.js';

// Rows: each role alone. Columns: every annual-report action. A change to who may do what must change this table.
const row = (
  read: boolean,
  compute: boolean,
  confirm: boolean,
  compile: boolean,
  publish: boolean,
): Record<AnnualReportsAction, boolean> => ({
  'annual_report.read': read,
  'annual_report.compute': compute,
  'annual_report.confirm': confirm,
  'annual_report.compile': compile,
  'annual_report.publish': publish,
});
const MATRIX: Record<Role, Record<AnnualReportsAction, boolean>> = {
  admin: row(true, true, false, true, true),
  officer: row(false, false, false, false, false),
  unit_head: row(true, false, true, false, false),
  legal_reviewer: row(true, true, false, true, true),
  leader: row(true, false, false, false, true),
  archivist: row(false, false, false, false, false),
  supervisor: row(true, false, false, false, false),
};

describeRolesTimesActions('annual reports', annualReportsPolicy, MATRIX);

describe('annual report unit scope', () => {
  it("lets a unit head confirm its own unit's figures (and its sub-units') only", () => {
    expect(canConfirmUnit(testUser(['unit_head'], '/root/a/'), '/root/a/')).toBe(true);
    expect(canConfirmUnit(testUser(['unit_head'], '/root/a/'), '/root/a/b/')).toBe(true);
    expect(canConfirmUnit(testUser(['unit_head'], '/root/a/'), '/root/c/')).toBe(false);
    expect(canConfirmUnit(testUser(['legal_reviewer'], '/root/'), '/root/a/')).toBe(false);
  });
});
