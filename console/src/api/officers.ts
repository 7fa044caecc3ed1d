import { request } from './client';
import type { Page, PageQuery } from './types';

/** 执法人员 and 执法人员清单 (roster batches) API: shapes and calls, following src/modules/officers/schemas.ts. */

export type OfficerStatus = 'active' | 'suspended' | 'revoked';
export type LegalLevel = 'none' | 'A' | 'B' | 'C';
export type ValidityReason = 'valid' | 'not_yet_valid' | 'expired' | 'suspended' | 'revoked';

export interface Officer {
  id: string;
  userId: string | null;
  name: string;
  unitId: string;
  unitName: string;
  position: string;
  categories: string[];
  certificateNo: string;
  issuingAuthority: string;
  /** Calendar days, YYYY-MM-DD (Beijing). */
  validFrom: string;
  validTo: string;
  status: string;
  statusLabel: string;
  /** As of the server's (Beijing) today. */
  validToday: { valid: boolean; reason: string };
  legalQualification: { level: string; certificateNo: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface OfficerInput {
  userId?: string | null;
  name: string;
  unitId: string;
  position: string;
  categories: string[];
  certificateNo: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  status?: OfficerStatus;
  legalQualification?: { level: LegalLevel; certificateNo?: string | null };
}

export interface OfficerQuery extends PageQuery {
  q?: string;
  status?: OfficerStatus;
  /** This unit and its sub-units. */
  unitId?: string;
}

export interface ExpiryAlerts {
  today: string;
  days: number;
  total: number;
  items: Officer[];
}

export type TrainingKind = 'pre_service' | 'in_service';

export interface Training {
  id: string;
  officerId: string;
  kind: string;
  kindLabel: string;
  date: string;
  hours: number;
  provider: string;
}

export interface TrainingInput {
  kind: TrainingKind;
  date: string;
  hours: number;
  provider: string;
}

const officerPath = (id: string) => `/api/officers/${encodeURIComponent(id)}`;

export function listOfficers(query: OfficerQuery): Promise<Page<Officer>> {
  return request<Page<Officer>>('GET', '/api/officers', { query: { ...query } });
}

export function listExpiryAlerts(): Promise<ExpiryAlerts> {
  return request<ExpiryAlerts>('GET', '/api/officers/alerts');
}

export function getOfficer(id: string): Promise<Officer> {
  return request<Officer>('GET', officerPath(id));
}

export function createOfficer(input: OfficerInput): Promise<Officer> {
  return request<Officer>('POST', '/api/officers', { body: input });
}

export function updateOfficer(id: string, input: Partial<OfficerInput>): Promise<Officer> {
  return request<Officer>('PATCH', officerPath(id), { body: input });
}

/** 409 `officer_in_roster` once the officer was put in a batch or published. */
export function deleteOfficer(id: string): Promise<void> {
  return request<void>('DELETE', officerPath(id));
}

export function listTraining(officerId: string): Promise<{ items: Training[] }> {
  return request<{ items: Training[] }>('GET', `${officerPath(officerId)}/training`);
}

export function addTraining(officerId: string, input: TrainingInput): Promise<Training> {
  return request<Training>('POST', `${officerPath(officerId)}/training`, { body: input });
}

export function removeTraining(officerId: string, trainingId: string): Promise<void> {
  return request<void>('DELETE', `${officerPath(officerId)}/training/${encodeURIComponent(trainingId)}`);
}

// --- roster batches (清单变更) ----------------------------------------------

export type BatchStatus = 'draft' | 'submitted' | 'confirmed' | 'returned';
/** upsert: 新增或更新; remove: 移出清单. */
export type ItemAction = 'upsert' | 'remove';

/** The public roster entry frozen at submission (null for a removal or before submission). */
export interface RosterEntry {
  officerId: string;
  name: string;
  unitId: string;
  unitName: string;
  position: string;
  categories: string[];
  certificateNo: string;
  validFrom: string;
  validTo: string;
  status: string;
}

export interface BatchItem {
  officerId: string;
  officerName: string;
  certificateNo: string;
  action: string;
  entry: RosterEntry | null;
}

export interface Batch {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  /** The published roster version, once confirmed. */
  version: number | null;
  /** 发布期限 (YYYY-MM-DD), once confirmed. */
  publishDeadline: string | null;
  items: BatchItem[];
}

export interface BatchInput {
  title: string;
  note?: string | null;
  items: { officerId: string; action: ItemAction }[];
}

const batchPath = (id: string) => `/api/roster/batches/${encodeURIComponent(id)}`;

export function listBatches(query: PageQuery & { status?: BatchStatus }): Promise<Page<Batch>> {
  return request<Page<Batch>>('GET', '/api/roster/batches', { query: { ...query } });
}

export function getBatch(id: string): Promise<Batch> {
  return request<Batch>('GET', batchPath(id));
}

export function createBatch(input: BatchInput): Promise<Batch> {
  return request<Batch>('POST', '/api/roster/batches', { body: input });
}

export function updateBatch(id: string, input: Partial<BatchInput>): Promise<Batch> {
  return request<Batch>('PATCH', batchPath(id), { body: input });
}

export function submitBatch(id: string): Promise<Batch> {
  return request<Batch>('POST', `${batchPath(id)}/submit`);
}

export function confirmBatch(id: string): Promise<Batch> {
  return request<Batch>('POST', `${batchPath(id)}/confirm`);
}

export function returnBatch(id: string, reason: string): Promise<Batch> {
  return request<Batch>('POST', `${batchPath(id)}/return`, { body: { reason } });
}

export interface PublicRosterRow {
  name: string;
  unitName: string;
  position: string;
  categories: string[];
  certificateNo: string;
  validUntil: string;
}

/** The current public roster (no login needed); used to offer only published officers for removal. */
export function listPublicRoster(query: PageQuery): Promise<Page<PublicRosterRow>> {
  return request<Page<PublicRosterRow>>('GET', '/api/public/roster', { query: { ...query } });
}
