import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { type MadeUser, makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import {
  approveYear,
  loadCalendar,
  plusDays,
  seedCalendarFromChineseDays,
  shanghaiToday,
  submitYear,
} from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { avRuleData, benchmarkData, itemData, uniqueCode } from '../catalog/testing.js';
import { sampleData } from '../documents/testing.js';
import { officerBody } from '../officers/testing.js';
import type { Penalty } from './case-data.js';
import type { Action, Stage } from './procedure.js';
import { ACCESSED } from './step-ledger.js';
import type { CaseView } from './views.js';

// Test-only helpers of the cases module: one agency with its people, officers and published catalogue,
// requests as each of them, and a standard script that drives a case through 一般程序.

export const CASE_TABLES = ['cases', 'case_parties', 'case_officers', 'case_steps', 'case_payments', 'case_counters'] as const;

/** Row counts of the org tables, events, evidence and every case table, plus the issued case numbers. */
export async function snapshotCaseCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts = await snapshotCounts(db, [...CASE_TABLES, 'evidence']);
  const issued = await db
    .selectFrom('case_counters')
    .select((eb) => eb.fn.sum<number>('last_no').as('n'))
    .executeTakeFirst();
  return { ...counts, issuedNumbers: Number(issued?.n ?? 0) };
}

/** Everything about one case that a refused request must leave as it was. */
export async function caseState(db: Kysely<Database>, caseId: string) {
  const row = await db
    .selectFrom('cases')
    .select(['stage', 'data', 'next_deadline', 'review_required', 'filed_on', 'closed_on', 'updated_at'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const count = async (table: 'case_steps' | 'case_payments') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Opening a case logs an access (调阅), which is not a change of the case: accesses are not counted.
  const events = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject_id', '=', caseId)
    .where('type', '!=', ACCESSED)
    .executeTakeFirstOrThrow();
  const allEvents = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '!=', ACCESSED)
    .executeTakeFirstOrThrow();
  return {
    ...row,
    review_required: Number(row.review_required),
    steps: await count('case_steps'),
    payments: await count('case_payments'),
    caseEvents: Number(events.n),
    allEvents: Number(allEvents.n),
  };
}

/** The event types recorded about a case (accesses aside), oldest first. */
export async function caseEventTypes(db: Kysely<Database>, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select('type')
    .where('subject_id', '=', caseId)
    .where('type', '!=', ACCESSED)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.type);
}

/**
 * The calendar from chinese-days (2004–2026) and, for every later year up to a year from today, a
 * placeholder schedule (only 元旦) approved by the admin, so cases filed today have computable deadlines.
 */
export async function prepareCaseCalendar(db: Kysely<Database>, admin: UserActor): Promise<void> {
  await seedCalendarFromChineseDays(db);
  const last = Number(plusDays(shanghaiToday(), 400).slice(0, 4));
  for (let year = 2027; year <= last; year++) {
    if ((await loadCalendar(db)).years.includes(year)) continue;
    await submitYear(db, admin, {
      year,
      notice: { number: '测试用安排' },
      holidays: [{ date: `${year}-01-01`, name: '元旦' }],
      workdays: [],
    });
    await approveYear(db, admin, year);
  }
}

export interface OfficerRef {
  id: string;
  name: string;
  certificateNo: string;
}

type Who = 'officer' | 'unitHead' | 'leader' | 'reviewer' | 'admin' | 'otherOfficer' | 'otherUnitHead';

export interface CasesEnv {
  app: FastifyInstance;
  db: Kysely<Database>;
  rootId: string;
  inspectionId: string;
  otherUnitId: string;
  sessions: Record<Who, Session>;
  users: Record<Who, MadeUser>;
  /** a, b, c, d: certificates valid 2020–2035 (the standard script has a and b investigate); expired: valid until 2026-06-30. */
  officers: Record<'a' | 'b' | 'c' | 'd' | 'expired', OfficerRef>;
  /** 执法事项 with the steps 立案, 调查取证, 听证, 决定, 送达, 当场处罚 (published); 调查取证 and 当场处罚 must be filmed. */
  item: { id: string; code: string; versionId: string };
  /** Its 裁量基准: tier 1 轻微 (no fine), tier 2 一般 100–200 元/人, tier 3 较重 2000–5000 元. */
  benchmark: { code: string };
  /** Another published item with its own benchmark, for the mismatch check. */
  otherItem: { code: string };
  otherBenchmark: { code: string };
  /** The admin as a service actor (calendar approvals). */
  adminActor: UserActor;
}

const ok = (res: LightMyRequestResponse, status: number, what: string): void => {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
};

/** Creates an entry through the catalogue API as the reviewer and publishes its version 1. */
async function publishEntry(
  app: FastifyInstance,
  reviewer: Session,
  kind: 'items' | 'benchmarks' | 'av-rules',
  data: Record<string, unknown>,
): Promise<{ id: string; code: string; versionId: string }> {
  const code = uniqueCode();
  const created = await app.inject({ method: 'POST', url: `/api/catalog/${kind}`, headers: reviewer.headers, payload: { code, data } });
  ok(created, 201, `create ${kind}`);
  const body = created.json<{ id: string; versions: { id: string }[] }>();
  const versionId = body.versions[0]?.id ?? '';
  const published = await app.inject({
    method: 'POST',
    url: `/api/catalog/${kind}/${body.id}/versions/${versionId}/publish`,
    headers: reviewer.headers,
  });
  ok(published, 200, `publish ${kind}`);
  return { id: body.id, code, versionId };
}

export const CASE_ITEM_STEPS = [
  { name: '立案', role: '劳动保障监察员', timeLimit: '5 个工作日内' },
  { name: '调查取证', role: '劳动保障监察员(不少于 2 人)', timeLimit: '60 个工作日内' },
  { name: '听证', role: '听证主持人', timeLimit: '' },
  { name: '决定', role: '局负责人', timeLimit: '90 日内' },
  { name: '送达', role: '劳动保障监察员', timeLimit: '7 个工作日内' },
  { name: '当场处罚', role: '劳动保障监察员(不少于 2 人)', timeLimit: '当场' },
];

export const CASE_TIERS = [
  { level: '轻微', conditions: '首次违法,及时改正', penalty: '责令改正,不予处罚', fineMin: null, fineMax: null, fineUnit: '元' },
  {
    level: '一般',
    conditions: '受侵害劳动者 10 人以下',
    penalty: '警告,每人 100–200 元罚款',
    fineMin: 100,
    fineMax: 200,
    fineUnit: '元/人',
  },
  { level: '较重', conditions: '拒不改正', penalty: '罚款 2000–5000 元', fineMin: 2000, fineMax: 5000, fineUnit: '元' },
];

/** One agency: units, a signed-in user per role, four officers and the published catalogue a case uses. */
/**
 * `placeholderYears: false` leaves the calendar at chinese-days' 2004–2026, so deadlines reaching 2027
 * stay pending (期限待定) until the test approves that year.
 */
export async function startCasesEnv(db: Db, options: { placeholderYears?: boolean } = {}): Promise<CasesEnv> {
  const app = await testApp(db);
  const k = db.kysely;
  const root = await makeUnit(k, { name: `某市人社局-${randomBytes(3).toString('hex')}` });
  const inspection = await makeUnit(k, { parentId: root.id, name: '劳动保障监察监督局', kind: 'affiliated' });
  const other = await makeUnit(k, { parentId: root.id, name: '工伤科' });
  const plan: Record<Who, { unitId: string; roles: Role[] }> = {
    officer: { unitId: inspection.id, roles: ['officer'] },
    unitHead: { unitId: inspection.id, roles: ['unit_head'] },
    leader: { unitId: root.id, roles: ['leader'] },
    reviewer: { unitId: root.id, roles: ['legal_reviewer'] },
    admin: { unitId: root.id, roles: ['admin'] },
    otherOfficer: { unitId: other.id, roles: ['officer'] },
    otherUnitHead: { unitId: other.id, roles: ['unit_head'] },
  };
  const sessions: Partial<Record<Who, Session>> = {};
  const users: Partial<Record<Who, MadeUser>> = {};
  const entries = Object.entries(plan) as [Who, { unitId: string; roles: Role[] }][];
  for (const [who, spec] of entries) users[who] = await makeUser(k, { unitId: spec.unitId, roles: spec.roles });
  // Sign-ins verify scrypt hashes off the main thread: side by side they take the time of one or two.
  await Promise.all(
    entries.map(async ([who]) => {
      const user = users[who];
      if (user) sessions[who] = await loginAs(app, user.username, user.password);
    }),
  );
  const s = sessions as Record<Who, Session>;
  const u = users as Record<Who, MadeUser>;
  const admin: UserActor = {
    kind: 'user',
    userId: u.admin.id,
    username: u.admin.username,
    displayName: u.admin.displayName,
    unitId: root.id,
    unitPath: root.path,
    roles: ['admin'],
  };
  if (options.placeholderYears === false) await seedCalendarFromChineseDays(k);
  else await prepareCaseCalendar(k, admin);

  const officer = async (name: string, validTo: string): Promise<OfficerRef> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/officers',
      headers: s.reviewer.headers,
      payload: officerBody(inspection.id, { name, validFrom: '2020-01-01', validTo }),
    });
    ok(res, 201, `officer ${name}`);
    const body = res.json<{ id: string; certificateNo: string }>();
    return { id: body.id, name, certificateNo: body.certificateNo };
  };
  const officers = {
    a: await officer('马晓东', '2035-12-31'),
    b: await officer('李文静', '2035-12-31'),
    c: await officer('王建国', '2035-12-31'),
    d: await officer('刘洋', '2035-12-31'),
    expired: await officer('赵志刚', '2026-06-30'),
  };

  const item = await publishEntry(
    app,
    s.reviewer,
    'items',
    itemData(inspection.id, { name: '对用人单位拖欠工资的行政处罚', steps: CASE_ITEM_STEPS }),
  );
  const benchmark = await publishEntry(app, s.reviewer, 'benchmarks', benchmarkData(inspection.id, item.code, { tiers: CASE_TIERS }));
  await publishEntry(app, s.reviewer, 'av-rules', avRuleData(inspection.id, item.code, { step: '调查取证', requirement: 'mandatory' }));
  // 送达 is filmed only when needed: it never blocks a step.
  await publishEntry(
    app,
    s.reviewer,
    'av-rules',
    avRuleData(inspection.id, item.code, { step: '送达', requirement: 'as_needed', recordCategory: '确认类' }),
  );
  await publishEntry(app, s.reviewer, 'av-rules', avRuleData(inspection.id, item.code, { step: '当场处罚', requirement: 'mandatory' }));
  const otherItem = await publishEntry(app, s.reviewer, 'items', itemData(inspection.id, { name: '对违反工时规定的行政处罚' }));
  const otherBenchmark = await publishEntry(app, s.reviewer, 'benchmarks', benchmarkData(inspection.id, otherItem.code));

  return {
    app,
    db: k,
    rootId: root.id,
    inspectionId: inspection.id,
    otherUnitId: other.id,
    sessions: s,
    users: u,
    officers,
    item,
    benchmark: { code: benchmark.code },
    otherItem: { code: otherItem.code },
    otherBenchmark: { code: otherBenchmark.code },
    adminActor: admin,
  };
}

// ---- request bodies -----------------------------------------------------------------------------

/** 统一社会信用代码 and 身份证号码 with correct check characters (published examples). */
export const VALID_USCC = '914403001922038216';
export const VALID_RESIDENT_ID = '11010519491231002X';

export const company = (overrides: Record<string, unknown> = {}) => ({
  kind: 'organization',
  name: '某某建筑工程有限公司',
  idNo: VALID_USCC,
  address: '某市大武口区朝阳西街 1 号',
  legalRepresentative: '张三',
  phone: '0952-1234567',
  ...overrides,
});

export const person = (overrides: Record<string, unknown> = {}) => ({
  kind: 'natural',
  name: '李四',
  idNo: VALID_RESIDENT_ID,
  address: '某市惠农区',
  legalRepresentative: '',
  phone: '13800000000',
  ...overrides,
});

/** A complaint (投诉) against a company under the env's item, received 2026-09-01, officers a (lead) and b. */
export function registerBody(env: CasesEnv, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '某某建筑工程有限公司拖欠农民工工资案',
    unitId: env.inspectionId,
    procedure: 'general',
    source: '投诉',
    itemCode: env.item.code,
    receivedOn: '2026-09-01',
    summary: '投诉人反映该公司拖欠 5 名农民工 2026 年 6—8 月工资。',
    parties: [company()],
    officers: [
      { officerId: env.officers.a.id, role: 'lead' },
      { officerId: env.officers.b.id, role: 'assist' },
    ],
    ...overrides,
  };
}

/** The notified penalty of the standard script: 警告 and 800 yuan (tier 2, 5 workers × 100–200 元). */
export const NOTIFIED_PENALTY: Penalty = {
  types: ['警告', '罚款'],
  fineYuan: 800,
  basisQuantity: 5,
  description: '警告,并按受侵害劳动者每人 160 元处以罚款',
};

// ---- requests -----------------------------------------------------------------------------------

export type ActionBody = Record<string, unknown> & { performedOn: string };

export function casesApi(env: CasesEnv) {
  const headersOf = (who: Who, method: string) => (method === 'GET' ? { cookie: env.sessions[who].cookie } : env.sessions[who].headers);
  const call = (method: 'GET' | 'POST', url: string, who: Who, payload?: Record<string, unknown>) =>
    env.app.inject({ method, url, headers: headersOf(who, method), ...(payload === undefined ? {} : { payload }) });

  /** Registers a case (201 expected) and returns it. */
  async function register(overrides: Record<string, unknown> = {}, who: Who = 'officer'): Promise<CaseView> {
    const res = await call('POST', '/api/cases', who, registerBody(env, overrides));
    ok(res, 201, 'register case');
    return res.json<CaseView>();
  }
  const act = (caseId: string, action: Action, body: ActionBody, who: Who = 'officer') =>
    call('POST', `/api/cases/${caseId}/actions/${action}`, who, { note: '', ...body });
  /** Performs an action that must succeed and returns the case after it. */
  async function actOk(caseId: string, action: Action, body: ActionBody, who: Who = 'officer'): Promise<CaseView> {
    const res = await act(caseId, action, body, who);
    ok(res, 200, `${action} on ${caseId}`);
    return res.json<CaseView>();
  }
  const pay = (caseId: string, receiptNo: string, amountYuan: number, paidOn: string, who: Who = 'officer') =>
    call('POST', `/api/cases/${caseId}/payments`, who, { receiptNo, amountYuan, paidOn });
  const get = (caseId: string, who: Who = 'officer') => call('GET', `/api/cases/${caseId}`, who);
  return { call, register, act, actOk, pay, get };
}

export type CasesApi = ReturnType<typeof casesApi>;

/** An evidence row as the evidence module would have ingested it (the upload itself is not tested here). */
export async function makeEvidence(
  env: CasesEnv,
  kind: 'video' | 'audio' | 'photo' | 'document',
  caseId: string | null = null,
): Promise<string> {
  const id = randomUUID();
  const mediaType = { video: 'video/mp4', audio: 'audio/mpeg', photo: 'image/jpeg', document: 'application/pdf' }[kind];
  await env.db
    .insertInto('evidence')
    .values({
      id,
      kind,
      filename: `${kind}-${id.slice(0, 8)}`,
      media_type: mediaType,
      size: 1024,
      sha256: randomBytes(32).toString('hex'),
      sm3: randomBytes(32).toString('hex'),
      sensitivity: 'general',
      recorded_at: '2026-09-08T02:00:00.000Z',
      device: '执法记录仪',
      officers: null,
      place: null,
      case_id: caseId,
      step_id: null,
      description: null,
      unit_id: env.inspectionId,
      uploaded_by: env.users.officer.id,
      uploaded_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/** What a person adds to an outgoing document that the case does not hold (the unit's contact, account, remedies). */
export const DOCUMENT_EXTRAS = (({ contact, payment, remedies }) => ({ contact, payment, remedies }))(sampleData());

/** Issues a document of the case (201 expected), with the extras an outgoing document needs. */
export async function issueCaseDocument(env: CasesEnv, caseId: string, type: string, data: Record<string, unknown> = {}) {
  const res = await casesApi(env).call('POST', `/api/cases/${caseId}/documents`, 'officer', {
    type,
    data: { ...DOCUMENT_EXTRAS, ...data },
  });
  ok(res, 201, `issue ${type}`);
  return res.json<{ id: string; number: string | null; type: string }>();
}

/**
 * The standard 一般程序 script (no hearing): each entry is the step that leaves the stage it names.
 * Dates are fixed in 2026 so deadlines can be checked against the real holiday schedule.
 */
const SCRIPT: readonly { from: Stage; action: Action; who: Who; body: (env: CasesEnv, caseId: string) => Promise<ActionBody> }[] = [
  { from: 'registered', action: 'accept', who: 'officer', body: async () => ({ performedOn: '2026-09-02', note: '符合受理条件' }) },
  { from: 'accepted', action: 'file', who: 'unitHead', body: async () => ({ performedOn: '2026-09-03', note: '同意立案' }) },
  {
    from: 'investigating',
    action: 'end_investigation',
    who: 'officer',
    body: async (env, caseId) => {
      await casesApi(env).actOk(caseId, 'investigate', {
        performedOn: '2026-09-08',
        note: '现场检查,询问财务负责人,调取工资表',
        officerIds: [env.officers.a.id, env.officers.b.id],
        evidenceIds: [await makeEvidence(env, 'video', caseId)],
      });
      return { performedOn: '2026-09-10', note: '拖欠 5 名劳动者工资事实清楚,建议给予警告并处罚款' };
    },
  },
  {
    from: 'investigated',
    action: 'notify',
    who: 'unitHead',
    body: async (env) => ({
      performedOn: '2026-09-11',
      note: '拟处罚',
      penalty: NOTIFIED_PENALTY,
      benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: '' },
      // The standard case's fine counts as 较大数额 here, so its notice offers a hearing.
      hearingOffered: true,
    }),
  },
  {
    from: 'notified',
    action: 'serve_notice',
    who: 'officer',
    body: async () => ({ performedOn: '2026-09-14', note: '直接送达', service: { method: '直接送达', recipient: '张三' } }),
  },
  {
    from: 'notice_served',
    action: 'decide',
    who: 'unitHead',
    body: async () => ({ performedOn: '2026-09-21', note: '当事人未陈述申辩', penalty: NOTIFIED_PENALTY, collective: false }),
  },
  {
    from: 'decided',
    action: 'serve_decision',
    who: 'officer',
    body: async () => ({ performedOn: '2026-10-09', note: '直接送达决定书', service: { method: '直接送达', recipient: '张三' } }),
  },
];

/** The document the standard script issues on reaching a stage (a served document must exist first). */
const ISSUED_AT: Readonly<Partial<Record<string, string>>> = { notified: 'penalty_prior_notice', decided: 'penalty_decision' };

/** Moves a case along the standard script until it is in `stage` (one of the script's stages or decision_served). */
export async function driveTo(env: CasesEnv, caseId: string, stage: Stage): Promise<CaseView> {
  const api = casesApi(env);
  let view = (await api.get(caseId)).json<CaseView>();
  for (let guard = 0; view.stage !== stage; guard++) {
    const step = SCRIPT.find((s) => s.from === view.stage);
    if (!step || guard > SCRIPT.length) throw new Error(`cannot drive case from ${view.stage} to ${stage}`);
    view = await api.actOk(caseId, step.action, await step.body(env, caseId), step.who);
    // As an officer would: the document a stage produces is issued as soon as the stage is reached.
    const produced = ISSUED_AT[view.stage];
    if (produced) await issueCaseDocument(env, caseId, produced);
  }
  return view;
}

/** A new standard case (register overrides allowed) moved to `stage`. */
export async function caseAt(env: CasesEnv, stage: Stage, overrides: Record<string, unknown> = {}): Promise<CaseView> {
  const created = await casesApi(env).register(overrides);
  return stage === 'registered' ? created : driveTo(env, created.id, stage);
}

/**
 * Asserts a refusal: the status and code, and that the case (stage, data, steps, payments, events)
 * and the event log are exactly as they were.
 */
export async function expectRefused(
  env: CasesEnv,
  res: LightMyRequestResponse,
  status: number,
  code: string,
  caseId: string,
  before: Awaited<ReturnType<typeof caseState>>,
): Promise<{ code: string; message: string }> {
  const body = res.json<{ code: string; message: string }>();
  expect([res.statusCode, body.code], res.body).toEqual([status, code]);
  expect(await caseState(env.db, caseId)).toEqual(before);
  return body;
}
