import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { type CaseView, caseDocumentData, caseRecord } from '../cases/index.js';
import { entryVersion, type ItemData, itemKind } from '../catalog/index.js';
import { issueDocument } from '../documents/index.js';
import { agencyOf, fondsCode } from './agency.js';
import { type AssembledItem, caseItems, DOCX_MEDIA_TYPE, isAudioVisual, type Part } from './assembly.js';
import { getCaseFile } from './case-files-read.js';
import { type CheckedItem, type FourChecksReport, failureSentences, runFourChecks } from './four-checks.js';
import { type ExportLedger, ledgerPart } from './ledger-part.js';
import { canIn } from './policy.js';
import * as repo from './repository.js';
import { type Retention, retentionOf } from './retention.js';
import type { CaseFileItemsTable } from './tables.js';
import type { CaseFileView } from './views.js';

// 案卷: a closed case's documents and evidence gathered in the conventional order, checked (四性检测) and
// accepted by the archivist, who then holds an immutable file with a 档号; later material is appended as
// a numbered supplement, never edited in.

export interface ArchiveDeps {
  readonly blobs: BlobStore;
  readonly ledger: ExportLedger;
}

/** 保管期限 codes in the 档号 (DA/T 13 style: Y 永久, D30 定期30年, D10 定期10年). */
const RETENTION_CODES: Readonly<Record<string, string>> = { permanent: 'Y', '30y': 'D30', '10y': 'D10' };

export interface PlannedItem extends Omit<AssembledItem, 'sha256' | 'size'> {
  readonly position: number;
  /** Made at acceptance (封面, 目录, 备考表): no content yet in a preview. */
  readonly generated: boolean;
  readonly sha256: string | null;
  readonly size: number | null;
  /** Counted pages; null for audio/video; undefined when they cannot be counted (printed .docx). */
  readonly pages?: number | null;
}

export interface CaseFilePlan {
  readonly caseId: string;
  readonly caseNo: string;
  readonly title: string;
  readonly closedOn: string;
  readonly retention: Omit<Retention, 'bases'> & { readonly label: string; readonly bases: string[] };
  readonly items: PlannedItem[];
  /** Pages counted, with each printed document taken as at least one page: the archivist confirms. */
  readonly suggestedPages: number;
  readonly report: FourChecksReport;
}

async function closedCase(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  action: 'archive.read' | 'archive.accept',
): Promise<CaseView> {
  const view = await caseRecord(db, caseId);
  if (!view) throw notFound('case_not_found', `案件 ${caseId} 不存在`);
  const path = (await db.selectFrom('units').select('path').where('id', '=', view.unitId).executeTakeFirst())?.path ?? '';
  authorize(canIn(actor, action, path), action === 'archive.accept' ? '只有档案管理员可以接收案卷' : '无权查看该案卷');
  if (view.stage !== 'closed')
    throw conflict('case_not_closed', `案件 ${view.caseNo} 尚未结案(当前阶段:${view.stageLabel}),结案后才能归档`);
  return view;
}

async function retentionFor(db: Kysely<Database>, view: CaseView): Promise<Retention> {
  const item = await entryVersion<ItemData>(db, itemKind, view.itemVersionId);
  return retentionOf({
    procedure: view.procedure,
    category: item?.data.category ?? '',
    decided: view.data.decision !== null && !view.data.revocation,
    major: view.reviewRequired,
    heard: Boolean(view.data.hearing?.heldOn),
    closedOn: view.closedOn ?? '',
  });
}

const generated = (position: number, part: Part, title: string, agency: string, date: string): PlannedItem => ({
  position,
  part,
  kind: 'document',
  refId: '',
  title,
  number: null,
  responsible: agency,
  date,
  mediaType: DOCX_MEDIA_TYPE,
  fileName: `${title}.docx`,
  sha256: null,
  size: null,
  note: '接收时生成',
  generated: true,
  pages: part === 'catalogue' ? undefined : 1,
});

/** The file as it would be accepted today: order, retention, pages, and the 四性检测 of what exists. */
async function planFor(
  db: Kysely<Database>,
  deps: ArchiveDeps,
  view: CaseView,
  /** A preview only reads: it does not sign a checkpoint to prove against. */
  sign: boolean,
): Promise<CaseFilePlan & { agency: string }> {
  const agency = (await agencyOf(db, view.unitId)).name;
  const { documents, evidence, approvals } = await caseItems(db, view, agency);
  const existing = [...documents, ...evidence, ...approvals];
  const today = shanghaiToday();
  const checked: CheckedItem[] = existing.map((item, i) => ({ ...item, position: i + 3 }));
  const { report, probes } = await runFourChecks(deps.blobs, view, checked, () =>
    ledgerPart(
      db,
      deps.ledger,
      [
        { type: 'case', ids: [view.id] },
        { type: 'document', ids: documents.concat(approvals).map((d) => d.refId) },
        { type: 'evidence', ids: evidence.map((e) => e.refId) },
      ],
      { sign },
    ),
  );
  const items: PlannedItem[] = [
    generated(1, 'cover', '行政执法案卷封面', agency, today),
    generated(2, 'catalogue', '卷内文件目录', agency, today),
    ...existing.map((item, i): PlannedItem => {
      const position = i + 3;
      const counted = probes.get(position)?.details.pages;
      const pages = isAudioVisual(item.mediaType) ? null : item.mediaType.startsWith('image/') ? 1 : counted;
      return { ...item, position, generated: false, ...(pages === undefined ? {} : { pages }) };
    }),
    generated(existing.length + 3, 'notes', '卷内备考表', agency, today),
  ];
  const retention = await retentionFor(db, view);
  const suggestedPages = items.reduce((sum, i) => sum + (i.pages === null ? 0 : (i.pages ?? 1)), 0);
  return {
    caseId: view.id,
    caseNo: view.caseNo,
    title: view.title,
    closedOn: view.closedOn ?? '',
    retention: { ...retention, bases: [...retention.bases], label: retentionLabel(retention.retention) },
    items,
    suggestedPages,
    report,
    agency,
  };
}

const retentionLabel = (r: string): string => ({ permanent: '永久', '30y': '30年', '10y': '10年' })[r] ?? r;

export async function previewCaseFile(db: Kysely<Database>, deps: ArchiveDeps, actor: Actor, caseId: string): Promise<CaseFilePlan> {
  requireUser(actor);
  const view = await closedCase(db, actor, caseId, 'archive.read');
  const existing = await repo.findCaseFileOfCase(db, view.id);
  if (existing) throw conflict('already_archived', `案件 ${view.caseNo} 已归档(档号 ${existing.archive_no})`);
  const { agency: _agency, ...plan } = await planFor(db, deps, view, false);
  return plan;
}

export interface AcceptInput {
  /** 页数 as the archivist counted or confirmed it. */
  readonly pages: number;
  /** 本卷情况说明 (备考表). */
  readonly note?: string;
}

/**
 * Accepts a closed case's file: refuses it (409 `four_checks_failed`, each failure named) unless the
 * 四性检测 passes, then in one transaction takes the next 件号, issues the 封面, 卷内文件目录 and 备考表,
 * stores the items and the report, and records `case_file.archived` naming every content hash.
 */
export async function acceptCaseFile(
  db: Kysely<Database>,
  deps: ArchiveDeps,
  actor: Actor,
  caseId: string,
  input: AcceptInput,
): Promise<CaseFileView> {
  const user = requireUser(actor);
  const view = await closedCase(db, actor, caseId, 'archive.accept');
  const already = await repo.findCaseFileOfCase(db, view.id);
  if (already) throw conflict('already_archived', `案件 ${view.caseNo} 已归档(档号 ${already.archive_no})`);
  const plan = await planFor(db, deps, view, true);
  if (!plan.report.passed) {
    const titles = new Map(plan.items.map((i) => [i.position, i.title]));
    throw new AppError('conflict', 'four_checks_failed', '四性检测未通过,不能接收归档;请先处理下列问题', {
      details: failureSentences(plan.report, (p) => titles.get(p) ?? ''),
    });
  }
  const fonds = await fondsCode(db, view.unitId);
  const caseData = await caseDocumentData(db, view);
  const year = Number(plan.closedOn.slice(0, 4));
  const today = shanghaiToday();
  const now = new Date().toISOString();
  const decision = plan.items.filter((i) => /决定书$/.test(i.title) && i.number !== null).at(-1);

  const id = await inTransaction(db, async (trx) => {
    const seq = await repo.takeNextSeq(trx, year, plan.retention.retention);
    const archiveNo = `${fonds}-${year}-${RETENTION_CODES[plan.retention.retention] ?? 'D10'}-${String(seq).padStart(4, '0')}`;
    const fileInfo = {
      archiveNo,
      ...(decision?.number ? { decisionNumber: decision.number } : {}),
      retention: plan.retention.label,
      items: plan.items.length,
      pages: input.pages,
      entries: plan.items.map((i) => ({
        no: i.position,
        title: i.title,
        ...(i.number ? { number: i.number } : {}),
        responsible: i.responsible,
        date: i.date,
        ...(i.pages === undefined ? {} : { pages: i.pages }),
        ...(i.note && !i.generated ? { note: i.note } : {}),
      })),
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      compiledBy: view.officers[0]?.name ?? user.displayName,
      checkedBy: user.displayName,
      compiledOn: today,
    };
    const data = { ...caseData, caseFile: fileInfo, dates: { ...caseData.dates, document: today } };
    const made = new Map<Part, { id: string; sha256: string; size: number }>();
    for (const [part, type] of [
      ['cover', 'case_file_cover'],
      ['catalogue', 'case_file_catalogue'],
      ['notes', 'case_file_notes'],
    ] as const) {
      const doc = await issueDocument(trx, actor, deps.blobs, { caseId: view.id, unitId: view.unitId, type, data });
      made.set(part, { id: doc.id, sha256: doc.sha256, size: doc.size });
    }
    const fileId = randomUUID();
    const rows: Insertable<CaseFileItemsTable>[] = plan.items.map((i) => {
      const doc = i.generated ? made.get(i.part) : undefined;
      return {
        case_file_id: fileId,
        position: i.position,
        part: i.part,
        kind: i.kind,
        ref_id: doc?.id ?? i.refId,
        title: i.title,
        number: i.number,
        responsible: i.responsible,
        item_date: i.date,
        pages: i.pages ?? null,
        media_type: i.mediaType,
        file_name: i.fileName,
        sha256: doc?.sha256 ?? i.sha256 ?? '',
        size: doc?.size ?? i.size ?? 0,
        supplement: 0,
        note: i.generated ? '' : i.note,
      };
    });
    const inserted = await repo.insertCaseFile(trx, {
      id: fileId,
      case_id: view.id,
      unit_id: view.unitId,
      unit_path: (await trx.selectFrom('units').select('path').where('id', '=', view.unitId).executeTakeFirst())?.path ?? '',
      case_no: view.caseNo,
      title: view.title,
      archive_no: archiveNo,
      year,
      seq,
      retention: plan.retention.retention,
      retention_until: plan.retention.until,
      retention_bases: JSON.stringify(plan.retention.bases),
      pages: input.pages,
      item_count: rows.length,
      closed_on: plan.closedOn,
      state: 'archived',
      note: input.note?.trim() ?? '',
      legal_hold: null,
      accepted_by: user.userId,
      accepted_by_name: user.displayName,
      accepted_at: now,
      disposal_list_id: null,
      disposed_at: null,
      updated_at: now,
    });
    // Two archivists accepting at once: the second waits on the 件号 counter, then finds the file taken.
    if (!inserted) throw conflict('already_archived', `案件 ${view.caseNo} 已由他人接收归档`);
    await repo.insertItems(trx, rows);
    const checkId = randomUUID();
    await repo.insertCheck(trx, {
      id: checkId,
      case_file_id: fileId,
      case_id: view.id,
      trigger: 'acceptance',
      passed: 1,
      report: JSON.stringify(plan.report),
      checked_by: user.userId,
      checked_at: plan.report.checkedAt,
    });
    await recordEvent(trx, actor, {
      type: repo.ARCHIVED,
      subject: { type: 'case_file', id: fileId },
      data: {
        caseId: view.id,
        caseNo: view.caseNo,
        archiveNo,
        retention: plan.retention.retention,
        retentionUntil: plan.retention.until,
        pages: input.pages,
        items: rows.map((r) => ({ position: r.position, kind: r.kind, id: r.ref_id, sha256: r.sha256 })),
        checkId,
      },
      blobs: [...new Set(rows.map((r) => r.sha256))],
    });
    return fileId;
  });
  return getCaseFile(db, actor, id);
}
