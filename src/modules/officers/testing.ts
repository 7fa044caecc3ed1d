import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { Role } from '../../platform/auth/roles.js';
import { approveYear, loadCalendar, seedCalendarFromChineseDays, shanghaiToday, submitYear } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import { addDays } from './validity.js';

// Test-only helpers of the officers module.

const OFFICER_TABLES = [
  'officers',
  'officer_trainings',
  'roster_batches',
  'roster_batch_items',
  'roster_versions',
  'roster_entries',
] as const;

/** Row counts of every table a request might touch, the org tables and events included. */
export function snapshotOfficerCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  return snapshotCounts(db, OFFICER_TABLES);
}

/**
 * The working-day calendar from chinese-days (2004–2026); when today + 60 days reaches a later year,
 * that year is approved with only 元旦 as holiday so deadline tests do not expire with the data.
 */
export async function prepareCalendar(db: Kysely<Database>, admin: UserActor): Promise<void> {
  await seedCalendarFromChineseDays(db);
  const year = Number(addDays(shanghaiToday(), 60).slice(0, 4));
  if ((await loadCalendar(db)).years.includes(year)) return;
  await submitYear(db, admin, {
    year,
    notice: { number: '测试用安排' },
    holidays: [{ date: `${year}-01-01`, name: '元旦' }],
    workdays: [],
  });
  await approveYear(db, admin, year);
}

export const uniqueCertificate = () => `6402${String(Number.parseInt(randomBytes(4).toString('hex'), 16) % 1e8).padStart(8, '0')}`;

/** A valid create-officer body for `unitId`, certificate valid from a year ago for two years. */
export function officerBody(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const today = shanghaiToday();
  return {
    name: '测试执法员',
    unitId,
    position: '劳动保障监察员',
    categories: ['劳动保障监察'],
    certificateNo: uniqueCertificate(),
    issuingAuthority: '宁夏回族自治区人民政府',
    validFrom: addDays(today, -365),
    validTo: addDays(today, 365),
    ...overrides,
  };
}

export interface RosterEnv {
  app: FastifyInstance;
  rootId: string;
  inspectionId: string;
  otherUnitId: string;
  sessions: Record<'admin' | 'reviewer' | 'supervisor' | 'officer' | 'otherOfficer' | 'leader', Session>;
  actors: Record<'admin' | 'supervisor', UserActor>;
}

/** An app with units, one user per role that matters here, signed in, and a loaded calendar. */
export async function startRosterEnv(db: Db): Promise<RosterEnv> {
  const app = await testApp(db);
  const k = db.kysely;
  const root = await makeUnit(k, { name: `某市人社局-${randomBytes(3).toString('hex')}` });
  const inspection = await makeUnit(k, { parentId: root.id, name: '劳动保障监察监督局', kind: 'affiliated' });
  const other = await makeUnit(k, { parentId: root.id, name: '工伤科' });
  const plan: Record<keyof RosterEnv['sessions'], { unitId: string; roles: Role[] }> = {
    admin: { unitId: root.id, roles: ['admin'] },
    reviewer: { unitId: root.id, roles: ['legal_reviewer'] },
    supervisor: { unitId: root.id, roles: ['supervisor'] },
    officer: { unitId: inspection.id, roles: ['officer'] },
    otherOfficer: { unitId: other.id, roles: ['officer'] },
    leader: { unitId: root.id, roles: ['leader'] },
  };
  const sessions: Partial<RosterEnv['sessions']> = {};
  const actors: Partial<RosterEnv['actors']> = {};
  for (const [name, spec] of Object.entries(plan) as [keyof RosterEnv['sessions'], { unitId: string; roles: Role[] }][]) {
    const user = await makeUser(k, { unitId: spec.unitId, roles: spec.roles });
    sessions[name] = await loginAs(app, user.username, user.password);
    if (name === 'admin' || name === 'supervisor') {
      actors[name] = {
        kind: 'user',
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        unitId: root.id,
        unitPath: root.path,
        roles: spec.roles,
      };
    }
  }
  const { admin, reviewer, supervisor, officer, otherOfficer, leader } = sessions;
  if (!admin || !reviewer || !supervisor || !officer || !otherOfficer || !leader || !actors.admin || !actors.supervisor) {
    throw new Error('roster env incomplete');
  }
  await prepareCalendar(k, actors.admin);
  return {
    app,
    rootId: root.id,
    inspectionId: inspection.id,
    otherUnitId: other.id,
    sessions: { admin, reviewer, supervisor, officer, otherOfficer, leader },
    actors: { admin: actors.admin, supervisor: actors.supervisor },
  };
}
