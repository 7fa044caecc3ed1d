import type { Kysely } from 'kysely';

// Frozen once shipped. 事后公开 (ADR 0006, first slice): a publication per issued decision document
// and its published versions (redacted text, the list of redactions, hashes, ledger index).
export function publications() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('publications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull().unique().references('documents.id'))
        .addColumn('document_type', 'text', (c) => c.notNull())
        .addColumn('document_number', 'text')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('decided_on', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('blocked_reason', 'text')
        .addColumn('withdrawn_reason', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('publications_state').on('publications').columns(['state', 'due_on']).execute();
      // The draft sync reads the newest draft's creation time to look only at documents issued since.
      await db.schema.createIndex('publications_created').on('publications').column('created_at').execute();

      await db.schema
        .createTable('publication_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('redactions', 'text', (c) => c.notNull())
        .addColumn('original_sha256', 'text', (c) => c.notNull())
        .addColumn('text_sha256', 'text', (c) => c.notNull())
        .addColumn('change_note', 'text')
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('ledger_index', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('publication_versions_no', ['publication_id', 'version'])
        .execute();
      await db.schema.createIndex('publication_versions_published').on('publication_versions').column('published_at').execute();
    },
  };
}
