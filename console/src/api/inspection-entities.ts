import type {
  EntityFields,
  EntityListView,
  EntityView,
  FacetValue,
  ImportErrorView,
  ImportSummaryView,
  ImportView,
} from '../../../src/modules/inspections/entities-views';
import { ApiError, getCsrfToken, request } from './client';

/**
 * 检查对象名录库 API (src/modules/inspections/entities-routes.ts). The shapes are the server's own types,
 * so they cannot drift; only what the console sends is declared here.
 */

export {
  DEFAULT_RISK_CLASS,
  ENTITY_SIZES,
  MAX_STORED_ERRORS,
  RISK_CLASSES,
  riskClassLabel,
} from '../../../src/modules/inspections/entities-views';
export type { EntityFields, EntityListView, EntityView, FacetValue, ImportErrorView, ImportSummaryView, ImportView };

export interface EntityQuery {
  region?: string;
  industry?: string;
  riskClass?: string;
  /** 'true' 在册, 'false' 已停用, undefined 全部. */
  active?: 'true' | 'false';
  q?: string;
  page: number;
  pageSize: number;
}

const base = '/api/inspections/entities';
const imports = '/api/inspections/entity-imports';
const entityPath = (uscc: string) => `${base}/${encodeURIComponent(uscc)}`;

export const ENTITY_TEMPLATE_URL = `${base}/template`;
export const importErrorsUrl = (id: string) => `${imports}/${encodeURIComponent(id)}/errors.csv`;
/** The server's limit on an upload (it refuses larger bodies with 413). */
export const MAX_ENTITY_FILE_BYTES = 60 * 1024 * 1024;

export function listEntities(query: EntityQuery): Promise<EntityListView> {
  return request<EntityListView>('GET', base, { query: { ...query } });
}

export function getEntity(uscc: string): Promise<EntityView> {
  return request<EntityView>('GET', entityPath(uscc));
}

export function updateEntity(uscc: string, fields: EntityFields): Promise<EntityView> {
  return request<EntityView>('PUT', entityPath(uscc), { body: fields });
}

export function deactivateEntity(uscc: string, reason: string): Promise<EntityView> {
  return request<EntityView>('POST', `${entityPath(uscc)}/deactivate`, { body: { reason } });
}

export function activateEntity(uscc: string, reason: string): Promise<EntityView> {
  return request<EntityView>('POST', `${entityPath(uscc)}/activate`, { body: { reason } });
}

export function getImport(id: string): Promise<ImportView> {
  return request<ImportView>('GET', `${imports}/${encodeURIComponent(id)}`);
}

export function listImports(limit: number): Promise<ImportView[]> {
  return request<ImportView[]>('GET', imports, { query: { limit } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sends the file as the raw body (the server tells .xlsx from CSV by its bytes) and answers the new import
 * (202) at once; the reading happens on the server while the caller polls `getImport`. Bypasses `request`,
 * which speaks JSON only, but keeps its rules: same-origin credentials, the CSRF header, ApiError on failure.
 */
export async function startImport(file: File): Promise<ImportView> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/octet-stream',
    // Header values are Latin-1: the Chinese file name travels percent-encoded.
    'X-File-Name': encodeURIComponent(file.name),
  };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(imports, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器,请检查网络后重试');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy's error page): the status decides below
  }
  if (res.ok) return body as ImportView;
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    throw new ApiError(res.status, body.code, body.message, body.details);
  }
  if (res.status === 413) throw new ApiError(413, 'payload_too_large', '文件超过 60 MB,请分批导入');
  throw new ApiError(res.status, 'http_error', `请求失败(HTTP ${res.status}),请稍后重试`);
}
