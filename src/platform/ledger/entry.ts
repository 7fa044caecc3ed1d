import { createHash } from 'node:crypto';
import { canonicalJson } from '../events/canonical-json.js';

/** The event fields a ledger entry is made of (a row of `events`). */
export interface EntrySource {
  readonly index: number;
  readonly occurredAt: string;
  readonly type: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly unitId: string | null;
  /** Canonical JSON of the event data, exactly as stored. */
  readonly data: string;
  readonly blobs: readonly string[];
}

/**
 * The ledger entry of one event: canonical JSON of hashes and metadata — ids, never names or
 * personal data in clear (the data itself is represented by its SHA-256). Anyone holding the event
 * row can recompute it; any change to the row changes the entry.
 */
export function entryBytes(source: EntrySource): Buffer {
  const actor =
    source.actorType === 'user' ? `user:${source.actorId ?? ''}` : source.actorType === 'system' ? source.actorName : 'anonymous';
  return Buffer.from(
    canonicalJson({
      index: source.index,
      time: source.occurredAt,
      type: source.type,
      subject: `${source.subjectType}:${source.subjectId}`,
      actor,
      unit: source.unitId,
      dataHash: createHash('sha256').update(source.data, 'utf8').digest('hex'),
      blobs: [...source.blobs],
    }),
    'utf8',
  );
}
