import type { Kysely } from 'kysely';

// Frozen once shipped. 行政执法统计年报: a report per year (figures as canonical JSON with their hash)
// and each unit's confirmation or return of its own figures.
export function annualReports() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('annual_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull().unique())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('figures_sha256', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('compiled_at', 'text')
        .addColumn('compiled_by', 'text')
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'text')
        .addColumn('ledger_index', 'bigint')
        .execute();

      await db.schema
        .createTable('annual_report_units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('figures_sha256', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_by_name', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('annual_report_units_unit', ['report_id', 'unit_id'])
        .execute();
    },
  };
}
