// HTTP hot paths, in-process (app.inject): session lookup, lists, portal, login.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../src/modules/org/index.js';
import { insertUserRow } from '../src/modules/org/users-repository.js';
import { hashPassword } from '../src/platform/auth/password.js';
import type { DialectName } from '../src/platform/db/dialect.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { loginAs, testApp } from '../test/support/app.js';
import { dialectsToBench, freshDb, type Row, timeEach } from './support.js';

const EXTRA_USERS = 2000;

async function expectOk(app: FastifyInstance, url: string, cookie?: string): Promise<void> {
  const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
}

async function benchDialect(dialect: DialectName): Promise<Row[]> {
  const { db, done } = await freshDb(dialect);
  try {
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
      rows.push({
        suite: 'http',
        dialect,
        name: `${name} (n=${n})`,
        value: `p50 ${r.p50.toFixed(2)} / p95 ${r.p95.toFixed(2)} ms`,
        target,
      });

    add('GET /api/health', 500, 'p95 < 5 ms', await timeEach(500, () => expectOk(app, '/api/health')));
    add('GET /api/me (session lookup)', 1000, 'p95 < 10 ms', await timeEach(1000, () => expectOk(app, '/api/me', admin.cookie)));
    add(
      `GET /api/users page 1 of ${EXTRA_USERS + 8}`,
      300,
      'p95 < 30 ms',
      await timeEach(300, () => expectOk(app, '/api/users?page=1&pageSize=20', admin.cookie)),
    );
    add(
      'GET /api/users?q=压测用户19',
      300,
      'p95 < 50 ms',
      await timeEach(300, () => expectOk(app, `/api/users?q=${encodeURIComponent('压测用户19')}`, admin.cookie)),
    );
    add('GET / (portal home)', 500, 'p95 < 20 ms', await timeEach(500, () => expectOk(app, '/')));
    add('POST /api/auth/login (scrypt)', 30, 'p95 < 300 ms', await timeEach(30, () => loginAs(app, 'bench7', 'Bench@2026x')));
    await app.close();
    return rows;
  } finally {
    await done();
  }
}

export async function benchHttp(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const dialect of await dialectsToBench()) rows.push(...(await benchDialect(dialect)));
  return rows;
}
