import type { Kysely } from 'kysely';

// Frozen once shipped. 案件: a case, its parties and officers, and every step taken (the text record of
// 执法全过程记录). Details that vary by step live in JSON text; what lists filter on has a column.
export function cases() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('case_counters')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_no', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('procedure', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('item_version_id', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('filed_on', 'text')
        .addColumn('closed_on', 'text')
        .addColumn('next_deadline', 'text')
        .addColumn('review_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_unit_stage').on('cases').columns(['unit_path', 'stage']).execute();
      await db.schema.createIndex('cases_next_deadline').on('cases').column('next_deadline').execute();

      await db.schema
        .createTable('case_parties')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('id_no', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_parties_case').on('case_parties').column('case_id').execute();
      await db.schema.createIndex('case_parties_id_no').on('case_parties').column('id_no').execute();

      await db.schema
        .createTable('case_officers')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_officers_pk', ['case_id', 'officer_id'])
        .execute();

      await db.schema
        .createTable('case_steps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('stage_after', 'text', (c) => c.notNull())
        .addColumn('performed_on', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('case_steps_case_seq', ['case_id', 'seq'])
        .execute();

      await db.schema
        .createTable('case_payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('paid_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
