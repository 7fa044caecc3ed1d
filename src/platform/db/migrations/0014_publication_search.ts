import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

// Frozen once shipped. 事后公开, second slice (ADR 0006): the public search index, the columns the
// portal filters and sorts by, publication periods and withdrawals after a decision is revoked.
export function publicationSearch(dialect: DialectName) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const addText = (table: string, column: string) => db.schema.alterTable(table).addColumn(column, 'text').execute();
      // The current version's publication time, so the public list sorts on one indexed table.
      await addText('publications', 'published_at');
      // 公示期满: the day the decision leaves public view (policy, set when published).
      await addText('publications', 'expires_on');
      // The decision was revoked, changed, found unlawful or void (行政处罚法 §48): the day it was recorded and the
      // 3-working-day withdrawal deadline that follows.
      await addText('publications', 'revoked_on');
      await addText('publications', 'withdrawal_due_on');
      await db.schema.createIndex('publications_public').on('publications').columns(['state', 'published_at']).execute();
      await db.schema.createIndex('publications_expiry').on('publications').columns(['state', 'expires_on']).execute();
      // The portal's year filter and its list of years (the first and the last decision date).
      await db.schema.createIndex('publications_decided').on('publications').columns(['state', 'decided_on']).execute();
      await db.schema.createIndex('publications_case').on('publications').column('case_id').execute();
      // What the person confirmed, on the issued text (staff only): a correction starts from it.
      await addText('publication_versions', 'confirmed');
      await addText('publication_versions', 'source_text_sha256');

      // The case module records the revocation; publications reads the few revoked cases through this index.
      await addText('cases', 'decision_revoked_on');
      await db.schema.createIndex('cases_decision_revoked').on('cases').column('decision_revoked_on').execute();

      // One row per publicly visible decision: its current published text. SQLite: FTS5 with the trigram
      // tokenizer (phrases of three characters and more); PostgreSQL: pg_trgm's GIN index serves ILIKE.
      if (dialect === 'sqlite') {
        await sql`create virtual table publication_search using fts5(publication_id unindexed, text, tokenize = 'trigram')`.execute(db);
      } else {
        await sql`create extension if not exists pg_trgm`.execute(db);
        // The filter and order columns are repeated here so a search reads this one table: PostgreSQL cannot
        // estimate how many rows a phrase matches, so a common phrase is read in publication order instead.
        await db.schema
          .createTable('publication_search')
          .addColumn('publication_id', 'text', (c) => c.primaryKey().references('publications.id'))
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text', (c) => c.notNull())
          .addColumn('unit_path', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('decided_on', 'text', (c) => c.notNull())
          .execute();
        await sql`create index publication_search_text on publication_search using gin (text gin_trgm_ops)`.execute(db);
        await db.schema
          .createIndex('publication_search_published')
          .on('publication_search')
          .columns(['published_at', 'publication_id'])
          .execute();
      }
    },
  };
}
