import path from 'node:path';

/** Typed, frozen configuration parsed once from the environment. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Secret for CSRF tokens; read from SANXIANG_SESSION_SECRET or generated into the data dir. */
  readonly sessionSecret: string | undefined;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: LogLevel;
  /** Name of the root unit created on the first production start (ignored once units exist). */
  readonly agencyName: string;
  readonly consoleDir: string;
}

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly poolSize?: number };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every variable the server reads, with its default and meaning (the README table mirrors this). */
export const CONFIG_VARIABLES = [
  ['PORT', '3000', 'HTTP port'],
  ['HOST', '127.0.0.1', 'address to listen on (0.0.0.0 for all interfaces)'],
  ['SANXIANG_DATA_DIR', './data', 'data directory: SQLite file, generated secrets, later blobs'],
  ['SANXIANG_DATABASE_URL', 'sqlite file <data dir>/sanxiang.db', 'sqlite:<path> or postgres://user@host:port/db'],
  ['SANXIANG_SESSION_SECRET', 'generated into <data dir>/session-secret', 'at least 32 characters; signs CSRF tokens'],
  ['SANXIANG_SESSION_IDLE_MINUTES', '30', 'a session ends after this long without requests'],
  ['SANXIANG_SESSION_ABSOLUTE_HOURS', '12', 'a session ends this long after login, however active'],
  ['SANXIANG_SECURE_COOKIES', 'false', 'true behind HTTPS: cookies get the Secure flag'],
  ['SANXIANG_TRUST_PROXY', 'false', 'true behind a reverse proxy: client address from X-Forwarded-For'],
  ['SANXIANG_LOG_LEVEL', 'info', LOG_LEVELS.join('|')],
  ['SANXIANG_AGENCY_NAME', '行政执法机关', 'root unit name on the first production start'],
  ['SANXIANG_PG_POOL_SIZE', '10', 'PostgreSQL connections per process'],
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses the environment; collects every problem before throwing one ConfigError. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name}=${raw}: expected true or false`);
    return fallback;
  };

  const port = int('PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = path.resolve(cwd, env.SANXIANG_DATA_DIR?.trim() || './data');
  const parsedDatabase = parseDatabaseUrl(env.SANXIANG_DATABASE_URL?.trim() || '', dataDir, cwd, problems);
  const poolSize = int('SANXIANG_PG_POOL_SIZE', 10, 1, 500);
  const database: DatabaseConfig = parsedDatabase.dialect === 'postgres' ? { ...parsedDatabase, poolSize } : parsedDatabase;

  const secret = env.SANXIANG_SESSION_SECRET;
  if (secret !== undefined && secret !== '' && secret.length < 32) {
    problems.push('SANXIANG_SESSION_SECRET: must be at least 32 characters');
  }
  const logLevelRaw = env.SANXIANG_LOG_LEVEL?.trim() || 'info';
  const logLevel = LOG_LEVELS.find((l) => l === logLevelRaw);
  if (!logLevel) problems.push(`SANXIANG_LOG_LEVEL=${logLevelRaw}: expected one of ${LOG_LEVELS.join(', ')}`);

  const config: Config = {
    port,
    host,
    dataDir,
    database,
    sessionSecret: secret || undefined,
    sessionIdleMinutes: int('SANXIANG_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SANXIANG_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    secureCookies: bool('SANXIANG_SECURE_COOKIES', false),
    trustProxy: bool('SANXIANG_TRUST_PROXY', false),
    logLevel: logLevel ?? 'info',
    agencyName: env.SANXIANG_AGENCY_NAME?.trim() || '行政执法机关',
    consoleDir: path.resolve(cwd, 'console/dist'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function parseDatabaseUrl(raw: string, dataDir: string, cwd: string, problems: string[]): DatabaseConfig {
  if (raw === '') return { dialect: 'sqlite', file: path.join(dataDir, 'sanxiang.db') };
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      const url = new URL(raw);
      if (url.pathname.length <= 1) problems.push('SANXIANG_DATABASE_URL: a PostgreSQL URL must name a database');
    } catch {
      problems.push('SANXIANG_DATABASE_URL: not a valid URL');
    }
    return { dialect: 'postgres', url: raw };
  }
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') problems.push('SANXIANG_DATABASE_URL: sqlite: needs a file path');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  problems.push('SANXIANG_DATABASE_URL: expected postgres://… or sqlite:<file>');
  return { dialect: 'sqlite', file: path.join(dataDir, 'sanxiang.db') };
}
