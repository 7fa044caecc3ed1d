import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Trx } from '../db/transaction.js';
import { appendEntry } from '../ledger/append.js';
import { entryBytes } from '../ledger/entry.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import type { EventsTable } from './tables.js';

export interface EventSubject {
  readonly type: string;
  readonly id: string;
}

export interface EventInput {
  /** Dotted, past tense: `user.created`, `auth.login_failed`. */
  readonly type: string;
  readonly subject: EventSubject;
  readonly data?: { readonly [key: string]: JsonValue };
  /** SHA-256 (hex) of stored content this event produced or refers to (evidence, documents). */
  readonly blobs?: readonly string[];
}

export interface RecordedEvent {
  readonly id: string;
  readonly occurredAt: string;
  readonly ledgerIndex: number;
}

/**
 * Records one event in the caller's transaction and appends its entry to the tamper-evident ledger
 * in the same transaction. It takes a transaction, not a database, so an event can never be written
 * apart from the change it describes; and it takes an actor, so no change is anonymous.
 */
export async function recordEvent(trx: Trx, actor: Actor, input: EventInput): Promise<RecordedEvent> {
  const id = randomUUID();
  const occurredAt = new Date().toISOString();
  const blobs = [...(input.blobs ?? [])];
  if (blobs.some((b) => !/^[0-9a-f]{64}$/.test(b))) throw new TypeError('event blobs must be SHA-256 hex digests');
  const row = {
    id,
    occurred_at: occurredAt,
    type: input.type,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    actor_type: actor.kind,
    actor_id: actor.kind === 'user' ? actor.userId : null,
    actor_name: actorName(actor),
    unit_id: actor.kind === 'user' ? actor.unitId : null,
    data: canonicalJson(input.data ?? {}),
    request_id: actor.kind === 'system' ? null : (actor.requestId ?? null),
    blobs: JSON.stringify(blobs),
  };
  const ledgerIndex = await appendEntry(trx, (index) => entryBytes(entrySourceOf({ ...row, ledger_index: index })));
  await trx
    .insertInto('events')
    .values({ ...row, ledger_index: ledgerIndex })
    .execute();
  return { id, occurredAt, ledgerIndex };
}

/** The ledger entry source of an event row (also used by verification to recompute entries). */
export function entrySourceOf(
  row: Pick<
    Selectable<EventsTable>,
    'occurred_at' | 'type' | 'subject_type' | 'subject_id' | 'actor_type' | 'actor_id' | 'actor_name' | 'unit_id' | 'data' | 'blobs'
  > & { ledger_index: number },
) {
  const blobs: unknown = JSON.parse(row.blobs);
  return {
    index: Number(row.ledger_index),
    occurredAt: row.occurred_at,
    type: row.type,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    unitId: row.unit_id,
    data: row.data,
    blobs: Array.isArray(blobs) ? blobs.map(String) : [],
  };
}

function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.username;
    case 'system':
      return `system:${actor.name}`;
    case 'anonymous':
      return 'anonymous';
  }
}
