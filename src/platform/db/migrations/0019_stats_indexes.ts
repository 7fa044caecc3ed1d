import type { Kysely } from 'kysely';

// Frozen once shipped. 统计分析 reads periods: cases by the day received, steps (decisions, AV-checked steps)
// by the day performed, publications by the decision day, 法制审核 rounds by submission; without these the
// dashboard scans whole tables however short the period.
export function statsIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('cases_received_on').on('cases').column('received_on').execute();
      await db.schema.createIndex('case_steps_performed').on('case_steps').columns(['performed_on', 'action']).execute();
      await db.schema.createIndex('publications_decided_on').on('publications').column('decided_on').execute();
      await db.schema.createIndex('review_rounds_submitted').on('review_rounds').column('submitted_at').execute();
    },
  };
}
