import type { Kysely } from 'kysely';

// Frozen once shipped. The catalogue holds more than 执法事项: 裁量基准, 音像记录事项, 法制审核目录 rules and
// 岗位职责公示牌 share the same item/version model, told apart by `kind`; `ref_code` is the related
// 执法事项 code (benchmarks, AV rules) so lists can be filtered by item.
export function catalogKinds() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('catalog_items')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('item'))
        .execute();
      await db.schema.createIndex('catalog_items_kind_code').on('catalog_items').columns(['kind', 'code']).execute();
      await db.schema.alterTable('catalog_item_versions').addColumn('ref_code', 'text').execute();
      await db.schema.createIndex('catalog_item_versions_ref_code').on('catalog_item_versions').column('ref_code').execute();
    },
  };
}
