import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { UserActor } from '../../platform/auth/actor.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import type { Penalty } from '../cases/case-data.js';
import type { CaseView } from '../cases/index.js';
import { type CasesEnv, caseAt, casesApi, issueCaseDocument, NOTIFIED_PENALTY } from '../cases/testing.js';
import { ingestEvidence } from '../evidence/evidence-service.js';
import { parseUploadMetadata } from '../evidence/metadata.js';
import type { PreCheck } from './review-data.js';

// Test-only helpers for the pre-checks: evidence whose bytes really are in a blob store (ingested as
// the upload path does, so its ledger event names the hash), a case that passes every check, and
// ways to alter what a check looks at.

/** Ingests `bytes` (random by default) as evidence of the case, stored in `blobs`; returns its id and hash. */
export async function storedEvidence(
  env: CasesEnv,
  blobs: BlobStore,
  actor: UserActor,
  caseId: string,
  kind: 'video' | 'photo' = 'video',
): Promise<{ id: string; sha256: string }> {
  const blob = await blobs.put(Readable.from([randomBytes(2048)]));
  const metadata = parseUploadMetadata({
    filename: `${kind}.${kind === 'video' ? 'mp4' : 'jpg'}`,
    kind,
    recordedAt: '2026-09-08T10:00:00+08:00',
    sensitivity: 'general',
    caseId,
  });
  const id = await ingestEvidence(env.db, actor, { metadata, blob, mediaType: kind === 'video' ? 'video/mp4' : 'image/jpeg' });
  return { id, sha256: blob.sha256 };
}

/** Overwrites a stored blob's file in an fs blob store rooted at `dir` (stored files are read-only). */
export function alterBlobOnDisk(dir: string, sha256: string): void {
  const file = path.join(dir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, randomBytes(2048));
}

export interface ReadyOptions {
  /** 调查终结报告 (the facts). */
  facts?: string;
  penalty?: Penalty;
  departureReason?: string;
  /** Investigate without a recording, on the unit head's approved exception. */
  avException?: string;
  /** Leave the 立案审批表 unissued. */
  noFilingForm?: boolean;
}

/**
 * A major case with every check passing: filed 2026-09-03 with its 立案审批表, investigated on
 * 2026-09-08 by two officers with a real recording, notified (tier 2) and served on 2026-09-14.
 */
export async function readyCase(env: CasesEnv, blobs: BlobStore, actor: UserActor, options: ReadyOptions = {}): Promise<CaseView> {
  const api = casesApi(env);
  const c = await caseAt(env, 'investigating');
  if (!options.noFilingForm) await issueCaseDocument(env, c.id, 'filing_approval');
  const recording = options.avException === undefined ? [(await storedEvidence(env, blobs, actor, c.id)).id] : [];
  await api.actOk(
    c.id,
    'investigate',
    {
      performedOn: '2026-09-08',
      note: '现场检查,询问财务负责人,调取工资表',
      officerIds: [env.officers.a.id, env.officers.b.id],
      evidenceIds: recording,
      ...(options.avException === undefined ? {} : { avException: { reason: options.avException } }),
    },
    options.avException === undefined ? 'officer' : 'unitHead',
  );
  const facts = options.facts ?? '拖欠 5 名劳动者工资,事实清楚,建议处罚';
  await api.actOk(c.id, 'end_investigation', { performedOn: '2026-09-10', note: facts, reviewRequired: true }, 'unitHead');
  await api.actOk(
    c.id,
    'notify',
    {
      performedOn: '2026-09-11',
      note: '拟处罚',
      penalty: options.penalty ?? NOTIFIED_PENALTY,
      benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: options.departureReason ?? '' },
      hearingOffered: true,
    },
    'unitHead',
  );
  await issueCaseDocument(env, c.id, 'penalty_prior_notice');
  return api.actOk(c.id, 'serve_notice', {
    performedOn: '2026-09-14',
    note: '直接送达',
    service: { method: '直接送达', recipient: '张三' },
  });
}

/** The case as recorded, with its data changed (a state the procedure refuses, as legacy or altered data could hold). */
export const withData = (c: CaseView, data: Partial<CaseView['data']>): CaseView => ({ ...c, data: { ...c.data, ...data } });

/** The case with one step's recorded fields changed. */
export function withStep(c: CaseView, action: string, change: Partial<CaseView['steps'][number]>): CaseView {
  return { ...c, steps: c.steps.map((s) => (s.action === action ? { ...s, ...change } : s)) };
}

/** The recording attached to the case's 调查取证 step. */
export function recordingOf(c: CaseView): string {
  const ids = c.steps.find((s) => s.action === 'investigate')?.data.evidenceIds;
  const first: unknown = Array.isArray(ids) ? ids[0] : undefined;
  if (typeof first !== 'string') throw new Error('no recording attached');
  return first;
}

export function checkOf(checks: readonly PreCheck[], key: string): PreCheck {
  const found = checks.find((c) => c.key === key);
  if (!found) throw new Error(`no pre-check ${key}`);
  return found;
}
