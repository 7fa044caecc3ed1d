import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { can, canConfirmUnit } from './policy.js';
import * as repo from './repository.js';
import {
  deadlinesOf,
  type PublicReport,
  type PublicReportItem,
  parseFigures,
  REPORT_STATE_LABELS,
  type ReportListItem,
  type ReportView,
  toListItem,
  toPublicReport,
  toUnitView,
} from './views.js';

const missing = (year: number) => notFound('annual_report_not_found', `${year} 年年报尚未编制`);

/** The staff view of a year's report: figures, each unit's confirmation, deadlines and what the caller may do. */
export async function getReport(db: Kysely<Database>, actor: Actor, year: number, today = shanghaiToday()): Promise<ReportView> {
  const user = requireUser(actor);
  authorize(can(user, 'annual_report.read'), '无权查看统计年报');
  const row = await repo.findReport(db, year);
  if (!row) throw missing(year);
  const rows = await repo.listUnits(db, row.id);
  const item = toListItem(row, rows, today);
  const draft = item.state === 'draft';
  const figures = parseFigures(row.figures);
  // The units in the figures' order (the org tree's).
  const order = new Map(figures.units.map((u, i) => [u.unitId, i]));
  const orderOf = (unitId: string) => order.get(unitId) ?? Number.MAX_SAFE_INTEGER;
  const units = rows
    .map((r) => toUnitView(r, today, year, draft && canConfirmUnit(user, r.unit_path)))
    .sort((a, b) => orderOf(a.unitId) - orderOf(b.unitId));
  const due = deadlinesOf(year);
  return {
    year,
    state: item.state,
    stateLabel: REPORT_STATE_LABELS[item.state] ?? item.state,
    asOf: row.as_of,
    partial: figures.partial,
    figures,
    figuresSha256: row.figures_sha256,
    ...due,
    publishOverdue: item.publishOverdue,
    unitsConfirmed: item.unitsConfirmed,
    unitsTotal: item.unitsTotal,
    units,
    computedAt: row.computed_at,
    compiledAt: row.compiled_at,
    publishedAt: row.published_at,
    ledgerIndex: row.ledger_index === null ? null : Number(row.ledger_index),
    canCompute: draft && can(user, 'annual_report.compute'),
    canCompile: draft && can(user, 'annual_report.compile'),
    canPublish: item.state === 'compiled' && can(user, 'annual_report.publish'),
  };
}

export async function listReports(db: Kysely<Database>, actor: Actor, today = shanghaiToday()): Promise<ReportListItem[]> {
  const user = requireUser(actor);
  authorize(can(user, 'annual_report.read'), '无权查看统计年报');
  const rows = await repo.listReports(db);
  const out: ReportListItem[] = [];
  for (const row of rows) out.push(toListItem(row, await repo.listUnits(db, row.id), today));
  return out;
}

/** Published reports, newest year first (no sign-in). */
export async function listPublicReports(db: Kysely<Database>): Promise<PublicReportItem[]> {
  return (await repo.listReports(db, 'published')).map((row) => {
    const r = toPublicReport(row);
    return {
      year: r.year,
      asOf: r.asOf,
      partial: r.partial,
      publishedAt: r.publishedAt,
      decisions: r.figures.total.decisions,
      fineYuan: r.figures.total.fineYuan,
    };
  });
}

/** A published report (no sign-in); drafts and compiled ones are not public: 404. */
export async function getPublicReport(db: Kysely<Database>, year: number): Promise<PublicReport> {
  const row = await repo.findReport(db, year);
  if (!row || row.state !== 'published') throw notFound('annual_report_not_found', `${year} 年年报尚未公布`);
  return toPublicReport(row);
}
