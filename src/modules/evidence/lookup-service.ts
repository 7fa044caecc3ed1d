import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';

export interface EvidenceFact {
  id: string;
  kind: string;
  /** Sniffed from the bytes at ingest (never the uploader's claim). */
  mediaType: string;
  sha256: string;
  caseId: string | null;
  recordedAt: string;
}

/**
 * What other modules may know about evidence without viewing it (kind, hash, case): enough to check
 * that a step's recording exists. Content is never read here, so no access is logged.
 */
export async function evidenceFacts(db: Kysely<Database> | Trx, ids: readonly string[]): Promise<EvidenceFact[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'kind', 'media_type', 'sha256', 'case_id', 'recorded_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    mediaType: r.media_type,
    sha256: r.sha256,
    caseId: r.case_id,
    recordedAt: r.recorded_at,
  }));
}
