import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './repository.js';
import { type PublicItem, type PublicItemSummary, toPublicItem } from './views.js';

export interface PublicItemsQuery {
  q?: string;
  category?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

export interface PublicItems {
  items: PublicItemSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The current published version of every item; drafts and items never published are left out. */
export async function listPublicItems(db: Kysely<Database>, query: PublicItemsQuery): Promise<PublicItems> {
  const { rows, total } = await repo.listVersionRows(db, {
    which: 'published',
    q: query.q?.trim(),
    category: query.category,
    unitId: query.unitId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
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

/** An item's current version, or an older published one by number; drafts are never public. */
export async function getPublicItem(db: Kysely<Database>, code: string, versionNo?: number): Promise<PublicItem> {
  const missing = () => notFound('item_not_found', `没有公开的执法事项「${code}」`);
  const item = await repo.findItemByCode(db, code);
  if (!item) throw missing();
  const all = await repo.listVersions(db, item.id);
  const row =
    versionNo === undefined
      ? all.find((v) => v.status === 'published')
      : all.find((v) => v.version_no === versionNo && v.status !== 'draft');
  if (!row) {
    if (versionNo !== undefined && all.some((v) => v.status !== 'draft')) {
      throw notFound('version_not_found', `执法事项「${code}」没有公开的第 ${versionNo} 版`);
    }
    throw missing();
  }
  return toPublicItem(item.code, row, all);
}

/** Units with published items, for the portal's filter. */
export function listPublicItemUnits(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return repo.listPublishedUnits(db);
}
