import type { AvRuleData, BenchmarkData, ItemData, ReviewRuleData, WindowBoardData } from '../../../src/modules/catalog/vocabulary';
import { request } from './client';
import type { Page, PageQuery } from './types';

// The data shapes are the server's own (a pure module shared with the console), so they cannot drift.
export type {
  AvRuleData,
  BenchmarkData,
  BenchmarkTier,
  BoardMaterial,
  BoardStaff,
  ItemData,
  LegalBasis,
  ReviewRuleData,
  Step as ItemStep,
  TimeLimit,
  WindowBoardData,
} from '../../../src/modules/catalog/vocabulary';

/**
 * 执法公示清单 API (five kinds of versioned entries), following src/modules/catalog/schemas.ts and
 * schemas-kinds.ts. Every kind shares one model: an entry with a code and numbered versions, a draft
 * that may change, published versions that never do.
 */

/** URL segment of each kind under /api/catalog/ (also the console's tab key). */
export type CatalogKind = 'items' | 'benchmarks' | 'av-rules' | 'review-rules' | 'window-boards';

export const CATALOG_KINDS: readonly CatalogKind[] = ['items', 'benchmarks', 'av-rules', 'review-rules', 'window-boards'];

export type VersionStatus = 'draft' | 'published' | 'superseded';

// --- 执法事项 ---------------------------------------------------------------

// --- 裁量基准 ---------------------------------------------------------------

// --- 音像记录事项 -----------------------------------------------------------

// --- 重大执法决定法制审核目录 -----------------------------------------------

// --- 岗位职责公示牌 ---------------------------------------------------------

// --- shared shapes ------------------------------------------------------------

export interface KindDataMap {
  items: ItemData;
  benchmarks: BenchmarkData;
  'av-rules': AvRuleData;
  'review-rules': ReviewRuleData;
  'window-boards': WindowBoardData;
}

export type CatalogData = KindDataMap[CatalogKind];

export interface CatalogVersion<D = CatalogData> {
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

/** An entry with every version, newest first. */
export interface CatalogEntry<D = CatalogData> {
  id: string;
  code: string;
  createdAt: string;
  currentVersionId: string | null;
  draftVersionId: string | null;
  versions: CatalogVersion<D>[];
}

/** A list row: the entry with its newest version (a draft when one is open). */
export interface CatalogSummary<D = CatalogData> {
  id: string;
  code: string;
  latestVersion: CatalogVersion<D>;
}

export interface CatalogQuery extends PageQuery {
  /** Code or name keyword. */
  q?: string;
  category?: string;
  unitId?: string;
  /** The related 执法事项 code (benchmarks, AV rules). */
  itemCode?: string;
}

/** The answer of the Excel imports: created and updated rows are drafts. */
export interface CatalogImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export const catalogPath = (kind: CatalogKind) => `/api/catalog/${kind}`;
const entryPath = (kind: CatalogKind, id: string) => `${catalogPath(kind)}/${encodeURIComponent(id)}`;
const versionPath = (kind: CatalogKind, id: string, versionId: string) =>
  `${entryPath(kind, id)}/versions/${encodeURIComponent(versionId)}`;

export function listCatalogEntries<K extends CatalogKind>(kind: K, query: CatalogQuery): Promise<Page<CatalogSummary<KindDataMap[K]>>> {
  return request<Page<CatalogSummary<KindDataMap[K]>>>('GET', catalogPath(kind), { query: { ...query } });
}

export function getCatalogEntry<K extends CatalogKind>(kind: K, id: string): Promise<CatalogEntry<KindDataMap[K]>> {
  return request<CatalogEntry<KindDataMap[K]>>('GET', entryPath(kind, id));
}

/** Creates the entry with its draft version 1; 409 `code_taken` when the code is used by any kind. */
export function createCatalogEntry<K extends CatalogKind>(
  kind: K,
  code: string,
  data: KindDataMap[K],
): Promise<CatalogEntry<KindDataMap[K]>> {
  return request<CatalogEntry<KindDataMap[K]>>('POST', catalogPath(kind), { body: { code, data } });
}

/** A new draft copying the current version (or the given data); 409 `draft_exists` while a draft is open. */
export function createCatalogVersion<K extends CatalogKind>(
  kind: K,
  id: string,
  data?: KindDataMap[K],
): Promise<CatalogVersion<KindDataMap[K]>> {
  return request<CatalogVersion<KindDataMap[K]>>('POST', `${entryPath(kind, id)}/versions`, { body: data === undefined ? {} : { data } });
}

/** Changes a draft; 409 `version_not_draft` for a published version. */
export function updateCatalogDraft<K extends CatalogKind>(
  kind: K,
  id: string,
  versionId: string,
  changes: Partial<KindDataMap[K]>,
): Promise<CatalogVersion<KindDataMap[K]>> {
  return request<CatalogVersion<KindDataMap[K]>>('PATCH', versionPath(kind, id, versionId), { body: changes });
}

/** The draft becomes the current version; the previous current version is superseded. */
export function publishCatalogVersion<K extends CatalogKind>(
  kind: K,
  id: string,
  versionId: string,
): Promise<CatalogVersion<KindDataMap[K]>> {
  return request<CatalogVersion<KindDataMap[K]>>('POST', `${versionPath(kind, id, versionId)}/publish`);
}

/** Publishes the open draft of every given entry, all or nothing. */
export function publishCatalogDrafts(kind: CatalogKind, itemIds: readonly string[]): Promise<{ published: number }> {
  return request<{ published: number }>('POST', `${catalogPath(kind)}/publish-drafts`, { body: { itemIds } });
}

/** Excel endpoints (执法事项 and 裁量基准 only): GET template, POST raw .xlsx, GET export. */
export const catalogExcelUrls = (kind: 'items' | 'benchmarks') => ({
  template: `${catalogPath(kind)}/import-template`,
  import: `${catalogPath(kind)}/import`,
  export: `${catalogPath(kind)}/export`,
});
