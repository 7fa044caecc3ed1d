import type { Generated } from 'kysely';

export interface EventsTable {
  seq: Generated<number>;
  id: string;
  occurred_at: string;
  type: string;
  subject_type: string;
  subject_id: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  unit_id: string | null;
  /** Canonical JSON of the event's data. */
  data: string;
  request_id: string | null;
  /** Position of this event's entry in the ledger (0-based, contiguous). */
  ledger_index: number | null;
  /** JSON array of SHA-256 hex digests of stored content this event refers to. */
  blobs: Generated<string>;
}

export interface EventTables {
  events: EventsTable;
}
