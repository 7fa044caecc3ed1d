import type { Role } from '../api/types';

/** The label of a role code from the server's list (GET /api/roles); the code itself until that list arrives. */
export function roleLabel(code: string, roles: readonly Role[]): string {
  return roles.find((r) => r.code === code)?.label ?? code;
}
