import type { Kysely } from 'kysely';

// Frozen once shipped. 执法人员 (the internal register with training records) and the published
// 执法人员清单: change batches reviewed by the justice bureau, and every published version kept whole.
export function officers() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('officers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('certificate_no', 'text', (c) => c.notNull().unique())
        .addColumn('issuing_authority', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('legal_qualification', 'text', (c) => c.notNull())
        .addColumn('legal_qualification_no', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('officers_unit').on('officers').column('unit_id').execute();
      await db.schema.createIndex('officers_valid_to').on('officers').column('valid_to').execute();

      await db.schema
        .createTable('officer_trainings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('hours', 'double precision', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('officer_trainings_officer').on('officer_trainings').column('officer_id').execute();

      await db.schema
        .createTable('roster_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('version', 'integer')
        .addColumn('publish_deadline', 'text')
        .execute();
      await db.schema.createIndex('roster_batches_status').on('roster_batches').column('status').execute();

      await db.schema
        .createTable('roster_batch_items')
        .addColumn('batch_id', 'text', (c) => c.notNull().references('roster_batches.id'))
        .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entry', 'text')
        .addPrimaryKeyConstraint('roster_batch_items_pk', ['batch_id', 'officer_id'])
        .execute();
      await db.schema.createIndex('roster_batch_items_officer').on('roster_batch_items').column('officer_id').execute();

      await db.schema
        .createTable('roster_versions')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('batch_id', 'text', (c) => c.notNull().unique().references('roster_batches.id'))
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('publish_deadline', 'text')
        .addColumn('entry_count', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('roster_entries')
        .addColumn('version', 'integer', (c) => c.notNull().references('roster_versions.version'))
        .addColumn('officer_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('certificate_no', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('roster_entries_pk', ['version', 'officer_id'])
        .execute();
      await db.schema.createIndex('roster_entries_certificate').on('roster_entries').columns(['certificate_no', 'version']).execute();
    },
  };
}
