import { describeRolesTimesActions } from '../../../test/support/policy-matrix.js';
import type { Role } from '../../platform/auth/roles.js';
import { type CatalogAction, catalogPolicy } from './policy.js';

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

describeRolesTimesActions('catalog', catalogPolicy, MATRIX);
