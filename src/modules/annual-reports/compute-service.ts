import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import type { ReportFigures } from './figures.js';
import { frozen } from './hash.js';
import { can } from './policy.js';
import { getReport } from './read-service.js';
import * as repo from './repository.js';
import { checkYear, gatherFigures, unitPaths } from './sources.js';
import type { ReportView } from './views.js';

// 计算年报草稿: 政策法规科 computes the year's figures from the records; computing again refreshes a
// draft, and a unit whose figures changed must confirm them again (a confirmation is of exact figures).

export const changedConcurrently = () => conflict('annual_report_changed', '年报刚被他人处理,请刷新后重试');

interface UnitChanges {
  added: number;
  reset: number;
  removed: number;
}

/** Brings the units' rows in line with the figures: new units pending, changed ones back to pending, gone ones removed. */
async function syncUnits(
  trx: Trx,
  reportId: string,
  figures: ReportFigures,
  paths: Map<string, string>,
  now: string,
): Promise<UnitChanges> {
  const rows = new Map((await repo.listUnits(trx, reportId)).map((r) => [r.unit_id, r]));
  const changes: UnitChanges = { added: 0, reset: 0, removed: 0 };
  for (const unit of figures.units) {
    const { json, sha256 } = frozen(unit);
    const row = rows.get(unit.unitId);
    rows.delete(unit.unitId);
    if (!row) {
      await repo.insertUnit(trx, {
        id: randomUUID(),
        report_id: reportId,
        unit_id: unit.unitId,
        unit_path: paths.get(unit.unitId) ?? '',
        unit_name: unit.unitName,
        state: 'pending',
        figures: json,
        figures_sha256: sha256,
        updated_at: now,
      });
      changes.added += 1;
      continue;
    }
    if (row.figures_sha256 === sha256) continue;
    const moved = await repo.updateUnit(
      trx,
      row.id,
      { state: row.state, updatedAt: row.updated_at },
      {
        state: 'pending',
        unit_name: unit.unitName,
        figures: json,
        figures_sha256: sha256,
        note: null,
        return_reason: null,
        decided_by: null,
        decided_by_name: null,
        decided_at: null,
        updated_at: now,
      },
    );
    if (!moved) throw changedConcurrently();
    changes.reset += 1;
  }
  for (const gone of rows.values()) {
    await repo.deleteUnit(trx, gone.id);
    changes.removed += 1;
  }
  return changes;
}

/**
 * Computes (or recomputes) the draft report of `year` from the records. Refused for a future year and
 * once compiled: the compiled figures are frozen.
 */
export async function computeReport(db: Kysely<Database>, actor: Actor, year: number, today = shanghaiToday()): Promise<ReportView> {
  const user = requireUser(actor);
  authorize(can(user, 'annual_report.compute'), '只有政策法规科(法制审核人员)或系统管理员可以计算年报');
  checkYear(year, today);
  const existing = await repo.findReport(db, year);
  if (existing && existing.state !== 'draft') throw conflict('annual_report_compiled', `${year} 年年报已汇总,数据已固定,不能重新计算`);
  const figures = await gatherFigures(db, year, today);
  const paths = await unitPaths(db);
  const { json, sha256 } = frozen(figures);
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const id = existing?.id ?? randomUUID();
    if (!existing) {
      const inserted = await repo.insertReport(trx, {
        id,
        year,
        state: 'draft',
        as_of: figures.asOf,
        figures: json,
        figures_sha256: sha256,
        computed_at: now,
        created_at: now,
        created_by: user.userId,
        updated_at: now,
      });
      if (!inserted) throw changedConcurrently();
    } else {
      const moved = await repo.updateReport(
        trx,
        existing.id,
        { state: 'draft', updatedAt: existing.updated_at },
        { as_of: figures.asOf, figures: json, figures_sha256: sha256, computed_at: now, updated_at: now },
      );
      if (!moved) throw changedConcurrently();
    }
    const units = await syncUnits(trx, id, figures, paths, now);
    await recordEvent(trx, user, {
      type: repo.COMPUTED,
      subject: { type: 'annual_report', id },
      data: { year, asOf: figures.asOf, figuresSha256: sha256, units: figures.units.length, ...units },
    });
  });
  return getReport(db, user, year, today);
}
