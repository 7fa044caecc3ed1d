import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { authorize, requireUser } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { conflict, notFound } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { buildCalendar, type Calendar, type DayKind, type SpecialDay } from './calendar.js';
import { type IsoDate, shanghaiToday } from './dates.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { calendarAlerts, type Schedule, type ScheduleInput, scheduleDigest, validateSchedule } from './schedule.js';

export interface YearView {
  year: number;
  status: string;
  noticeNumber: string;
  noticeUrl: string | null;
  submittedBy: string;
  submittedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  holidayCount: number;
  workdayCount: number;
}

export interface YearDetail extends YearView {
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
  digest: string;
}

/** How an actor is written in submitted_by / approved_by: a user id, or `system:<name>`. */
export function actorRef(actor: Actor): string {
  if (actor.kind === 'user') return actor.userId;
  return actor.kind === 'system' ? `system:${actor.name}` : 'anonymous';
}

function toYearView(row: repo.YearRow, counts: { holiday: number; workday: number } | undefined): YearView {
  return {
    year: Number(row.year),
    status: row.status,
    noticeNumber: row.notice_number,
    noticeUrl: row.notice_url,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    holidayCount: counts?.holiday ?? 0,
    workdayCount: counts?.workday ?? 0,
  };
}

const toSpecialDay = (row: repo.DayRow): SpecialDay => ({ date: row.date, kind: row.kind as DayKind, name: row.name });
const pick = (days: readonly SpecialDay[], kind: DayKind) => days.filter((d) => d.kind === kind).map(({ date, name }) => ({ date, name }));

// ---- the in-memory calendar -------------------------------------------------------------------

const cache = new WeakMap<Kysely<Database>, { signature: string; calendar: Calendar }>();

/**
 * The calendar of approved years, cached per database. Each call checks a one-row signature
 * (count and latest approval time of approved years), so approvals made by another process are
 * picked up too; approving in this process also drops the cache at once.
 */
export async function loadCalendar(db: Kysely<Database>): Promise<Calendar> {
  const signature = await repo.approvedSignature(db);
  const cached = cache.get(db);
  if (cached && cached.signature === signature) return cached.calendar;
  const data = await repo.loadApprovedData(db);
  const calendar = buildCalendar(data.years, data.days.map(toSpecialDay));
  cache.set(db, { signature, calendar });
  return calendar;
}

export function invalidateCalendar(db: Kysely<Database>): void {
  cache.delete(db);
}

// ---- administration ---------------------------------------------------------------------------

export async function listYears(db: Kysely<Database>, actor: Actor, today: IsoDate = shanghaiToday()) {
  requireUser(actor);
  const [rows, counts] = await Promise.all([repo.listYearRows(db), repo.countDaysByYear(db)]);
  const items = rows.map((row) => toYearView(row, counts.get(Number(row.year))));
  return { items, alerts: calendarAlerts(items, today) };
}

export async function getYear(db: Kysely<Database>, actor: Actor, year: number): Promise<YearDetail> {
  requireUser(actor);
  const row = await repo.findYearRow(db, year);
  if (!row) throw notFound('calendar_year_not_found', `没有 ${year} 年的节假日安排`);
  const days = (await repo.listDayRows(db, year)).map(toSpecialDay);
  const holidays = pick(days, 'holiday');
  const workdays = pick(days, 'workday');
  const digest = scheduleDigest({ year, noticeNumber: row.notice_number, noticeUrl: row.notice_url, days });
  return { ...toYearView(row, { holiday: holidays.length, workday: workdays.length }), holidays, workdays, digest };
}

const eventDays = (schedule: Schedule, kind: DayKind) => pick(schedule.days, kind);

/** Enters (or corrects, while still a draft) a year's schedule from the State Council notice. */
export async function submitYear(db: Kysely<Database>, actor: Actor, input: ScheduleInput): Promise<YearDetail> {
  requireUser(actor);
  authorize(can(actor, 'calendar.manage'), '只有系统管理员可以录入节假日安排');
  const schedule = validateSchedule(input);
  const digest = scheduleDigest(schedule);
  await inTransaction(db, async (trx) => {
    const existing = await repo.findYearRow(trx, schedule.year);
    if (existing && existing.status !== 'draft') {
      throw conflict('calendar_year_approved', `${schedule.year} 年的节假日安排已审核生效,不能再修改`);
    }
    const row: repo.YearRow = {
      year: schedule.year,
      status: 'draft',
      notice_number: schedule.noticeNumber,
      notice_url: schedule.noticeUrl,
      submitted_by: actorRef(actor),
      submitted_at: new Date().toISOString(),
      approved_by: null,
      approved_at: null,
    };
    if (existing) {
      await repo.replaceDraftYearRow(trx, row);
      await repo.deleteDayRows(trx, schedule.year);
    } else {
      await repo.insertYearRows(trx, [row]);
    }
    await repo.insertDayRows(
      trx,
      schedule.days.map((d) => ({ ...d, year: schedule.year })),
    );
    await recordEvent(trx, actor, {
      type: 'calendar.year_submitted',
      subject: { type: 'calendar_year', id: String(schedule.year) },
      data: {
        year: schedule.year,
        noticeNumber: schedule.noticeNumber,
        noticeUrl: schedule.noticeUrl,
        holidays: eventDays(schedule, 'holiday'),
        workdays: eventDays(schedule, 'workday'),
        digest,
        replacedDraft: existing !== undefined,
      },
    });
  });
  return getYear(db, actor, schedule.year);
}

/** Approves a draft year: from now on it counts for deadline maths. Records who approved and what (digest). */
export async function approveYear(db: Kysely<Database>, actor: Actor, year: number): Promise<YearDetail> {
  requireUser(actor);
  authorize(can(actor, 'calendar.manage'), '只有系统管理员可以审核节假日安排');
  await inTransaction(db, async (trx) => {
    const row = await repo.findYearRow(trx, year);
    if (!row) throw notFound('calendar_year_not_found', `没有 ${year} 年的节假日安排`);
    if (row.status !== 'draft') throw conflict('calendar_year_approved', `${year} 年的节假日安排已审核生效`);
    const days = (await repo.listDayRows(trx, year)).map(toSpecialDay);
    const digest = scheduleDigest({ year, noticeNumber: row.notice_number, noticeUrl: row.notice_url, days });
    if (!(await repo.approveYearRow(trx, year, actorRef(actor), new Date().toISOString()))) {
      throw conflict('calendar_year_approved', `${year} 年的节假日安排已审核生效`);
    }
    await recordEvent(trx, actor, {
      type: 'calendar.year_approved',
      subject: { type: 'calendar_year', id: String(year) },
      data: { year, noticeNumber: row.notice_number, submittedBy: row.submitted_by, digest },
    });
  });
  invalidateCalendar(db);
  return getYear(db, actor, year);
}
