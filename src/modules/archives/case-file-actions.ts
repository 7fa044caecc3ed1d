import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { planZip, zipLength, zipStream } from '../../platform/archive/zip-writer.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { caseRecord } from '../cases/index.js';
import { agencyOf } from './agency.js';
import { caseItems } from './assembly.js';
import { getCaseFile, readableFile } from './case-files-read.js';
import type { ArchiveDeps } from './case-files-service.js';
import { exportCaseBag } from './export-service.js';
import { type CheckedItem, failureSentences, runFourChecks } from './four-checks.js';
import { ledgerPart } from './ledger-part.js';
import { canIn } from './policy.js';
import * as repo from './repository.js';
import { type CaseFileView, type CheckSummary, toCheckSummary } from './views.js';

// What may happen to an accepted file: a numbered supplement (补充归档) of what the case gained since,
// a 四性检测 on demand, a legal hold (冻结) and its release, and export as a BagIt bag.

const archivedFile = async (
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  action: 'archive.accept' | 'archive.hold' | 'archive.export',
) => {
  const row = await readableFile(db, actor, id);
  authorize(
    canIn(actor, action, row.unit_path),
    action === 'archive.hold' ? '只有档案管理员或局领导可以冻结案卷' : '无权对该案卷执行此操作',
  );
  if (row.state === 'disposed') throw conflict('case_file_disposed', `案卷 ${row.archive_no} 已销毁`);
  return row;
};

const checkedItems = (items: readonly repo.ItemRow[]): CheckedItem[] =>
  items.map((i) => ({
    position: Number(i.position),
    kind: i.kind === 'evidence' ? 'evidence' : 'document',
    refId: i.ref_id,
    title: i.title,
    number: i.number,
    sha256: i.sha256,
    mediaType: i.media_type,
    fileName: i.file_name,
    note: i.note,
  }));

/** Appends what the case gained after acceptance (a correction, late evidence) as the next supplement. */
export async function supplementCaseFile(
  db: Kysely<Database>,
  deps: ArchiveDeps,
  actor: Actor,
  id: string,
  input: { readonly reason: string; readonly pages?: number },
): Promise<CaseFileView> {
  const user = requireUser(actor);
  const row = await archivedFile(db, actor, id, 'archive.accept');
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason_required', '请写明补充归档的原因');
  const view = await caseRecord(db, row.case_id);
  if (!view) throw notFound('case_not_found', '案件不存在');
  const items = await repo.listItems(db, id);
  const held = new Set(items.map((i) => `${i.kind}:${i.ref_id}`));
  const agency = (await agencyOf(db, view.unitId)).name;
  const found = await caseItems(db, view, agency, held);
  const added = [...found.documents, ...found.evidence, ...found.approvals];
  if (added.length === 0) throw conflict('nothing_to_supplement', '该案件归档后没有新增的文书或证据,无需补充归档');
  const start = items.length + 1;
  const checked: CheckedItem[] = added.map((a, i) => ({ ...a, position: start + i }));
  const { report } = await runFourChecks(deps.blobs, view, checked, () =>
    ledgerPart(db, deps.ledger, [
      { type: 'document', ids: added.filter((a) => a.kind === 'document').map((a) => a.refId) },
      { type: 'evidence', ids: added.filter((a) => a.kind === 'evidence').map((a) => a.refId) },
    ]),
  );
  if (!report.passed) {
    const titles = new Map(checked.map((c) => [c.position, c.title]));
    throw new AppError('conflict', 'four_checks_failed', '补充材料的四性检测未通过', {
      details: failureSentences(report, (p) => titles.get(p) ?? ''),
    });
  }
  const supplements = await repo.listSupplements(db, id);
  const no = supplements.length + 1;
  const now = new Date().toISOString();
  await inTransaction(db, async (trx) => {
    await repo.insertSupplement(trx, {
      case_file_id: id,
      no,
      reason,
      created_by: user.userId,
      created_by_name: user.displayName,
      created_at: now,
    });
    await repo.insertItems(
      trx,
      checked.map((c, i) => ({
        case_file_id: id,
        position: c.position,
        part: added[i]?.part ?? 'document',
        kind: c.kind,
        ref_id: c.refId,
        title: c.title,
        number: c.number,
        responsible: added[i]?.responsible ?? '',
        item_date: added[i]?.date ?? '',
        pages: null,
        media_type: c.mediaType,
        file_name: c.fileName,
        sha256: c.sha256,
        size: added[i]?.size ?? 0,
        supplement: no,
        note: `补充归档第 ${no} 次:${reason}`,
      })),
    );
    await repo.updateCaseFile(trx, id, {
      item_count: items.length + added.length,
      pages: Number(row.pages) + (input.pages ?? 0),
      updated_at: now,
    });
    await repo.insertCheck(trx, {
      id: randomUUID(),
      case_file_id: id,
      case_id: row.case_id,
      trigger: 'supplement',
      passed: 1,
      report: JSON.stringify(report),
      checked_by: user.userId,
      checked_at: report.checkedAt,
    });
    await recordEvent(trx, actor, {
      type: repo.SUPPLEMENTED,
      subject: { type: 'case_file', id },
      data: { no, reason, items: checked.map((c) => ({ position: c.position, kind: c.kind, id: c.refId, sha256: c.sha256 })) },
      blobs: [...new Set(checked.map((c) => c.sha256))],
    });
  });
  return getCaseFile(db, actor, id);
}

/** 四性检测 on demand of the whole file as it is stored now; the report is kept whatever it finds. */
export async function checkCaseFile(db: Kysely<Database>, deps: ArchiveDeps, actor: Actor, id: string): Promise<CheckSummary> {
  const user = requireUser(actor);
  const row = await archivedFile(db, actor, id, 'archive.accept');
  const view = await caseRecord(db, row.case_id);
  if (!view) throw notFound('case_not_found', '案件不存在');
  const items = checkedItems(await repo.listItems(db, id));
  const { report } = await runFourChecks(deps.blobs, view, items, () =>
    ledgerPart(db, deps.ledger, [
      { type: 'case', ids: [view.id] },
      { type: 'case_file', ids: [id] },
      { type: 'document', ids: items.filter((i) => i.kind === 'document').map((i) => i.refId) },
      { type: 'evidence', ids: items.filter((i) => i.kind === 'evidence').map((i) => i.refId) },
    ]),
  );
  const checkId = randomUUID();
  await inTransaction(db, async (trx) => {
    await repo.insertCheck(trx, {
      id: checkId,
      case_file_id: id,
      case_id: row.case_id,
      trigger: 'on_demand',
      passed: report.passed ? 1 : 0,
      report: JSON.stringify(report),
      checked_by: user.userId,
      checked_at: report.checkedAt,
    });
    await recordEvent(trx, actor, {
      type: repo.CHECKED,
      subject: { type: 'case_file', id },
      data: { checkId, passed: report.passed, failures: report.lines.filter((l) => !l.passed && l.severity === 'error').length },
    });
  });
  const stored = await repo.findCheck(db, checkId);
  if (!stored) throw new Error(`check ${checkId} vanished`);
  return toCheckSummary(stored);
}

/** Sets (reason given) or releases (null) a legal hold: a held file is never put on a 销毁清单. */
export async function setLegalHold(db: Kysely<Database>, actor: Actor, id: string, reason: string | null): Promise<CaseFileView> {
  requireUser(actor);
  const row = await archivedFile(db, actor, id, 'archive.hold');
  const text = reason?.trim() ?? null;
  if (text === '') throw invalid('reason_required', '请写明冻结的原因(如诉讼、复议、审计)');
  if (text !== null && row.legal_hold !== null) throw conflict('already_held', `该案卷已冻结:${row.legal_hold}`);
  if (text === null && row.legal_hold === null) throw conflict('not_held', '该案卷没有被冻结');
  await inTransaction(db, async (trx) => {
    await repo.updateCaseFile(trx, id, { legal_hold: text, updated_at: new Date().toISOString() });
    await recordEvent(trx, actor, {
      type: text === null ? repo.HOLD_RELEASED : repo.HOLD_SET,
      subject: { type: 'case_file', id },
      data: text === null ? { released: row.legal_hold } : { reason: text },
    });
  });
  return getCaseFile(db, actor, id);
}

export interface BagDownload {
  readonly fileName: string;
  readonly length: number;
  readonly stream: Readable;
}

/**
 * The file as a zipped bag for download: written to a temporary directory, streamed as a ZIP whose
 * length is known in advance, removed once sent (or abandoned). The export is recorded as an access.
 */
export async function exportCaseFileZip(
  db: Kysely<Database>,
  deps: ArchiveDeps,
  actor: Actor,
  id: string,
  tmpRoot?: string,
): Promise<BagDownload> {
  const row = await archivedFile(db, actor, id, 'archive.export');
  const parent = tmpRoot ?? os.tmpdir();
  await fs.promises.mkdir(parent, { recursive: true });
  const base = await fs.promises.mkdtemp(path.join(parent, 'sanxiang-bag-'));
  const root = row.archive_no.replace(/[\p{Cc}/\\:*?"<>|]/gu, '_');
  const dir = path.join(base, root);
  const cleanup = () => fs.promises.rm(base, { recursive: true, force: true });
  try {
    const result = await exportCaseBag(db, deps.blobs, deps.ledger, row.case_id, dir);
    await inTransaction(db, (trx) =>
      recordEvent(trx, actor, {
        type: repo.EXPORTED,
        subject: { type: 'case_file', id },
        data: {
          archiveNo: row.archive_no,
          payloadFiles: result.payloadFiles,
          payloadOctets: result.payloadOctets,
          treeSize: result.treeSize,
        },
      }).then(() => undefined),
    );
    const planned = await planZip(dir, root);
    const stream = zipStream(planned);
    stream.once('close', () => void cleanup());
    return { fileName: `${root}.zip`, length: zipLength(planned), stream };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
