import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type AvRuleData, avRuleKind } from './av-rule-data.js';
import { type ItemData, itemKind } from './item-data.js';
import type { KindDef } from './kinds.js';
import * as repo from './repository.js';
import {
  type PublicEntry,
  type PublicEntryDetail,
  type PublicItemSummary,
  parseData,
  toPublicEntry,
  toPublicEntryDetail,
} from './views.js';

// The published catalogue as anyone may read it: current versions and older published ones, never drafts.

export interface PublicListQuery {
  q?: string;
  category?: string;
  unitId?: string;
  itemCode?: string;
  page: number;
  pageSize: number;
}

export interface PublicPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

async function publishedRows<D>(db: Kysely<Database>, def: KindDef<D>, query: PublicListQuery) {
  return repo.listVersionRows(db, {
    kind: def.kind,
    which: 'published',
    q: query.q?.trim(),
    category: query.category,
    unitId: query.unitId,
    refCode: query.itemCode,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
}

/** The current version of every published entry of the kind, by code. */
export async function listPublicEntries<D extends { unitId: string }>(
  db: Kysely<Database>,
  def: KindDef<D>,
  query: PublicListQuery,
): Promise<PublicPage<PublicEntry<D>>> {
  const { rows, total } = await publishedRows(db, def, query);
  const items = rows.map((r) => ({ ...toPublicEntry<D>(r.code, r), ...def.publicExtras?.(parseData<D>(r.data)) }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The AV list names each row's item, as a reader of the list needs. */
export async function listPublicAvRules(
  db: Kysely<Database>,
  query: PublicListQuery,
): Promise<PublicPage<PublicEntry<AvRuleData> & { itemName: string }>> {
  const page = await listPublicEntries(db, avRuleKind, query);
  const names = await repo.itemNamesByCode(
    db,
    page.items.map((r) => r.itemCode),
  );
  return { ...page, items: page.items.map((r) => ({ ...r, itemName: names.get(r.itemCode) ?? '' })) };
}

/** One AV rule with its item's (published) name. */
export async function getPublicAvRule(
  db: Kysely<Database>,
  code: string,
  versionNo?: number,
): Promise<PublicEntryDetail<AvRuleData> & { itemName: string }> {
  const rule = await getPublicEntry(db, avRuleKind, code, versionNo);
  const names = await repo.itemNamesByCode(db, [rule.itemCode]);
  return { ...rule, itemName: names.get(rule.itemCode) ?? '' };
}

/** Items are long: their list carries a summary and the guide page the rest. */
export async function listPublicItems(db: Kysely<Database>, query: PublicListQuery): Promise<PublicPage<PublicItemSummary>> {
  const { rows, total } = await publishedRows(db, itemKind, query);
  const items = rows.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category,
    unitName: r.unit_name,
    versionNo: r.version_no,
    publishedAt: r.published_at ?? r.created_at,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** An entry's current version, or an older published one by number; drafts are never public. */
export async function getPublicEntry<D extends { unitId: string }>(
  db: Kysely<Database>,
  def: KindDef<D>,
  code: string,
  versionNo?: number,
): Promise<PublicEntryDetail<D>> {
  const missing = () => notFound('item_not_found', `没有公开的${def.label}「${code}」`);
  const item = await repo.findItemByCode(db, code);
  if (!item || item.kind !== def.kind) throw missing();
  const all = await repo.listVersions(db, item.id);
  const row =
    versionNo === undefined
      ? all.find((v) => v.status === 'published')
      : all.find((v) => v.version_no === versionNo && v.status !== 'draft');
  if (!row) {
    if (versionNo !== undefined && all.some((v) => v.status !== 'draft')) {
      throw notFound('version_not_found', `${def.label}「${code}」没有公开的第 ${versionNo} 版`);
    }
    throw missing();
  }
  return { ...toPublicEntryDetail<D>(item.code, row, all), ...def.publicExtras?.(parseData<D>(row.data)) };
}

export const getPublicItem = (db: Kysely<Database>, code: string, versionNo?: number): Promise<PublicEntryDetail<ItemData>> =>
  getPublicEntry(db, itemKind, code, versionNo);

/** Units with published entries of the kind, for the portal's filter. */
export function listPublicUnits<D>(db: Kysely<Database>, def: KindDef<D>): Promise<{ id: string; name: string }[]> {
  return repo.listPublishedUnits(db, def.kind);
}

/** Categories in use among published entries of the kind, for the portal's filter. */
export function listPublicCategories<D>(db: Kysely<Database>, def: KindDef<D>): Promise<string[]> {
  return repo.listPublishedCategories(db, def.kind);
}
