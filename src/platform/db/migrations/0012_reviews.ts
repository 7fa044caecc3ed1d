import type { Kysely } from 'kysely';

// Frozen once shipped. 重大执法决定法制审核: a review per case decision, its rounds (each a frozen
// submission package with the reviewer's checklist and opinion), and 法律顾问 consultations.
export function reviews() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('case_title', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
        .addColumn('round_no', 'integer', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('settlement', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reviews_state').on('reviews').columns(['state', 'due_on']).execute();
      await db.schema.createIndex('reviews_reviewer').on('reviews').columns(['reviewer_id', 'state']).execute();

      await db.schema
        .createTable('review_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
        .addColumn('round_no', 'integer', (c) => c.notNull())
        .addColumn('package', 'text', (c) => c.notNull())
        .addColumn('package_sha256', 'text', (c) => c.notNull())
        .addColumn('attestation', 'text', (c) => c.notNull())
        .addColumn('answers', 'text')
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('conclusion', 'text')
        .addColumn('opinion', 'text')
        .addColumn('opinion_document_id', 'text')
        .addColumn('concluded_at', 'text')
        .addColumn('concluded_by', 'text')
        .addUniqueConstraint('review_rounds_no', ['review_id', 'round_no'])
        .execute();

      await db.schema
        .createTable('review_consultations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id'))
        .addColumn('round_no', 'integer', (c) => c.notNull())
        .addColumn('adviser', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('asked_at', 'text', (c) => c.notNull())
        .addColumn('asked_by', 'text', (c) => c.notNull())
        .addColumn('reply', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('recorded_by', 'text')
        .execute();
    },
  };
}
