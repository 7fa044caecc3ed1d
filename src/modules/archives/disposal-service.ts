import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { type Disposal, recordDisposals } from '../../platform/blobs/disposal.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { documentCasesByBlob } from '../documents/index.js';
import { evidenceCasesByBlob } from '../evidence/index.js';
import type { ArchiveDeps } from './case-files-service.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { disposalRefusals } from './retention.js';
import { type DisposalListView, toDisposalListView } from './views.js';

// 销毁清单: the only way content leaves the archives. The archivist lists files whose retention has ended;
// a leader approves it, citing the 同级档案部门's consent; the archivist carries it out. Each step checks
// every file again (a legal hold may have come in between). Carrying it out records a `blob.disposed`
// ledger event per content blob no other live record holds, marks the files disposed, and deletes the
// content after the transaction commits: the ledger keeps every hash and says why it is gone.

const MAX_FILES = 1000;

function refusal(problems: readonly string[]): AppError {
  return new AppError('conflict', 'disposal_refused', '清单中有不能销毁的案卷,未作任何更改', { details: problems });
}

/** Why each file may not be disposed of today; `ownListNo` is the list being decided or carried out. */
async function eligibility(
  db: Kysely<Database> | Trx,
  files: readonly repo.CaseFileRow[],
  today: string,
  ownListNo?: string,
): Promise<string[]> {
  const onLists = await repo.filesOnOpenLists(
    db,
    files.map((f) => f.id),
  );
  const problems: string[] = [];
  for (const f of files) {
    const reasons =
      f.state === 'disposed'
        ? ['已经销毁']
        : disposalRefusals({ until: f.retention_until, caseOpen: false, legalHold: f.legal_hold }, today);
    const other = onLists.get(f.id);
    if (other !== undefined && other !== ownListNo) reasons.push(`已列入销毁清单 ${other}`);
    if (reasons.length > 0) problems.push(`${f.archive_no}(${f.case_no}):${reasons.join(';')}`);
  }
  return problems;
}

async function filesById(db: Kysely<Database> | Trx, ids: readonly string[]): Promise<repo.CaseFileRow[]> {
  const rows: repo.CaseFileRow[] = [];
  for (const id of ids) {
    const row = await repo.findCaseFile(db, id);
    if (!row) throw notFound('case_file_not_found', `没有找到案卷 ${id}`);
    rows.push(row);
  }
  return rows;
}

async function listView(db: Kysely<Database>, row: repo.DisposalListRow): Promise<DisposalListView> {
  return toDisposalListView(row, await filesById(db, await repo.disposalListFileIds(db, row.id)));
}

export async function listDisposalLists(db: Kysely<Database>, actor: Actor): Promise<DisposalListView[]> {
  requireUser(actor);
  authorize(can(actor, 'archive.read'), '无权查看档案');
  const rows = await repo.listDisposalLists(db);
  return Promise.all(rows.map((r) => listView(db, r)));
}

export async function getDisposalList(db: Kysely<Database>, actor: Actor, id: string): Promise<DisposalListView> {
  requireUser(actor);
  authorize(can(actor, 'archive.read'), '无权查看档案');
  const row = await repo.findDisposalList(db, id);
  if (!row) throw notFound('disposal_list_not_found', '没有找到该销毁清单');
  return listView(db, row);
}

/** Proposes a list: refused as a whole (409 `disposal_refused`, each file named) if any file may not go yet. */
export async function proposeDisposalList(
  db: Kysely<Database>,
  actor: Actor,
  input: { readonly caseFileIds: readonly string[]; readonly reason: string },
  today: string = shanghaiToday(),
): Promise<DisposalListView> {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.dispose'), '只有档案管理员可以编制销毁清单');
  const ids = [...new Set(input.caseFileIds)];
  if (ids.length === 0) throw invalid('no_files', '请选择要销毁的案卷');
  if (ids.length > MAX_FILES) throw invalid('too_many_files', `一份销毁清单最多 ${MAX_FILES} 卷`);
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason_required', '请写明销毁理由(如:保管期满,经鉴定无继续保存价值)');
  const files = await filesById(db, ids);
  const problems = await eligibility(db, files, today);
  if (problems.length > 0) throw refusal(problems);
  const year = today.slice(0, 4);
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    const listNo = `XH-${year}-${String((await repo.countDisposalLists(trx, `XH-${year}-`)) + 1).padStart(3, '0')}`;
    await repo.insertDisposalList(
      trx,
      {
        id,
        list_no: listNo,
        state: 'pending',
        reason,
        created_by: user.userId,
        created_by_name: user.displayName,
        created_at: new Date().toISOString(),
      },
      ids,
    );
    await recordEvent(trx, actor, {
      type: repo.DISPOSAL_PROPOSED,
      subject: { type: 'disposal_list', id },
      data: { listNo, reason, files: files.map((f) => ({ id: f.id, archiveNo: f.archive_no, retentionUntil: f.retention_until })) },
    });
  });
  return getDisposalList(db, actor, id);
}

/** A leader approves (with the 档案部门's 批复文号) or rejects a pending list. */
export async function decideDisposalList(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { readonly approve: boolean; readonly approvalRef?: string; readonly opinion?: string },
  today: string = shanghaiToday(),
): Promise<DisposalListView> {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.approve_disposal'), '只有局领导可以批准销毁清单');
  const row = await repo.findDisposalList(db, id);
  if (!row) throw notFound('disposal_list_not_found', '没有找到该销毁清单');
  if (row.state !== 'pending') throw conflict('disposal_list_not_pending', `销毁清单 ${row.list_no} 已处理,不能再审批`);
  const ref = input.approvalRef?.trim() ?? '';
  if (input.approve && ref === '') throw invalid('approval_ref_required', '请填写同级档案部门同意销毁的批复文号');
  if (input.approve) {
    const problems = await eligibility(db, await filesById(db, await repo.disposalListFileIds(db, id)), today, row.list_no);
    if (problems.length > 0) throw refusal(problems);
  }
  await inTransaction(db, async (trx) => {
    const moved = await repo.moveDisposalList(trx, id, 'pending', {
      state: input.approve ? 'approved' : 'rejected',
      approved_by: user.userId,
      approved_by_name: user.displayName,
      approved_at: new Date().toISOString(),
      approval_ref: input.approve ? ref : null,
      decision_opinion: input.opinion?.trim() || null,
    });
    if (!moved) throw conflict('disposal_list_not_pending', `销毁清单 ${row.list_no} 已处理,不能再审批`);
    await recordEvent(trx, actor, {
      type: input.approve ? repo.DISPOSAL_APPROVED : repo.DISPOSAL_REJECTED,
      subject: { type: 'disposal_list', id },
      data: { listNo: row.list_no, approvalRef: input.approve ? ref : null, opinion: input.opinion?.trim() ?? '' },
    });
  });
  return getDisposalList(db, actor, id);
}

/** Carries out an approved list: disposal events, files marked disposed, then the content deleted. */
export async function executeDisposalList(
  db: Kysely<Database>,
  deps: ArchiveDeps,
  actor: Actor,
  id: string,
  today: string = shanghaiToday(),
): Promise<DisposalListView> {
  const user = requireUser(actor);
  authorize(can(actor, 'archive.dispose'), '只有档案管理员可以执行销毁清单');
  const row = await repo.findDisposalList(db, id);
  if (!row) throw notFound('disposal_list_not_found', '没有找到该销毁清单');
  if (row.state !== 'approved') throw conflict('disposal_list_not_approved', `销毁清单 ${row.list_no} 尚未批准,不能执行`);
  const fileIds = await repo.disposalListFileIds(db, id);
  const files = await filesById(db, fileIds);
  const problems = await eligibility(db, files, today, row.list_no);
  if (problems.length > 0) throw refusal(problems);
  const items = await repo.listItemsOf(db, fileIds);
  const disposals = await disposable(
    db,
    items,
    fileIds,
    files,
    `销毁清单 ${row.list_no}(${row.approved_by_name ?? ''}批准,${row.approval_ref ?? ''})`,
  );
  const now = new Date().toISOString();
  const deleteContent = await inTransaction(db, async (trx) => {
    if (
      !(await repo.moveDisposalList(trx, id, 'approved', {
        state: 'executed',
        executed_by: user.userId,
        executed_at: now,
        blobs_disposed: disposals.length,
      }))
    )
      throw conflict('disposal_list_not_approved', `销毁清单 ${row.list_no} 已执行或已撤回`);
    for (const f of files)
      await repo.updateCaseFile(trx, f.id, { state: 'disposed', disposal_list_id: id, disposed_at: now, updated_at: now });
    const remove = await recordDisposals(trx, actor, disposals);
    await recordEvent(trx, actor, {
      type: repo.DISPOSAL_EXECUTED,
      subject: { type: 'disposal_list', id },
      data: { listNo: row.list_no, files: files.map((f) => f.archive_no), blobs: disposals.map((d) => d.sha256) },
    });
    return remove;
  });
  await deleteContent(deps.blobs);
  return getDisposalList(db, actor, id);
}

/**
 * The content of the listed files that may go: a blob also held by a file not on the list, or by a case
 * that is not (yet) archived, or by evidence outside any case, stays — content is shared by address.
 */
async function disposable(
  db: Kysely<Database>,
  items: readonly repo.ItemRow[],
  fileIds: readonly string[],
  files: readonly repo.CaseFileRow[],
  reason: string,
): Promise<Disposal[]> {
  const shas = [...new Set(items.map((i) => i.sha256))];
  const heldByOtherFiles = await repo.filesHoldingBlobs(db, shas, fileIds);
  const listedCases = new Set(files.map((f) => f.case_id));
  const [documents, evidence] = await Promise.all([documentCasesByBlob(db, shas), evidenceCasesByBlob(db, shas)]);
  const out: Disposal[] = [];
  for (const sha256 of shas) {
    if (heldByOtherFiles.has(sha256)) continue;
    const holders = [...(documents.get(sha256) ?? []), ...(evidence.get(sha256) ?? [])];
    // Another case's record (open, closed, or archived but not on this list), or evidence outside any case, keeps it.
    if (holders.some((caseId) => caseId === null || !listedCases.has(caseId))) continue;
    const item = items.find((i) => i.sha256 === sha256);
    out.push({ sha256, reason, subject: { type: item?.kind ?? 'blob', id: item?.ref_id ?? sha256 } });
  }
  return out;
}
