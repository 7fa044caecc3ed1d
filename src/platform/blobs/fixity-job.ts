import type { Kysely } from 'kysely';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import type { JobDefinition } from '../jobs/scheduler.js';
import type { BlobStore } from './blob-store.js';
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
  await inTransaction(db, (trx) =>
    recordEvent(trx, actor, {
      type: 'blob.fixity_checked',
      subject: { type: 'blob_store', id: blobs.kind },
      data: { checked: report.checked, failures: report.failures.length, bytes: report.bytes },
    }),
  );
  return report;
}

export function fixityJob(db: Kysely<Database>, blobs: BlobStore, cron: string): JobDefinition {
  return { name: 'blob-fixity', cron, run: () => runFixityCheck(db, blobs) };
}
