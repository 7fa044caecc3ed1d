import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import type { Role } from '../../platform/auth/roles.js';
import { canOnPublication, type PublicationsAction, publicationsPolicy } from './policy.js';

// Rows: each role alone. Columns: every publications action. A change to who may do what must change this table.
const row = (read: boolean, decide: boolean): Record<PublicationsAction, boolean> => ({
  'publication.read': read,
  'publication.publish': decide,
  'publication.withdraw': decide,
  'publication.block': decide,
});
const MATRIX: Record<Role, Record<PublicationsAction, boolean>> = {
  admin: row(true, true),
  officer: row(true, false),
  unit_head: row(true, true),
  legal_reviewer: row(true, true),
  leader: row(true, false),
  archivist: row(false, false),
  supervisor: row(false, false),
};

describeRolesTimesActions('publications', publicationsPolicy, MATRIX);

describe('publications unit scope', () => {
  it('lets a unit head decide on its own unit only, and 政策法规科 on every unit', () => {
    expect(canOnPublication(testUser(['unit_head'], '/root/a/'), 'publication.publish', '/root/a/b/')).toBe(true);
    expect(canOnPublication(testUser(['unit_head'], '/root/a/'), 'publication.publish', '/root/c/')).toBe(false);
    expect(canOnPublication(testUser(['legal_reviewer'], '/root/a/'), 'publication.publish', '/root/c/')).toBe(true);
    expect(canOnPublication(testUser(['officer'], '/root/a/'), 'publication.read', '/root/c/')).toBe(false);
  });
});
