import type { Kysely } from 'kysely';

// Frozen once shipped. 执法文书: issued documents (immutable rows; the .docx lives in the blob store),
// gap-free 文号 counters per unit, type and year, and each unit's 文号 prefix.
export function documents() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('number_year', 'integer')
        .addColumn('number_seq', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('supersedes_id', 'text', (c) => c.references('documents.id'))
        .addColumn('superseded_by', 'text')
        .addColumn('superseded_at', 'text')
        .addColumn('document_date', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('sm3', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('issued_by_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_case').on('documents').columns(['case_id', 'issued_at']).execute();
      await db.schema.createIndex('documents_unit').on('documents').column('unit_id').execute();
      // A document is corrected at most once (the correction is corrected in turn).
      await db.schema.createIndex('documents_supersedes').on('documents').column('supersedes_id').unique().execute();
      // One document per 文号 and version: a second use of a number is refused by the database too.
      await db.schema
        .createIndex('documents_number')
        .on('documents')
        .columns(['unit_id', 'type', 'number_year', 'number_seq', 'version'])
        .unique()
        .execute();

      await db.schema
        .createTable('document_counters')
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_counters_pk', ['unit_id', 'type', 'year'])
        .execute();

      await db.schema
        .createTable('document_number_prefixes')
        .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
