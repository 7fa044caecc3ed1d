import type { Finding, Score } from './evaluation-checks.js';
import type { EvaluationRow, RoundRow } from './evaluation-repository.js';
import { scoreOf } from './evaluation-scoring.js';
import { CHECK_LABELS, parseSheet, type SheetItem } from './evaluation-sheet.js';

// What the 案卷评查 API answers: plain objects built from rows.

export const ROUND_STATE_LABELS: Readonly<Record<string, string>> = { open: '评查中', closed: '已结束' };
export const EVALUATION_STATE_LABELS: Readonly<Record<string, string>> = { draft: '待评查', submitted: '已提交' };

export interface SheetItemView extends SheetItem {
  checkLabel: string | null;
}

export const toItemViews = (sheet: readonly SheetItem[]): SheetItemView[] =>
  sheet.map((i) => ({ ...i, checkLabel: i.check === null ? null : CHECK_LABELS[i.check] }));

export interface SheetView {
  /** 0: the built-in default, in force until a version is saved. */
  version: number;
  items: SheetItemView[];
  total: number;
  note: string;
  createdByName: string | null;
  createdAt: string | null;
  versions: { version: number; note: string; createdByName: string; createdAt: string }[];
  checks: { code: string; label: string }[];
}

export interface RoundSummary {
  id: string;
  title: string;
  year: number;
  sampleKind: string;
  sampleValue: number;
  unitId: string | null;
  unitName: string | null;
  sheetVersion: number;
  seed: string;
  population: number;
  sampled: number;
  submitted: number;
  state: string;
  stateLabel: string;
  createdByName: string;
  createdAt: string;
  closedAt: string | null;
}

export function toRoundSummary(row: RoundRow, progress: { total: number; submitted: number }, unitName: string | null): RoundSummary {
  return {
    id: row.id,
    title: row.title,
    year: Number(row.year),
    sampleKind: row.sample_kind,
    sampleValue: Number(row.sample_value),
    unitId: row.unit_id,
    unitName,
    sheetVersion: Number(row.sheet_version),
    seed: row.seed,
    population: Number(row.population),
    sampled: progress.total,
    submitted: progress.submitted,
    state: row.state,
    stateLabel: ROUND_STATE_LABELS[row.state] ?? row.state,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export interface EvaluationSummary {
  id: string;
  position: number;
  caseFileId: string;
  caseNo: string;
  archiveNo: string;
  title: string;
  unitId: string;
  unitName: string;
  officerNames: string[];
  findingCount: number;
  /** The score of the draft or the submitted evaluation. */
  score: number;
  state: string;
  stateLabel: string;
  reviewerName: string | null;
  submittedAt: string | null;
}

export const officersOf = (row: EvaluationRow): { officerId: string; name: string }[] =>
  JSON.parse(row.officers) as { officerId: string; name: string }[];
export const findingsOf = (row: EvaluationRow): Finding[] => JSON.parse(row.findings) as Finding[];
export const scoresOf = (row: EvaluationRow): Score[] => JSON.parse(row.scores) as Score[];

export function toEvaluationSummary(row: EvaluationRow, sheet: readonly SheetItem[], unitName: string): EvaluationSummary {
  return {
    id: row.id,
    position: Number(row.position),
    caseFileId: row.case_file_id,
    caseNo: row.case_no,
    archiveNo: row.archive_no,
    title: row.title,
    unitId: row.unit_id,
    unitName,
    officerNames: officersOf(row).map((o) => o.name),
    findingCount: findingsOf(row).length,
    score: scoreOf(sheet, scoresOf(row)),
    state: row.state,
    stateLabel: EVALUATION_STATE_LABELS[row.state] ?? row.state,
    reviewerName: row.reviewer_name,
    submittedAt: row.submitted_at,
  };
}

export interface RoundView extends RoundSummary {
  sheet: SheetItemView[];
  evaluations: EvaluationSummary[];
}

export interface EvaluationView extends EvaluationSummary {
  roundId: string;
  roundTitle: string;
  roundState: string;
  caseId: string;
  officers: { officerId: string; name: string }[];
  sheet: SheetItemView[];
  findings: Finding[];
  scores: Score[];
  comment: string;
  updatedAt: string;
}

export function toEvaluationView(row: EvaluationRow, round: RoundRow, unitName: string): EvaluationView {
  const sheet = parseSheet(round.sheet);
  return {
    ...toEvaluationSummary(row, sheet, unitName),
    roundId: round.id,
    roundTitle: round.title,
    roundState: round.state,
    caseId: row.case_id,
    officers: officersOf(row),
    sheet: toItemViews(sheet),
    findings: findingsOf(row),
    scores: scoresOf(row),
    comment: row.comment,
    updatedAt: row.updated_at,
  };
}
