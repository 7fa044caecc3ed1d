import type { Generated } from 'kysely';

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  name: string;
  /** 'agency' (the 机关 itself), 'section' (机关科室) or 'affiliated' (局属单位). */
  kind: string;
  /** Materialized path of ids, '/root/child/': scope checks compare prefixes without a query. */
  path: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  unit_id: string;
  password_hash: string;
  status: string;
  must_change_password: number;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked table yields no usable session. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  seq: Generated<number>;
  username: string;
  failed_at: string;
  ip: string | null;
}

export interface OrgTables {
  units: UnitsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
}
