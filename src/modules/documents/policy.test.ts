import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import type { Role } from '../../platform/auth/roles.js';
import { canReadDocument, type DocumentsAction, documentsPolicy } from './policy.js';

// Rows: each role alone. Columns: every documents action. A change to who may do what must change this table.
const MATRIX: Record<Role, Record<DocumentsAction, boolean>> = {
  admin: { 'documents.preview': false, 'documents.read': true, 'documents.manage_prefixes': true, 'documents.manage_unit_profiles': true },
  officer: {
    'documents.preview': true,
    'documents.read': true,
    'documents.manage_prefixes': false,
    'documents.manage_unit_profiles': false,
  },
  unit_head: {
    'documents.preview': true,
    'documents.read': true,
    'documents.manage_prefixes': false,
    'documents.manage_unit_profiles': false,
  },
  legal_reviewer: {
    'documents.preview': true,
    'documents.read': true,
    'documents.manage_prefixes': false,
    'documents.manage_unit_profiles': false,
  },
  leader: {
    'documents.preview': true,
    'documents.read': true,
    'documents.manage_prefixes': false,
    'documents.manage_unit_profiles': false,
  },
  archivist: {
    'documents.preview': false,
    'documents.read': true,
    'documents.manage_prefixes': false,
    'documents.manage_unit_profiles': false,
  },
  supervisor: {
    'documents.preview': false,
    'documents.read': true,
    'documents.manage_prefixes': false,
    'documents.manage_unit_profiles': false,
  },
};

describeRolesTimesActions('documents', documentsPolicy, MATRIX);

describe('documents unit scope', () => {
  it('lets unit roles read their own subtree only and agency-wide roles everything', () => {
    expect(canReadDocument(testUser(['officer'], '/root/a/'), '/root/a/b/')).toBe(true);
    expect(canReadDocument(testUser(['officer'], '/root/a/'), '/root/c/')).toBe(false);
    expect(canReadDocument(testUser(['unit_head'], '/root/a/'), '/root/c/')).toBe(false);
    expect(canReadDocument(testUser(['supervisor'], '/root/a/'), '/root/c/')).toBe(true);
    expect(canReadDocument(testUser([], '/root/a/'), '/root/a/')).toBe(false);
  });
});
