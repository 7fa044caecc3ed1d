import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CaseView } from '../cases/index.js';
import { crimeTransfer } from './pre-checks-crime.js';
import { avRecording, evidenceIntegrity } from './pre-checks-evidence.js';
import { gatherPreCheckFacts, type PreCheckDeps, type PreCheckFacts } from './pre-checks-facts.js';
import { benchmark, documents, legalBasis } from './pre-checks-law.js';
import { deadlines, hearing, type Judge, notice, officers, sequence, subject } from './pre-checks-procedure.js';
import type { PreCheck } from './review-data.js';

// 自动预审 (issue 6 item 3): what the platform can check itself, so reviewers spend their time on law
// and facts. The case and what it points at are read once into a snapshot (pre-checks-facts.ts); each
// check is then a pure function of it, saying pass / fail / attention in one sentence with a link to
// what it looked at. A check never decides for the reviewer: `attention` asks them to weigh something.

export type { PreCheckDeps, PreCheckFacts };
export { gatherPreCheckFacts };

/** In the order of the plan's checklist: 主体、人员资格、程序、事实证据、法律适用、裁量、文书、移送. */
export const PRE_CHECKS: readonly Judge[] = [
  subject,
  officers,
  sequence,
  notice,
  hearing,
  deadlines,
  avRecording,
  evidenceIntegrity,
  legalBasis,
  benchmark,
  documents,
  crimeTransfer,
];

/** Every pre-check against a snapshot (pure: tests vary the facts, e.g. the day deadlines are measured on). */
export const judgePreChecks = (facts: PreCheckFacts): PreCheck[] => PRE_CHECKS.map((check) => check(facts));

/** Every pre-check against the case as it is now. */
export async function runPreChecks(db: Kysely<Database>, deps: PreCheckDeps, c: CaseView): Promise<PreCheck[]> {
  return judgePreChecks(await gatherPreCheckFacts(db, deps, c));
}
