import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { avCheckOf } from '../cases/index.js';

// Test-only: rows of cases, steps, 法制审核 rounds and publications written as the owning modules write
// them (step data is their JSON.stringify output), with exactly the dates a statistics test needs.

export interface UnitRef {
  id: string;
  path: string;
}

export interface StepSpec {
  action: string;
  performedOn: string;
  /** The 执法事项 环节 the AV gate checked. */
  itemStep?: string;
  /** Passed without a recording by an approved exception. */
  avException?: boolean;
}

export interface CaseSpec {
  unit: UnitRef;
  itemCode: string;
  receivedOn: string;
  procedure?: string;
  source?: string;
  stage?: string;
  filedOn?: string | null;
  closedOn?: string | null;
  nextDeadline?: string | null;
  steps?: StepSpec[];
}

const now = () => new Date().toISOString();

export async function insertCase(db: Kysely<Database>, spec: CaseSpec): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('cases')
    .values({
      id,
      case_no: `T-${randomBytes(6).toString('hex')}`,
      title: '统计测试案件',
      unit_id: spec.unit.id,
      unit_path: spec.unit.path,
      procedure: spec.procedure ?? 'general',
      source: spec.source ?? '投诉',
      stage: spec.stage ?? 'investigating',
      item_code: spec.itemCode,
      item_version_id: randomUUID(),
      received_on: spec.receivedOn,
      filed_on: spec.filedOn ?? null,
      // As the cases module records it: the day of the decision step (a case is decided once).
      decided_on: spec.steps?.find((s) => s.action === 'decide' || s.action === 'on_the_spot')?.performedOn ?? null,
      closed_on: spec.closedOn ?? null,
      decision_revoked_on: null,
      next_deadline: spec.nextDeadline ?? null,
      review_required: 0,
      data: '{}',
      created_at: now(),
      created_by: 'test',
      updated_at: now(),
    })
    .execute();
  for (const [i, step] of (spec.steps ?? []).entries()) {
    const data = {
      note: '',
      evidenceIds: [],
      ...(step.itemStep ? { itemStep: step.itemStep } : {}),
      ...(step.avException ? { avException: { reason: '执法记录仪故障' } } : {}),
    };
    await db
      .insertInto('case_steps')
      .values({
        id: randomUUID(),
        case_id: id,
        seq: i + 1,
        action: step.action,
        stage_after: spec.stage ?? 'investigating',
        performed_on: step.performedOn,
        data: JSON.stringify(data),
        av_check: avCheckOf(data),
        unit_id: spec.unit.id,
        unit_path: spec.unit.path,
        item_code: spec.itemCode,
        created_at: now(),
        created_by: 'test',
      })
      .execute();
  }
  return id;
}

export interface RoundSpec {
  submittedAt: string;
  concludedAt?: string;
  conclusion?: 'agreed' | 'problems' | 'revise';
  /** Checklist keys of the problems the opinion names. */
  problems?: string[];
}

export async function insertReview(db: Kysely<Database>, caseId: string, unit: UnitRef, rounds: readonly RoundSpec[]): Promise<void> {
  const id = randomUUID();
  await db
    .insertInto('reviews')
    .values({
      id,
      case_id: caseId,
      case_no: 'T',
      case_title: '统计测试案件',
      unit_id: unit.id,
      unit_path: unit.path,
      state: 'in_review',
      reviewer_id: null,
      round_no: rounds.length,
      due_on: null,
      extended: 0,
      settlement: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  for (const [i, r] of rounds.entries()) {
    const opinion = r.conclusion
      ? JSON.stringify({
          checklist: [],
          problems: (r.problems ?? []).map((key, no) => ({ no: no + 1, key, text: '问题' })),
          note: '',
          signatures: [],
        })
      : null;
    await db
      .insertInto('review_rounds')
      .values({
        id: randomUUID(),
        review_id: id,
        round_no: i + 1,
        package: '{}',
        package_sha256: '0'.repeat(64),
        attestation: '{}',
        answers: null,
        submitted_at: r.submittedAt,
        submitted_by: 'test',
        conclusion: r.conclusion ?? null,
        opinion,
        opinion_document_id: null,
        concluded_at: r.concludedAt ?? null,
        concluded_by: r.concludedAt ? 'test' : null,
      })
      .execute();
  }
}

export interface PublicationSpec {
  decidedOn: string;
  dueOn: string | null;
  /** The first version's publication instant (UTC); absent: never published. */
  firstPublishedAt?: string;
  state?: string;
}

export async function insertPublication(db: Kysely<Database>, caseId: string, unit: UnitRef, spec: PublicationSpec): Promise<void> {
  const documentId = randomUUID();
  await db
    .insertInto('documents')
    .values({
      id: documentId,
      case_id: caseId,
      unit_id: unit.id,
      type: 'penalty_decision',
      title: '行政处罚决定书',
      number: null,
      number_year: null,
      number_seq: null,
      version: 1,
      supersedes_id: null,
      superseded_by: null,
      superseded_at: null,
      document_date: spec.decidedOn,
      data: '{}',
      sha256: randomBytes(32).toString('hex'),
      sm3: randomBytes(32).toString('hex'),
      size: 1,
      issued_at: now(),
      issued_by: 'test',
      issued_by_name: '测试',
    })
    .execute();
  const id = randomUUID();
  await db
    .insertInto('publications')
    .values({
      id,
      document_id: documentId,
      document_type: 'penalty_decision',
      document_number: null,
      case_id: caseId,
      case_no: 'T',
      unit_id: unit.id,
      unit_path: unit.path,
      category: 'penalty',
      decided_on: spec.decidedOn,
      due_on: spec.dueOn,
      state: spec.state ?? (spec.firstPublishedAt ? 'published' : 'draft'),
      blocked_reason: spec.state === 'blocked' ? '涉及未成年人' : null,
      withdrawn_reason: null,
      withdrawn_at: null,
      current_version: spec.firstPublishedAt ? 1 : 0,
      published_at: spec.firstPublishedAt ?? null,
      expires_on: null,
      revoked_on: null,
      withdrawal_due_on: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  if (!spec.firstPublishedAt) return;
  await db
    .insertInto('publication_versions')
    .values({
      id: randomUUID(),
      publication_id: id,
      version: 1,
      summary: '{}',
      text: '',
      redactions: '[]',
      original_sha256: '0'.repeat(64),
      text_sha256: '0'.repeat(64),
      change_note: null,
      published_at: spec.firstPublishedAt,
      published_by: 'test',
      ledger_index: 0,
      confirmed: null,
      source_text_sha256: null,
    })
    .execute();
}
