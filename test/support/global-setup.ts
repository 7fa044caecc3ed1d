import pg from 'pg';
import { PG_ADMIN_URL } from './pg-url.js';

/**
 * Runs once before all test files: finds out whether PostgreSQL answers. Under CI=true an
 * unreachable server fails the run; locally its tests are skipped with a loud warning.
 */
export default async function setup({ provide }: { provide: (key: 'postgresAvailable', value: boolean) => void }): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  let available = false;
  try {
    await client.connect();
    await client.query('select 1');
    available = true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') throw new Error(`PostgreSQL at ${PG_ADMIN_URL} is unreachable and CI=true: ${reason}`);
    console.warn(`\n⚠ PostgreSQL at ${PG_ADMIN_URL} is unreachable (${reason}); PostgreSQL tests are SKIPPED.\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
  provide('postgresAvailable', available);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean;
  }
}
