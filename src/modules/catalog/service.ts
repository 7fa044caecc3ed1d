import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { dataJson } from './data-checks.js';
import type { KindDef } from './kinds.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { type ItemView, parseData, toItemView, toVersionView, type VersionView } from './views.js';

// One versioning model for every kind of catalogue entry (执法事项, 裁量基准, 音像记录事项, 审核目录, 公示牌).

const EDITORS = '只有政策法规科(法制审核人员)或系统管理员可以编辑执法公示清单';

const actorName = (actor: Actor): string =>
  actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? `system:${actor.name}` : 'anonymous';

const missingEntry = <D>(def: KindDef<D>) => notFound('item_not_found', `${def.label}不存在`);
const missingVersion = <D>(def: KindDef<D>) => notFound('version_not_found', `该${def.label}没有这个版本`);

async function entryOrThrow<D>(db: Kysely<Database> | Trx, def: KindDef<D>, id: string) {
  const item = await repo.findItem(db, def.kind, id);
  if (!item) throw missingEntry(def);
  return item;
}

async function versionOrThrow<D>(trx: Trx, def: KindDef<D>, itemId: string, versionId: string) {
  const version = await repo.findVersion(trx, itemId, versionId);
  if (!version) throw missingVersion(def);
  return version;
}

function columns<D>(def: KindDef<D>, data: D) {
  const s = def.summary(data);
  return { name: s.name, category: s.category, unit_id: s.unitId, ref_code: s.refCode, data: JSON.stringify(data) };
}

async function addVersion<D>(trx: Trx, actor: Actor, def: KindDef<D>, itemId: string, versionNo: number, input: D): Promise<string> {
  const data = await def.check(trx, input);
  const id = randomUUID();
  const now = new Date().toISOString();
  await repo.insertVersion(trx, {
    id,
    item_id: itemId,
    version_no: versionNo,
    status: 'draft',
    ...columns(def, data),
    created_at: now,
    created_by: actorName(actor),
    updated_at: now,
    published_at: null,
    published_by: null,
  });
  await recordEvent(trx, actor, {
    type: 'catalog.version_created',
    subject: { type: def.subject, id: itemId },
    data: { kind: def.kind, versionId: id, versionNo, data: dataJson(data as object) },
  });
  return id;
}

/** Inserts an entry with its draft version 1 (also used by the demo seed and imports); returns both ids. */
export async function insertEntry<D>(
  trx: Trx,
  actor: Actor,
  def: KindDef<D>,
  code: string,
  data: D,
): Promise<{ itemId: string; versionId: string }> {
  const trimmed = code.trim();
  if (await repo.findItemByCode(trx, trimmed)) throw conflict('code_taken', `编码「${trimmed}」已被使用`);
  const itemId = randomUUID();
  await repo.insertItem(trx, { id: itemId, code: trimmed, kind: def.kind, created_at: new Date().toISOString() });
  await recordEvent(trx, actor, {
    type: 'catalog.item_created',
    subject: { type: def.subject, id: itemId },
    data: { kind: def.kind, code: trimmed },
  });
  return { itemId, versionId: await addVersion(trx, actor, def, itemId, 1, data) };
}

/** A new draft from the given data or, without it, a copy of the current (else newest) version. */
export async function insertDraft<D>(trx: Trx, actor: Actor, def: KindDef<D>, itemId: string, data?: D): Promise<string> {
  await entryOrThrow(trx, def, itemId);
  const versions = await repo.listVersions(trx, itemId);
  const open = versions.find((v) => v.status === 'draft');
  if (open) throw conflict('draft_exists', `该${def.label}已有未发布的草稿(第 ${open.version_no} 版),请先修改或发布该草稿`);
  const base = versions.find((v) => v.status === 'published') ?? versions[0];
  const source = data ?? (base && parseData<D>(base.data));
  if (!source) throw missingVersion(def);
  return addVersion(trx, actor, def, itemId, (versions[0]?.version_no ?? 0) + 1, source);
}

/** Changes a draft; false when the checked data equals what is stored (no event). */
export async function applyDraftChanges<D>(
  trx: Trx,
  actor: Actor,
  def: KindDef<D>,
  itemId: string,
  versionId: string,
  changes: Partial<D>,
): Promise<boolean> {
  await entryOrThrow(trx, def, itemId);
  const version = await versionOrThrow(trx, def, itemId, versionId);
  if (version.status !== 'draft') throw conflict('version_not_draft', '已发布的版本不能修改;请新建版本后再修改');
  const data = await def.check(trx, { ...parseData<D>(version.data), ...changes });
  const next = columns(def, data);
  if (next.data === version.data) return false;
  await repo.updateVersion(trx, versionId, { ...next, updated_at: new Date().toISOString() });
  await recordEvent(trx, actor, {
    type: 'catalog.version_updated',
    subject: { type: def.subject, id: itemId },
    data: { kind: def.kind, versionId, versionNo: version.version_no, data: dataJson(data as object) },
  });
  return true;
}

/** Publishes a draft: the previous current version becomes superseded. */
export async function publishInTransaction<D>(trx: Trx, actor: Actor, def: KindDef<D>, itemId: string, versionId: string): Promise<void> {
  await entryOrThrow(trx, def, itemId);
  const version = await versionOrThrow(trx, def, itemId, versionId);
  if (version.status !== 'draft') throw conflict('version_not_draft', '只能发布草稿版本;已发布的版本不能再次发布');
  const previous = await repo.supersedePublished(trx, itemId);
  const now = new Date().toISOString();
  await repo.updateVersion(trx, versionId, { status: 'published', published_at: now, published_by: actorName(actor), updated_at: now });
  await recordEvent(trx, actor, {
    type: 'catalog.version_published',
    subject: { type: def.subject, id: itemId },
    data: { kind: def.kind, versionId, versionNo: version.version_no, supersededVersionId: previous ?? null },
  });
}

export function requireEditor(actor: Actor): void {
  requireUser(actor);
  authorize(can(actor, 'catalog.edit'), EDITORS);
}

export async function createEntry<D>(db: Kysely<Database>, actor: Actor, def: KindDef<D>, code: string, data: D): Promise<ItemView<D>> {
  requireEditor(actor);
  const { itemId } = await inTransaction(db, (trx) => insertEntry(trx, actor, def, code, data));
  return getEntry(db, actor, def, itemId);
}

export async function createVersion<D>(
  db: Kysely<Database>,
  actor: Actor,
  def: KindDef<D>,
  itemId: string,
  data?: D,
): Promise<VersionView<D>> {
  requireEditor(actor);
  const id = await inTransaction(db, (trx) => insertDraft(trx, actor, def, itemId, data));
  return getVersion(db, def, itemId, id);
}

export async function updateDraft<D>(
  db: Kysely<Database>,
  actor: Actor,
  def: KindDef<D>,
  itemId: string,
  versionId: string,
  changes: Partial<D>,
): Promise<VersionView<D>> {
  requireEditor(actor);
  await inTransaction(db, (trx) => applyDraftChanges(trx, actor, def, itemId, versionId, changes));
  return getVersion(db, def, itemId, versionId);
}

export async function publishVersion<D>(
  db: Kysely<Database>,
  actor: Actor,
  def: KindDef<D>,
  itemId: string,
  versionId: string,
): Promise<VersionView<D>> {
  requireEditor(actor);
  await inTransaction(db, (trx) => publishInTransaction(trx, actor, def, itemId, versionId));
  return getVersion(db, def, itemId, versionId);
}

/** Publishes every given entry's open draft in one transaction (after an import, say); all or nothing. */
export async function publishDrafts<D>(
  db: Kysely<Database>,
  actor: Actor,
  def: KindDef<D>,
  itemIds: readonly string[],
): Promise<{ published: number }> {
  requireEditor(actor);
  return inTransaction(db, async (trx) => {
    for (const itemId of itemIds) {
      const entry = await entryOrThrow(trx, def, itemId);
      const draft = (await repo.listVersions(trx, itemId)).find((v) => v.status === 'draft');
      if (!draft) throw conflict('no_draft', `${def.label}「${entry.code}」没有待发布的草稿`);
      await publishInTransaction(trx, actor, def, itemId, draft.id);
    }
    return { published: itemIds.length };
  });
}

async function getVersion<D>(db: Kysely<Database>, def: KindDef<D>, itemId: string, versionId: string): Promise<VersionView<D>> {
  const row = await repo.findVersion(db, itemId, versionId);
  if (!row) throw missingVersion(def);
  return toVersionView<D>(row);
}

export async function getEntry<D>(db: Kysely<Database>, actor: Actor, def: KindDef<D>, id: string): Promise<ItemView<D>> {
  requireUser(actor);
  authorize(can(actor, 'catalog.list'));
  const item = await entryOrThrow(db, def, id);
  return toItemView<D>(item, await repo.listVersions(db, id));
}

export interface ListEntriesQuery {
  q?: string;
  category?: string;
  unitId?: string;
  itemCode?: string;
  page: number;
  pageSize: number;
}

/** Each entry with its newest version (drafts included), by code. */
export async function listEntries<D>(db: Kysely<Database>, actor: Actor, def: KindDef<D>, query: ListEntriesQuery) {
  requireUser(actor);
  authorize(can(actor, 'catalog.list'));
  const { rows, total } = await repo.listVersionRows(db, {
    kind: def.kind,
    which: 'latest',
    q: query.q?.trim(),
    category: query.category,
    unitId: query.unitId,
    refCode: query.itemCode,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = rows.map((r) => ({ id: r.item_id, code: r.code, latestVersion: toVersionView<D>(r) }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
