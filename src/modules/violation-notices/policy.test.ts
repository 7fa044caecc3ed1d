import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import type { Role } from '../../platform/auth/roles.js';
import { canOnEntry, type ViolationNoticesAction, violationNoticesPolicy } from './policy.js';

// Rows: each role alone. Columns: every action. A change to who may do what must change this table.
const row = (read: boolean, edit: boolean, confirm: boolean, compile: boolean, publish: boolean, remove: boolean) =>
  ({
    'violation_notice.read': read,
    'violation_notice.edit': edit,
    'violation_notice.confirm': confirm,
    'violation_notice.compile': compile,
    'violation_notice.publish': publish,
    'violation_notice.remove': remove,
  }) satisfies Record<ViolationNoticesAction, boolean>;
const MATRIX: Record<Role, Record<ViolationNoticesAction, boolean>> = {
  admin: row(true, false, false, true, false, false),
  officer: row(true, true, false, false, false, false),
  unit_head: row(true, true, true, false, false, true),
  legal_reviewer: row(true, true, true, true, true, true),
  leader: row(true, false, false, false, true, true),
  archivist: row(false, false, false, false, false, false),
  supervisor: row(false, false, false, false, false, false),
};

describeRolesTimesActions('violation notices', violationNoticesPolicy, MATRIX);

describe('violation notices unit scope', () => {
  it('lets a unit head confirm entries of its own unit only, and 政策法规科 those of every unit', () => {
    expect(canOnEntry(testUser(['unit_head'], '/root/a/'), 'violation_notice.confirm', '/root/a/b/')).toBe(true);
    expect(canOnEntry(testUser(['unit_head'], '/root/a/'), 'violation_notice.confirm', '/root/c/')).toBe(false);
    expect(canOnEntry(testUser(['legal_reviewer'], '/root/a/'), 'violation_notice.confirm', '/root/c/')).toBe(true);
    expect(canOnEntry(testUser(['officer'], '/root/a/'), 'violation_notice.read', '/root/c/')).toBe(false);
  });
});
