import { type Kysely, sql } from 'kysely';

// Frozen once shipped. Every event gets a ledger index; the Merkle tree's perfect-subtree nodes and
// every signed checkpoint are stored.
export function ledger() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('events').addColumn('ledger_index', 'bigint').execute();
      // SHA-256 of the stored content an event refers to, as a JSON array: part of its ledger entry.
      await db.schema
        .alterTable('events')
        .addColumn('blobs', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema.createIndex('events_ledger_index').on('events').column('ledger_index').unique().execute();
      await db.schema
        .createTable('ledger_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into ledger_state (id, size) values (1, 0)`.execute(db);
      await db.schema
        .createTable('ledger_nodes')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('idx', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ledger_nodes_pk', ['level', 'idx'])
        .execute();
      await db.schema
        .createTable('ledger_checkpoints')
        .addColumn('size', 'bigint', (c) => c.primaryKey())
        .addColumn('root_hash', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
