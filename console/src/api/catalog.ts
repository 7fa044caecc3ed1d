import { request } from './client';
import type { Page, PageQuery } from './types';

/**
 * 执法公示清单 API (five kinds of versioned entries), following src/modules/catalog/schemas.ts and
 * schemas-kinds.ts. Every kind shares one model: an entry with a code and numbered versions, a draft
 * that may change, published versions that never do.
 */

/** URL segment of each kind under /api/catalog/ (also the console's tab key). */
export type CatalogKind = 'items' | 'benchmarks' | 'av-rules' | 'review-rules' | 'window-boards';

export const CATALOG_KINDS: readonly CatalogKind[] = ['items', 'benchmarks', 'av-rules', 'review-rules', 'window-boards'];

export type VersionStatus = 'draft' | 'published' | 'superseded';

export interface LegalBasis {
  law: string;
  article: string;
  text: string;
}

// --- 执法事项 ---------------------------------------------------------------

export interface TimeLimit {
  value: number;
  unit: string;
}

export interface ItemStep {
  name: string;
  role: string;
  timeLimit: string;
}

export interface ItemData {
  name: string;
  category: string;
  unitId: string;
  legalBases: LegalBasis[];
  acceptingBody: string;
  approvingBody: string;
  conditions: string;
  materials: string[];
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  fees: string;
  steps: ItemStep[];
  remedies: { channel: string; period: string }[];
  supervision: string;
  complaint: string;
}

// --- 裁量基准 ---------------------------------------------------------------

export interface BenchmarkTier {
  level: string;
  conditions: string;
  penalty: string;
  fineMin: number | null;
  fineMax: number | null;
  fineUnit: string;
}

export interface BenchmarkData {
  name: string;
  category: string;
  unitId: string;
  /** '' when the benchmark names no 行政处罚 item. */
  itemCode: string;
  violationBases: LegalBasis[];
  penaltyBases: LegalBasis[];
  statutoryRange: string;
  tiers: BenchmarkTier[];
  firstViolationExempt: boolean;
  minorExempt: boolean;
  exemptConditions: string;
  notes: string;
}

// --- 音像记录事项 -----------------------------------------------------------

export interface AvRuleData {
  itemCode: string;
  /** A step name of the item's current version. */
  step: string;
  unitId: string;
  requirement: string;
  recordCategory: string;
  devices: string[];
  retentionMonths: number;
  notes: string;
}

// --- 重大执法决定法制审核目录 -----------------------------------------------

export interface ReviewRuleData {
  name: string;
  ruleType: string;
  unitId: string;
  itemCodes: string[];
  categories: string[];
  naturalPersonFine: number | null;
  organizationFine: number | null;
  penaltyTypes: string[];
  basis: string;
  notes: string;
}

// --- 岗位职责公示牌 ---------------------------------------------------------

export interface BoardStaff {
  name: string;
  post: string;
  certificateNo: string;
}

export interface BoardMaterial {
  name: string;
  sample: string;
}

export interface WindowBoardData {
  name: string;
  windowNo: string;
  unitId: string;
  location: string;
  hours: string;
  staff: BoardStaff[];
  duties: string[];
  itemCodes: string[];
  materials: BoardMaterial[];
  progressQuery: string;
  complaint: string;
}

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
