import path from 'node:path';
import { PROJECT_ROOT } from './platform/paths.js';

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
  readonly blobs: BlobsConfig;
  /** Largest evidence upload accepted, in bytes. */
  readonly uploadMaxBytes: number;
  readonly ledger: LedgerConfig;
  /** Cron expression (Asia/Shanghai) for the blob fixity check. */
  readonly fixityCron: string;
  /** 法制审核期限: working days from a complete submission, and the most an approved extension adds. */
  readonly reviewDays: { readonly period: number; readonly extension: number };
  /** 公示期限 of published decisions (publications module). */
  readonly publicationPeriods: { readonly months: number; readonly minorMonths: number; readonly minorFineYuan: number };
  /** Days after a quarter's end by which its 重大劳动保障违法行为 list is due (人社部令第29号 sets none: our default 15). */
  readonly violationNoticeDueDays: number;
}

export type BlobsConfig =
  | { readonly driver: 'fs'; readonly dir: string }
  | {
      readonly driver: 's3';
      readonly endpoint: string | undefined;
      readonly region: string;
      readonly bucket: string;
      readonly accessKeyId: string | undefined;
      readonly secretAccessKey: string | undefined;
      readonly forcePathStyle: boolean;
      readonly prefix: string;
    };

export interface LedgerConfig {
  /** First line of every checkpoint, a schema-less URL naming this log. */
  readonly origin: string;
  readonly checkpointIntervalSeconds: number;
  /** Also sign checkpoints with SM2 (国密). */
  readonly sm2: boolean;
  /** Base64 of a 32-byte Ed25519 seed; otherwise a key is generated into the data dir. */
  readonly ed25519PrivateKey: string | undefined;
  /** Hex of an SM2 private key; otherwise generated into the data dir when sm2 is on. */
  readonly sm2PrivateKey: string | undefined;
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
  [
    'SANXIANG_DATA_DIR',
    './data',
    'data directory: SQLite file, session secret, ledger keys (keys/), evidence blobs (blobs/), uploads in progress',
  ],
  ['SANXIANG_DATABASE_URL', 'sqlite file <data dir>/sanxiang.db', 'sqlite:<path> or postgres://user@host:port/db'],
  ['SANXIANG_SESSION_SECRET', 'generated into <data dir>/session-secret', 'at least 32 characters; signs CSRF tokens'],
  ['SANXIANG_SESSION_IDLE_MINUTES', '30', 'a session ends after this long without requests'],
  ['SANXIANG_SESSION_ABSOLUTE_HOURS', '12', 'a session ends this long after login, however active'],
  ['SANXIANG_SECURE_COOKIES', 'false', 'true behind HTTPS: cookies get the Secure flag'],
  ['SANXIANG_TRUST_PROXY', 'false', 'true behind a reverse proxy: client address from X-Forwarded-For'],
  ['SANXIANG_LOG_LEVEL', 'info', LOG_LEVELS.join('|')],
  ['SANXIANG_AGENCY_NAME', '行政执法机关', 'root unit name on the first production start'],
  ['SANXIANG_PG_POOL_SIZE', '10', 'PostgreSQL connections per process'],
  ['SANXIANG_BLOB_STORE', 'fs', 'fs (files under <data dir>/blobs) or s3'],
  ['SANXIANG_S3_ENDPOINT', '(AWS default)', 'S3-compatible endpoint URL, e.g. http://minio:9000'],
  ['SANXIANG_S3_REGION', 'us-east-1', 'S3 region'],
  ['SANXIANG_S3_BUCKET', '(required for s3)', 'bucket holding the blobs'],
  ['SANXIANG_S3_PREFIX', 'blobs/', 'key prefix inside the bucket'],
  ['SANXIANG_S3_ACCESS_KEY_ID', '(SDK default chain)', 'S3 access key'],
  ['SANXIANG_S3_SECRET_ACCESS_KEY', '(SDK default chain)', 'S3 secret key'],
  ['SANXIANG_S3_FORCE_PATH_STYLE', 'true', 'path-style addressing (MinIO, Ceph RGW)'],
  ['SANXIANG_UPLOAD_MAX_BYTES', '8589934592 (8 GiB)', 'largest evidence upload'],
  ['SANXIANG_LEDGER_ORIGIN', 'sanxiang.local/ledger', 'checkpoint origin line, e.g. sanxiang.example.gov.cn/ledger'],
  ['SANXIANG_CHECKPOINT_INTERVAL_SECONDS', '10', 'a checkpoint at least this often while there are new entries'],
  ['SANXIANG_LEDGER_SM2', 'false', 'true: checkpoints are also signed with SM2 (国密)'],
  ['SANXIANG_LEDGER_ED25519_PRIVATE_KEY', 'generated into <data dir>/keys', 'base64 of a 32-byte Ed25519 seed'],
  ['SANXIANG_LEDGER_SM2_PRIVATE_KEY', 'generated into <data dir>/keys', 'hex SM2 private key'],
  ['SANXIANG_FIXITY_CRON', '0 3 * * *', 'when stored blobs are re-hashed (Asia/Shanghai)'],
  ['SANXIANG_REVIEW_DAYS', '7', '法制审核期限: working days from a complete submission'],
  ['SANXIANG_REVIEW_EXTENSION_DAYS', '3', 'working days an approved extension of the 法制审核期限 adds'],
  ['SANXIANG_VIOLATION_NOTICE_DUE_DAYS', '15', 'days after a quarter ends by which its 重大劳动保障违法行为 list is due'],
  ['SANXIANG_PUBLICATION_MONTHS', '36', '公示期限: months a published decision stays public'],
  ['SANXIANG_PUBLICATION_MINOR_MONTHS', '3', '公示期限 of a minor penalty (only 警告/通报批评, or a fine up to the next setting)'],
  ['SANXIANG_PUBLICATION_MINOR_FINE_YUAN', '0', 'a fine up to this many yuan counts as minor (0: none)'],
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
    consoleDir: path.join(PROJECT_ROOT, 'console/dist'),
    blobs: parseBlobs(env, dataDir, problems),
    uploadMaxBytes: int('SANXIANG_UPLOAD_MAX_BYTES', 8 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    ledger: {
      origin: parseOrigin(env.SANXIANG_LEDGER_ORIGIN?.trim() || 'sanxiang.local/ledger', problems),
      checkpointIntervalSeconds: int('SANXIANG_CHECKPOINT_INTERVAL_SECONDS', 10, 1, 3600),
      sm2: bool('SANXIANG_LEDGER_SM2', false),
      ed25519PrivateKey: env.SANXIANG_LEDGER_ED25519_PRIVATE_KEY?.trim() || undefined,
      sm2PrivateKey: env.SANXIANG_LEDGER_SM2_PRIVATE_KEY?.trim() || undefined,
    },
    fixityCron: env.SANXIANG_FIXITY_CRON?.trim() || '0 3 * * *',
    reviewDays: {
      period: int('SANXIANG_REVIEW_DAYS', 7, 1, 60),
      extension: int('SANXIANG_REVIEW_EXTENSION_DAYS', 3, 0, 60),
    },
    violationNoticeDueDays: int('SANXIANG_VIOLATION_NOTICE_DUE_DAYS', 15, 1, 90),
    publicationPeriods: {
      months: int('SANXIANG_PUBLICATION_MONTHS', 36, 1, 1200),
      minorMonths: int('SANXIANG_PUBLICATION_MINOR_MONTHS', 3, 1, 1200),
      minorFineYuan: int('SANXIANG_PUBLICATION_MINOR_FINE_YUAN', 0, 0, 1e9),
    },
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

function parseBlobs(env: Env, dataDir: string, problems: string[]): BlobsConfig {
  const driver = env.SANXIANG_BLOB_STORE?.trim() || 'fs';
  if (driver === 'fs') return { driver: 'fs', dir: path.join(dataDir, 'blobs') };
  if (driver !== 's3') {
    problems.push(`SANXIANG_BLOB_STORE=${driver}: expected fs or s3`);
    return { driver: 'fs', dir: path.join(dataDir, 'blobs') };
  }
  const bucket = env.SANXIANG_S3_BUCKET?.trim() ?? '';
  if (bucket === '') problems.push('SANXIANG_S3_BUCKET: required when SANXIANG_BLOB_STORE=s3');
  const endpoint = env.SANXIANG_S3_ENDPOINT?.trim() || undefined;
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) problems.push('SANXIANG_S3_ENDPOINT: expected an http:// or https:// URL');
  const forcePathStyle = env.SANXIANG_S3_FORCE_PATH_STYLE?.trim();
  if (forcePathStyle !== undefined && forcePathStyle !== '' && !['true', 'false'].includes(forcePathStyle)) {
    problems.push('SANXIANG_S3_FORCE_PATH_STYLE: expected true or false');
  }
  return {
    driver: 's3',
    endpoint,
    region: env.SANXIANG_S3_REGION?.trim() || 'us-east-1',
    bucket,
    accessKeyId: env.SANXIANG_S3_ACCESS_KEY_ID?.trim() || undefined,
    secretAccessKey: env.SANXIANG_S3_SECRET_ACCESS_KEY?.trim() || undefined,
    forcePathStyle: forcePathStyle !== 'false',
    prefix: env.SANXIANG_S3_PREFIX?.trim() ?? 'blobs/',
  };
}

/** A checkpoint origin is one line naming the log: no spaces, no control characters. */
function parseOrigin(origin: string, problems: string[]): string {
  if (!/^[\x21-\x7e]+$/.test(origin))
    problems.push('SANXIANG_LEDGER_ORIGIN: one token of printable ASCII, e.g. sanxiang.example.gov.cn/ledger');
  return origin;
}
