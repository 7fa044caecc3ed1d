import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { ed25519Signer, sm2Signer } from '../../src/platform/crypto/signers.js';
import type { Db } from '../../src/platform/db/connect.js';

// A fixed SM2 test key (any scalar below the curve order works).
const TEST_SM2_KEY = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A configuration for tests: the given database, a throwaway data dir, no logging noise. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ SANXIANG_LOG_LEVEL: 'silent', SANXIANG_DATA_DIR: path.join('/tmp', 'sanxiang-test-data') });
  return { ...base, ...overrides };
}

/** Dependencies of a test app: a fresh blob directory and fixed test signing keys. */
export function testDeps(db: Db, overrides: Partial<Config> = {}): AppDeps {
  const config = testConfig(overrides);
  return {
    config,
    db,
    secret: TEST_SECRET,
    blobs: createFsBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-test-blobs-'))),
    ledger: { origin: config.ledger.origin, signers: TEST_SIGNERS },
  };
}

export const TEST_SIGNERS = [ed25519Signer('sanxiang.local/ledger', Buffer.alloc(32, 1)), sm2Signer('sanxiang.local/ledger', TEST_SM2_KEY)];

export async function testApp(db: Db, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testDeps(db, overrides), { logger: false });
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
