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
}

export interface EventTables {
  events: EventsTable;
}
