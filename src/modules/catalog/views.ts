import { STATUS_LABELS } from './item-data.js';
import type { ItemRow, VersionRow } from './repository.js';

export interface VersionView<D> {
  id: string;
  itemId: string;
  versionNo: number;
  status: string;
  statusLabel: string;
  data: D;
  unitName: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** A catalogue entry (of any kind) with every version, newest first. */
export interface ItemView<D> {
  id: string;
  code: string;
  createdAt: string;
  currentVersionId: string | null;
  draftVersionId: string | null;
  versions: VersionView<D>[];
}

/** The stored JSON text back into data (written only by this module, after checking). */
export const parseData = <D>(text: string): D => JSON.parse(text) as D;

export const toVersionView = <D>(row: VersionRow): VersionView<D> => ({
  id: row.id,
  itemId: row.item_id,
  versionNo: row.version_no,
  status: row.status,
  statusLabel: STATUS_LABELS[row.status] ?? row.status,
  data: parseData<D>(row.data),
  unitName: row.unit_name,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
});

export function toItemView<D>(item: ItemRow, versions: readonly VersionRow[]): ItemView<D> {
  return {
    id: item.id,
    code: item.code,
    createdAt: item.created_at,
    currentVersionId: versions.find((v) => v.status === 'published')?.id ?? null,
    draftVersionId: versions.find((v) => v.status === 'draft')?.id ?? null,
    versions: versions.map((v) => toVersionView<D>(v)),
  };
}

export interface HistoryEntry {
  versionNo: number;
  publishedAt: string;
  current: boolean;
}

/** What the public sees of a version in a list: the data without staff ids, and the unit's name. */
export type PublicEntry<D> = Omit<D, 'unitId'> & {
  code: string;
  versionId: string;
  versionNo: number;
  current: boolean;
  publishedAt: string;
  unitName: string;
};

/** One entry's page adds the history of its published versions. */
export type PublicEntryDetail<D> = PublicEntry<D> & { history: HistoryEntry[] };

export function toPublicEntry<D extends { unitId: string }>(code: string, row: VersionRow): PublicEntry<D> {
  const { unitId: _unitId, ...data } = parseData<D>(row.data);
  return {
    ...data,
    code,
    versionId: row.id,
    versionNo: row.version_no,
    current: row.status === 'published',
    publishedAt: row.published_at ?? row.created_at,
    unitName: row.unit_name,
  };
}

export function toPublicEntryDetail<D extends { unitId: string }>(
  code: string,
  row: VersionRow,
  all: readonly VersionRow[],
): PublicEntryDetail<D> {
  return {
    ...toPublicEntry<D>(code, row),
    history: all
      .filter((v) => v.status !== 'draft')
      .map((v) => ({ versionNo: v.version_no, publishedAt: v.published_at ?? v.created_at, current: v.status === 'published' })),
  };
}

export interface PublicItemSummary {
  code: string;
  name: string;
  category: string;
  unitName: string;
  versionNo: number;
  publishedAt: string;
}
