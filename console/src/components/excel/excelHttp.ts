import { ApiError, getCsrfToken } from '../../api/client';
import { type ImportFailure, parseImportIssues } from './importIssues';

/**
 * Excel downloads and uploads. They bypass `request` (which speaks JSON only) but keep its rules:
 * same-origin credentials, the CSRF header on writes, and every failure as an ApiError with the
 * server's Chinese message — so a refused download is a message, never a page of JSON.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server's limit on an import body. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null; // not JSON (e.g. a proxy's HTML error page)
  }
}

function errorOf(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(status, body.code, body.message, body.details);
  }
  if (status === 413) return new ApiError(status, 'payload_too_large', '文件过大,请分批导入');
  return new ApiError(status, 'http_error', `请求失败(HTTP ${status}),请稍后重试`);
}

const networkError = () => new ApiError(0, 'network_error', '无法连接服务器,请检查网络后重试');

/** The name from `Content-Disposition` (RFC 5987 `filename*` first, then `filename`). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // malformed escapes: try the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}

/** Hands a blob to the browser as a download with this file name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the delay only guards slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs a file and saves it under the server's name (or `fallbackName`); throws an ApiError on failure. */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { Accept: `${XLSX_TYPE}, application/json` } });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw errorOf(res.status, await readJson(res));
  const filename = filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(await res.blob(), filename);
  return filename;
}

export type UploadOutcome<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly failure: ImportFailure };

/**
 * POSTs the workbook as the raw body. A 400 is the import's verdict on the file (its report, even
 * when it lists no cell); any other failure (403, 413, 5xx, network) is thrown as an ApiError.
 */
export async function uploadWorkbook<R>(url: string, file: File): Promise<UploadOutcome<R>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': XLSX_TYPE };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch {
    throw networkError();
  }
  const body = await readJson(res);
  // The server is the source of truth for the result's shape; it is not re-validated here.
  if (res.ok) return { ok: true, result: body as R };
  if (res.status === 400 && isRecord(body) && typeof body.message === 'string') {
    return { ok: false, failure: { message: body.message, issues: parseImportIssues(body.errors) } };
  }
  throw errorOf(res.status, body);
}
