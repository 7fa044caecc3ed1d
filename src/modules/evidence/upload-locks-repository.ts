import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database>;

/** Takes the lock when it is free or its holder's lease ran out; true when `holder` now holds it. */
export async function tryAcquireLock(db: Db, uploadId: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const result = await db
    .insertInto('upload_locks')
    .values({ upload_id: uploadId, holder, expires_at: expiresAt, release_requested: 0 })
    .onConflict((oc) =>
      oc
        .column('upload_id')
        .doUpdateSet({ holder, expires_at: expiresAt, release_requested: 0 })
        .where('upload_locks.expires_at', '<', now.toISOString()),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Asks whoever holds the lock to let go (they see it at their next renewal). */
export async function requestLockRelease(db: Db, uploadId: string): Promise<void> {
  await db.updateTable('upload_locks').set({ release_requested: 1 }).where('upload_id', '=', uploadId).execute();
}

/**
 * Extends the holder's lease. Undefined when the lock is no longer this holder's (it expired and was
 * taken over); otherwise whether someone asked for its release.
 */
export async function renewLock(
  db: Db,
  uploadId: string,
  holder: string,
  now: Date,
  ttlMs: number,
): Promise<{ releaseRequested: boolean } | undefined> {
  const row = await db
    .updateTable('upload_locks')
    .set({ expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where('upload_id', '=', uploadId)
    .where('holder', '=', holder)
    .returning('release_requested')
    .executeTakeFirst();
  return row && { releaseRequested: Number(row.release_requested) === 1 };
}

export async function releaseLock(db: Db, uploadId: string, holder: string): Promise<void> {
  await db.deleteFrom('upload_locks').where('upload_id', '=', uploadId).where('holder', '=', holder).execute();
}

/** Removes locks whose holders died without releasing them; returns how many. */
export async function deleteExpiredLocks(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('upload_locks').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
