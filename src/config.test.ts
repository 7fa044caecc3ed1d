import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults: port 3000 on 127.0.0.1, SQLite in ./data', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/app/data', logLevel: 'info', sessionIdleMinutes: 30 });
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.join('/srv/app/data', 'sanxiang.db') });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('selects PostgreSQL from a postgres:// URL and SQLite from sqlite:', () => {
    expect(loadConfig({ SANXIANG_DATABASE_URL: 'postgres://u@db:5432/sx' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@db:5432/sx',
      poolSize: 10,
    });
    expect(loadConfig({ SANXIANG_DATABASE_URL: 'postgres://u@db/sx', SANXIANG_PG_POOL_SIZE: '3' }).database).toMatchObject({ poolSize: 3 });
    expect(loadConfig({ SANXIANG_DATABASE_URL: 'sqlite:./x.db' }, '/w').database).toEqual({ dialect: 'sqlite', file: '/w/x.db' });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        SANXIANG_DATABASE_URL: 'mysql://x',
        SANXIANG_SESSION_SECRET: 'short',
        SANXIANG_LOG_LEVEL: 'loud',
        SANXIANG_SECURE_COOKIES: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT=eighty/);
    expect(problems.join('\n')).toMatch(/SANXIANG_DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/SANXIANG_SESSION_SECRET/);
    expect(problems.join('\n')).toMatch(/SANXIANG_LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/SANXIANG_SECURE_COOKIES/);
  });

  it('reads the 法制审核 period and its extension, within bounds', () => {
    expect(loadConfig({}).reviewDays).toEqual({ period: 7, extension: 3 });
    expect(loadConfig({ SANXIANG_REVIEW_DAYS: '10', SANXIANG_REVIEW_EXTENSION_DAYS: '0' }).reviewDays).toEqual({
      period: 10,
      extension: 0,
    });
    expect(() => loadConfig({ SANXIANG_REVIEW_DAYS: '0' })).toThrow(/SANXIANG_REVIEW_DAYS/);
  });

  it('rejects a PostgreSQL URL without a database name', () => {
    expect(() => loadConfig({ SANXIANG_DATABASE_URL: 'postgres://u@db:5432' })).toThrow(/must name a database/);
  });
});
