import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import type { KindDef } from './kinds.js';

// Test-only helpers of the catalog module.

/** Row counts of the org tables, events and both catalog tables. */
export function snapshotCatalogCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  return snapshotCounts(db, ['catalog_items', 'catalog_item_versions']);
}

export const uniqueCode = () => `T-${randomBytes(4).toString('hex').toUpperCase()}`;

/** A valid item data body for `unitId`. */
export function itemData(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '对用人单位违反工时规定的行政处罚',
    category: '行政处罚',
    unitId,
    legalBases: [{ law: '劳动保障监察条例', article: '第二十五条', text: '用人单位违反劳动保障法律、法规或者规章延长劳动者工作时间的……' }],
    acceptingBody: '劳动保障监察监督局',
    approvingBody: '某市人力资源和社会保障局',
    conditions: '用人单位违法延长劳动者工作时间',
    materials: ['投诉举报材料'],
    statutoryLimit: { value: 90, unit: '日' },
    promisedLimit: { value: 60, unit: '日' },
    fees: '不收费',
    steps: [
      { name: '立案', role: '劳动保障监察员', timeLimit: '5 个工作日内' },
      { name: '调查取证', role: '劳动保障监察员(不少于 2 人)', timeLimit: '60 个工作日内' },
      { name: '决定', role: '局负责人', timeLimit: '90 日内' },
    ],
    remedies: [{ channel: '行政复议', period: '60 日内' }],
    supervision: '司法局行政执法监督',
    complaint: '12333',
    ...overrides,
  };
}

export interface CatalogEnv {
  app: FastifyInstance;
  unitId: string;
  otherUnitId: string;
  sessions: Record<'admin' | 'reviewer' | 'officer' | 'supervisor', Session>;
}

export async function startCatalogEnv(db: Db): Promise<CatalogEnv> {
  const app = await testApp(db);
  const k = db.kysely;
  const root = await makeUnit(k, { name: `某市人社局-${randomBytes(3).toString('hex')}` });
  const unit = await makeUnit(k, { parentId: root.id, name: `劳动保障监察监督局-${randomBytes(3).toString('hex')}`, kind: 'affiliated' });
  const other = await makeUnit(k, { parentId: root.id, name: `工伤科-${randomBytes(3).toString('hex')}` });
  const plan: [keyof CatalogEnv['sessions'], Role][] = [
    ['admin', 'admin'],
    ['reviewer', 'legal_reviewer'],
    ['officer', 'officer'],
    ['supervisor', 'supervisor'],
  ];
  const sessions: Partial<CatalogEnv['sessions']> = {};
  for (const [name, role] of plan) {
    const user = await makeUser(k, { unitId: unit.id, roles: [role] });
    sessions[name] = await loginAs(app, user.username, user.password);
  }
  const { admin, reviewer, officer, supervisor } = sessions;
  if (!admin || !reviewer || !officer || !supervisor) throw new Error('catalog env incomplete');
  return { app, unitId: unit.id, otherUnitId: other.id, sessions: { admin, reviewer, officer, supervisor } };
}

/** A valid 裁量基准 data body for `unitId`, applying to the item `itemCode` ('' for none). */
export function benchmarkData(unitId: string, itemCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '用人单位违法延长劳动者工作时间',
    category: '工作时间',
    unitId,
    itemCode,
    violationBases: [{ law: '中华人民共和国劳动法', article: '第四十一条', text: '用人单位由于生产经营需要……' }],
    penaltyBases: [{ law: '劳动保障监察条例', article: '第二十五条', text: '由劳动保障行政部门给予警告……' }],
    statutoryRange: '给予警告,责令限期改正,并可以按照受侵害的劳动者每人 100 元以上 500 元以下的标准计算,处以罚款。',
    tiers: [
      { level: '轻微', conditions: '首次违法,及时改正', penalty: '责令改正,不予行政处罚', fineMin: null, fineMax: null, fineUnit: '元' },
      {
        level: '一般',
        conditions: '受侵害劳动者 10 人以下',
        penalty: '警告,按每人 100 元以上 200 元以下罚款',
        fineMin: 100,
        fineMax: 200,
        fineUnit: '元/人',
      },
    ],
    firstViolationExempt: true,
    minorExempt: false,
    exemptConditions: '首次违法、危害后果轻微并及时改正的,可以不予行政处罚。',
    notes: '',
    ...overrides,
  };
}

/** A valid 音像记录事项 data body: `step` must be a step of the item `itemCode` (itemData has 立案, 调查取证, 决定). */
export function avRuleData(unitId: string, itemCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    itemCode,
    step: '调查取证',
    unitId,
    requirement: 'mandatory',
    recordCategory: '入户类',
    devices: ['执法记录仪'],
    retentionMonths: 6,
    notes: '',
    ...overrides,
  };
}

/** A valid 法制审核目录 rule data body (an 听证后决定 rule unless overridden). */
export function reviewRuleData(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '经过听证程序作出的决定',
    ruleType: 'after_hearing',
    unitId,
    itemCodes: [],
    categories: [],
    naturalPersonFine: null,
    organizationFine: null,
    penaltyTypes: [],
    basis: '本局实施方案第 12 项',
    notes: '',
    ...overrides,
  };
}

/** A valid 岗位职责公示牌 data body for `unitId`. */
export function windowBoardData(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '劳动保障监察投诉举报受理窗口',
    windowNo: '3 号窗口',
    unitId,
    location: '市民大厅二楼',
    hours: '工作日 9:00–17:30',
    staff: [{ name: '张明', post: '受理岗', certificateNo: '640200200002' }],
    duties: ['接收投诉和举报'],
    itemCodes: [],
    materials: [{ name: '投诉书', sample: '投诉人张三……' }],
    progressQuery: '拨打 12333 查询',
    complaint: '12345 政务服务便民热线',
    ...overrides,
  };
}

type Method = 'GET' | 'POST' | 'PATCH';

/** The staff path segment of each kind (`/api/catalog/<segment>`). */
export type StaffPath = 'items' | 'benchmarks' | 'av-rules' | 'review-rules' | 'window-boards';

export interface CreatedEntry {
  id: string;
  code: string;
  versionId: string;
}

/** Requests against a catalog env's app, as the reviewer unless headers are given. */
export function catalogApi(env: CatalogEnv) {
  const call = (method: Method, url: string, headers: Record<string, string> = env.sessions.reviewer.headers, payload?: unknown) =>
    env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  /** Creates an entry (201 expected) and returns its id, code and draft version id. */
  async function create(kind: StaffPath, data: Record<string, unknown>, code = uniqueCode()): Promise<CreatedEntry> {
    const res = await call('POST', `/api/catalog/${kind}`, env.sessions.reviewer.headers, { code, data });
    if (res.statusCode !== 201) throw new Error(`create ${kind} ${code}: ${res.statusCode} ${res.body}`);
    const body = res.json<{ id: string; code: string; versions: { id: string }[] }>();
    const first = body.versions[0];
    if (!first) throw new Error(`create ${kind} ${code}: no version`);
    return { id: body.id, code: body.code, versionId: first.id };
  }
  async function publish(kind: StaffPath, entryId: string, versionId: string): Promise<void> {
    const res = await call('POST', `/api/catalog/${kind}/${entryId}/versions/${versionId}/publish`);
    if (res.statusCode !== 200) throw new Error(`publish ${kind} ${entryId}: ${res.statusCode} ${res.body}`);
  }
  /** Creates and publishes version 1. */
  async function createPublished(kind: StaffPath, data: Record<string, unknown>, code = uniqueCode()): Promise<CreatedEntry> {
    const entry = await create(kind, data, code);
    await publish(kind, entry.id, entry.versionId);
    return entry;
  }
  const get = (url: string) => env.app.inject({ method: 'GET', url });
  return { call, create, publish, createPublished, get };
}

/**
 * The code of the 400 a kind's check gives `data`, called directly as the seed and imports call it
 * (the HTTP schema already shuts out some of these shapes before the check runs).
 */
export async function checkErrorCode<D>(db: Kysely<Database>, def: KindDef<D>, data: Record<string, unknown>): Promise<string> {
  try {
    await inTransaction(db, (trx) => def.check(trx, data as unknown as D));
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid') return error.code;
    throw error;
  }
  throw new Error(`${def.kind} check accepted the data`);
}
