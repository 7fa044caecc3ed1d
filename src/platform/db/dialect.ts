import { type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';
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
