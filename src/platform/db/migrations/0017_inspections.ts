import type { Kysely } from 'kysely';

// Frozen once shipped. 双随机、一公开: the item list (versioned), the directory of inspected entities and
// its imports, declared conflicts of interest, plans with their frozen snapshots and draws, and tasks.
export function inspections() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('inspection_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('version_no', 'integer', (c) => c.notNull())
        .addColumn('current', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('change_note', 'text')
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('ledger_index', 'bigint')
        .addUniqueConstraint('inspection_items_version', ['code', 'version_no'])
        .execute();
      await db.schema.createIndex('inspection_items_current').on('inspection_items').columns(['current', 'code']).execute();

      await db.schema
        .createTable('inspection_entity_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_written', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('summary', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();

      await db.schema
        .createTable('inspection_entities')
        .addColumn('uscc', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('legal_representative', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('industry', 'text', (c) => c.notNull())
        .addColumn('size', 'text', (c) => c.notNull())
        .addColumn('risk_class', 'text', (c) => c.notNull())
        .addColumn('contact', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('import_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inspection_entities_filter')
        .on('inspection_entities')
        .columns(['active', 'region', 'industry', 'risk_class'])
        .execute();
      await db.schema.createIndex('inspection_entities_name').on('inspection_entities').column('name').execute();

      await db.schema
        .createTable('inspection_conflicts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
        .addColumn('entity_uscc', 'text', (c) => c.notNull().references('inspection_entities.uscc'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addColumn('declared_by', 'text', (c) => c.notNull())
        .addColumn('withdrawn_at', 'text')
        .addColumn('withdrawn_by', 'text')
        .execute();
      await db.schema
        .createIndex('inspection_conflicts_officer')
        .on('inspection_conflicts')
        .columns(['officer_id', 'entity_uscc'])
        .execute();

      await db.schema
        .createTable('inspection_plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('commitment', 'text')
        .addColumn('secret', 'text')
        .addColumn('population_count', 'integer')
        .addColumn('population_sha256', 'text')
        .addColumn('announced_at', 'text')
        .addColumn('announced_by', 'text')
        .addColumn('announce_ledger_index', 'bigint')
        .addColumn('drawn_at', 'text')
        .addColumn('drawn_by', 'text')
        .addColumn('draw_ledger_index', 'bigint')
        .addColumn('target_count', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inspection_plans_state').on('inspection_plans').columns(['state', 'announced_at']).execute();

      // The frozen inputs (population, inspectors, conflicts) and, after the draw, values and result:
      // one row per plan, apart from the plan so lists never read megabytes of snapshot.
      await db.schema
        .createTable('inspection_snapshots')
        .addColumn('plan_id', 'text', (c) => c.primaryKey().references('inspection_plans.id'))
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .execute();

      await db.schema
        .createTable('inspection_tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('plan_id', 'text', (c) => c.notNull().references('inspection_plans.id'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('entity_uscc', 'text', (c) => c.notNull())
        .addColumn('entity_name', 'text', (c) => c.notNull())
        .addColumn('stratum', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('unfilled', 'integer', (c) => c.notNull())
        .addColumn('recusals', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('team', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('inspected_from', 'text')
        .addColumn('inspected_to', 'text')
        .addColumn('result', 'text')
        .addColumn('findings', 'text')
        .addColumn('publish_due', 'text')
        .addColumn('published_at', 'text')
        .addColumn('inspection_case_id', 'text', (c) => c.references('cases.id'))
        .addColumn('case_id', 'text', (c) => c.references('cases.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('inspection_tasks_target', ['plan_id', 'entity_uscc'])
        .execute();
      await db.schema.createIndex('inspection_tasks_state').on('inspection_tasks').columns(['state', 'publish_due']).execute();
      await db.schema.createIndex('inspection_tasks_published').on('inspection_tasks').column('published_at').execute();
    },
  };
}
