import type { Kysely } from 'kysely';
import { containsInsensitive } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { Kind } from './kinds.js';
import type { CatalogItemsTable, CatalogItemVersionsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

export type VersionRow = CatalogItemVersionsTable & { unit_name: string };
export type ItemRow = CatalogItemsTable;

const versionColumns = [
  'v.id',
  'v.item_id',
  'v.version_no',
  'v.status',
  'v.name',
  'v.category',
  'v.unit_id',
  'v.ref_code',
  'v.data',
  'v.created_at',
  'v.created_by',
  'v.updated_at',
  'v.published_at',
  'v.published_by',
  'units.name as unit_name',
] as const;

const versions = (db: Reader) => db.selectFrom('catalog_item_versions as v').innerJoin('units', 'units.id', 'v.unit_id');

const numbered = (row: VersionRow): VersionRow => ({ ...row, version_no: Number(row.version_no) });

export function findItem(db: Reader, kind: Kind, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('catalog_items').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

/** Any kind: codes are unique across the whole catalogue. */
export function findItemByCode(db: Reader, code: string): Promise<ItemRow | undefined> {
  return db.selectFrom('catalog_items').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function itemCodeExists(db: Reader, code: string): Promise<boolean> {
  const row = await db.selectFrom('catalog_items').select('id').where('code', '=', code).where('kind', '=', 'item').executeTakeFirst();
  return row !== undefined;
}

/** The step names of an item's current version (else its newest), or undefined when no such item exists. */
export async function itemStepNames(db: Reader, code: string): Promise<string[] | undefined> {
  const row = await db
    .selectFrom('catalog_item_versions as v')
    .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
    .select('v.data')
    .where('i.code', '=', code)
    .where('i.kind', '=', 'item')
    .orderBy((eb) => eb.case().when('v.status', '=', 'published').then(0).else(1).end())
    .orderBy('v.version_no', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  const data = JSON.parse(row.data) as { steps?: { name: string }[] };
  return (data.steps ?? []).map((s) => s.name);
}

export async function listVersions(db: Reader, itemId: string): Promise<VersionRow[]> {
  const rows = await versions(db).select(versionColumns).where('v.item_id', '=', itemId).orderBy('v.version_no', 'desc').execute();
  return rows.map(numbered);
}

export async function findVersion(db: Reader, itemId: string, id: string): Promise<VersionRow | undefined> {
  const row = await versions(db).select(versionColumns).where('v.item_id', '=', itemId).where('v.id', '=', id).executeTakeFirst();
  return row && numbered(row);
}

export async function findVersionById(db: Reader, id: string): Promise<VersionRow | undefined> {
  const row = await versions(db).select(versionColumns).where('v.id', '=', id).executeTakeFirst();
  return row && numbered(row);
}

export function findItemById(db: Reader, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVersionByNo(db: Reader, itemId: string, versionNo: number): Promise<VersionRow | undefined> {
  const row = await versions(db)
    .select(versionColumns)
    .where('v.item_id', '=', itemId)
    .where('v.version_no', '=', versionNo)
    .executeTakeFirst();
  return row && numbered(row);
}

export interface VersionFilter {
  readonly kind: Kind;
  /** 'latest': each item's newest version (staff); 'published': each item's current version (public). */
  readonly which: 'latest' | 'published';
  readonly q?: string;
  readonly category?: string;
  readonly unitId?: string;
  /** The related 执法事项 code. */
  readonly refCode?: string;
  readonly offset: number;
  readonly limit: number;
}

function filtered(db: Reader, f: VersionFilter) {
  let query = versions(db).innerJoin('catalog_items as i', 'i.id', 'v.item_id').where('i.kind', '=', f.kind);
  if (f.which === 'published') query = query.where('v.status', '=', 'published');
  else
    query = query.where('v.version_no', '=', (eb) =>
      eb
        .selectFrom('catalog_item_versions as v2')
        .select((e) => e.fn.max('v2.version_no').as('n'))
        .whereRef('v2.item_id', '=', 'v.item_id'),
    );
  if (f.category !== undefined && f.category !== '') query = query.where('v.category', '=', f.category);
  if (f.unitId !== undefined && f.unitId !== '') query = query.where('v.unit_id', '=', f.unitId);
  if (f.refCode !== undefined && f.refCode !== '') query = query.where('v.ref_code', '=', f.refCode);
  const q = f.q;
  if (q !== undefined && q !== '') query = query.where((eb) => eb.or([containsInsensitive('i.code', q), containsInsensitive('v.name', q)]));
  return query;
}

export async function listVersionRows(db: Reader, f: VersionFilter): Promise<{ rows: (VersionRow & { code: string })[]; total: number }> {
  const rows = await filtered(db, f)
    .select([...versionColumns, 'i.code'])
    .orderBy('i.code')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((r) => ({ ...numbered(r), code: r.code })), total: Number(count.n) };
}

/** Units that have at least one published entry of the kind (the portal's unit filter). */
export function listPublishedUnits(db: Reader, kind: Kind): Promise<{ id: string; name: string }[]> {
  return versions(db)
    .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
    .select(['units.id', 'units.name'])
    .where('i.kind', '=', kind)
    .where('v.status', '=', 'published')
    .distinct()
    .orderBy('units.name')
    .execute();
}

/** The distinct categories of published entries of the kind (the portal's category filter). */
export async function listPublishedCategories(db: Reader, kind: Kind): Promise<string[]> {
  const rows = await versions(db)
    .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
    .select('v.category')
    .where('i.kind', '=', kind)
    .where('v.status', '=', 'published')
    .distinct()
    .orderBy('v.category')
    .execute();
  return rows.map((r) => r.category);
}

export async function insertItem(trx: Trx, row: ItemRow): Promise<void> {
  await trx.insertInto('catalog_items').values(row).execute();
}

export async function insertVersion(trx: Trx, row: CatalogItemVersionsTable): Promise<void> {
  await trx.insertInto('catalog_item_versions').values(row).execute();
}

export async function updateVersion(
  trx: Trx,
  id: string,
  changes: Partial<Omit<CatalogItemVersionsTable, 'id' | 'item_id' | 'version_no'>>,
): Promise<void> {
  await trx.updateTable('catalog_item_versions').set(changes).where('id', '=', id).execute();
}

export async function supersedePublished(trx: Trx, itemId: string): Promise<string | undefined> {
  const row = await trx
    .updateTable('catalog_item_versions')
    .set({ status: 'superseded' })
    .where('item_id', '=', itemId)
    .where('status', '=', 'published')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function unitExists(db: Reader, id: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The names of the current published versions of the given items, by code (drafts are never public). */
export async function itemNamesByCode(db: Reader, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (codes.length === 0) return names;
  const rows = await db
    .selectFrom('catalog_item_versions as v')
    .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
    .select(['i.code', 'v.name'])
    .where('i.kind', '=', 'item')
    .where('v.status', '=', 'published')
    .where('i.code', 'in', [...new Set(codes)])
    .execute();
  for (const r of rows) names.set(r.code, r.name);
  return names;
}

export async function anyEntry(db: Reader, kind: Kind): Promise<boolean> {
  return (await db.selectFrom('catalog_items').select('id').where('kind', '=', kind).limit(1).executeTakeFirst()) !== undefined;
}
