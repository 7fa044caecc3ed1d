// npm run bench — latency of the platform's hot paths, in-process (app.inject), on SQLite and,
// when reachable, PostgreSQL. Targets are printed beside the numbers; nothing here asserts.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { seedDemo } from '../src/modules/org/index.js';
import { insertUserRow } from '../src/modules/org/users-repository.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { connectDatabase } from '../src/platform/db/connect.js';
import type { DialectName } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { loginAs, testApp } from '../test/support/app.js';
import { createTestDatabase } from '../test/support/databases.js';
import { PG_ADMIN_URL } from '../test/support/pg-url.js';

const EXTRA_USERS = 2000;

interface Row {
  dialect: DialectName;
  name: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  target: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(n: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number; p99: number }> {
  for (let i = 0; i < Math.min(20, n); i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

async function expectOk(app: FastifyInstance, url: string, cookie?: string): Promise<void> {
  const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
}

async function benchDialect(dialect: DialectName): Promise<Row[]> {
  const testDb = await createTestDatabase(dialect);
  const db = connectDatabase(testDb.config);
  try {
    await migrateToLatest(db.kysely, dialect);
    await seedDemo(db.kysely);
    const unit = await db.kysely.selectFrom('units').select('id').where('parent_id', 'is not', null).executeTakeFirstOrThrow();
    const hash = await hashPassword('Bench@2026x');
    const now = new Date().toISOString();
    await inTransaction(db.kysely, async (trx) => {
      for (let i = 0; i < EXTRA_USERS; i++) {
        await insertUserRow(
          trx,
          {
            id: randomUUID(),
            username: `bench${i}`,
            display_name: `压测用户${i}`,
            unit_id: unit.id,
            password_hash: hash,
            status: 'active',
            must_change_password: 0,
            password_changed_at: now,
            last_login_at: null,
            created_at: now,
            updated_at: now,
          },
          ['officer'],
        );
      }
    });
    const app = await testApp(db);
    const admin = await loginAs(app, 'admin', 'Demo@2026');
    const rows: Row[] = [];
    const add = (name: string, n: number, target: string, r: { p50: number; p95: number; p99: number }) =>
      rows.push({ dialect, name, n, target, ...r });

    add('GET /api/health', 500, 'p95 < 5 ms', await measure(500, () => expectOk(app, '/api/health')));
    add('GET /api/me (session lookup)', 1000, 'p95 < 10 ms', await measure(1000, () => expectOk(app, '/api/me', admin.cookie)));
    add(
      `GET /api/users page 1 of ${EXTRA_USERS + 8}`,
      300,
      'p95 < 30 ms',
      await measure(300, () => expectOk(app, '/api/users?page=1&pageSize=20', admin.cookie)),
    );
    add(
      'GET /api/users?q=压测用户19',
      300,
      'p95 < 50 ms',
      await measure(300, () => expectOk(app, `/api/users?q=${encodeURIComponent('压测用户19')}`, admin.cookie)),
    );
    add('GET / (portal home)', 500, 'p95 < 20 ms', await measure(500, () => expectOk(app, '/')));
    add('POST /api/auth/login (scrypt)', 30, 'p95 < 300 ms', await measure(30, () => loginAs(app, 'bench7', 'Bench@2026x')));
    await app.close();
    return rows;
  } finally {
    await db.close();
    await testDb.drop();
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const rows = await benchDialect('sqlite');
if (await postgresReachable()) rows.push(...(await benchDialect('postgres')));
else console.warn(`PostgreSQL at ${PG_ADMIN_URL} unreachable: benchmarked SQLite only`);

const fmt = (ms: number) => ms.toFixed(2).padStart(8);
console.log(
  `\n${'dialect'.padEnd(9)} ${'operation'.padEnd(40)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  target`,
);
for (const r of rows) {
  console.log(
    `${r.dialect.padEnd(9)} ${r.name.padEnd(40)} ${String(r.n).padStart(5)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)}  ${r.target}`,
  );
}
