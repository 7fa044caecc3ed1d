import type { DocumentData } from '../../../src/modules/documents/data';
import type { DocumentType } from '../../../src/modules/documents/types';
import type { IssuedDocument } from '../../../src/modules/documents/views';
import { filenameFromDisposition } from '../components/excel/excelHttp';
import { ApiError, request } from './client';

/**
 * 执法文书 of a case (src/modules/cases/routes.ts, src/modules/documents/routes.ts). The shapes are the
 * server's own types (pure modules), so they cannot drift.
 */

export type { DocumentData } from '../../../src/modules/documents/data';
export type { DocumentType } from '../../../src/modules/documents/types';
export type { IssuedDocument } from '../../../src/modules/documents/views';

/** One document type as GET /api/documents/types describes it (what its template needs). */
export interface DocumentTypeInfo {
  code: DocumentType;
  title: string;
  numbered: boolean;
  abbr: string | null;
  layout: string;
  /** Fields issuing refuses to go without: a dotted path into DocumentData and its Chinese name. */
  required: { path: string; label: string }[];
  /** `extra` keys the template reads, with what each means. */
  extraKeys: Record<string, string>;
}

export interface IssueDocumentInput {
  type: DocumentType;
  /** What a person supplies; the server fills the rest from the case and lets these override it. */
  data: DocumentData;
  /** 更正: the issued document this one replaces (same type, same 文号, next version). */
  supersedesId?: string;
}

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}/documents`;

export function listDocumentTypes(): Promise<DocumentTypeInfo[]> {
  return request<DocumentTypeInfo[]>('GET', '/api/documents/types');
}

/** The case's issued documents, corrections included. */
export function listCaseDocuments(caseId: string): Promise<IssuedDocument[]> {
  return request<IssuedDocument[]>('GET', casePath(caseId));
}

/** The draft as the server would print it (nothing stored, no 文号): an escaped HTML fragment. */
export function previewCaseDocument(caseId: string, type: DocumentType, data: DocumentData): Promise<{ html: string }> {
  return request<{ html: string }>('POST', `${casePath(caseId)}/preview`, { body: { type, data } });
}

/** 签发: numbered, rendered, stored; 400 `document_data_incomplete` lists missing fields in `details`. */
export function issueCaseDocument(caseId: string, input: IssueDocumentInput): Promise<IssuedDocument> {
  return request<IssuedDocument>('POST', casePath(caseId), { body: input });
}

/** The Chinese labels a `document_data_incomplete` refusal names (empty for any other error). */
export function missingFieldLabels(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'document_data_incomplete' || !Array.isArray(error.details)) return [];
  return error.details.filter((d): d is string => typeof d === 'string');
}

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
 * The stored .docx exactly as issued (the server logs this 调阅), with the server's file name.
 * Throws an ApiError with the server's Chinese message on failure.
 */
export async function fetchDocumentDocx(doc: IssuedDocument): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    // A 法制审核意见书 is 政策法规科's document: the handling unit reads it through its review.
    const url =
      doc.type === 'review_opinion'
        ? `/api/reviews/opinions/${encodeURIComponent(doc.id)}/docx`
        : `/api/documents/${encodeURIComponent(doc.id)}/docx`;
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器,请检查网络后重试');
  }
  if (!res.ok) throw await errorOf(res);
  const fallback = `${doc.title}${doc.number ? `（${doc.number}）` : ''}.docx`;
  return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('content-disposition')) ?? fallback };
}
