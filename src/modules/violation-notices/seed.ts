import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { actorOfUsername } from '../org/index.js';
import { compileBatch, publishBatch } from './batch-service.js';
import { quarterOf } from './categories.js';
import { syncCandidates } from './derive.js';
import { includeEntry } from './entry-service.js';
import * as repo from './repository.js';

// The demo's 重大劳动保障违法行为 list: candidates for every decided demo case, the social-insurance case
// (an organisation that did not pay its employees' 社会保险费 after being ordered to) confirmed under that
// category, and its quarter's list compiled and published, so the portal shows a real list.

const FACTS = '该单位 2026 年 1 月至 6 月未依法足额缴纳职工社会保险费共计 20000 元,经劳动保障行政部门责令限期补缴,逾期仍未缴纳。';

/** Seeds once (nothing when a list is published already, or the demo accounts are missing). */
export async function seedViolationNoticesDemo(db: Kysely<Database>, dueDays = 15): Promise<boolean> {
  if ((await repo.listBatches(db, 'published')).length > 0) return false;
  const head = await actorOfUsername(db, 'unithead');
  const reviewer = await actorOfUsername(db, 'reviewer');
  const leader = await actorOfUsername(db, 'leader');
  if (!head || !reviewer || !leader) return false;
  await syncCandidates(db);
  const { rows } = await repo.listEntries(db, { scope: { kind: 'all' }, state: 'candidate', offset: 0, limit: 100 });
  const entry = rows.find((r) => r.facts.includes('社会保险费')) ?? rows[0];
  if (!entry) return false;
  await includeEntry(db, head, entry.id, {
    category: 'social_insurance',
    subjectName: entry.subject_name,
    creditCode: entry.credit_code,
    address: entry.address,
    responsiblePerson: entry.responsible_person,
    facts: entry.facts.includes('社会保险费') ? FACTS : entry.facts,
    handling: entry.handling,
  });
  const batch = await compileBatch(db, reviewer, quarterOf(entry.decided_on), dueDays);
  await publishBatch(db, leader, batch.id);
  return true;
}
