import { type Kysely, sql } from 'kysely';

// Frozen once shipped. 统计分析 reads periods: cases by the day received and the day decided, AV-checked
// steps by the day performed, publications by the decision day, 法制审核 rounds by submission; without these the
// dashboard scans whole tables however short the period. The period indexes also carry every column the
// dashboard's queries read (and the unit path they filter on), so PostgreSQL answers from the index alone
// instead of visiting a heap page per row: the rows of a period are spread over the whole table.
export function statsIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Which steps the 音像记录事项清单 gate checked (recorded | exception; null: not checked), kept as a column
      // so the dashboard counts them from an index instead of matching the JSON of every step of the period.
      // Each step also repeats its case's unit, unit path and 执法事项 (fixed once a case is registered), and
      // each case the day it was decided: the dashboard then counts steps and decisions without joining the
      // steps of a period to the cases, which on PostgreSQL meant reading every case (a million) each time.
      // The cases module writes them with each step and decision; existing rows are filled here (step data
      // is canonical JSON.stringify output, where `"itemStep":` and `"avException":` occur only as keys).
      await db.schema.alterTable('case_steps').addColumn('av_check', 'text').execute();
      for (const column of ['unit_id', 'unit_path', 'item_code']) {
        await db.schema
          .alterTable('case_steps')
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
      }
      await db.schema.alterTable('cases').addColumn('decided_on', 'text').execute();
      await sql`update case_steps set av_check = case when data like '%"avException":%' then 'exception' else 'recorded' end
        where data like '%"itemStep":%'`.execute(db);
      await sql`update case_steps set unit_id = cases.unit_id, unit_path = cases.unit_path, item_code = cases.item_code
        from cases where cases.id = case_steps.case_id`.execute(db);
      await sql`update cases set decided_on = case_steps.performed_on
        from case_steps where case_steps.case_id = cases.id and case_steps.action in ('decide', 'on_the_spot')`.execute(db);

      await db.schema
        .createIndex('cases_received_on')
        .on('cases')
        .columns(['received_on', 'unit_path', 'unit_id', 'item_code', 'closed_on', 'next_deadline', 'stage', 'source', 'procedure'])
        .execute();
      await db.schema
        .createIndex('cases_decided_on')
        .on('cases')
        .columns(['decided_on', 'unit_path', 'unit_id', 'item_code', 'procedure', 'filed_on'])
        .execute();
      await db.schema
        .createIndex('case_steps_av')
        .on('case_steps')
        .columns(['performed_on', 'unit_path', 'unit_id', 'item_code', 'case_id', 'av_check'])
        .where(sql.ref('av_check'), 'is not', null)
        .execute();
      await db.schema
        .createIndex('publications_decided_on')
        .on('publications')
        .columns(['decided_on', 'unit_path', 'unit_id', 'due_on', 'state', 'id'])
        .execute();
      // The first version's publication time, for 公开时效 (a correction adds versions, never changes the first).
      await db.schema
        .createIndex('publication_versions_first')
        .on('publication_versions')
        .columns(['publication_id', 'published_at'])
        .where(sql.ref('version'), '=', 1)
        .execute();
      await db.schema.createIndex('review_rounds_submitted').on('review_rounds').column('submitted_at').execute();
    },
  };
}
