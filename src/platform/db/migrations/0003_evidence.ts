import type { Kysely } from 'kysely';

// Frozen once shipped. Evidence records (content lives in the blob store, addressed by sha256) and
// the locks that let several processes share tus uploads.
export function evidence() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('sm3', 'text', (c) => c.notNull())
        .addColumn('sensitivity', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('device', 'text')
        .addColumn('officers', 'text')
        .addColumn('place', 'text')
        .addColumn('case_id', 'text')
        .addColumn('step_id', 'text')
        .addColumn('description', 'text')
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evidence_unit').on('evidence').column('unit_id').execute();
      await db.schema.createIndex('evidence_sha256').on('evidence').column('sha256').execute();
      await db.schema.createIndex('evidence_case').on('evidence').column('case_id').execute();

      await db.schema
        .createTable('upload_locks')
        .addColumn('upload_id', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('release_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
