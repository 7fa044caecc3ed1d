import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { checkPasswordPolicy, generatePassword, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { isRole, type Role } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { can, canSeeUser } from './policy.js';
import { clearFailures, revokeUserSessions } from './sessions-repository.js';
import { findUnitRow } from './units-repository.js';
import {
  findUserById,
  findUserByUsername,
  insertUserRow,
  listUserRows,
  replaceRoles,
  rolesOf,
  type UserRow,
  updateUserRow,
} from './users-repository.js';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  status: string;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export function toUserView(row: UserRow, roles: readonly string[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    roles: roles.filter(isRole),
    status: row.status,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

async function viewOf(db: Kysely<Database> | Trx, id: string): Promise<UserView> {
  const row = await findUserById(db, id);
  if (!row) throw notFound('user_not_found', '用户不存在');
  return toUserView(row, (await rolesOf(db, [id])).get(id) ?? []);
}

export interface ListUsersQuery {
  unitId?: string;
  status?: UserStatus;
  role?: Role;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Kysely<Database>, actor: Actor, query: ListUsersQuery) {
  requireUser(actor);
  authorize(can(actor, 'user.list'));
  const scope = readScope(actor);
  const { rows, total } = await listUserRows(db, {
    unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
    unitId: query.unitId,
    status: query.status,
    role: query.role,
    q: query.q?.trim(),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toUserView(r, roles.get(r.id) ?? [])), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Kysely<Database>, actor: Actor, id: string): Promise<UserView> {
  requireUser(actor);
  const row = await findUserById(db, id);
  // Out of scope reads answer "not found": they must not reveal that the account exists.
  if (!row || !canSeeUser(actor, row.unit_path, row.id)) throw notFound('user_not_found', '用户不存在');
  return toUserView(row, (await rolesOf(db, [id])).get(id) ?? []);
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  password?: string;
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ user: UserView; initialPassword: string | null }> {
  requireUser(actor);
  authorize(can(actor, 'user.create'), '只有系统管理员可以新增用户');
  // An administrator's password is a temporary one: the person must choose their own at first login.
  const generated = input.password === undefined ? generatePassword() : null;
  const user = await inTransaction(db, (trx) => insertUser(trx, actor, { ...input, password: input.password ?? generated ?? '' }, true));
  return { user, initialPassword: generated };
}

/** Inserts an account (also used by bootstrap, the demo seed and the CLI with a system actor). */
export async function insertUser(
  trx: Trx,
  actor: Actor,
  input: CreateUserInput & { password: string },
  mustChangePassword: boolean,
): Promise<UserView> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw invalid('username_invalid', '用户名须以小写字母开头,由3–32位小写字母、数字、_ . - 组成');
  const displayName = input.displayName.trim();
  if (displayName === '') throw invalid('display_name_required', '姓名不能为空');
  checkPasswordPolicy(input.password, username);
  const roles = [...new Set(input.roles)];
  if (!(await findUnitRow(trx, input.unitId))) throw invalid('unit_not_found', '所属机构不存在');
  if (await findUserByUsername(trx, username)) throw conflict('username_taken', `用户名「${username}」已被使用`);
  const id = randomUUID();
  const now = new Date().toISOString();
  await insertUserRow(
    trx,
    {
      id,
      username,
      display_name: displayName,
      unit_id: input.unitId,
      password_hash: await hashPassword(input.password),
      status: 'active',
      must_change_password: mustChangePassword ? 1 : 0,
      password_changed_at: now,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    },
    roles,
  );
  await recordEvent(trx, actor, {
    type: 'user.created',
    subject: { type: 'user', id },
    data: { username, unitId: input.unitId, roles },
  });
  return viewOf(trx, id);
}

export interface UpdateUserInput {
  displayName?: string;
  unitId?: string;
  roles?: Role[];
  status?: UserStatus;
}

export async function updateUser(db: Kysely<Database>, actor: Actor, id: string, input: UpdateUserInput): Promise<UserView> {
  const user = requireUser(actor);
  authorize(can(actor, 'user.update'), '只有系统管理员可以修改用户');
  return inTransaction(db, async (trx) => {
    const row = await findUserById(trx, id);
    if (!row) throw notFound('user_not_found', '用户不存在');
    const currentRoles = (await rolesOf(trx, [id])).get(id) ?? [];
    if (id === user.userId && (input.status === 'disabled' || (input.roles && !input.roles.includes('admin')))) {
      throw conflict('cannot_lock_self_out', '不能停用自己的账号或取消自己的系统管理员角色');
    }
    const changes: Parameters<typeof updateUserRow>[2] = {};
    const before: Record<string, string | string[]> = {};
    const after: Record<string, string | string[]> = {};
    if (input.displayName !== undefined && input.displayName.trim() !== row.display_name) {
      const name = input.displayName.trim();
      if (name === '') throw invalid('display_name_required', '姓名不能为空');
      changes.display_name = name;
      before.displayName = row.display_name;
      after.displayName = name;
    }
    if (input.unitId !== undefined && input.unitId !== row.unit_id) {
      if (!(await findUnitRow(trx, input.unitId))) throw invalid('unit_not_found', '所属机构不存在');
      changes.unit_id = input.unitId;
      before.unitId = row.unit_id;
      after.unitId = input.unitId;
    }
    if (input.status !== undefined && input.status !== row.status) {
      changes.status = input.status;
      before.status = row.status;
      after.status = input.status;
    }
    const newRoles = input.roles ? [...new Set(input.roles)].sort() : undefined;
    if (newRoles && newRoles.join(',') !== [...currentRoles].sort().join(',')) {
      await replaceRoles(trx, id, newRoles);
      before.roles = currentRoles;
      after.roles = newRoles;
    }
    if (Object.keys(after).length === 0) return viewOf(trx, id);
    const now = new Date().toISOString();
    await updateUserRow(trx, id, { ...changes, updated_at: now });
    // Disabling, moving or changing roles ends live sessions so the new rights apply at once; a new
    // display name alone does not sign anybody out.
    const rightsChanged = after.status !== undefined || after.unitId !== undefined || after.roles !== undefined;
    const revoked = rightsChanged ? await revokeUserSessions(trx, id, now) : 0;
    await recordEvent(trx, actor, {
      type: 'user.updated',
      subject: { type: 'user', id },
      data: { before, after, sessionsRevoked: revoked },
    });
    return viewOf(trx, id);
  });
}

export async function resetPassword(db: Kysely<Database>, actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
  requireUser(actor);
  authorize(can(actor, 'user.reset_password'), '只有系统管理员可以重置密码');
  return inTransaction(db, (trx) => setTemporaryPassword(trx, actor, id));
}

/** A new random password the person must change at next login; their sessions end. */
export async function setTemporaryPassword(trx: Trx, actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
  const row = await findUserById(trx, id);
  if (!row) throw notFound('user_not_found', '用户不存在');
  const temporaryPassword = generatePassword();
  const now = new Date().toISOString();
  await updateUserRow(trx, id, {
    password_hash: await hashPassword(temporaryPassword),
    must_change_password: 1,
    password_changed_at: now,
    updated_at: now,
  });
  const revoked = await revokeUserSessions(trx, id, now);
  // An administrator's reset also lifts a lockout from wrong passwords.
  await clearFailures(trx, row.username);
  await recordEvent(trx, actor, { type: 'user.password_reset', subject: { type: 'user', id }, data: { sessionsRevoked: revoked } });
  return { temporaryPassword };
}

export async function changeOwnPassword(
  db: Kysely<Database>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = requireUser(actor);
  await inTransaction(db, async (trx) => {
    const row = await findUserById(trx, user.userId);
    if (!row) throw notFound('user_not_found', '用户不存在');
    if (!(await verifyPassword(input.currentPassword, row.password_hash))) throw invalid('wrong_current_password', '当前密码不正确');
    if (input.newPassword === input.currentPassword) throw invalid('password_unchanged', '新密码不能与当前密码相同');
    checkPasswordPolicy(input.newPassword, row.username);
    const now = new Date().toISOString();
    await updateUserRow(trx, user.userId, {
      password_hash: await hashPassword(input.newPassword),
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    // Other devices signed in with the old password are signed out; this one stays.
    const revoked = await revokeUserSessions(trx, user.userId, now, user.sessionId);
    await recordEvent(trx, actor, {
      type: 'user.password_changed',
      subject: { type: 'user', id: user.userId },
      data: { otherSessionsRevoked: revoked },
    });
  });
}
