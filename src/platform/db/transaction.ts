import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Trx = Transaction<Database>;

/**
 * The one way to run a multi-step write: everything inside `work` commits together or not at all,
 * including the events it records.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
