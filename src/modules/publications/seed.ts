import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { actorOfUsername } from '../org/index.js';
import { syncDrafts } from './drafts.js';
import { publish } from './publish-service.js';
import { getPublication, listPublications } from './read-service.js';

// The demo's 事后公开: drafts for every issued decision, and the closed case's penalty decision published
// with every finding the recognizers propose confirmed (as a person would after checking them).

/** Seeds once (nothing when anything is published already, or the demo accounts are missing). */
export async function seedPublicationsDemo(db: Kysely<Database>): Promise<boolean> {
  if (await db.selectFrom('publication_versions').select('id').limit(1).executeTakeFirst()) return false;
  const head = await actorOfUsername(db, 'unithead');
  if (!head) return false;
  await syncDrafts(db, { full: true });
  const drafts = await listPublications(db, head, { state: 'draft', page: 1, pageSize: 100 });
  for (const item of drafts.items) {
    const view = await getPublication(db, head, item.id);
    if (!view.draft) continue;
    const findings = view.draft.findings.filter((f) => !f.keep).map((f) => ({ start: f.start, end: f.end, replacement: f.replacement }));
    await publish(db, head, item.id, { findings, textSha256: view.draft.textSha256 });
    // One published decision is enough to show the portal; the others stay in the queue for the console.
    return true;
  }
  return false;
}
