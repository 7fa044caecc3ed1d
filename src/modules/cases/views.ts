import type { CaseData } from './case-data.js';
import { amountOwed, paymentSchedule } from './deadlines.js';
import { ACTION_RULES, allowedActions, isStage, STAGE_LABELS } from './procedure.js';
import type { CasePartiesTable, CasePaymentsTable, CaseStepsTable, CasesTable } from './tables.js';

export interface CaseSummary {
  id: string;
  caseNo: string;
  title: string;
  unitId: string;
  procedure: string;
  source: string;
  stage: string;
  stageLabel: string;
  itemCode: string;
  receivedOn: string;
  filedOn: string | null;
  closedOn: string | null;
  nextDeadline: string | null;
  reviewRequired: boolean;
}

export interface StepView {
  seq: number;
  action: string;
  actionLabel: string;
  stageAfter: string;
  performedOn: string;
  data: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  createdByName: string;
  /** The step event's position in the tamper-evident ledger. */
  ledgerIndex: number | null;
}

export interface CaseView extends CaseSummary {
  itemVersionId: string;
  data: CaseData;
  parties: { id: string; kind: string; name: string; idNo: string; address: string; legalRepresentative: string; phone: string }[];
  officers: { officerId: string; role: string; name: string; certificateNo: string }[];
  steps: StepView[];
  payments: { receiptNo: string; amountYuan: number; paidOn: string }[];
  owed: { fineYuan: number; lateFeeYuan: number; owedYuan: number; paidYuan: number } | null;
  /** The actions the procedure allows next, with their labels (the console offers only these). */
  nextActions: { action: string; label: string; approval: boolean }[];
}

export const parseCaseData = (text: string): CaseData => JSON.parse(text) as CaseData;

export function toSummary(row: CasesTable): CaseSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    title: row.title,
    unitId: row.unit_id,
    procedure: row.procedure,
    source: row.source,
    stage: row.stage,
    stageLabel: isStage(row.stage) ? STAGE_LABELS[row.stage] : row.stage,
    itemCode: row.item_code,
    receivedOn: row.received_on,
    filedOn: row.filed_on,
    closedOn: row.closed_on,
    nextDeadline: row.next_deadline,
    reviewRequired: Number(row.review_required) === 1,
  };
}

export function toCaseView(
  row: CasesTable,
  parties: readonly CasePartiesTable[],
  officers: CaseView['officers'],
  steps: readonly CaseStepsTable[],
  payments: readonly CasePaymentsTable[],
  names: ReadonlyMap<string, string>,
  ledger: ReadonlyMap<number, number | null>,
  today: string,
): CaseView {
  const data = parseCaseData(row.data);
  const schedule = paymentSchedule(data);
  const owed = schedule.length > 0 ? amountOwed(schedule, payments, today) : null;
  return {
    ...toSummary(row),
    itemVersionId: row.item_version_id,
    data,
    parties: parties.map((p) => {
      const more = JSON.parse(p.data) as { address: string; legalRepresentative: string; phone: string };
      return { id: p.id, kind: p.kind, name: p.name, idNo: p.id_no, ...more };
    }),
    officers,
    steps: steps.map((s) => ({
      seq: s.seq,
      action: s.action,
      actionLabel: s.action in ACTION_RULES ? ACTION_RULES[s.action as keyof typeof ACTION_RULES].label : s.action,
      stageAfter: s.stage_after,
      performedOn: s.performed_on,
      data: JSON.parse(s.data) as Record<string, unknown>,
      createdAt: s.created_at,
      createdBy: s.created_by,
      createdByName: names.get(s.created_by) ?? (s.created_by.startsWith('system:') ? '系统' : ''),
      ledgerIndex: ledger.get(s.seq) ?? null,
    })),
    payments: payments.map((p) => ({ receiptNo: p.receipt_no, amountYuan: p.amount_fen / 100, paidOn: p.paid_on })),
    owed: owed && {
      fineYuan: owed.fineFen / 100,
      lateFeeYuan: owed.lateFeeFen / 100,
      owedYuan: owed.owedFen / 100,
      paidYuan: owed.paidFen / 100,
    },
    nextActions: allowedActions(row.stage, row.procedure, data).map((a) => ({
      action: a,
      label: ACTION_RULES[a].label,
      approval: ACTION_RULES[a].approval,
    })),
  };
}
