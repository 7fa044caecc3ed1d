import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { entrySourceOf } from '../../platform/events/record-event.js';
import { entryBytes } from '../../platform/ledger/entry.js';
import { leafHash, nodeKey } from '../../platform/ledger/merkle.js';
import { loadNodes } from '../../platform/ledger/repository.js';
import { INGESTED } from './evidence-repository.js';

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

export interface IngestRecord {
  evidenceId: string;
  /** The SHA-256 digests the `evidence.ingested` event names. */
  blobs: string[];
  ledgerIndex: number | null;
  /** The event row still recomputes to the entry stored at its ledger index (not edited since). */
  inLedger: boolean;
}

/** Each evidence's ingest event as the ledger holds it (evidence without one is left out), to check its hash against. */
export async function ingestRecords(db: Kysely<Database> | Trx, ids: readonly string[]): Promise<IngestRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('type', '=', INGESTED)
    .where('subject_type', '=', 'evidence')
    .where('subject_id', 'in', [...new Set(ids)])
    .execute();
  const indexed = rows.filter((r) => r.ledger_index !== null).map((r) => ({ level: 0, index: Number(r.ledger_index) }));
  const leaves = await loadNodes(db, indexed);
  return rows.map((r) => {
    const index = r.ledger_index === null ? null : Number(r.ledger_index);
    const source = index === null ? null : entrySourceOf({ ...r, ledger_index: index });
    const stored = index === null ? undefined : leaves.get(nodeKey(0, index));
    return {
      evidenceId: r.subject_id,
      blobs: source ? [...source.blobs] : [],
      ledgerIndex: index,
      inLedger: source !== null && stored !== undefined && stored.equals(leafHash(entryBytes(source))),
    };
  });
}

/** An evidence file of a case as an archive needs it: its original name and content address. */
export interface CaseEvidenceFile {
  id: string;
  kind: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  recordedAt: string;
}

/** Every evidence file attached to a case, oldest first (for archiving; nothing is viewed, so no access is logged). */
export async function caseEvidenceFiles(db: Kysely<Database> | Trx, caseId: string): Promise<CaseEvidenceFile[]> {
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'kind', 'filename', 'media_type', 'size', 'sha256', 'recorded_at'])
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    filename: r.filename,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    recordedAt: r.recorded_at,
  }));
}

/** The cases (null for evidence not attached to one) whose evidence is stored at each of these addresses. */
export async function evidenceCasesByBlob(db: Kysely<Database> | Trx, sha256s: readonly string[]): Promise<Map<string, (string | null)[]>> {
  const out = new Map<string, (string | null)[]>();
  if (sha256s.length === 0) return out;
  const rows = await db
    .selectFrom('evidence')
    .select(['sha256', 'case_id'])
    .where('sha256', 'in', [...sha256s])
    .execute();
  for (const r of rows) out.set(r.sha256, [...(out.get(r.sha256) ?? []), r.case_id]);
  return out;
}
