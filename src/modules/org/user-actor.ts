import type { Kysely } from 'kysely';
import type { UserActor } from '../../platform/auth/actor.js';
import { isRole } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/schema.js';
import { findUserByUsername, rolesOf } from './users-repository.js';

/**
 * The actor of an active account, without a session: for demo seeding that must act as the demo
 * officers and unit heads, so their steps carry real names and pass the same permission checks.
 */
export async function actorOfUsername(db: Kysely<Database>, username: string): Promise<UserActor | undefined> {
  const user = await findUserByUsername(db, username);
  if (!user || user.status !== 'active') return undefined;
  const roles = ((await rolesOf(db, [user.id])).get(user.id) ?? []).filter(isRole);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    unitPath: user.unit_path,
    roles,
  };
}
