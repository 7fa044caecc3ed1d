import { describe, expect, it } from 'vitest';
import { describeRolesTimesActions, testUser } from '../../../test/support/policy-matrix.js';
import { inScope, permissionsOf, readScope } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';
import { type OrgAction, orgPolicy } from './policy.js';

// Rows: each role alone. Columns: every org action. A change to who may do what must change this table.
const MATRIX: Record<Role, Record<OrgAction, boolean>> = {
  admin: {
    'unit.list': true,
    'unit.create': true,
    'unit.update': true,
    'user.list': true,
    'user.create': true,
    'user.update': true,
    'user.reset_password': true,
    'event.list_all': true,
  },
  officer: {
    'unit.list': true,
    'unit.create': false,
    'unit.update': false,
    'user.list': false,
    'user.create': false,
    'user.update': false,
    'user.reset_password': false,
    'event.list_all': false,
  },
  unit_head: {
    'unit.list': true,
    'unit.create': false,
    'unit.update': false,
    'user.list': true,
    'user.create': false,
    'user.update': false,
    'user.reset_password': false,
    'event.list_all': false,
  },
  legal_reviewer: {
    'unit.list': true,
    'unit.create': false,
    'unit.update': false,
    'user.list': false,
    'user.create': false,
    'user.update': false,
    'user.reset_password': false,
    'event.list_all': false,
  },
  leader: {
    'unit.list': true,
    'unit.create': false,
    'unit.update': false,
    'user.list': true,
    'user.create': false,
    'user.update': false,
    'user.reset_password': false,
    'event.list_all': false,
  },
  archivist: {
    'unit.list': true,
    'unit.create': false,
    'unit.update': false,
    'user.list': false,
    'user.create': false,
    'user.update': false,
    'user.reset_password': false,
    'event.list_all': false,
  },
  supervisor: {
    'unit.list': true,
    'unit.create': false,
    'unit.update': false,
    'user.list': true,
    'user.create': false,
    'user.update': false,
    'user.reset_password': false,
    'event.list_all': true,
  },
};

describeRolesTimesActions('org', orgPolicy, MATRIX, ['unit.list']);

describe('org policy: combinations', () => {
  it('combines the rights of several roles', () => {
    const both = permissionsOf(testUser(['officer', 'supervisor']), [orgPolicy]);
    expect(both).toContain('event.list_all');
    expect(both).toContain('user.list');
    expect(both).not.toContain('user.create');
  });
});

describe('unit scope', () => {
  it.each([
    [['admin'], 'all'],
    [['leader'], 'all'],
    [['supervisor'], 'all'],
    [['legal_reviewer'], 'all'],
    [['archivist'], 'all'],
    [['unit_head'], 'subtree'],
    [['officer'], 'subtree'],
    [['officer', 'leader'], 'all'],
    [[], 'none'],
  ] as const)('%j reads %s', (roles, kind) => {
    expect(readScope(testUser([...roles])).kind).toBe(kind);
  });

  it('a subtree scope covers the unit and its sub-units only', () => {
    const scope = readScope(testUser(['unit_head'], '/root/inspection/'));
    expect(inScope(scope, '/root/inspection/')).toBe(true);
    expect(inScope(scope, '/root/inspection/team1/')).toBe(true);
    expect(inScope(scope, '/root/')).toBe(false);
    expect(inScope(scope, '/root/legal/')).toBe(false);
    // A sibling whose id starts with the same characters is not inside.
    expect(inScope(scope, '/root/inspection2/')).toBe(false);
  });

  it('system actors see everything; anonymous visitors nothing', () => {
    expect(readScope({ kind: 'system', name: 'cli' }).kind).toBe('all');
    expect(inScope(readScope({ kind: 'anonymous' }), '/root/')).toBe(false);
  });
});
