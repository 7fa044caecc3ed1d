import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';

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
