import type { Kysely } from 'kysely';

// Frozen once shipped. 重大劳动保障违法行为社会公布 (人社部令第29号): entries derived from decided cases and
// the quarterly batches that publish them (hash of the published list, ledger index).
export function violationNotices() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('violation_notice_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('quarter', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('entry_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('compiled_at', 'text', (c) => c.notNull())
        .addColumn('compiled_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'text')
        .addColumn('list_sha256', 'text')
        .addColumn('ledger_index', 'bigint')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('violation_notice_batches_quarter', ['year', 'quarter'])
        .execute();

      await db.schema
        .createTable('violation_notice_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('party_id', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('decided_on', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('subject_name', 'text', (c) => c.notNull())
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('responsible_person', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('handling', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('excluded_reason', 'text')
        .addColumn('batch_id', 'text', (c) => c.references('violation_notice_batches.id'))
        .addColumn('removed_reason', 'text')
        .addColumn('removed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('violation_notice_entries_party', ['case_id', 'party_id'])
        .execute();
      await db.schema
        .createIndex('violation_notice_entries_state')
        .on('violation_notice_entries')
        .columns(['state', 'decided_on'])
        .execute();
      await db.schema.createIndex('violation_notice_entries_batch').on('violation_notice_entries').column('batch_id').execute();
    },
  };
}
