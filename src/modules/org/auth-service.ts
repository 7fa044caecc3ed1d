import type { Kysely } from 'kysely';
import type { AnonymousActor, UserActor } from '../../platform/auth/actor.js';
import { UNUSABLE_HASH, verifyPassword } from '../../platform/auth/password.js';
import { isRole } from '../../platform/auth/roles.js';
import { newSessionToken, sessionIdOf } from '../../platform/auth/tokens.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { forbidden, throttled, unauthenticated } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import {
  clearFailures,
  findSession,
  insertFailure,
  insertSession,
  recentFailures,
  revokeSession,
  touchSession,
} from './sessions-repository.js';
import { findUserById, findUserByUsername, rolesOf, updateUserRow } from './users-repository.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not turn into writes on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string;
}

export interface LoginResult {
  readonly token: string;
  readonly actor: UserActor;
  readonly expiresAt: string;
}

/**
 * Password login with per-account throttling: after MAX_FAILURES wrong passwords within the window
 * the account answers 429 until the oldest of them leaves the window, whatever password is given.
 */
export async function login(db: Kysely<Database>, policy: SessionPolicy, request: LoginRequest, now = new Date()): Promise<LoginResult> {
  const username = request.username.trim().toLowerCase();
  const anonymous: AnonymousActor = { kind: 'anonymous', requestId: request.requestId };
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const failures = await recentFailures(db, username, windowStart);
  if (failures.length >= MAX_FAILURES) {
    const oldest = failures[failures.length - MAX_FAILURES] ?? now.toISOString();
    const retryAfter = Math.max(1, Math.ceil((Date.parse(oldest) + FAILURE_WINDOW_MS - now.getTime()) / 1000));
    throw throttled('too_many_attempts', `密码错误次数过多,请${Math.ceil(retryAfter / 60)}分钟后再试`, retryAfter);
  }

  const row = await findUserByUsername(db, username);
  const passwordOk = await verifyPassword(request.password, row?.password_hash ?? UNUSABLE_HASH);
  if (!row || !passwordOk) {
    await inTransaction(db, async (trx) => {
      await insertFailure(trx, username, now.toISOString(), request.ip, windowStart);
      await recordEvent(trx, anonymous, {
        type: 'auth.login_failed',
        // An unknown name is kept in the data (hashed in the ledger), not in the subject, which the
        // ledger entry shows in clear.
        subject: row ? { type: 'user', id: row.id } : { type: 'login', id: 'unknown_user' },
        data: { reason: row ? 'wrong_password' : 'unknown_user', username, ip: request.ip },
      });
    });
    throw unauthenticated('invalid_credentials', '用户名或密码错误');
  }
  if (row.status !== 'active') {
    await inTransaction(db, (trx) =>
      recordEvent(trx, anonymous, {
        type: 'auth.login_refused',
        subject: { type: 'user', id: row.id },
        data: { reason: 'disabled', ip: request.ip },
      }),
    );
    throw forbidden('account_disabled', '账号已停用,请联系系统管理员');
  }

  const { token, id } = newSessionToken();
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3600_000).toISOString();
  const roles = ((await rolesOf(db, [row.id])).get(row.id) ?? []).filter(isRole);
  const actor: UserActor = {
    kind: 'user',
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    roles,
    sessionId: id,
    requestId: request.requestId,
  };
  await inTransaction(db, async (trx) => {
    await clearFailures(trx, username);
    await insertSession(trx, {
      id,
      user_id: row.id,
      created_at: createdAt,
      last_seen_at: createdAt,
      absolute_expires_at: expiresAt,
      revoked_at: null,
      ip: request.ip,
      user_agent: request.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserRow(trx, row.id, { last_login_at: createdAt });
    await recordEvent(trx, actor, {
      type: 'auth.logged_in',
      subject: { type: 'user', id: row.id },
      data: { sessionId: id, ip: request.ip },
    });
  });
  return { token, actor, expiresAt };
}

/** The actor behind a session cookie, or undefined when the session is unknown, revoked or expired. */
export async function resolveSession(
  db: Kysely<Database>,
  policy: SessionPolicy,
  token: string,
  requestId: string,
  now = new Date(),
): Promise<UserActor | undefined> {
  const id = sessionIdOf(token);
  const session = await findSession(db, id);
  if (!session || session.revoked_at !== null) return undefined;
  const nowMs = now.getTime();
  if (Date.parse(session.absolute_expires_at) <= nowMs) return undefined;
  if (Date.parse(session.last_seen_at) + policy.idleMinutes * 60_000 <= nowMs) return undefined;
  const user = await findUserById(db, session.user_id);
  if (!user || user.status !== 'active') return undefined;
  if (nowMs - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_MS) await touchSession(db, id, now.toISOString());
  const roles = ((await rolesOf(db, [user.id])).get(user.id) ?? []).filter(isRole);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    unitPath: user.unit_path,
    roles,
    sessionId: id,
    requestId,
  };
}

export async function logout(db: Kysely<Database>, actor: UserActor): Promise<void> {
  const sessionId = actor.sessionId;
  if (sessionId === undefined) return;
  await inTransaction(db, async (trx) => {
    await revokeSession(trx, sessionId, new Date().toISOString());
    await recordEvent(trx, actor, { type: 'auth.logged_out', subject: { type: 'user', id: actor.userId }, data: { sessionId } });
  });
}
