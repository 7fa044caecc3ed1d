import type { BatchSummary, BatchView, EntryView, NoticeFields } from '../../../src/modules/violation-notices/views';
import { request } from './client';
import type { Page } from './types';

/**
 * 重大劳动保障违法行为社会公布 API (src/modules/violation-notices/routes.ts). The shapes are the server's own
 * types, so they cannot drift; only what the console sends is declared here.
 */

export {
  CATEGORIES,
  CATEGORY_LABELS,
  type Category,
  ENTRY_STATE_LABELS,
  type EntryState,
} from '../../../src/modules/violation-notices/categories';
export type { BatchSummary, BatchView, EntryView, NoticeFields };

export interface EntryInput extends NoticeFields {
  category: string | null;
}

export interface EntryQuery {
  state?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const base = '/api/violation-notices';
const entryPath = (id: string) => `${base}/entries/${encodeURIComponent(id)}`;

/** Entries of the caller's scope; the server first derives candidates for newly decided cases. */
export function listEntries(query: EntryQuery): Promise<Page<EntryView>> {
  return request<Page<EntryView>>('GET', `${base}/entries`, { query: { ...query } });
}

export function saveEntry(id: string, input: EntryInput): Promise<EntryView> {
  return request<EntryView>('PUT', entryPath(id), { body: input });
}

export function includeEntry(id: string, input: EntryInput): Promise<EntryView> {
  return request<EntryView>('POST', `${entryPath(id)}/include`, { body: input });
}

export function excludeEntry(id: string, reason: string): Promise<EntryView> {
  return request<EntryView>('POST', `${entryPath(id)}/exclude`, { body: { reason } });
}

export function removeEntry(id: string, reason: string): Promise<EntryView> {
  return request<EntryView>('POST', `${entryPath(id)}/remove`, { body: { reason } });
}

export function listBatches(): Promise<BatchSummary[]> {
  return request<BatchSummary[]>('GET', `${base}/batches`);
}

export function getBatch(id: string): Promise<BatchView> {
  return request<BatchView>('GET', `${base}/batches/${encodeURIComponent(id)}`);
}

/** 编制 (or re-compile) the quarter's draft list. */
export function compileBatch(year: number, quarter: number): Promise<BatchView> {
  return request<BatchView>('POST', `${base}/batches`, { body: { year, quarter } });
}

export function publishBatch(id: string): Promise<BatchView> {
  return request<BatchView>('POST', `${base}/batches/${encodeURIComponent(id)}/publish`);
}
