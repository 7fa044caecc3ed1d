import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { canonicalJson } from '../events/canonical-json.js';
import { recordEvent } from '../events/record-event.js';
import type { DayKind, SpecialDay } from './calendar.js';
import { isIsoDate, yearOf } from './dates.js';
import * as repo from './repository.js';

export const SEED_SOURCE = 'chinese-days 1.5.7 seed';
export const SEED_FIRST_YEAR = 2004;
/** The last year the pinned chinese-days release covers; later years are entered and approved by an administrator. */
export const SEED_LAST_YEAR = 2026;
const SEED_ACTOR = systemActor('calendar-seed');

/** chinese-days maps each date to "English,中文,days": e.g. "National Day,国庆节,3". */
function chineseName(value: string): string {
  const parts = value.split(',');
  return (parts.length >= 3 ? parts[parts.length - 2] : value)?.trim() || value;
}

function readMap(data: unknown, key: string): Record<string, string> {
  const map = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof map !== 'object' || map === null) throw new Error(`chinese-days data has no ${key} map`);
  const out: Record<string, string> = {};
  for (const [date, value] of Object.entries(map)) {
    if (!isIsoDate(date) || typeof value !== 'string') throw new Error(`chinese-days data: bad ${key} entry ${date}`);
    out[date] = value;
  }
  return out;
}

/**
 * The special days 2004–2026 from the data file chinese-days ships (dist/chinese-days.json, the
 * same maps its functions use), read as plain `YYYY-MM-DD` keys: no Date, so no time-zone shifts.
 */
export function chineseDaysSchedule(): SpecialDay[] {
  const data: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
  const days: SpecialDay[] = [];
  const add = (kind: DayKind, map: Record<string, string>) => {
    for (const [date, value] of Object.entries(map)) {
      const year = yearOf(date);
      if (year >= SEED_FIRST_YEAR && year <= SEED_LAST_YEAR) days.push({ date, kind, name: chineseName(value) });
    }
  };
  add('holiday', readMap(data, 'holidays'));
  add('workday', readMap(data, 'workdays'));
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Loads 2004–2026 as approved years when the calendar is empty (call at server start and in test
 * setup; migrations never import app code). One transaction, bulk inserts, one `calendar.seeded`
 * event. Returns whether it seeded; a concurrent seeder that lost the race is not an error.
 */
export async function seedCalendarFromChineseDays(db: Kysely<Database>): Promise<{ seeded: boolean; years: number; days: number }> {
  if ((await repo.countYears(db)) > 0) return { seeded: false, years: 0, days: 0 };
  const days = chineseDaysSchedule();
  const now = new Date().toISOString();
  const by = `system:${SEED_ACTOR.name}`;
  const years: repo.YearRow[] = [];
  for (let year = SEED_FIRST_YEAR; year <= SEED_LAST_YEAR; year++) {
    years.push({
      year,
      status: 'approved',
      notice_number: SEED_SOURCE,
      notice_url: null,
      submitted_by: by,
      submitted_at: now,
      approved_by: by,
      approved_at: now,
    });
  }
  const digest = createHash('sha256')
    .update(canonicalJson(days.map((d) => ({ date: d.date, kind: d.kind, name: d.name }))))
    .digest('hex');
  try {
    await inTransaction(db, async (trx) => {
      if ((await repo.countYears(trx)) > 0) throw new SeedRaceLost();
      await repo.insertYearRows(trx, years);
      await repo.insertDayRows(
        trx,
        days.map((d) => ({ ...d, year: yearOf(d.date) })),
      );
      await recordEvent(trx, SEED_ACTOR, {
        type: 'calendar.seeded',
        subject: { type: 'calendar', id: 'chinese-days' },
        data: { source: SEED_SOURCE, firstYear: SEED_FIRST_YEAR, lastYear: SEED_LAST_YEAR, days: days.length, digest },
      });
    });
  } catch (error) {
    // Another process seeded between our check and our insert: its rows stand.
    if (error instanceof SeedRaceLost || (await repo.countYears(db)) > 0) return { seeded: false, years: 0, days: 0 };
    throw error;
  }
  return { seeded: true, years: years.length, days: days.length };
}

class SeedRaceLost extends Error {}
