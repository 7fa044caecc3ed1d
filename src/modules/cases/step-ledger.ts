import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { listEvents } from '../../platform/events/list-events.js';

/** The event type of 调阅: kept out of the case's history, listed on its own. */
export const ACCESSED = 'case.accessed';

/** Plenty for one case's history; the access log (which can grow without bound) is paged apart. */
export const HISTORY_LIMIT = 5000;

/** The ledger position of each step's event, by step number (so the timeline can show where to verify it). */
export async function stepLedgerIndexes(db: Kysely<Database>, caseId: string): Promise<Map<number, number | null>> {
  const { items } = await listEvents(db, {
    subjectType: 'case',
    subjectId: caseId,
    excludeType: ACCESSED,
    ascending: true,
    offset: 0,
    limit: HISTORY_LIMIT,
  });
  const indexes = new Map<number, number | null>();
  for (const e of items) {
    // Only step events carry a step number (payments, documents and review turns do not).
    if (typeof e.data.seq === 'number') indexes.set(e.data.seq, e.ledgerIndex);
  }
  return indexes;
}
