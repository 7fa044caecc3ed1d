import { request } from './client';
import type { Page, PageQuery } from './types';

/** Evidence (证据) API: shapes and calls, following the evidence API contract. Uploads go through tus, see pages/evidence. */

export type EvidenceKind = 'photo' | 'audio' | 'video' | 'document';

/** 证据密级: general 一般, personal 涉及个人隐私, commercial 涉及商业秘密, secret 涉密. */
export type Sensitivity = 'general' | 'personal' | 'commercial' | 'secret';

export interface Evidence {
  id: string;
  kind: EvidenceKind;
  filename: string;
  mediaType: string;
  /** Bytes. */
  size: number;
  /** Hex digests of the stored bytes. */
  sha256: string;
  sm3: string;
  sensitivity: Sensitivity;
  recordedAt: string;
  device: string | null;
  officers: string | null;
  place: string | null;
  caseId: string | null;
  stepId: string | null;
  description: string | null;
  unitId: string;
  unitName: string;
  uploadedBy: { id: string; displayName: string };
  uploadedAt: string;
  ledgerIndex: number | null;
}

export interface EvidenceQuery extends PageQuery {
  q?: string;
  kind?: EvidenceKind;
  sensitivity?: Sensitivity;
  caseId?: string;
}

/** A 30-minute, per-user, per-evidence permission to read the content; `contentUrl` is used directly as a media src. */
export interface AccessGrant {
  grant: string;
  expiresAt: string;
  contentUrl: string;
}

export interface AccessLogEntry {
  id: string;
  occurredAt: string;
  actorId: string;
  actorName: string;
  purpose: string | null;
}

/** The tus endpoint for evidence uploads. */
export const UPLOAD_ENDPOINT = '/api/uploads';

function evidencePath(id: string): string {
  return `/api/evidence/${encodeURIComponent(id)}`;
}

export function listEvidence(query: EvidenceQuery): Promise<Page<Evidence>> {
  return request<Page<Evidence>>('GET', '/api/evidence', { query: { ...query } });
}

export function getEvidence(id: string): Promise<Evidence> {
  return request<Evidence>('GET', evidencePath(id));
}

/** Every grant is a recorded access (调阅); a purpose is mandatory unless the evidence is `general`. */
export function requestEvidenceAccess(id: string, purpose?: string): Promise<AccessGrant> {
  return request<AccessGrant>('POST', `${evidencePath(id)}/access`, { body: purpose ? { purpose } : {} });
}

export function listEvidenceAccessLog(id: string, query: PageQuery): Promise<Page<AccessLogEntry>> {
  return request<Page<AccessLogEntry>>('GET', `${evidencePath(id)}/access-log`, { query: { ...query } });
}
