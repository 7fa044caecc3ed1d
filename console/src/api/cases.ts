import type { ActionInput } from '../../../src/modules/cases/action-input';
import type { RegisterCaseInput } from '../../../src/modules/cases/case-data';
import type { CaseSummary, CaseView } from '../../../src/modules/cases/views';
import type { BenchmarkData, ItemData } from '../../../src/modules/catalog/vocabulary';
import { request } from './client';
import type { Page, PageQuery } from './types';

/**
 * 案件办理 API (src/modules/cases/routes.ts). The shapes are the server's own types (pure modules), so
 * they cannot drift; only what the console sends is declared here.
 */

export type {
  BenchmarkChoice,
  CaseData,
  Deadline,
  PartyInput,
  PaymentPlan,
  Penalty,
  Preservation,
  Service,
  Urge,
} from '../../../src/modules/cases/case-data';
export type { CaseSummary, CaseView, StepView } from '../../../src/modules/cases/views';

export type CaseParty = CaseView['parties'][number];
export type CaseOfficer = CaseView['officers'][number];
export type CasePayment = CaseView['payments'][number];
export type NextAction = CaseView['nextActions'][number];

export interface CaseQuery extends PageQuery {
  /** 案件编号、案由或当事人. */
  q?: string;
  stage?: string;
  /** 承办机构, with the units under it. */
  unitId?: string;
  officerId?: string;
  /** Open deadlines within this many days (overdue included). */
  dueWithinDays?: number;
}

/** What an action sends (ActionBody): the server's own type, so the two cannot drift. */
export type { ActionInput, RegisterCaseInput };

export interface PaymentInput {
  receiptNo: string;
  amountYuan: number;
  paidOn: string;
}

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export function listCases(query: CaseQuery): Promise<Page<CaseSummary>> {
  return request<Page<CaseSummary>>('GET', '/api/cases', { query: { ...query } });
}

export function getCase(id: string): Promise<CaseView> {
  return request<CaseView>('GET', casePath(id));
}

/** 案源登记. */
export function registerCase(input: RegisterCaseInput): Promise<CaseView> {
  return request<CaseView>('POST', '/api/cases', { body: input });
}

/** One step of the procedure; 400/409 carry the gate's reason in `message`. */
export function performCaseAction(id: string, action: string, input: ActionInput): Promise<CaseView> {
  return request<CaseView>('POST', `${casePath(id)}/actions/${encodeURIComponent(action)}`, { body: input });
}

/** One opening of a case (调阅), newest first; each is an entry of the tamper-evident ledger. */
export interface CaseAccess {
  occurredAt: string;
  actorId: string | null;
  actorName: string;
  ledgerIndex: number | null;
}

/** 调阅记录: unit heads, leaders, supervisors and administrators in scope (403 for others). */
export function listCaseAccessLog(id: string, query: PageQuery): Promise<Page<CaseAccess>> {
  return request<Page<CaseAccess>>('GET', `${casePath(id)}/access-log`, { query: { ...query } });
}

/** 罚缴分离: a payment from the bank or treasury receipt. */
export function recordCasePayment(id: string, input: PaymentInput): Promise<CaseView> {
  return request<CaseView>('POST', `${casePath(id)}/payments`, { body: input });
}

// --- published catalogue entries the forms pick from ---------------------------

export interface PublishedItem {
  code: string;
  name: string;
  category: string;
  unitName: string;
  versionNo: number;
  publishedAt: string;
}

export type PublishedItemDetail = ItemData & { code: string; versionNo: number };

export type PublishedBenchmark = BenchmarkData & { code: string; versionId: string; versionNo: number };

/** 执法事项 in force (the server registers a case against the current version). */
/** 执法事项 in force, searched by code or name, optionally of one category (行政处罚, 行政检查 …). */
export function listPublishedItems(q: string | undefined, category?: string): Promise<Page<PublishedItem>> {
  return request<Page<PublishedItem>>('GET', '/api/public/items', { query: { q, category, page: 1, pageSize: 50 } });
}

export function getPublishedItem(code: string): Promise<PublishedItemDetail> {
  return request<PublishedItemDetail>('GET', `/api/public/items/${encodeURIComponent(code)}`);
}

/** 裁量基准 in force for an item. */
export function listItemBenchmarks(itemCode: string): Promise<Page<PublishedBenchmark>> {
  return request<Page<PublishedBenchmark>>('GET', '/api/public/benchmarks', { query: { itemCode, page: 1, pageSize: 100 } });
}
