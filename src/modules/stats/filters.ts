import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, inScope, readScope, requireUser } from '../../platform/auth/policy.js';
import { daysBetween, isIsoDate, plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { listPublicUnits, loadUnitNames, type UnitNames } from '../org/index.js';
import { can } from './policy.js';

// What a dashboard request counts: the period (default: this month and the eleven before it), the unit
// subtree (default: what the reader may see), the day overdue is judged on. Authorization happens here,
// before any figure is read.

export interface StatsQuery {
  from?: string;
  to?: string;
  unitId?: string;
}

export interface StatsFilter {
  from: string;
  to: string;
  asOf: string;
  /** The unit asked for, or the unit head's own unit; null: the whole agency. */
  unitId: string | null;
  unitName: string;
  /** The subtree counted; null: every unit. */
  unitPath: string | null;
  names: UnitNames;
}

/** Five years at most: the monthly series and the month boundaries stay small. */
const MAX_DAYS = 5 * 366;

export function defaultFrom(to: string): string {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const months = y * 12 + (m - 1) - 11;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

export async function resolveFilter(db: Kysely<Database>, actor: Actor, query: StatsQuery): Promise<StatsFilter> {
  const user = requireUser(actor);
  authorize(can(user, 'stats.read'), '无权查看统计分析');
  const scope = readScope(user);
  if (scope.kind === 'none') throw forbidden('forbidden', '无权查看统计分析');
  const asOf = shanghaiToday();
  const to = query.to ?? asOf;
  const from = query.from ?? defaultFrom(to);
  for (const [what, date] of [
    ['开始日期', from],
    ['结束日期', to],
  ]) {
    if (!isIsoDate(date ?? '')) throw invalid('stats_date_invalid', `${what}「${date}」不是有效的日期,应为 YYYY-MM-DD 格式`);
  }
  if (from > to) throw invalid('stats_range_invalid', '开始日期不能晚于结束日期');
  if (daysBetween(from, to) > MAX_DAYS) throw invalid('stats_range_too_long', '统计期间最长 5 年,请缩短期间');

  const units = await listPublicUnits(db);
  const names = await loadUnitNames(db);
  const unitId = query.unitId ?? (scope.kind === 'subtree' ? user.unitId : null);
  if (unitId === null) return { from, to, asOf, unitId: null, unitName: '全部单位', unitPath: null, names };
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('unit_not_found', '所选机构不存在');
  if (!inScope(scope, unit.path)) throw forbidden('stats_unit_out_of_scope', '只能查看本单位及下属单位的统计');
  return { from, to, asOf, unitId, unitName: names.nameOf(unit.id), unitPath: unit.path, names };
}

/** Every month of the period, oldest first (the series show empty months as 0). */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let day = `${from.slice(0, 7)}-01`; day.slice(0, 7) <= to.slice(0, 7); day = plusDays(`${day.slice(0, 7)}-28`, 4)) {
    months.push(day.slice(0, 7));
  }
  return months;
}
