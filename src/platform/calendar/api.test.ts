import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type MadeUser, makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { UserActor } from '../auth/actor.js';
import { chineseDaysSchedule, listYears, loadCalendar, SEED_SOURCE, seedCalendarFromChineseDays } from './index.js';

// A made-up 2027 schedule for the test (not the real notice): Spring Festival 02-06…02-14, 调休 Saturday 02-20.
const SCHEDULE_2027 = {
  year: 2027,
  notice: { number: '国办发明电〔2026〕99号(测试)', url: 'https://www.gov.cn/zhengce/content/test.htm' },
  holidays: ['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
  workdays: [{ date: '2027-02-20', name: '春节' }],
};

describeEachDialect('working-day calendar', (ctx) => {
  let app: FastifyInstance;
  let admin: Session;
  let adminUser: MadeUser;
  let adminActor: UserActor;
  let officer: Session;

  beforeAll(async () => {
    expect(await seedCalendarFromChineseDays(ctx.db.kysely)).toMatchObject({ seeded: true, years: 23 });
    app = await testApp(ctx.db);
    const root = await makeUnit(ctx.db.kysely);
    adminUser = await makeUser(ctx.db.kysely, { unitId: root.id, roles: ['admin'] });
    const o = await makeUser(ctx.db.kysely, { unitId: root.id, roles: ['officer'] });
    admin = await loginAs(app, adminUser.username, adminUser.password);
    officer = await loginAs(app, o.username, o.password);
    adminActor = {
      kind: 'user',
      userId: adminUser.id,
      username: adminUser.username,
      displayName: '',
      unitId: root.id,
      unitPath: root.path,
      roles: ['admin'],
    };
  });
  afterAll(() => app?.close());

  const deadline = (query: string) => app.inject({ method: 'GET', url: `/api/calendar/deadline?${query}` });
  const submit = (session: Session, payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/calendar/years', headers: session.headers, payload: payload as Record<string, unknown> });
  const approve = (session: Session, year: number) =>
    app.inject({ method: 'POST', url: `/api/calendar/years/${year}/approve`, headers: session.headers });

  it('seeds 2004–2026 once, as approved years with every special day and one event', async () => {
    expect((await seedCalendarFromChineseDays(ctx.db.kysely)).seeded).toBe(false);
    const years = await ctx.db.kysely.selectFrom('calendar_years').selectAll().orderBy('year').execute();
    expect(years.map((y) => Number(y.year))).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(new Set(years.map((y) => `${y.status}|${y.notice_number}|${y.approved_by}`))).toEqual(
      new Set([`approved|${SEED_SOURCE}|system:calendar-seed`]),
    );
    const days = await ctx.db.kysely.selectFrom('calendar_days').select('date').execute();
    expect(days.length).toBe(chineseDaysSchedule().length);
    const events = await ctx.db.kysely.selectFrom('events').select('type').where('type', 'like', 'calendar.%').execute();
    expect(events.map((e) => e.type)).toEqual(['calendar.seeded']);
  });

  it('computes public deadlines without a login', async () => {
    const working = await deadline('from=2026-09-30&days=7&unit=working');
    expect(working.statusCode).toBe(200);
    expect(working.json()).toEqual({ date: '2026-10-15' });
    expect((await deadline('from=2026-09-24&days=7&unit=calendar')).json()).toEqual({ date: '2026-10-08' });
    expect((await deadline('from=2026-10-09&days=1&unit=working')).json()).toEqual({ date: '2026-10-10' });
  });

  it('refuses bad input and unknown years with 400', async () => {
    const bad = await deadline('from=2026-02-30&days=7&unit=working');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_date']);
    for (const q of [
      'from=2026-2-3&days=7&unit=working',
      'from=2026-03-02&days=0&unit=working',
      'from=2026-03-02&days=7&unit=hours',
      'days=7',
    ]) {
      const res = await deadline(q);
      expect([res.statusCode, res.json().code]).toEqual([400, 'invalid_input']);
    }
    const unknown = await deadline('from=2026-12-30&days=5&unit=working');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('calendar_year_unknown');
    expect(unknown.json().message).toContain('2027 年');
  });

  it('lists years for signed-in users only, with alerts', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/calendar/years' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/calendar/years', headers: { cookie: officer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(23);
    expect(res.json().items[22]).toMatchObject({ year: 2026, status: 'approved', holidayCount: 33, workdayCount: 6 });
    expect(Array.isArray(res.json().alerts)).toBe(true);
    expect((await listYears(ctx.db.kysely, adminActor, '2026-10-08')).alerts).toEqual([expect.stringContaining('尚未录入 2027 年')]);
  });

  it('lets only an administrator submit, and refuses an invalid schedule or an approved year', async () => {
    const before = await snapshotCounts(ctx.db.kysely);
    expect((await submit(officer, SCHEDULE_2027)).statusCode).toBe(403);
    const invalid = await submit(admin, { ...SCHEDULE_2027, workdays: [{ date: '2027-02-22', name: '春节' }] });
    expect([invalid.statusCode, invalid.json().code]).toEqual([400, 'invalid_schedule']);
    expect(invalid.json().details).toEqual(['调休上班日 2027-02-22 不是周六或周日']);
    const approvedYear = await submit(admin, {
      ...SCHEDULE_2027,
      year: 2026,
      holidays: [{ date: '2026-01-01', name: '元旦' }],
      workdays: [],
    });
    expect([approvedYear.statusCode, approvedYear.json().code]).toEqual([409, 'calendar_year_approved']);
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
  });

  it('uses a 2027 schedule only once an administrator has approved it', async () => {
    const draft = await submit(admin, { ...SCHEDULE_2027, workdays: [] });
    expect(draft.statusCode).toBe(201);
    const corrected = await submit(admin, SCHEDULE_2027); // a draft may be corrected
    expect(corrected.json()).toMatchObject({ year: 2027, status: 'draft', holidayCount: 9, workdayCount: 1, approvedBy: null });
    expect((await deadline('from=2027-02-05&days=1&unit=working')).json().code).toBe('calendar_year_unknown');
    expect((await listYears(ctx.db.kysely, adminActor, '2026-10-08')).alerts).toEqual([expect.stringContaining('尚待审核')]);

    const calendarBefore = await loadCalendar(ctx.db.kysely);
    expect(await loadCalendar(ctx.db.kysely)).toBe(calendarBefore); // cached while nothing changes
    expect((await approve(officer, 2027)).statusCode).toBe(403);
    const approved = await approve(admin, 2027);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: adminUser.id, submittedBy: adminUser.id });
    expect(approved.json().digest).toBe(corrected.json().digest);

    expect((await deadline('from=2027-02-05&days=1&unit=working')).json()).toEqual({ date: '2027-02-15' });
    expect((await deadline('from=2027-02-19&days=1&unit=working')).json()).toEqual({ date: '2027-02-20' });
    expect((await deadline('from=2027-02-01&days=7&unit=calendar')).json()).toEqual({ date: '2027-02-15' });
    expect((await deadline('from=2026-12-30&days=5&unit=working')).json()).toEqual({ date: '2027-01-06' });
    expect((await deadline('from=2027-12-30&days=5&unit=working')).json().code).toBe('calendar_year_unknown');
    expect((await loadCalendar(ctx.db.kysely)).years).toContain(2027);
    expect((await listYears(ctx.db.kysely, adminActor, '2026-10-08')).alerts).toEqual([]);

    expect((await approve(admin, 2027)).json().code).toBe('calendar_year_approved');
    expect((await approve(admin, 2031)).statusCode).toBe(404);
    const events = await ctx.db.kysely
      .selectFrom('events')
      .select(['type', 'actor_id', 'data'])
      .where('subject_id', '=', '2027')
      .orderBy('ledger_index')
      .execute();
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['calendar.year_submitted', adminUser.id],
      ['calendar.year_submitted', adminUser.id],
      ['calendar.year_approved', adminUser.id],
    ]);
    expect(JSON.parse(events[2]?.data ?? '{}')).toMatchObject({ year: 2027, digest: approved.json().digest });
  });

  it('shows a year with its days and reports admin permission', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/calendar/years/2026', headers: { cookie: officer.cookie } });
    expect(res.json().workdays).toEqual(expect.arrayContaining([{ date: '2026-10-10', name: '国庆节' }]));
    expect(res.json().noticeNumber).toBe(SEED_SOURCE);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: admin.cookie } });
    expect(me.json().permissions).toContain('calendar.manage');
  });
});
