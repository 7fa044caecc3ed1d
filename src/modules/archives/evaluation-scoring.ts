import { invalid } from '../../platform/errors.js';
import type { Score } from './evaluation-checks.js';
import type { SheetItem } from './evaluation-sheet.js';

// Scoring one file against its round's sheet, and the results of a round per unit and per officer. Pure:
// the service loads the rows and the sheet.

/** Deductions go in steps of half a point (评查 sheets commonly deduct 0.5 for a minor defect). */
const STEP = 0.5;

/** The scores as stored: only items with a deduction or a note, in sheet order; or a refusal listing every problem. */
export function checkedScores(sheet: readonly SheetItem[], scores: readonly Score[]): Score[] {
  const problems: { code: string; message: string }[] = [];
  const byCode = new Map(sheet.map((i) => [i.code, i]));
  const seen = new Set<string>();
  for (const s of scores) {
    const item = byCode.get(s.code);
    if (!item) {
      problems.push({ code: 'score_item_unknown', message: `评查标准中没有项目「${s.code}」` });
      continue;
    }
    if (seen.has(s.code)) problems.push({ code: 'score_item_duplicate', message: `「${item.title}」重复评分` });
    seen.add(s.code);
    if (!Number.isFinite(s.deduction) || s.deduction < 0 || !Number.isInteger(s.deduction / STEP)) {
      problems.push({ code: 'deduction_invalid', message: `「${item.title}」扣分应为不小于 0 的数,以 0.5 分为单位` });
    } else if (s.deduction > item.points) {
      problems.push({ code: 'deduction_over_points', message: `「${item.title}」扣分 ${s.deduction} 分超过该项分值 ${item.points} 分` });
    }
    if (s.deduction > 0 && s.note.trim() === '') {
      problems.push({ code: 'deduction_note_required', message: `「${item.title}」扣分须写明扣分理由` });
    }
  }
  const [first] = problems;
  if (first) {
    throw invalid(
      first.code,
      first.message,
      problems.map((p) => p.message),
    );
  }
  const given = new Map(scores.map((s) => [s.code, s]));
  return sheet.flatMap((item) => {
    const s = given.get(item.code);
    return s && (s.deduction > 0 || s.note.trim() !== '') ? [{ code: item.code, deduction: s.deduction, note: s.note.trim() }] : [];
  });
}

export const totalOf = (sheet: readonly SheetItem[]): number => sheet.reduce((sum, i) => sum + i.points, 0);

export const scoreOf = (sheet: readonly SheetItem[], scores: readonly Score[]): number =>
  totalOf(sheet) - scores.reduce((sum, s) => sum + s.deduction, 0);

export interface ScoredFile {
  readonly unitId: string;
  readonly unitName: string;
  readonly officers: readonly { officerId: string; name: string }[];
  readonly scores: readonly Score[];
}

export interface Frequent {
  code: string;
  title: string;
  /** Files with a deduction under the item. */
  count: number;
  points: number;
}

export interface ResultGroup {
  id: string;
  name: string;
  count: number;
  average: number;
  lowest: number;
  highest: number;
  /** The items most often deducted, most frequent first (at most three). */
  frequent: Frequent[];
}

export interface ItemResult {
  code: string;
  title: string;
  points: number;
  deductedCount: number;
  deductedPoints: number;
}

export interface RoundResults {
  count: number;
  average: number | null;
  lowest: number | null;
  highest: number | null;
  items: ItemResult[];
  byUnit: ResultGroup[];
  byOfficer: ResultGroup[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function itemTotals(sheet: readonly SheetItem[], files: readonly ScoredFile[]): ItemResult[] {
  return sheet.map((item) => {
    const deducted = files.flatMap((f) => f.scores.filter((s) => s.code === item.code && s.deduction > 0));
    return {
      code: item.code,
      title: item.title,
      points: item.points,
      deductedCount: deducted.length,
      deductedPoints: deducted.reduce((sum, s) => sum + s.deduction, 0),
    };
  });
}

function group(sheet: readonly SheetItem[], id: string, name: string, files: readonly ScoredFile[]): ResultGroup {
  const scores = files.map((f) => scoreOf(sheet, f.scores));
  const frequent = itemTotals(sheet, files)
    .filter((i) => i.deductedCount > 0)
    .sort((a, b) => b.deductedCount - a.deductedCount || b.deductedPoints - a.deductedPoints)
    .slice(0, 3)
    .map((i) => ({ code: i.code, title: i.title, count: i.deductedCount, points: i.deductedPoints }));
  return {
    id,
    name,
    count: files.length,
    average: round1(scores.reduce((a, b) => a + b, 0) / scores.length),
    lowest: Math.min(...scores),
    highest: Math.max(...scores),
    frequent,
  };
}

/** Groups files by a key; a file counts once in each of its groups (a case's two officers each get it). */
function groups(
  sheet: readonly SheetItem[],
  files: readonly ScoredFile[],
  keys: (f: ScoredFile) => readonly { id: string; name: string }[],
): ResultGroup[] {
  const by = new Map<string, { name: string; files: ScoredFile[] }>();
  for (const f of files) {
    for (const k of keys(f)) {
      const entry = by.get(k.id) ?? { name: k.name, files: [] };
      entry.files.push(f);
      by.set(k.id, entry);
    }
  }
  return [...by.entries()]
    .map(([id, e]) => group(sheet, id, e.name, e.files))
    .sort((a, b) => a.average - b.average || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Results of the submitted evaluations of a round: lowest averages first, so weak spots lead. */
export function roundResults(sheet: readonly SheetItem[], files: readonly ScoredFile[]): RoundResults {
  const scores = files.map((f) => scoreOf(sheet, f.scores));
  return {
    count: files.length,
    average: scores.length === 0 ? null : round1(scores.reduce((a, b) => a + b, 0) / scores.length),
    lowest: scores.length === 0 ? null : Math.min(...scores),
    highest: scores.length === 0 ? null : Math.max(...scores),
    items: itemTotals(sheet, files),
    byUnit: groups(sheet, files, (f) => [{ id: f.unitId, name: f.unitName }]),
    byOfficer: groups(sheet, files, (f) => f.officers.map((o) => ({ id: o.officerId, name: o.name }))),
  };
}
