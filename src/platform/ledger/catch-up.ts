import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { entrySourceOf } from '../events/record-event.js';
import { appendEntry } from './append.js';
import { entryBytes } from './entry.js';

/**
 * Gives a ledger entry to every event that has none — events written before the ledger existed
 * (a database created by an earlier release) — in their original order. Idempotent; returns how many.
 */
export async function sequenceUnledgeredEvents(db: Kysely<Database>): Promise<number> {
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('events').selectAll().where('ledger_index', 'is', null).orderBy('seq').limit(500).execute();
    if (rows.length === 0) return count;
    await inTransaction(db, async (trx) => {
      for (const row of rows) {
        const index = await appendEntry(trx, (i) => entryBytes(entrySourceOf({ ...row, ledger_index: i })));
        await trx.updateTable('events').set({ ledger_index: index }).where('id', '=', row.id).where('ledger_index', 'is', null).execute();
      }
    });
    count += rows.length;
  }
}
