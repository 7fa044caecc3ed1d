import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { Trx } from '../db/transaction.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

export interface EventSubject {
  readonly type: string;
  readonly id: string;
}

export interface EventInput {
  /** Dotted, past tense: `user.created`, `auth.login_failed`. */
  readonly type: string;
  readonly subject: EventSubject;
  readonly data?: { readonly [key: string]: JsonValue };
}

export interface RecordedEvent {
  readonly id: string;
  readonly occurredAt: string;
}

/**
 * Records one event in the caller's transaction. It takes a transaction, not a database, so an event
 * can never be written apart from the change it describes; and it takes an actor, so no change is
 * anonymous. The ledger (issue 3) hooks in here and nowhere else.
 */
export async function recordEvent(trx: Trx, actor: Actor, input: EventInput): Promise<RecordedEvent> {
  const id = randomUUID();
  const occurredAt = new Date().toISOString();
  await trx
    .insertInto('events')
    .values({
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
    })
    .execute();
  return { id, occurredAt };
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
