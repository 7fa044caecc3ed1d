import type { Kysely } from 'kysely';
import type { BlobStore, FixityResult } from '../../platform/blobs/index.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { BenchmarkChoice } from '../cases/case-data.js';
import { type CaseView, caseUnitPath } from '../cases/index.js';
import {
  avRulesFor,
  type BenchmarkData,
  benchmarkKind,
  type CurrentEntry,
  entryVersion,
  type ItemData,
  itemKind,
} from '../catalog/index.js';
import { type IssuedDocument, listCaseDocuments } from '../documents/index.js';
import { type EvidenceFact, evidenceFacts, type IngestRecord, ingestRecords } from '../evidence/index.js';
import { type OfficerOnDate, officersOnDate } from '../officers/index.js';
import { loadUnitNames } from '../org/index.js';

// The read-only snapshot the pre-checks judge (ADR 0005): everything is read here, through the other
// modules' exported services, so each check is a pure function of these facts.

export interface PreCheckDeps {
  /** Where evidence bytes are stored: each cited evidence is re-hashed (fixity). */
  blobs: BlobStore;
}

export interface StepOfficers {
  seq: number;
  action: string;
  label: string;
  on: string;
  ids: string[];
  found: OfficerOnDate[];
}

export interface CitedBenchmark {
  /** 事先告知 or 决定: where the case chose it. */
  where: string;
  choice: BenchmarkChoice;
  /** The exact version the case points at (undefined when it does not exist). */
  entry: CurrentEntry<BenchmarkData> | undefined;
}

export interface PreCheckFacts {
  case: CaseView;
  /** Shanghai date the open deadlines are measured against. */
  today: string;
  /** The 执法事项 version the case was registered under. */
  item: CurrentEntry<ItemData> | undefined;
  /** Unit ids from the root to the case's unit. */
  unitChain: string[];
  unitName: (unitId: string) => string;
  caseOfficers: { on: string; found: OfficerOnDate[] };
  stepOfficers: StepOfficers[];
  benchmarks: CitedBenchmark[];
  /** For each 执法事项 step a case step performed: the codes of the AV-list rules making it 全程音像记录. */
  mandatoryAv: ReadonlyMap<string, string[]>;
  /** Every evidence id the steps cite (recordings, service evidence, consents). */
  evidenceIds: string[];
  evidence: EvidenceFact[];
  fixity: ReadonlyMap<string, FixityResult>;
  ingest: IngestRecord[];
  documents: IssuedDocument[];
}

/** Steps where two officers with valid certificates must act (劳动保障监察条例 §16, 行政处罚法 §42). */
export const TWO_OFFICER_STEPS: readonly string[] = ['investigate', 'preserve_evidence', 'on_the_spot'];

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The evidence a step cites: its attachments, and a service's evidence and consent. */
export function stepEvidenceIds(data: Record<string, unknown>): string[] {
  const service = typeof data.service === 'object' && data.service !== null ? (data.service as Record<string, unknown>) : {};
  const consent = typeof service.consentEvidenceId === 'string' ? [service.consentEvidenceId] : [];
  return [...strings(data.evidenceIds), ...strings(service.evidenceIds), ...consent];
}

/** A fixity result; a store that cannot be read (network, permissions) gives one without a problem named. */
async function verified(blobs: BlobStore, sha256: string): Promise<FixityResult> {
  try {
    return await blobs.verify(sha256);
  } catch {
    return { sha256, ok: false };
  }
}

/** Reads everything the pre-checks look at for this case, re-hashing each cited evidence in the blob store. */
export async function gatherPreCheckFacts(db: Kysely<Database>, deps: PreCheckDeps, c: CaseView): Promise<PreCheckFacts> {
  const names = await loadUnitNames(db);
  const unitChain = (await caseUnitPath(db, c.id)).split('/').filter((id) => id !== '');
  // The officers assigned to the case must hold valid certificates when it is filed (or came in).
  const officersOn = c.filedOn ?? c.receivedOn;
  const caseOfficerIds = c.officers.map((o) => o.officerId);
  const stepOfficers: StepOfficers[] = [];
  for (const step of c.steps) {
    const ids = strings(step.data.officerIds);
    if (ids.length === 0 && !TWO_OFFICER_STEPS.includes(step.action)) continue;
    const found = await officersOnDate(db, ids, step.performedOn);
    stepOfficers.push({ seq: step.seq, action: step.action, label: step.actionLabel, on: step.performedOn, ids, found });
  }
  const choices: [string, BenchmarkChoice | null | undefined][] = [
    ['事先告知', c.data.notice?.benchmark],
    ['决定', c.data.decision?.benchmark],
  ];
  const benchmarks: CitedBenchmark[] = [];
  for (const [where, choice] of choices) {
    if (choice) benchmarks.push({ where, choice, entry: await entryVersion<BenchmarkData>(db, benchmarkKind, choice.versionId) });
  }
  const mandatoryAv = new Map<string, string[]>();
  for (const itemStep of new Set(c.steps.map((s) => s.data.itemStep).filter((s): s is string => typeof s === 'string'))) {
    const codes = (await avRulesFor(db, c.itemCode, itemStep)).filter((r) => r.data.requirement === 'mandatory').map((r) => r.code);
    if (codes.length > 0) mandatoryAv.set(itemStep, codes);
  }
  const evidenceIds = [...new Set(c.steps.flatMap((s) => stepEvidenceIds(s.data)))];
  const evidence = await evidenceFacts(db, evidenceIds);
  const fixity = new Map<string, FixityResult>();
  // Each distinct content is re-hashed once, however many records point at it.
  for (const sha256 of new Set(evidence.map((e) => e.sha256))) fixity.set(sha256, await verified(deps.blobs, sha256));
  return {
    case: c,
    today: shanghaiToday(),
    item: await entryVersion<ItemData>(db, itemKind, c.itemVersionId),
    unitChain,
    unitName: (id) => names.nameOf(id) || id,
    caseOfficers: { on: officersOn, found: await officersOnDate(db, caseOfficerIds, officersOn) },
    stepOfficers,
    benchmarks,
    mandatoryAv,
    evidenceIds,
    evidence,
    fixity,
    ingest: await ingestRecords(db, evidenceIds),
    documents: await listCaseDocuments(db, c.id),
  };
}
