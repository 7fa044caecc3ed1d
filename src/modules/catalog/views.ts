import { type ItemData, parseItemData, STATUS_LABELS } from './item-data.js';
import type { ItemRow, VersionRow } from './repository.js';

export interface VersionView {
  id: string;
  itemId: string;
  versionNo: number;
  status: string;
  statusLabel: string;
  data: ItemData;
  unitName: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface ItemView {
  id: string;
  code: string;
  createdAt: string;
  currentVersionId: string | null;
  draftVersionId: string | null;
  versions: VersionView[];
}

export const toVersionView = (row: VersionRow): VersionView => ({
  id: row.id,
  itemId: row.item_id,
  versionNo: row.version_no,
  status: row.status,
  statusLabel: STATUS_LABELS[row.status] ?? row.status,
  data: parseItemData(row.data),
  unitName: row.unit_name,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
});

/** An item with every version, newest first. */
export function toItemView(item: ItemRow, versions: readonly VersionRow[]): ItemView {
  return {
    id: item.id,
    code: item.code,
    createdAt: item.created_at,
    currentVersionId: versions.find((v) => v.status === 'published')?.id ?? null,
    draftVersionId: versions.find((v) => v.status === 'draft')?.id ?? null,
    versions: versions.map(toVersionView),
  };
}

/** What the public sees of a version: no staff ids, no drafts. */
export interface PublicItem extends Omit<ItemData, 'unitId'> {
  code: string;
  versionId: string;
  versionNo: number;
  current: boolean;
  publishedAt: string;
  unitName: string;
  history: { versionNo: number; publishedAt: string; current: boolean }[];
}

export interface PublicItemSummary {
  code: string;
  name: string;
  category: string;
  unitName: string;
  versionNo: number;
  publishedAt: string;
}

export function toPublicItem(code: string, row: VersionRow, all: readonly VersionRow[]): PublicItem {
  const { unitId: _unitId, ...data } = parseItemData(row.data);
  return {
    code,
    versionId: row.id,
    versionNo: row.version_no,
    current: row.status === 'published',
    publishedAt: row.published_at ?? row.created_at,
    unitName: row.unit_name,
    ...data,
    history: all
      .filter((v) => v.status !== 'draft')
      .map((v) => ({ versionNo: v.version_no, publishedAt: v.published_at ?? v.created_at, current: v.status === 'published' })),
  };
}
