import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { PG_ADMIN_URL } from '../../../test/support/pg-url.js';
import { ensurePostgresDatabase } from './create-database.js';

describe.runIf(inject('postgresAvailable'))('ensurePostgresDatabase', () => {
  it('creates a missing database with UTF-8 encoding and ctype, once', async () => {
    const name = `sx_create_${randomBytes(4).toString('hex')}`;
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      expect(await ensurePostgresDatabase(url.toString())).toBe(true);
      expect(await ensurePostgresDatabase(url.toString())).toBe(false);
      const { rows } = await admin.query<{ enc: string; ctype: string }>(
        'SELECT pg_encoding_to_char(encoding) AS enc, datctype AS ctype FROM pg_database WHERE datname = $1',
        [name],
      );
      expect(rows).toEqual([{ enc: 'UTF8', ctype: 'C.UTF-8' }]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('refuses names that would need quoting tricks', async () => {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${encodeURIComponent('x"; DROP DATABASE test; --')}`;
    await expect(ensurePostgresDatabase(url.toString())).rejects.toThrow(/will not create/);
  });
});
