import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { actorOfUsername } from '../org/index.js';
import { compileReport, publishReport } from './compile-service.js';
import { computeReport } from './compute-service.js';
import { canConfirmUnit } from './policy.js';
import * as repo from './repository.js';
import { gatherFigures } from './sources.js';
import { confirmUnit } from './unit-service.js';

// The demo's 行政执法统计年报: the year of the demo cases computed by 政策法规科, each unit's figures
// confirmed by its head, compiled and published, so the portal's /statistics shows a report with charts.

/** The demo cases are dated back from today: their year is this one, or last year early in January. */
async function demoYear(db: Kysely<Database>, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  return (await gatherFigures(db, year, today)).total.decisions > 0 ? year : year - 1;
}

/** Seeds once (nothing when a report exists, or when the demo accounts are missing); true when it published. */
export async function seedAnnualReportsDemo(db: Kysely<Database>, today = shanghaiToday()): Promise<boolean> {
  if (await db.selectFrom('annual_reports').select('id').limit(1).executeTakeFirst()) return false;
  const reviewer = await actorOfUsername(db, 'reviewer');
  const head = await actorOfUsername(db, 'unithead');
  if (!reviewer || !head) return false;
  const year = await demoYear(db, today);
  const report = await computeReport(db, reviewer, year, today);
  const row = await repo.findReport(db, year);
  const paths = new Map((row ? await repo.listUnits(db, row.id) : []).map((u) => [u.unit_id, u.unit_path]));
  for (const unit of report.units) {
    // A unit without a demo head stays unconfirmed: the report then waits in the console, as it would.
    if (!canConfirmUnit(head, paths.get(unit.unitId) ?? '')) return false;
    await confirmUnit(db, head, year, unit.unitId, { figuresSha256: unit.figuresSha256, note: '经核对,与本单位执法台账一致' }, today);
  }
  await compileReport(db, reviewer, year, today);
  await publishReport(db, reviewer, year, today);
  return true;
}
