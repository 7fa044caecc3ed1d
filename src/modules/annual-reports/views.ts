import type { Counts, ReportFigures, UnitFigures } from './report-data.js';
import type { ReportRow, UnitRow } from './repository.js';

export const REPORT_STATES = ['draft', 'compiled', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Readonly<Record<string, string>> = { draft: '各单位确认中', compiled: '已汇总', published: '已公布' };

export const UNIT_STATES = ['pending', 'confirmed', 'returned'] as const;
export type UnitState = (typeof UNIT_STATES)[number];
export const UNIT_STATE_LABELS: Readonly<Record<string, string>> = { pending: '待确认', confirmed: '已确认', returned: '已退回' };

/**
 * The report's deadlines: units confirm by 5 January, the agency publishes by 25 January (its own
 * rule, ahead of the national 31 January of 国办发〔2018〕118号), both of the following year.
 */
export function deadlinesOf(year: number) {
  return { confirmDueOn: `${year + 1}-01-05`, publishDueOn: `${year + 1}-01-25`, nationalDueOn: `${year + 1}-01-31` };
}

/** Figures are written only by this module, as canonical JSON of ReportFigures / UnitFigures. */
export const parseFigures = (text: string): ReportFigures => JSON.parse(text) as ReportFigures;
export const parseUnitFigures = (text: string): UnitFigures => JSON.parse(text) as UnitFigures;

export interface UnitView {
  unitId: string;
  unitName: string;
  state: UnitState;
  stateLabel: string;
  counts: Counts;
  figuresSha256: string;
  note: string | null;
  returnReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Still pending or returned after 5 January of the following year. */
  overdue: boolean;
  /** The caller is this unit's head and the report is still a draft. */
  canConfirm: boolean;
}

export interface ReportView {
  year: number;
  state: ReportState;
  stateLabel: string;
  asOf: string;
  partial: boolean;
  figures: ReportFigures;
  figuresSha256: string;
  confirmDueOn: string;
  publishDueOn: string;
  nationalDueOn: string;
  publishOverdue: boolean;
  unitsConfirmed: number;
  unitsTotal: number;
  units: UnitView[];
  computedAt: string;
  compiledAt: string | null;
  publishedAt: string | null;
  ledgerIndex: number | null;
  canCompute: boolean;
  canCompile: boolean;
  canPublish: boolean;
}

export interface ReportListItem {
  year: number;
  state: ReportState;
  stateLabel: string;
  asOf: string;
  unitsConfirmed: number;
  unitsTotal: number;
  confirmDueOn: string;
  publishDueOn: string;
  publishOverdue: boolean;
  publishedAt: string | null;
}

/** What the public sees of a published report: the frozen figures, their hash and the ledger index. */
export interface PublicReport {
  year: number;
  asOf: string;
  partial: boolean;
  figures: ReportFigures;
  figuresSha256: string;
  publishDueOn: string;
  publishedAt: string;
  ledgerIndex: number;
}

export interface PublicReportItem {
  year: number;
  asOf: string;
  partial: boolean;
  publishedAt: string;
  decisions: number;
  fineYuan: number;
}

export const isReportState = (s: string): s is ReportState => REPORT_STATES.some((x) => x === s);
export const isUnitState = (s: string): s is UnitState => UNIT_STATES.some((x) => x === s);
const reportState = (s: string): ReportState => (isReportState(s) ? s : 'draft');
const unitState = (s: string): UnitState => (isUnitState(s) ? s : 'pending');

export function toUnitView(row: UnitRow, today: string, year: number, canConfirm: boolean): UnitView {
  const state = unitState(row.state);
  return {
    unitId: row.unit_id,
    unitName: row.unit_name,
    state,
    stateLabel: UNIT_STATE_LABELS[state] ?? state,
    counts: parseUnitFigures(row.figures).counts,
    figuresSha256: row.figures_sha256,
    note: row.note,
    returnReason: row.return_reason,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    overdue: state !== 'confirmed' && today > deadlinesOf(year).confirmDueOn,
    canConfirm,
  };
}

export function toListItem(row: ReportRow, units: readonly UnitRow[], today: string): ReportListItem {
  const state = reportState(row.state);
  const due = deadlinesOf(row.year);
  return {
    year: row.year,
    state,
    stateLabel: REPORT_STATE_LABELS[state] ?? state,
    asOf: row.as_of,
    unitsConfirmed: units.filter((u) => u.state === 'confirmed').length,
    unitsTotal: units.length,
    confirmDueOn: due.confirmDueOn,
    publishDueOn: due.publishDueOn,
    publishOverdue: state !== 'published' && today > due.publishDueOn,
    publishedAt: row.published_at,
  };
}

export function toPublicReport(row: ReportRow): PublicReport {
  const figures = parseFigures(row.figures);
  return {
    year: row.year,
    asOf: row.as_of,
    partial: figures.partial,
    figures,
    figuresSha256: row.figures_sha256,
    publishDueOn: deadlinesOf(row.year).publishDueOn,
    publishedAt: row.published_at ?? row.updated_at,
    ledgerIndex: Number(row.ledger_index ?? -1),
  };
}
