import type { Kysely } from 'kysely';

// Frozen once shipped. The working-day calendar: one row per year's State Council schedule
// (draft → approved) and one per special day (holiday or 调休 working day) as a YYYY-MM-DD string.
export function calendar() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('calendar_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notice_number', 'text', (c) => c.notNull())
        .addColumn('notice_url', 'text')
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('approved_by', 'text')
        .addColumn('approved_at', 'text')
        .execute();

      await db.schema
        .createTable('calendar_days')
        .addColumn('date', 'text', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('calendar_days_year').on('calendar_days').column('year').execute();
    },
  };
}
