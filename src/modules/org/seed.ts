import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import { generatePassword } from '../../platform/auth/password.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { countUnits, findRootUnit } from './units-repository.js';
import { insertUnit, type UnitKind } from './units-service.js';
import { countUsers } from './users-repository.js';
import { insertUser } from './users-service.js';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_AGENCY = '石嘴山市人力资源和社会保障局';

/** The bureau's units as the seed plan names them (机关科室 first, then 局属单位). */
const DEMO_UNITS: readonly { name: string; kind: UnitKind }[] = [
  { name: '办公室', kind: 'section' },
  { name: '政策法规科', kind: 'section' },
  { name: '就业与职业能力建设科', kind: 'section' },
  { name: '劳动关系科', kind: 'section' },
  { name: '养老科', kind: 'section' },
  { name: '工伤科', kind: 'section' },
  { name: '基金监督科', kind: 'section' },
  { name: '劳动保障监察监督局', kind: 'affiliated' },
  { name: '社保局', kind: 'affiliated' },
  { name: '就创局', kind: 'affiliated' },
  { name: '担保中心', kind: 'affiliated' },
];

const DEMO_USERS: readonly { username: string; displayName: string; unit: string | null; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', unit: '办公室', roles: ['admin'] },
  { username: 'officer1', displayName: '张明', unit: '劳动保障监察监督局', roles: ['officer'] },
  { username: 'officer2', displayName: '李娜', unit: '劳动保障监察监督局', roles: ['officer'] },
  { username: 'unithead', displayName: '王建国', unit: '劳动保障监察监督局', roles: ['unit_head'] },
  { username: 'reviewer', displayName: '赵法审', unit: '政策法规科', roles: ['legal_reviewer'] },
  { username: 'leader', displayName: '刘局长', unit: null, roles: ['leader'] },
  { username: 'archivist', displayName: '陈档案', unit: '办公室', roles: ['archivist'] },
  { username: 'supervisor', displayName: '司法局监督员', unit: null, roles: ['supervisor'] },
];

/**
 * Seeds the demo agency into an empty database; does nothing (returns false) when any unit or user
 * already exists, so it is safe on every start of `serve --demo`.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  const actor = systemActor('seed-demo');
  return inTransaction(db, async (trx) => {
    if ((await countUnits(trx)) > 0 || (await countUsers(trx)) > 0) return false;
    const root = await insertUnit(trx, actor, { name: DEMO_AGENCY, parentId: null, kind: 'agency' });
    const unitIds = new Map<string, string>();
    for (const [index, unit] of DEMO_UNITS.entries()) {
      const created = await insertUnit(trx, actor, { name: unit.name, parentId: root.id, kind: unit.kind, sortOrder: (index + 1) * 10 });
      unitIds.set(unit.name, created.id);
    }
    for (const user of DEMO_USERS) {
      const unitId = user.unit === null ? root.id : (unitIds.get(user.unit) ?? root.id);
      await insertUser(
        trx,
        actor,
        { username: user.username, displayName: user.displayName, unitId, roles: user.roles, password: DEMO_PASSWORD },
        false,
      );
    }
    return true;
  });
}

/**
 * First production start: an empty database gets the agency's root unit and one administrator with
 * a random password, returned so the caller can print it once. Returns undefined when not empty.
 */
export async function bootstrapProduction(
  db: Kysely<Database>,
  agencyName: string,
): Promise<{ username: string; password: string } | undefined> {
  const actor = systemActor('bootstrap');
  return inTransaction(db, async (trx) => {
    if ((await countUsers(trx)) > 0) return undefined;
    const rootId = (await findRootUnit(trx))?.id ?? (await insertUnit(trx, actor, { name: agencyName, parentId: null, kind: 'agency' })).id;
    const password = generatePassword(16);
    await insertUser(trx, actor, { username: 'admin', displayName: '系统管理员', unitId: rootId, roles: ['admin'], password }, true);
    return { username: 'admin', password };
  });
}
