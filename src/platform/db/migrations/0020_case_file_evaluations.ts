import type { Kysely } from 'kysely';

// Frozen once shipped. 案卷评查 (issue 9 item 5): versioned scoring sheets, rounds that sample archived case
// files (with the sheet copied in, and the draw's seed), and one evaluation per sampled file.
export function caseFileEvaluations() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('evaluation_sheets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull().unique())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('evaluation_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('sample_kind', 'text', (c) => c.notNull())
        .addColumn('sample_value', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('unit_path', 'text')
        .addColumn('sheet_version', 'integer', (c) => c.notNull())
        .addColumn('sheet', 'text', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('population', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_by', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('evaluation_rounds_created').on('evaluation_rounds').column('created_at').execute();

      await db.schema
        .createTable('case_file_evaluations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('round_id', 'text', (c) => c.notNull().references('evaluation_rounds.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('case_file_id', 'text', (c) => c.notNull().references('case_files.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('archive_no', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('officers', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('scores', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text')
        .addColumn('reviewer_name', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addUniqueConstraint('case_file_evaluations_round_file', ['round_id', 'case_file_id'])
        .addUniqueConstraint('case_file_evaluations_round_position', ['round_id', 'position'])
        .execute();
      await db.schema.createIndex('case_file_evaluations_file').on('case_file_evaluations').column('case_file_id').execute();
    },
  };
}
