import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { JobDefinition } from '../../platform/jobs/scheduler.js';
import { syncDrafts } from './drafts.js';
import { expirePublications, syncRevocations } from './lifecycle.js';

// 事后公开 without anyone opening the console: drafts for newly issued decisions, withdrawals after a
// revocation and take-downs at the end of the 公示期 every ten minutes, and a full pass at night that
// catches anything an incremental run could have missed (ADR 0006).

export function publicationJobs(db: Kysely<Database>): JobDefinition[] {
  const pass = async (full: boolean) => ({
    drafts: await syncDrafts(db, { full }),
    revocations: await syncRevocations(db),
    expired: await expirePublications(db),
  });
  return [
    { name: 'publications-sync', cron: '*/10 * * * *', run: () => pass(false) },
    { name: 'publications-full-sync', cron: '40 2 * * *', run: () => pass(true) },
  ];
}
