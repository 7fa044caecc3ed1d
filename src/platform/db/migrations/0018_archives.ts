import type { Kysely } from 'kysely';

// Frozen once shipped. 归档 (issue 9): accepted case files (案卷) with their ordered items and appended
// supplements, the 四性检测 reports, and the 销毁清单 that alone may dispose of a file's content.
export function archives() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('case_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('case_no', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('archive_no', 'text', (c) => c.notNull().unique())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('retention', 'text', (c) => c.notNull())
        .addColumn('retention_until', 'text')
        .addColumn('retention_bases', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer', (c) => c.notNull())
        .addColumn('item_count', 'integer', (c) => c.notNull())
        .addColumn('closed_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('legal_hold', 'text')
        .addColumn('accepted_by', 'text', (c) => c.notNull())
        .addColumn('accepted_by_name', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text', (c) => c.notNull())
        .addColumn('disposal_list_id', 'text')
        .addColumn('disposed_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('case_files_year_seq', ['year', 'retention', 'seq'])
        .execute();
      await db.schema
        .createTable('case_file_counters')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('retention', 'text', (c) => c.notNull())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_file_counters_pk', ['year', 'retention'])
        .execute();
      await db.schema.createIndex('case_files_state').on('case_files').columns(['state', 'retention_until']).execute();

      await db.schema
        .createTable('case_file_items')
        .addColumn('case_file_id', 'text', (c) => c.notNull().references('case_files.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('number', 'text')
        .addColumn('responsible', 'text', (c) => c.notNull())
        .addColumn('item_date', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer')
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('supplement', 'integer', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_file_items_pk', ['case_file_id', 'position'])
        .addUniqueConstraint('case_file_items_ref', ['case_file_id', 'kind', 'ref_id'])
        .execute();

      await db.schema
        .createTable('case_file_supplements')
        .addColumn('case_file_id', 'text', (c) => c.notNull().references('case_files.id'))
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_file_supplements_pk', ['case_file_id', 'no'])
        .execute();

      await db.schema
        .createTable('archive_checks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_file_id', 'text', (c) => c.references('case_files.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('passed', 'integer', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('checked_by', 'text', (c) => c.notNull())
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('archive_checks_case').on('archive_checks').columns(['case_id', 'checked_at']).execute();

      await db.schema
        .createTable('disposal_lists')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('list_no', 'text', (c) => c.notNull().unique())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('approved_by', 'text')
        .addColumn('approved_by_name', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('approval_ref', 'text')
        .addColumn('decision_opinion', 'text')
        .addColumn('executed_by', 'text')
        .addColumn('executed_at', 'text')
        .addColumn('blobs_disposed', 'integer')
        .execute();
      await db.schema
        .createTable('disposal_list_files')
        .addColumn('list_id', 'text', (c) => c.notNull().references('disposal_lists.id'))
        .addColumn('case_file_id', 'text', (c) => c.notNull().references('case_files.id'))
        .addPrimaryKeyConstraint('disposal_list_files_pk', ['list_id', 'case_file_id'])
        .execute();
    },
  };
}
