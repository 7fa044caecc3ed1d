import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.js';
import type { DialectName } from './dialect.js';
import type { Database } from './schema.js';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

// pg returns int8 (bigint, count(*)) as strings; our counts and sequences fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number.parseInt(value, 10));

export interface ConnectOptions {
  /** PostgreSQL pool size; CI runs one pass with 1 to catch self-deadlocks. */
  readonly poolSize?: number;
}

/** Opens the database named by the configuration: embedded SQLite or a PostgreSQL pool. */
export function connectDatabase(config: DatabaseConfig, options: ConnectOptions = {}): Db {
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? config.poolSize ?? 10,
  });
  let closing = false;
  // An idle connection dropped by the server (restart, failover, DROP DATABASE … FORCE) must not
  // crash the process: the pool replaces it on next use.
  pool.on('error', (error) => {
    if (!closing) console.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    close: () => {
      closing = true;
      return kysely.destroy();
    },
  };
}
