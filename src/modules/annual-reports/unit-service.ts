import type { Kysely } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { changedConcurrently } from './compute-service.js';
import { can, canConfirmUnit } from './policy.js';
import { getReport } from './read-service.js';
import * as repo from './repository.js';
import type { ReportView } from './views.js';

// 各单位确认: the head of each unit confirms that the unit's figures match its own records, or returns
// them with the reason (a case missing, a date wrong) for 政策法规科 to correct the records and recompute.

export interface ConfirmInput {
  /** The figures the unit head looked at: refused if the figures have been recomputed since. */
  readonly figuresSha256: string;
  readonly note?: string;
}

async function target(db: Kysely<Database>, user: UserActor, year: number, unitId: string) {
  authorize(can(user, 'annual_report.confirm'), '只有承办机构负责人可以确认或退回本单位的统计数据');
  const report = await repo.findReport(db, year);
  if (!report) throw notFound('annual_report_not_found', `${year} 年年报尚未编制`);
  const unit = await repo.findUnit(db, report.id, unitId);
  if (!unit) throw notFound('annual_report_unit_not_found', '该单位不在本年报的确认范围内');
  authorize(canConfirmUnit(user, unit.unit_path), '只能确认或退回本单位的统计数据');
  if (report.state !== 'draft') throw conflict('annual_report_compiled', `${year} 年年报已汇总,不能再确认或退回`);
  return { report, unit };
}

/**
 * Records the unit head's decision on the unit's figures if the row is still as read, with its event,
 * in one transaction (confirm and return differ only in what they write).
 */
async function decide(
  db: Kysely<Database>,
  user: UserActor,
  { report, unit }: Awaited<ReturnType<typeof target>>,
  changes: { state: 'confirmed' | 'returned'; note: string | null; return_reason: string | null },
  event: { type: string; data: Record<string, string | number | boolean | null> },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const moved = await repo.updateUnit(
      trx,
      unit.id,
      { state: unit.state, updatedAt: unit.updated_at },
      { ...changes, decided_by: user.userId, decided_by_name: user.displayName, decided_at: now, updated_at: now },
    );
    if (!moved) throw changedConcurrently();
    await recordEvent(trx, user, { type: event.type, subject: { type: 'annual_report', id: report.id }, data: event.data });
  });
}

/** 确认: the unit's figures as shown are right. The event names their hash. */
export async function confirmUnit(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  unitId: string,
  input: ConfirmInput,
  today = shanghaiToday(),
): Promise<ReportView> {
  const user = requireUser(actor);
  const { report, unit } = await target(db, user, year, unitId);
  if (unit.state === 'confirmed') throw conflict('unit_already_confirmed', '本单位数据已确认');
  if (input.figuresSha256 !== unit.figures_sha256) throw conflict('figures_changed', '统计数据已重新计算,请核对最新数据后再确认');
  const note = input.note?.trim() || null;
  await decide(
    db,
    user,
    { report, unit },
    { state: 'confirmed', note, return_reason: null },
    { type: repo.UNIT_CONFIRMED, data: { year, unitId, figuresSha256: unit.figures_sha256, note, late: today > `${year + 1}-01-05` } },
  );
  return getReport(db, user, year, today);
}

/** 退回: the figures are wrong, with the reason; the unit confirms again after they are recomputed. */
export async function returnUnit(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  unitId: string,
  reason: string,
  today = shanghaiToday(),
): Promise<ReportView> {
  const user = requireUser(actor);
  const why = reason.trim();
  if (why === '') throw invalid('reason_required', '退回须写明理由(哪项数据与本单位记录不符)');
  const { report, unit } = await target(db, user, year, unitId);
  if (unit.state === 'returned') throw conflict('unit_already_returned', '本单位数据已退回,等待重新计算');
  await decide(
    db,
    user,
    { report, unit },
    { state: 'returned', note: null, return_reason: why },
    { type: repo.UNIT_RETURNED, data: { year, unitId, figuresSha256: unit.figures_sha256, reason: why } },
  );
  return getReport(db, user, year, today);
}
