/** Shapes of the server's JSON API (see the API contract in docs). Kept in one place so pages agree. */

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  /** Role codes; labels come from GET /api/roles. */
  roles: string[];
  status: UserStatus;
  mustChangePassword: boolean;
  /** ISO timestamp, null when the person has never logged in. */
  lastLoginAt: string | null;
  createdAt: string;
}

export interface RoleRef {
  code: string;
  label: string;
}

export interface Role extends RoleRef {
  description: string;
}

export interface Me {
  user: User;
  /** The newest sign-in before this session (ISO), or null on a first login. */
  previousLoginAt: string | null;
  unit: { id: string; name: string; path: string };
  roles: RoleRef[];
  /** Action names such as `user.list`; the console shows only what these allow. */
  permissions: string[];
  csrfToken: string;
}

export type UnitKind = 'agency' | 'section' | 'affiliated';

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  path: string;
  depth: number;
  sortOrder: number;
}

export type ActorType = 'user' | 'system' | 'anonymous';

export interface DomainEvent {
  seq: number;
  /** Position in the tamper-evident ledger: what an inclusion proof is asked for. */
  ledgerIndex: number | null;
  id: string;
  occurredAt: string;
  type: string;
  subjectType: string;
  subjectId: string;
  actorType: ActorType;
  actorId: string | null;
  actorName: string;
  unitId: string | null;
  data: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}
