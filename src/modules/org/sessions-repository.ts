import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { SessionsTable } from './tables.js';

type Db = Kysely<Database> | Trx;

export async function insertSession(trx: Trx, row: SessionsTable): Promise<void> {
  await trx.insertInto('sessions').values(row).execute();
}

export function findSession(db: Db, id: string): Promise<SessionsTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(trx: Trx, id: string, at: string): Promise<void> {
  await trx.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of a user (disabled account, password reset). Returns how many. */
export async function revokeUserSessions(trx: Trx, userId: string, at: string, exceptId?: string): Promise<number> {
  let query = trx.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function recentFailures(db: Db, username: string, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('failed_at')
    .where('username', '=', username)
    .where('failed_at', '>', since)
    .orderBy('failed_at')
    .execute();
  return rows.map((r) => r.failed_at);
}

/** Records a failure and drops those older than `keepSince`, which no longer count for anyone. */
export async function insertFailure(trx: Trx, username: string, at: string, ip: string | null, keepSince: string): Promise<void> {
  await trx.deleteFrom('login_failures').where('failed_at', '<', keepSince).execute();
  await trx.insertInto('login_failures').values({ username, failed_at: at, ip }).execute();
}

export async function clearFailures(trx: Trx, username: string): Promise<void> {
  await trx.deleteFrom('login_failures').where('username', '=', username).execute();
}
