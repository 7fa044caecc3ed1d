import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Db } from '../../src/platform/db/connect.js';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A configuration for tests: the given database, a throwaway data dir, no logging noise. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ SANXIANG_LOG_LEVEL: 'silent', SANXIANG_DATA_DIR: path.join('/tmp', 'sanxiang-test-data') });
  return { ...base, ...overrides };
}

export async function testApp(db: Db, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(overrides), db, secret: TEST_SECRET }, { logger: false });
  await app.ready();
  return app;
}

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers for a signed-in write. */
  readonly headers: Record<string, string>;
}

export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const found = res.cookies.find((c) => c.name === 'sanxiang_session');
  if (!found) throw new Error('no session cookie in response');
  return `sanxiang_session=${found.value}`;
}
