import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { DatabaseConfig } from '../../src/config.js';
import { connectDatabase, type Db } from '../../src/platform/db/connect.js';
import type { DialectName } from '../../src/platform/db/dialect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { PG_ADMIN_URL } from './pg-url.js';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  readonly config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A brand-new empty database: a temp SQLite file, or a PostgreSQL database with UTF-8 ctype. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = `sx_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-test-'));
    return {
      config: { dialect: 'sqlite', file: path.join(dir, `${name}.db`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface DialectContext {
  readonly dialect: DialectName;
  /** The migrated database of this describe block (valid inside tests and hooks). */
  readonly db: Db;
  readonly config: DatabaseConfig;
}

/**
 * Runs the same tests on SQLite and on PostgreSQL, each on a fresh migrated database made for this
 * file and dropped afterwards. PostgreSQL blocks are skipped only when the server is unreachable
 * outside CI (global-setup fails the run under CI=true).
 */
export function describeEachDialect(name: string, body: (ctx: DialectContext) => void): void {
  for (const dialect of DIALECTS) {
    const skip = dialect === 'postgres' && !inject('postgresAvailable');
    (skip ? describe.skip : describe)(`${name} [${dialect}]`, () => {
      let testDb: TestDatabase | undefined;
      let db: Db | undefined;
      const ctx: DialectContext = {
        dialect,
        get db() {
          if (!db) throw new Error('database not ready: use ctx.db inside tests or hooks');
          return db;
        },
        get config() {
          if (!testDb) throw new Error('database not ready');
          return testDb.config;
        },
      };
      beforeAll(async () => {
        testDb = await createTestDatabase(dialect);
        db = connectDatabase(testDb.config, { poolSize: 4 });
        await migrateToLatest(db.kysely, dialect);
      });
      afterAll(async () => {
        await db?.close();
        await testDb?.drop();
      });
      body(ctx);
    });
  }
}
