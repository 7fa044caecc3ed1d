import type { Announcement, ItemData, PlanData, PlanSource, PlanState, TaskState, TeamMember } from './model.js';
import { PLAN_STATE_LABELS, PLAN_STATES, TASK_STATE_LABELS, TASK_STATES } from './model.js';
import type { PlanRow } from './repository.js';
import type { TaskRow } from './tasks-repository.js';

export interface PlanView {
  id: string;
  title: string;
  year: number;
  unitId: string;
  state: PlanState;
  stateLabel: string;
  description: string;
  items: PlanData['items'];
  filter: PlanData['filter'];
  sampling: PlanData['sampling'];
  teamSize: number;
  maxTasksPerInspector: number | null;
  field: string;
  algorithm: PlanData['algorithm'];
  sources: PlanSource[];
  drawOn: string;
  inspectFrom: string;
  inspectTo: string;
  externalCode: boolean;
  commitment: string | null;
  /** Revealed at the draw. */
  code: string | null;
  announcement: (Omit<Announcement, 'inspectors'> & { inspectorCount: number }) | null;
  populationCount: number | null;
  populationSha256: string | null;
  announcedAt: string | null;
  announceLedgerIndex: number | null;
  drawnAt: string | null;
  drawLedgerIndex: number | null;
  targetCount: number | null;
  recusalCount: number | null;
  unfilledCount: number | null;
  cancelReason: string | null;
  createdAt: string;
}

const planState = (s: string): PlanState => PLAN_STATES.find((p) => p === s) ?? 'draft';
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export const planData = (row: PlanRow): PlanData => JSON.parse(row.data) as PlanData;

export function planView(row: PlanRow): PlanView {
  const data = planData(row);
  const state = planState(row.state);
  const { inspectors, ...announcement } = data.announcement ?? { inspectors: [] };
  return {
    id: row.id,
    title: row.title,
    year: Number(row.year),
    unitId: row.unit_id,
    state,
    stateLabel: PLAN_STATE_LABELS[state],
    description: data.description,
    items: data.items,
    filter: data.filter,
    sampling: data.sampling,
    teamSize: data.teamSize,
    maxTasksPerInspector: data.maxTasksPerInspector,
    field: data.field,
    algorithm: data.algorithm,
    sources: data.sources,
    drawOn: data.drawOn,
    inspectFrom: data.inspectFrom,
    inspectTo: data.inspectTo,
    externalCode: data.externalCode,
    commitment: row.commitment,
    code: state === 'drawn' ? row.secret : null,
    announcement: data.announcement ? { ...(announcement as Omit<Announcement, 'inspectors'>), inspectorCount: inspectors.length } : null,
    populationCount: num(row.population_count),
    populationSha256: row.population_sha256,
    announcedAt: row.announced_at,
    announceLedgerIndex: num(row.announce_ledger_index),
    drawnAt: row.drawn_at,
    drawLedgerIndex: num(row.draw_ledger_index),
    targetCount: num(row.target_count),
    recusalCount: data.drawSummary?.recusals ?? null,
    unfilledCount: data.drawSummary?.unfilled ?? null,
    cancelReason: data.cancelReason ?? null,
    createdAt: row.created_at,
  };
}

export interface TaskView {
  id: string;
  planId: string;
  planTitle: string;
  ordinal: number;
  uscc: string;
  entityName: string;
  unitId: string;
  team: TeamMember[];
  state: TaskState;
  stateLabel: string;
  items: PlanData['items'];
  /** The plan's inspection window. */
  inspectFrom: string;
  inspectTo: string;
  inspectedFrom: string | null;
  inspectedTo: string | null;
  result: string | null;
  findings: string | null;
  publishDue: string | null;
  publishedAt: string | null;
  inspectionCaseId: string | null;
  caseId: string | null;
  overdue: boolean;
}

const taskState = (s: string): TaskState => TASK_STATES.find((t) => t === s) ?? 'assigned';

export function taskView(row: TaskRow, today: string): TaskView {
  const state = taskState(row.state);
  const data = JSON.parse(row.plan_data) as PlanData;
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title,
    ordinal: Number(row.ordinal),
    uscc: row.entity_uscc,
    entityName: row.entity_name,
    unitId: row.unit_id,
    team: JSON.parse(row.team) as TeamMember[],
    state,
    stateLabel: TASK_STATE_LABELS[state],
    items: data.items,
    inspectFrom: data.inspectFrom,
    inspectTo: data.inspectTo,
    inspectedFrom: row.inspected_from,
    inspectedTo: row.inspected_to,
    result: row.result,
    findings: row.findings,
    publishDue: row.publish_due,
    publishedAt: row.published_at,
    inspectionCaseId: row.inspection_case_id,
    caseId: row.case_id,
    overdue: state === 'inspected' && row.publish_due !== null && row.publish_due < today,
  };
}

/** One version of an item of the 随机抽查事项清单. */
export interface ItemView extends ItemData {
  id: string;
  code: string;
  versionNo: number;
  current: boolean;
  unitId: string;
  unitName: string;
  changeNote: string | null;
  publishedAt: string;
}

export interface ItemInput extends ItemData {
  unitId: string;
  /** Required for a revision. */
  changeNote?: string;
}

/** A declared conflict of interest in force. */
export interface ConflictView {
  id: string;
  officerId: string;
  officerName: string;
  certificateNo: string;
  uscc: string;
  entityName: string;
  reason: string;
  declaredAt: string;
}

/** What announcing would freeze today, and why the plan cannot be announced yet. */
export interface PlanPreview extends Omit<Announcement, 'inspectors'> {
  populationCount: number;
  inspectors: TeamMember[];
  problems: string[];
}
