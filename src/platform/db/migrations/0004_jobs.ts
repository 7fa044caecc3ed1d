import type { Kysely } from 'kysely';

// Frozen once shipped. One row per (job, scheduled time): the process that inserts it runs it, so a
// job runs once per slot however many processes share the database.
export function jobs() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('job_runs')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('outcome', 'text')
        .addPrimaryKeyConstraint('job_runs_pk', ['name', 'slot'])
        .execute();
    },
  };
}
