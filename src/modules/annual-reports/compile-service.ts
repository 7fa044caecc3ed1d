import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { changedConcurrently } from './compute-service.js';
import { frozen } from './hash.js';
import { can } from './policy.js';
import { getReport } from './read-service.js';
import * as repo from './repository.js';
import { gatherFigures } from './sources.js';
import { deadlinesOf, type ReportView } from './views.js';

// 汇总 and 公布: 政策法规科 compiles once every unit has confirmed — the figures are computed once more,
// must be exactly what the units confirmed, and are frozen with their SHA-256 — then the report is
// published (due 25 January; national rule 31 January). After compiling, new records change nothing.

async function reportOf(db: Kysely<Database>, year: number) {
  const row = await repo.findReport(db, year);
  if (!row) throw notFound('annual_report_not_found', `${year} 年年报尚未编制`);
  return row;
}

export async function compileReport(db: Kysely<Database>, actor: Actor, year: number, today = shanghaiToday()): Promise<ReportView> {
  const user = requireUser(actor);
  authorize(can(user, 'annual_report.compile'), '只有政策法规科(法制审核人员)或系统管理员可以汇总年报');
  const row = await reportOf(db, year);
  if (row.state !== 'draft') throw conflict('annual_report_compiled', `${year} 年年报已汇总`);
  const units = await repo.listUnits(db, row.id);
  const waiting = units.filter((u) => u.state !== 'confirmed');
  if (waiting.length > 0) {
    throw conflict('units_not_confirmed', `尚有 ${waiting.length} 个单位未确认统计数据:${waiting.map((u) => u.unit_name).join('、')}`);
  }
  const figures = await gatherFigures(db, year, today);
  const confirmed = new Map(units.map((u) => [u.unit_id, u.figures_sha256]));
  const differs = figures.units.length !== units.length || figures.units.some((u) => confirmed.get(u.unitId) !== frozen(u).sha256);
  if (differs) throw conflict('figures_changed', '记录在确认后有变化,统计数据与各单位确认的不一致:请重新计算并由有关单位再次确认');
  const { json, sha256 } = frozen(figures);
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const moved = await repo.updateReport(
      trx,
      row.id,
      { state: 'draft', updatedAt: row.updated_at },
      {
        state: 'compiled',
        as_of: figures.asOf,
        figures: json,
        figures_sha256: sha256,
        computed_at: now,
        compiled_at: now,
        compiled_by: user.userId,
        updated_at: now,
      },
    );
    if (!moved) throw changedConcurrently();
    await recordEvent(trx, user, {
      type: repo.COMPILED,
      subject: { type: 'annual_report', id: row.id },
      data: { year, asOf: figures.asOf, figuresSha256: sha256, units: units.map((u) => u.unit_id) },
    });
  });
  return getReport(db, user, year, today);
}

/** 公布: the frozen figures become public; the event names their hash and whether it came after the deadline. */
export async function publishReport(db: Kysely<Database>, actor: Actor, year: number, today = shanghaiToday()): Promise<ReportView> {
  const user = requireUser(actor);
  authorize(can(user, 'annual_report.publish'), '只有政策法规科、局领导或系统管理员可以公布年报');
  const row = await reportOf(db, year);
  if (row.state === 'draft') throw conflict('annual_report_not_compiled', '年报须在各单位确认、汇总后公布');
  if (row.state === 'published') throw conflict('annual_report_published', `${year} 年年报已公布`);
  const due = deadlinesOf(year);
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const event = await recordEvent(trx, user, {
      type: repo.PUBLISHED,
      subject: { type: 'annual_report', id: row.id },
      data: { year, asOf: row.as_of, figuresSha256: row.figures_sha256, dueOn: due.publishDueOn, late: today > due.publishDueOn },
    });
    const moved = await repo.updateReport(
      trx,
      row.id,
      { state: 'compiled', updatedAt: row.updated_at },
      { state: 'published', published_at: now, published_by: user.userId, ledger_index: event.ledgerIndex, updated_at: now },
    );
    if (!moved) throw changedConcurrently();
  });
  return getReport(db, user, year, today);
}
