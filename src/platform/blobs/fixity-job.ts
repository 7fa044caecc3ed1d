import type { Kysely } from 'kysely';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import type { BlobStore } from './blob-store.js';
import { BLOB_DISPOSED, disposedAddress } from './disposal.js';
import { checkFixity, type FixityReport } from './index.js';

/**
 * Re-hashes every stored blob. Each failure and the summary become ledger events, so a damaged or
 * vanished file is on record the night it is found.
 */
export async function runFixityCheck(db: Kysely<Database>, blobs: BlobStore): Promise<FixityReport> {
  const actor = systemActor('fixity');
  const report = await checkFixity(blobs, async (result) => {
    if (result.ok) return;
    await inTransaction(db, (trx) =>
      recordEvent(trx, actor, {
        type: 'blob.fixity_failed',
        subject: { type: 'blob', id: result.sha256 },
        data: { problem: result.problem ?? 'altered', actualSha256: result.actualSha256 ?? null },
      }),
    );
  });
  // A deleted file is not listed by the store: look for every file the ledger says we hold.
  let missing = 0;
  for (const sha256 of await referencedBlobs(db)) {
    if ((await blobs.stat(sha256)) !== undefined) continue;
    missing++;
    report.failures.push({ sha256, ok: false, problem: 'missing' });
    await inTransaction(db, (trx) =>
      recordEvent(trx, actor, {
        type: 'blob.fixity_failed',
        subject: { type: 'blob', id: sha256 },
        data: { problem: 'missing', actualSha256: null },
      }),
    );
  }
  await inTransaction(db, (trx) =>
    recordEvent(trx, actor, {
      type: 'blob.fixity_checked',
      subject: { type: 'blob_store', id: blobs.kind },
      data: { checked: report.checked, failures: report.failures.length, missing, bytes: report.bytes },
    }),
  );
  return report;
}

/** Every blob an event names, less those disposed of at the end of retention (gone by design). */
async function referencedBlobs(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('events').select('blobs').where('blobs', '!=', '[]').execute();
  const digests = new Set<string>();
  for (const row of rows) {
    const list: unknown = JSON.parse(row.blobs);
    if (Array.isArray(list)) for (const d of list) digests.add(String(d));
  }
  const disposed = await db.selectFrom('events').select(['type', 'data']).where('type', '=', BLOB_DISPOSED).execute();
  for (const row of disposed) {
    const sha256 = disposedAddress(row.type, row.data);
    if (sha256 !== null) digests.delete(sha256);
  }
  return digests;
}

export function fixityJob(db: Kysely<Database>, blobs: BlobStore, cron: string): JobDefinition {
  return { name: 'blob-fixity', cron, run: () => runFixityCheck(db, blobs) };
}
