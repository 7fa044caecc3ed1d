import type { Kysely } from 'kysely';
import { startsWith } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

export interface EventFilter {
  /** Exact type, or a prefix ending in '.' (e.g. `auth.`). */
  readonly type?: string;
  readonly actorId?: string;
  readonly subjectType?: string;
  readonly subjectId?: string;
  /** Leaves out one exact type (e.g. the access log when listing what happened to a case). */
  readonly excludeType?: string;
  /** Oldest first instead of newest first. */
  readonly ascending?: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface EventView {
  seq: number;
  id: string;
  occurredAt: string;
  type: string;
  subjectType: string;
  subjectId: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  unitId: string | null;
  /** Position of the event's entry in the tamper-evident ledger (for inclusion proofs). */
  ledgerIndex: number | null;
  data: Record<string, unknown>;
}

/** Newest first unless asked otherwise. Authorization is the caller's: this is a plain read of the event table. */
export async function listEvents(db: Kysely<Database>, filter: EventFilter): Promise<{ items: EventView[]; total: number }> {
  let query = db.selectFrom('events');
  if (filter.type) {
    query = filter.type.endsWith('.') ? query.where(startsWith('type', filter.type)) : query.where('type', '=', filter.type);
  }
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.excludeType) query = query.where('type', '!=', filter.excludeType);
  const rows = await query
    .selectAll()
    .orderBy('seq', filter.ascending ? 'asc' : 'desc')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      occurredAt: r.occurred_at,
      type: r.type,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_name,
      unitId: r.unit_id,
      ledgerIndex: r.ledger_index === null ? null : Number(r.ledger_index),
      data: parseData(r.data),
    })),
  };
}

function parseData(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value };
}

/**
 * The stored canonical JSON of the event at a ledger position: the text whose SHA-256 the ledger entry
 * names as dataHash, so a public page can show what an entry attests without the reader trusting us.
 */
export async function eventDataAt(db: Kysely<Database>, ledgerIndex: number): Promise<string | undefined> {
  const row = await db.selectFrom('events').select('data').where('ledger_index', '=', ledgerIndex).executeTakeFirst();
  return row?.data;
}
