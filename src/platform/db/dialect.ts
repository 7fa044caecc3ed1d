import { type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The only place where SQL differs between SQLite and PostgreSQL. Migrations and repositories ask
 * this module instead of testing the dialect themselves.
 */
export function autoIncrementType(dialect: DialectName): ColumnDataType {
  return dialect === 'postgres' ? 'bigserial' : 'integer';
}

/** Column modifier for an auto-incrementing primary key (PostgreSQL gets it from bigserial). */
export function autoIncrementPrimaryKey(dialect: DialectName) {
  return (column: ColumnDefinitionBuilder) => (dialect === 'postgres' ? column.primaryKey() : column.primaryKey().autoIncrement());
}

/** Case-insensitive substring match; both sides are lowered so it works the same on both dialects. */
export function containsInsensitive(column: string, needle: string) {
  const pattern = `%${escapeLike(needle.toLowerCase())}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Prefix match that treats % and _ in the prefix literally (SQLite needs the explicit ESCAPE). */
export function startsWith(column: string, prefix: string) {
  return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(prefix)}%`} escape '\\'`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Which database a connection (or transaction) talks to, for the few queries that must differ (full-text search). */
export function dialectOf(db: Kysely<Database>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A cheap round trip that proves the connection answers. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Days from one date or UTC instant to another (fractional for instants), for durations in statistics.
 * Both sides are ISO-8601 text: `YYYY-MM-DD` or `…T…Z`; PostgreSQL's `timestamp` ignores the zone, which
 * is right because both sides are in the same one.
 */
export function elapsedDays(dialect: DialectName, from: RawBuilder<unknown> | string, to: RawBuilder<unknown> | string) {
  const a = typeof from === 'string' ? sql.ref(from) : from;
  const b = typeof to === 'string' ? sql.ref(to) : to;
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from (cast(${b} as timestamp) - cast(${a} as timestamp))) / 86400.0)`
    : sql<number>`(julianday(${b}) - julianday(${a}))`;
}

/**
 * Whole days from one `YYYY-MM-DD` date to another: the same figure as `elapsedDays` for dates, but an
 * integer on PostgreSQL (date minus date) rather than an interval cut into numeric, which costs several
 * times more per row when a statistic sums it over hundreds of thousands of rows. (SQLite's julianday
 * difference of two dates is already a whole number.)
 */
export function elapsedDateDays(dialect: DialectName, from: RawBuilder<unknown> | string, to: RawBuilder<unknown> | string) {
  const a = typeof from === 'string' ? sql.ref(from) : from;
  const b = typeof to === 'string' ? sql.ref(to) : to;
  return dialect === 'postgres' ? sql<number>`(cast(${b} as date) - cast(${a} as date))` : sql<number>`(julianday(${b}) - julianday(${a}))`;
}

/**
 * Runs a read-only aggregate (statistics over many rows) with settings that suit it: on PostgreSQL in its
 * own transaction with enough work_mem to group in memory rather than sort on disk, and without JIT
 * (compiling costs more than it saves on these short scans); SQLite needs nothing.
 */
export async function aggregateRead<T>(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return run(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}
