import { type Kysely, sql } from 'kysely';

// Frozen once shipped. 执法事项 (权责清单): items and their immutable published versions.
export function catalog() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('catalog_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('catalog_item_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_items.id'))
        .addColumn('version_no', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'text')
        .addUniqueConstraint('catalog_item_versions_item_no', ['item_id', 'version_no'])
        .execute();
      // At most one current (published) version and one open draft per item.
      await db.schema
        .createIndex('catalog_item_versions_one_published')
        .on('catalog_item_versions')
        .column('item_id')
        .unique()
        .where(sql.ref('status'), '=', 'published')
        .execute();
      await db.schema
        .createIndex('catalog_item_versions_one_draft')
        .on('catalog_item_versions')
        .column('item_id')
        .unique()
        .where(sql.ref('status'), '=', 'draft')
        .execute();
      await db.schema.createIndex('catalog_item_versions_status').on('catalog_item_versions').columns(['status', 'category']).execute();
    },
  };
}
