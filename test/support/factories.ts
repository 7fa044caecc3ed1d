import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertUser, type UserView } from '../../src/modules/org/index.js';
import { insertUnit, type UnitKind, type UnitView } from '../../src/modules/org/units-service.js';
import { systemActor } from '../../src/platform/auth/actor.js';
import type { Role } from '../../src/platform/auth/roles.js';
import type { Database } from '../../src/platform/db/schema.js';
import { inTransaction } from '../../src/platform/db/transaction.js';

export const TEST_PASSWORD = 'Test@Pass2026';
const actor = systemActor('test-factory');
const unique = () => randomBytes(4).toString('hex');

/** A unit under `parentId` (or a new root). Names are unique so tests never collide. */
export function makeUnit(
  db: Kysely<Database>,
  overrides: { name?: string; parentId?: string | null; kind?: UnitKind } = {},
): Promise<UnitView> {
  return inTransaction(db, (trx) =>
    insertUnit(trx, actor, {
      name: overrides.name ?? `测试机构-${unique()}`,
      parentId: overrides.parentId ?? null,
      kind: overrides.kind ?? (overrides.parentId ? 'section' : 'agency'),
    }),
  );
}

export interface MadeUser extends UserView {
  password: string;
}

/** An active user with TEST_PASSWORD (no forced change unless asked). */
export async function makeUser(
  db: Kysely<Database>,
  overrides: { unitId: string; roles?: Role[]; username?: string; displayName?: string; mustChangePassword?: boolean },
): Promise<MadeUser> {
  const user = await inTransaction(db, (trx) =>
    insertUser(
      trx,
      actor,
      {
        username: overrides.username ?? `u${unique()}`,
        displayName: overrides.displayName ?? `测试用户${unique()}`,
        unitId: overrides.unitId,
        roles: overrides.roles ?? ['officer'],
        password: TEST_PASSWORD,
      },
      overrides.mustChangePassword ?? false,
    ),
  );
  return { ...user, password: TEST_PASSWORD };
}

/**
 * Row counts of the tables a request might touch — the org tables and events, plus a module's own
 * `moreTables` — to compare before and after and prove "nothing changed".
 */
export async function snapshotCounts(db: Kysely<Database>, moreTables: readonly (keyof Database)[] = []): Promise<Record<string, number>> {
  const tables: readonly (keyof Database)[] = ['units', 'users', 'user_roles', 'sessions', 'events', ...moreTables];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
