// Shared helpers for the benchmarks: timing, percentiles, a table printer and database setup.
import pg from 'pg';
import { connectDatabase, type Db } from '../src/platform/db/connect.js';
import type { DialectName } from '../src/platform/db/dialect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../test/support/databases.js';
import { PG_ADMIN_URL } from '../test/support/pg-url.js';

export interface Row {
  readonly suite: string;
  readonly dialect: string;
  readonly name: string;
  readonly value: string;
  readonly target: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function timeEach(n: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number; p99: number }> {
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

export async function postgresReachable(): Promise<boolean> {
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

export async function dialectsToBench(): Promise<DialectName[]> {
  if (await postgresReachable()) return ['sqlite', 'postgres'];
  console.warn(`PostgreSQL at ${PG_ADMIN_URL} unreachable: benchmarking SQLite only`);
  return ['sqlite'];
}

/** A fresh migrated database for one benchmark; dropped by `done`. */
export async function freshDb(dialect: DialectName): Promise<{ db: Db; done: () => Promise<void> }> {
  const testDb: TestDatabase = await createTestDatabase(dialect);
  const db = connectDatabase(testDb.config);
  await migrateToLatest(db.kysely, dialect);
  return {
    db,
    done: async () => {
      await db.close();
      await testDb.drop();
    },
  };
}

export function printTable(rows: readonly Row[]): void {
  const widths = [8, 9, 64, 28];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');
  console.log(`\n${line(['suite', 'dialect', 'measure', 'result'])}  target`);
  for (const r of rows) console.log(`${line([r.suite, r.dialect, r.name, r.value])}  ${r.target}`);
}
