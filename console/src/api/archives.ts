import type { Static } from 'typebox';
import type { FourChecksReport } from '../../../src/modules/archives/four-checks-report';
import type * as s from '../../../src/modules/archives/schemas';
import type { ClosedCase } from '../../../src/modules/cases/closed-cases';
import { filenameFromDisposition, saveBlob } from '../components/excel/excelHttp';
import { ApiError, request } from './client';
import type { Page } from './types';

/**
 * 归档 API (src/modules/archives/routes.ts): closed cases waiting, 组卷预览 and 接收归档, the accepted
 * case files (补充归档, 四性检测, 冻结, 导出归档包) and 销毁清单. The shapes are the routes' response schemas
 * (what the server actually sends), so they cannot drift. The server's view modules are not imported: their
 * types reach into the HTTP layer, which the console's compiler settings do not know.
 */

export type { CheckLine, FourChecksReport, Property } from '../../../src/modules/archives/four-checks-report';
export { RETENTION_CLASSES, RETENTION_LABELS, type RetentionClass } from '../../../src/modules/archives/retention';
export type { ClosedCase };

type WithReport<T> = Omit<T, 'report'> & { report: FourChecksReport };

export type CaseFileSummary = Static<typeof s.CaseFileSummarySchema>;
export type ItemView = Static<typeof s.ItemSchema>;
export type CheckSummary = WithReport<Static<typeof s.CheckSchema>>;
export type CaseFileView = Omit<Static<typeof s.CaseFileSchema>, 'checks'> & { checks: CheckSummary[] };
export type CaseFilePlan = WithReport<Static<typeof s.PlanSchema>>;
export type PlannedItem = CaseFilePlan['items'][number];
export type DisposalListView = Static<typeof s.DisposalListSchema>;

/** Labels of the file states the list filters by (views.ts `FILE_STATE_LABELS`; each file also carries its `stateLabel`). */
export const FILE_STATE_LABELS: Readonly<Record<string, string>> = { archived: '已归档', disposed: '已销毁' };

const base = '/api/archive';
const id = (value: string) => encodeURIComponent(value);

export function listPending(q?: string): Promise<ClosedCase[]> {
  return request<ClosedCase[]>('GET', `${base}/pending`, { query: { q } });
}

/** 组卷预览: what acceptance would file today, with the 四性检测 of what exists (nothing is saved). */
export function getPlan(caseId: string): Promise<CaseFilePlan> {
  return request<CaseFilePlan>('GET', `${base}/cases/${id(caseId)}/plan`);
}

/** 接收归档; a failed 四性检测 is a 409 `four_checks_failed` whose details list every failure. */
export function acceptCase(caseId: string, input: { pages: number; note?: string }): Promise<CaseFileView> {
  return request<CaseFileView>('POST', `${base}/cases/${id(caseId)}/accept`, { body: input });
}

export interface FilesQuery {
  q?: string;
  state?: string;
  retention?: string;
  year?: number;
  /** Retention ended before this day (YYYY-MM-DD). */
  expiredBy?: string;
  page: number;
  pageSize: number;
}

export function listFiles(query: FilesQuery): Promise<Page<CaseFileSummary>> {
  return request<Page<CaseFileSummary>>('GET', `${base}/files`, { query: { ...query } });
}

export function getFile(fileId: string): Promise<CaseFileView> {
  return request<CaseFileView>('GET', `${base}/files/${id(fileId)}`);
}

export function supplementFile(fileId: string, input: { reason: string; pages?: number }): Promise<CaseFileView> {
  return request<CaseFileView>('POST', `${base}/files/${id(fileId)}/supplements`, { body: input });
}

/** 四性检测 on demand; the report is kept with the file. */
export function checkFile(fileId: string): Promise<CheckSummary> {
  return request<CheckSummary>('POST', `${base}/files/${id(fileId)}/checks`);
}

/** 冻结 with a reason, or 解除冻结 with null. */
export function setHold(fileId: string, reason: string | null): Promise<CaseFileView> {
  return request<CaseFileView>('PUT', `${base}/files/${id(fileId)}/hold`, { body: { reason } });
}

export const exportUrl = (fileId: string): string => `${base}/files/${id(fileId)}/export`;

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && 'code' in body && 'message' in body) {
      const { code, message, details } = body as { code: unknown; message: unknown; details?: unknown };
      if (typeof code === 'string' && typeof message === 'string') return new ApiError(res.status, code, message, details);
    }
  } catch {
    // not JSON: the generic message below
  }
  return new ApiError(res.status, 'http_error', `下载失败(HTTP ${res.status}),请稍后重试`);
}

/**
 * 导出归档包: the BagIt bag as a .zip, fetched with the session cookie and handed to the browser under the
 * server's file name (like the .docx and .xlsx downloads), so a refusal is a message, not a page of JSON.
 */
export async function downloadBag(file: Pick<CaseFileSummary, 'id' | 'archiveNo'>): Promise<string> {
  let res: Response;
  try {
    res = await fetch(exportUrl(file.id), { credentials: 'same-origin', headers: { Accept: 'application/zip, application/json' } });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器,请检查网络后重试');
  }
  if (!res.ok) throw await errorOf(res);
  const filename = filenameFromDisposition(res.headers.get('content-disposition')) ?? `${file.archiveNo}.zip`;
  saveBlob(await res.blob(), filename);
  return filename;
}

export function listDisposalLists(): Promise<DisposalListView[]> {
  return request<DisposalListView[]>('GET', `${base}/disposal-lists`);
}

export function getDisposalList(listId: string): Promise<DisposalListView> {
  return request<DisposalListView>('GET', `${base}/disposal-lists/${id(listId)}`);
}

/** 编制销毁清单; a file that may not go (in retention, frozen, on another list) refuses the whole list (409 `disposal_refused`). */
export function proposeDisposal(caseFileIds: string[], reason: string): Promise<DisposalListView> {
  return request<DisposalListView>('POST', `${base}/disposal-lists`, { body: { caseFileIds, reason } });
}

export function decideDisposal(
  listId: string,
  input: { approve: boolean; approvalRef?: string; opinion?: string },
): Promise<DisposalListView> {
  return request<DisposalListView>('POST', `${base}/disposal-lists/${id(listId)}/decision`, { body: input });
}

/** Deletes the files' content for good; the ledger keeps the hashes and the record of the disposal. */
export function executeDisposal(listId: string): Promise<DisposalListView> {
  return request<DisposalListView>('POST', `${base}/disposal-lists/${id(listId)}/execute`);
}
