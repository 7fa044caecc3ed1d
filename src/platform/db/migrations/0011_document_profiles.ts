import type { Kysely } from 'kysely';

// Frozen once shipped. 文书固定信息 per unit: the 联系人/联系电话/联系地址, the fine collection account and
// the 救济途径 printed on its 执法文书, as one JSON object (parts missing here come from an ancestor unit).
export function documentProfiles() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('document_unit_profiles')
        .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
