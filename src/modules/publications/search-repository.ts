import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { dialectOf, escapeLike, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';

// The public list and search of published decisions (ADR 0006). SQLite: the FTS5 trigram table drives a
// search in its rowid order, which is publication order (a row is written when its text is published),
// so a page is read without collecting every match; words under three characters are LIKE over the same
// rows. PostgreSQL: ILIKE over the search table, served by pg_trgm's GIN index. A search counts its
// matches only up to SEARCH_COUNT_CAP: beyond that "more than" is what a reader needs, and an exact
// count of a common phrase would cost more than the page.

export const SEARCH_COUNT_CAP = 1000;

export interface PublicFilter {
  /** Words to find in the published text (each must occur). */
  terms: readonly string[];
  unitPathPrefix?: string;
  category?: string;
  year?: number;
  offset: number;
  limit: number;
}

export interface PublishedRow {
  id: string;
  unit_id: string;
  category: string;
  version: number;
  summary: string;
  published_at: string;
}

const trigramPhrase = (term: string) => `"${term.toLowerCase().replaceAll('"', '""')}"`;
const likePattern = (term: string) => `%${escapeLike(term.toLowerCase())}%`;

/** The filters as one condition on the publications table, whatever else the query joins. */
function filters(f: PublicFilter) {
  const column = (name: string) => sql.ref(`publications.${name}`);
  const parts = [sql<boolean>`${column('state')} = ${'published'}`];
  if (f.unitPathPrefix !== undefined) parts.push(startsWith('publications.unit_path', f.unitPathPrefix));
  if (f.category !== undefined) parts.push(sql<boolean>`${column('category')} = ${f.category}`);
  if (f.year !== undefined) {
    parts.push(
      sql<boolean>`${column('decided_on')} >= ${`${f.year}-01-01`}`,
      sql<boolean>`${column('decided_on')} < ${`${f.year + 1}-01-01`}`,
    );
  }
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** The rows of one page and the number of matches (exact without words, capped with them). */
export async function listPublishedRows(
  db: Kysely<Database>,
  f: PublicFilter,
  cap = SEARCH_COUNT_CAP,
): Promise<{ rows: PublishedRow[]; total: number; capped: boolean }> {
  if (f.terms.length === 0) return listAll(db, f);
  return dialectOf(db) === 'postgres' ? searchPostgres(db, f, cap) : searchSqlite(db, f, cap);
}

const VERSION_JOIN = ['v.publication_id', '=', 'publications.id'] as const;

async function listAll(db: Kysely<Database>, f: PublicFilter) {
  const rows = await db
    .selectFrom('publications')
    .where(filters(f))
    .innerJoin('publication_versions as v', (join) => join.onRef(...VERSION_JOIN).onRef('v.version', '=', 'publications.current_version'))
    .select(['publications.id', 'publications.unit_id', 'publications.category', 'v.version', 'v.summary', 'v.published_at'])
    .orderBy('publications.published_at', 'desc')
    .orderBy('publications.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await db
    .selectFrom('publications')
    .where(filters(f))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n), capped: false };
}

/** Counts at most cap + 1 rows of `matches`: true in `capped` when there were more than the cap. */
async function cappedCount<TB extends keyof Database>(
  db: Kysely<Database>,
  matches: SelectQueryBuilder<Database, TB, { one: number }>,
  cap: number,
) {
  const row = await db
    .selectFrom(matches.limit(cap + 1).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { total: Math.min(n, cap), capped: n > cap };
}

async function searchSqlite(db: Kysely<Database>, f: PublicFilter, cap: number) {
  const long = f.terms.filter((t) => [...t].length >= 3);
  const short = f.terms.filter((t) => [...t].length < 3);
  const base = () => {
    let q = db
      .selectFrom('publication_search')
      .innerJoin('publications', 'publications.id', 'publication_search.publication_id')
      .where(filters(f));
    if (long.length > 0) q = q.where(sql<boolean>`publication_search match ${long.map(trigramPhrase).join(' AND ')}`);
    for (const term of short) q = q.where(sql<boolean>`publication_search.text like ${likePattern(term)} escape '\\'`);
    return q;
  };
  const page = await base()
    .select(['publications.id'])
    .orderBy(sql`publication_search.rowid`, 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await cappedCount(db, base().select(sql<number>`1`.as('one')), cap);
  return {
    rows: await withVersions(
      db,
      page.map((r) => r.id),
    ),
    ...count,
  };
}

/** The filters on the search table's own copies of the publication's columns (PostgreSQL). */
function searchFilters(f: PublicFilter) {
  const column = (name: string) => sql.ref(`publication_search.${name}`);
  const parts = f.terms.map((t) => sql<boolean>`${column('text')} like ${likePattern(t)} escape '\\'`);
  if (f.unitPathPrefix !== undefined) parts.push(startsWith('publication_search.unit_path', f.unitPathPrefix));
  if (f.category !== undefined) parts.push(sql<boolean>`${column('category')} = ${f.category}`);
  if (f.year !== undefined) {
    parts.push(
      sql<boolean>`${column('decided_on')} >= ${`${f.year}-01-01`}`,
      sql<boolean>`${column('decided_on')} < ${`${f.year + 1}-01-01`}`,
    );
  }
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** Rows read per step when walking the decisions in publication order. */
const WALK = 1000;

/**
 * PostgreSQL: the trigram index finds the matches of a phrase, but the planner cannot tell whether a
 * phrase matches ten decisions or half of them. So the capped count comes first (it stops at the cap):
 * under the cap, the matches are few and are sorted; at the cap, at least one decision in a hundred
 * matches, so walking the decisions newest first and testing each finds a page after a few steps.
 */
async function searchPostgres(db: Kysely<Database>, f: PublicFilter, cap: number) {
  const matches = () => db.selectFrom('publication_search').where(searchFilters(f));
  const count = await cappedCount(db, matches().select(sql<number>`1`.as('one')), cap);
  let ids: string[];
  if (!count.capped) {
    const page = await matches()
      .select('publication_id')
      .orderBy('published_at', 'desc')
      .orderBy('publication_id')
      .offset(f.offset)
      .limit(f.limit)
      .execute();
    ids = page.map((r) => r.publication_id);
  } else {
    ids = await walk(db, f);
  }
  return { rows: await withVersions(db, ids), ...count };
}

async function walk(db: Kysely<Database>, f: PublicFilter): Promise<string[]> {
  const hits: string[] = [];
  const others = searchFilters({ ...f, terms: [] });
  const patterns = f.terms.map(likePattern);
  let before: { at: string; id: string } | null = null;
  while (hits.length < f.offset + f.limit) {
    let step = db
      .selectFrom('publication_search')
      .select(['publication_id', 'published_at'])
      .select(
        sql<boolean>`${sql.join(
          patterns.map((p) => sql`text like ${p} escape '\\'`),
          sql` and `,
        )}`.as('hit'),
      )
      .where(others)
      .orderBy('published_at', 'desc')
      .orderBy('publication_id', 'desc')
      .limit(WALK);
    if (before) {
      const { at, id } = before;
      step = step.where((eb) => eb.or([eb('published_at', '<', at), eb.and([eb('published_at', '=', at), eb('publication_id', '<', id)])]));
    }
    const rows = await step.execute();
    for (const r of rows) if (r.hit) hits.push(r.publication_id);
    const last = rows.at(-1);
    if (rows.length < WALK || !last) break;
    before = { at: last.published_at ?? '', id: last.publication_id };
  }
  return hits.slice(f.offset, f.offset + f.limit);
}

/** The current versions of a page of publications, in the page's order. */
async function withVersions(db: Kysely<Database>, ids: readonly string[]): Promise<PublishedRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('publications')
    .innerJoin('publication_versions as v', (join) => join.onRef(...VERSION_JOIN).onRef('v.version', '=', 'publications.current_version'))
    .select(['publications.id', 'publications.unit_id', 'publications.category', 'v.version', 'v.summary', 'v.published_at'])
    .where('publications.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Makes `text` the searchable text of a publication published at `publishedAt` (replacing the previous version's). */
export async function indexText(
  trx: Trx,
  row: { id: string; unit_path: string; category: string; decided_on: string },
  text: string,
  publishedAt: string,
): Promise<void> {
  await unindexText(trx, row.id);
  const own = { publication_id: row.id, text: text.toLowerCase() };
  await trx
    .insertInto('publication_search')
    .values(
      dialectOf(trx) === 'postgres'
        ? { ...own, published_at: publishedAt, unit_path: row.unit_path, category: row.category, decided_on: row.decided_on }
        : own,
    )
    .execute();
}

/** Takes a publication out of the search index (withdrawn or expired). */
export async function unindexText(trx: Trx, publicationId: string): Promise<void> {
  await trx.deleteFrom('publication_search').where('publication_id', '=', publicationId).execute();
}

/** The years that have published decisions, newest first (two index reads: the first and the last). */
export async function publishedYears(db: Kysely<Database>): Promise<number[]> {
  const row = await db
    .selectFrom('publications')
    .where('state', '=', 'published')
    .select((eb) => [eb.fn.min('decided_on').as('first'), eb.fn.max('decided_on').as('last')])
    .executeTakeFirst();
  if (!row?.first || !row.last) return [];
  const years: number[] = [];
  for (let y = Number(row.last.slice(0, 4)); y >= Number(row.first.slice(0, 4)); y--) years.push(y);
  return years;
}
