import type { ItemData, RiskClass, TeamMember } from '../../../src/modules/inspections/model';
import type { ConflictView, ItemInput, ItemView, PlanPreview, PlanView, TaskView } from '../../../src/modules/inspections/views';
import { request } from './client';
import type { Page } from './types';

/**
 * 双随机、一公开 API (src/modules/inspections/routes.ts). Plans and tasks are the server's own view types;
 * inputs the console narrows (plans) and the query shapes are its own.
 */

export {
  ALL,
  ITEM_KINDS,
  MIN_YEARLY_PERCENT,
  PLAN_STATE_LABELS,
  type PlanState,
  RESULT_KINDS,
  RESULT_PUBLICATION_WORKING_DAYS,
  RISK_CLASSES,
  RISK_LABELS,
  type RiskClass,
  TASK_STATE_LABELS,
  type TaskState,
} from '../../../src/modules/inspections/model';
export type { ItemData, ItemInput, PlanPreview, PlanView, TaskView, TeamMember };

/** One version of an item of the list (the server's view). */
export type InspectionItem = ItemView;

export interface Inspector {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  certificateNo: string;
  categories: string[];
  valid: boolean;
  statusLabel: string;
  /** Declared conflicts in force. */
  conflicts: number;
}

export type ConflictDeclaration = ConflictView;

export interface ConflictInput {
  /** Omitted: the signed-in officer. */
  officerId?: string;
  uscc: string;
  reason: string;
}

export type SamplingMode = 'percent' | 'count';
export type Algorithm = 'vrs' | 'rfc3797';

export interface PlanInput {
  title: string;
  year: number;
  unitId: string;
  description: string;
  itemCodes: string[];
  regions: string[];
  industries: string[];
  riskClasses: RiskClass[];
  sampling: { mode: SamplingMode; values: Record<string, number> };
  teamSize: number;
  maxTasksPerInspector: number | null;
  field: string;
  algorithm: Algorithm;
  sources: { name: string; description: string }[];
  drawOn: string;
  inspectFrom: string;
  inspectTo: string;
  /** SHA-256 (hex) of a one-time code the operator keeps; null: the platform makes and keeps the code. */
  commitment: string | null;
}

export type Quota = PlanPreview['quotas'][number];

export interface PlanQuery {
  state?: string;
  year?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export interface TaskQuery {
  planId?: string;
  state?: string;
  mine?: boolean;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface InspectInput {
  inspectedFrom: string;
  inspectedTo: string;
  result: string;
  findings: string;
}

export interface OpenCaseInput {
  itemCode: string;
  title: string;
  summary: string;
  leadOfficerId: string;
  assistOfficerId: string;
}

const base = '/api/inspections';
const enc = encodeURIComponent;

// ---- 抽查事项清单 ----

export function listItems(q?: string): Promise<InspectionItem[]> {
  return request<InspectionItem[]>('GET', `${base}/items`, { query: { q } });
}

/** Every version of an item, newest first. */
export function itemVersions(code: string): Promise<InspectionItem[]> {
  return request<InspectionItem[]>('GET', `${base}/items/${enc(code)}`);
}

export function createItem(input: ItemInput): Promise<InspectionItem> {
  return request<InspectionItem>('POST', `${base}/items`, { body: input });
}

export function reviseItem(code: string, input: ItemInput): Promise<InspectionItem> {
  return request<InspectionItem>('PUT', `${base}/items/${enc(code)}`, { body: input });
}

export function abolishItem(code: string, reason: string): Promise<void> {
  return request<void>('POST', `${base}/items/${enc(code)}/abolish`, { body: { reason } });
}

// ---- 执法检查人员名录库与利害关系 ----

export function listInspectors(unitId: string, field?: string): Promise<Inspector[]> {
  return request<Inspector[]>('GET', `${base}/inspectors`, { query: { unitId, field } });
}

export function listConflicts(uscc?: string): Promise<ConflictDeclaration[]> {
  return request<ConflictDeclaration[]>('GET', `${base}/conflicts`, { query: { uscc } });
}

export function declareConflict(input: ConflictInput): Promise<ConflictDeclaration> {
  return request<ConflictDeclaration>('POST', `${base}/conflicts`, { body: input });
}

export function withdrawConflict(id: string, reason: string): Promise<void> {
  return request<void>('POST', `${base}/conflicts/${enc(id)}/withdraw`, { body: { reason } });
}

// ---- 抽查计划 ----

export function listPlans(query: PlanQuery): Promise<Page<PlanView>> {
  return request<Page<PlanView>>('GET', `${base}/plans`, { query: { ...query } });
}

export function getPlan(id: string): Promise<PlanView> {
  return request<PlanView>('GET', `${base}/plans/${enc(id)}`);
}

export function createPlan(input: PlanInput): Promise<PlanView> {
  return request<PlanView>('POST', `${base}/plans`, { body: input });
}

export function updatePlan(id: string, input: PlanInput): Promise<PlanView> {
  return request<PlanView>('PUT', `${base}/plans/${enc(id)}`, { body: input });
}

export function previewPlan(id: string): Promise<PlanPreview> {
  return request<PlanPreview>('GET', `${base}/plans/${enc(id)}/preview`);
}

export function announcePlan(id: string): Promise<PlanView> {
  return request<PlanView>('POST', `${base}/plans/${enc(id)}/announce`);
}

/** One list of numbers per announced source, in announced order; `code` only when the operator keeps it. */
export function drawPlan(id: string, values: string[][], code?: string): Promise<PlanView> {
  return request<PlanView>('POST', `${base}/plans/${enc(id)}/draw`, { body: code === undefined ? { values } : { values, code } });
}

export function cancelPlan(id: string, reason: string): Promise<PlanView> {
  return request<PlanView>('POST', `${base}/plans/${enc(id)}/cancel`, { body: { reason } });
}

// ---- 检查任务 ----

export function listTasks(query: TaskQuery): Promise<Page<TaskView>> {
  const { mine, overdue, ...rest } = query;
  return request<Page<TaskView>>('GET', `${base}/tasks`, {
    query: { ...rest, mine: mine ? 'true' : undefined, overdue: overdue ? 'true' : undefined },
  });
}

export function getTask(id: string): Promise<TaskView> {
  return request<TaskView>('GET', `${base}/tasks/${enc(id)}`);
}

/** 开始检查: registers the 行政检查 case recording the visit (its team as officers), under a 行政检查 item of the catalogue. */
export function startTask(id: string, itemCode: string): Promise<TaskView> {
  return request<TaskView>('POST', `${base}/tasks/${enc(id)}/start`, { body: { itemCode } });
}

/** Allowed once the task's 行政检查 case has its 检查结论 (closed); corrects until published. */
export function recordInspection(id: string, input: InspectInput): Promise<TaskView> {
  return request<TaskView>('POST', `${base}/tasks/${enc(id)}/inspect`, { body: input });
}

export function publishResult(id: string): Promise<TaskView> {
  return request<TaskView>('POST', `${base}/tasks/${enc(id)}/publish`);
}

export function openCase(id: string, input: OpenCaseInput): Promise<{ caseId: string }> {
  return request<{ caseId: string }>('POST', `${base}/tasks/${enc(id)}/case`, { body: input });
}

// ---- 公开 ----

/** The public portal's page of a plan's draw (verifies it in the browser). */
export const portalDrawUrl = (planId: string): string => `/draws/${enc(planId)}`;
/** The draw record (sanxiang-draw/1) as JSON, for `sanxiang draw verify`. */
export const drawBundleUrl = (planId: string): string => `/api/public/draws/${enc(planId)}`;
