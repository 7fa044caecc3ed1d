import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type CaseView, caseRecord } from '../cases/index.js';
import { avRulesFor } from '../catalog/index.js';
import { listCaseDocuments } from '../documents/index.js';
import { isAudioVisual } from './assembly.js';
import type { BenchmarkFact, EvaluationFacts, StepFact } from './evaluation-checks.js';
import type { CaseFileRow, ItemRow } from './repository.js';

// Gathers the facts the automatic checks judge, from the case record (steps, deadlines, benchmark choices),
// the file's items (what was archived, with supplements) and the 音像记录事项清单 in force.

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;

export function stepFacts(view: CaseView): StepFact[] {
  return view.steps.map((s) => ({
    seq: s.seq,
    action: s.action,
    label: s.actionLabel,
    performedOn: s.performedOn,
    itemStep: text(s.data.itemStep),
    evidenceIds: texts(s.data.evidenceIds),
    avException: text(field(s.data.avException, 'reason')),
    serviceMethod: text(field(s.data.service, 'method')),
  }));
}

export function benchmarkFacts(view: CaseView): BenchmarkFact[] {
  const out: BenchmarkFact[] = [];
  const notice = view.data.notice?.benchmark;
  if (notice) out.push({ stage: '事先告知', ...pick(notice) });
  const decided = view.data.decision?.benchmark;
  if (decided) out.push({ stage: '处罚决定', ...pick(decided) });
  return out;
}

const pick = (b: { code: string; tierNo: number; withinTier: boolean; departureReason: string }) => ({
  code: b.code,
  tierNo: b.tierNo,
  withinTier: b.withinTier,
  departureReason: b.departureReason ?? '',
});

/** The facts of one archived file, or undefined when its case is gone (it cannot be: files keep their case). */
export async function loadEvaluationFacts(
  db: Kysely<Database>,
  file: CaseFileRow,
  items: readonly ItemRow[],
): Promise<{ facts: EvaluationFacts; view: CaseView } | undefined> {
  const view = await caseRecord(db, file.case_id);
  if (!view) return undefined;
  const inFile = new Set(items.filter((i) => i.kind === 'document').map((i) => i.ref_id));
  const documentTypes = (await listCaseDocuments(db, file.case_id)).filter((d) => inFile.has(d.id)).map((d) => d.type);
  const steps = stepFacts(view);
  const avMandatory: Record<string, string[]> = {};
  for (const itemStep of new Set(steps.flatMap((s) => (s.itemStep === null ? [] : [s.itemStep])))) {
    const rules = (await avRulesFor(db, view.itemCode, itemStep)).filter((r) => r.data.requirement === 'mandatory');
    if (rules.length > 0) avMandatory[itemStep] = rules.map((r) => r.code);
  }
  const facts: EvaluationFacts = {
    procedure: view.procedure,
    steps,
    deadlines: view.data.deadlines.map((d) => ({ kind: d.kind, label: d.label, due: d.due, closedOn: d.closedOn })),
    documentTypes,
    avEvidenceIds: items.filter((i) => i.kind === 'evidence' && isAudioVisual(i.media_type)).map((i) => i.ref_id),
    avMandatory,
    benchmarks: benchmarkFacts(view),
  };
  return { facts, view };
}
