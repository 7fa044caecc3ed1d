import type { Kysely } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { UsersTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

export type UserRow = UsersTable & { unit_name: string; unit_path: string };

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.unit_id',
  'users.password_hash',
  'users.status',
  'users.must_change_password',
  'users.password_changed_at',
  'users.last_login_at',
  'users.created_at',
  'users.updated_at',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

function baseQuery(db: Reader) {
  return db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select(userColumns);
}

export function findUserById(db: Reader, id: string): Promise<UserRow | undefined> {
  return baseQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Reader, username: string): Promise<UserRow | undefined> {
  return baseQuery(db).where('users.username', '=', username).executeTakeFirst();
}

export interface UserFilter {
  /** Only users whose unit path starts with this (unit scope); undefined = all. */
  readonly unitPathPrefix?: string;
  readonly unitId?: string;
  readonly status?: string;
  readonly role?: string;
  readonly q?: string;
  readonly offset: number;
  readonly limit: number;
}

function filtered(db: Reader, f: UserFilter) {
  let query = db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id');
  if (f.unitPathPrefix !== undefined) query = query.where(startsWith('units.path', f.unitPathPrefix));
  if (f.unitId !== undefined) query = query.where('users.unit_id', '=', f.unitId);
  if (f.status !== undefined) query = query.where('users.status', '=', f.status);
  if (f.role !== undefined) {
    const role = f.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', '=', role),
      ),
    );
  }
  if (f.q !== undefined && f.q !== '') {
    const q = f.q;
    query = query.where((eb) => eb.or([containsInsensitive('users.username', q), containsInsensitive('users.display_name', q)]));
  }
  return query;
}

export async function listUserRows(db: Reader, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const rows = await filtered(db, f)
    .select(userColumns)
    .orderBy('units.path')
    .orderBy('users.username')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function countUsers(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function rolesOf(db: Reader, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.role]);
  return map;
}

export async function insertUserRow(trx: Trx, row: UsersTable, roles: readonly string[]): Promise<void> {
  await trx.insertInto('users').values(row).execute();
  await replaceRoles(trx, row.id, roles);
}

export async function replaceRoles(trx: Trx, userId: string, roles: readonly string[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0)
    await trx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
}

export async function updateUserRow(
  trx: Trx,
  id: string,
  changes: Partial<Omit<UsersTable, 'id' | 'username' | 'created_at'>>,
): Promise<void> {
  await trx.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** 姓名 of user accounts by id (ids that are not accounts, such as `system:seed`, are simply absent). */
export async function displayNamesOf(db: Reader, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id) => id !== ''))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
