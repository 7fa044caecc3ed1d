import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import { caseFactsOfYear } from '../cases/index.js';
import { listPublicUnits } from '../org/index.js';
import { publicationCountsByUnit } from '../publications/index.js';
import { reviewCountsByUnit } from '../reviews/index.js';
import { computeFigures, type ReportFigures } from './figures.js';

// Where the figures come from: each module's read-only yearly export, then the pure computation.

/** The first year a report can be made for (nothing in the platform predates it). */
export const FIRST_YEAR = 2000;

/** The year as a report year: not before FIRST_YEAR and not in the future (Beijing). */
export function checkYear(year: number, today = shanghaiToday()): number {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < FIRST_YEAR) throw invalid('year_invalid', `年度应为 ${FIRST_YEAR} 年以后的整数`);
  if (year > current) throw invalid('year_in_future', `${year} 年尚未开始,不能编制年报`);
  return year;
}

/** 统计截至: 31 December of a past year, today in the current one. */
export const asOfFor = (year: number, today = shanghaiToday()): string => (year < Number(today.slice(0, 4)) ? `${year}-12-31` : today);

export async function gatherFigures(db: Kysely<Database>, year: number, today = shanghaiToday()): Promise<ReportFigures> {
  const [cases, reviews, publications, units] = await Promise.all([
    caseFactsOfYear(db, year),
    reviewCountsByUnit(db, year),
    publicationCountsByUnit(db, year),
    listPublicUnits(db),
  ]);
  return computeFigures({ year, asOf: asOfFor(year, today), cases, reviews, publications, units });
}

/** A unit's materialized path (for the unit head's scope), from the org tree. */
export async function unitPaths(db: Kysely<Database>): Promise<Map<string, string>> {
  return new Map((await listPublicUnits(db)).map((u) => [u.id, u.path]));
}
