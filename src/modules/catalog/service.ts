import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { checkItemData, type ItemData, itemJson, parseItemData } from './item-data.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { type ItemView, toItemView, toVersionView, type VersionView } from './views.js';

const EDITORS = '只有政策法规科(法制审核人员)或系统管理员可以编辑执法事项';

const actorName = (actor: Actor): string =>
  actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? `system:${actor.name}` : 'anonymous';

async function itemOrThrow(db: Kysely<Database> | Trx, id: string) {
  const item = await repo.findItem(db, id);
  if (!item) throw notFound('item_not_found', '执法事项不存在');
  return item;
}

async function versionOrThrow(trx: Trx, itemId: string, versionId: string) {
  const version = await repo.findVersion(trx, itemId, versionId);
  if (!version) throw notFound('version_not_found', '该执法事项没有这个版本');
  return version;
}

async function addVersion(trx: Trx, actor: Actor, itemId: string, versionNo: number, input: ItemData): Promise<string> {
  const data = await checkItemData(trx, input);
  const id = randomUUID();
  const now = new Date().toISOString();
  await repo.insertVersion(trx, {
    id,
    item_id: itemId,
    version_no: versionNo,
    status: 'draft',
    name: data.name,
    category: data.category,
    unit_id: data.unitId,
    data: JSON.stringify(data),
    created_at: now,
    created_by: actorName(actor),
    updated_at: now,
    published_at: null,
    published_by: null,
  });
  await recordEvent(trx, actor, {
    type: 'catalog.version_created',
    subject: { type: 'catalog_item', id: itemId },
    data: { versionId: id, versionNo, data: itemJson(data) },
  });
  return id;
}

/** Inserts an item with its draft version 1 (also used by the demo seed); returns both ids. */
export async function insertItem(trx: Trx, actor: Actor, code: string, data: ItemData): Promise<{ itemId: string; versionId: string }> {
  const trimmed = code.trim();
  if (await repo.findItemByCode(trx, trimmed)) throw conflict('code_taken', `事项编码「${trimmed}」已被使用`);
  const itemId = randomUUID();
  await repo.insertItem(trx, { id: itemId, code: trimmed, created_at: new Date().toISOString() });
  await recordEvent(trx, actor, { type: 'catalog.item_created', subject: { type: 'catalog_item', id: itemId }, data: { code: trimmed } });
  return { itemId, versionId: await addVersion(trx, actor, itemId, 1, data) };
}

/** A new draft from the given data or, without it, a copy of the current (else newest) version. */
export async function insertDraft(trx: Trx, actor: Actor, itemId: string, data?: ItemData): Promise<string> {
  await itemOrThrow(trx, itemId);
  const versions = await repo.listVersions(trx, itemId);
  const open = versions.find((v) => v.status === 'draft');
  if (open) throw conflict('draft_exists', `该事项已有未发布的草稿(第 ${open.version_no} 版),请先修改或发布该草稿`);
  const base = versions.find((v) => v.status === 'published') ?? versions[0];
  const source = data ?? (base && parseItemData(base.data));
  if (!source) throw notFound('version_not_found', '该执法事项没有可复制的版本');
  return addVersion(trx, actor, itemId, (versions[0]?.version_no ?? 0) + 1, source);
}

/** Publishes a draft: the previous current version becomes superseded. */
export async function publishInTransaction(trx: Trx, actor: Actor, itemId: string, versionId: string): Promise<void> {
  const version = await versionOrThrow(trx, itemId, versionId);
  if (version.status !== 'draft') throw conflict('version_not_draft', '只能发布草稿版本;已发布的版本不能再次发布');
  const previous = await repo.supersedePublished(trx, itemId);
  const now = new Date().toISOString();
  await repo.updateVersion(trx, versionId, { status: 'published', published_at: now, published_by: actorName(actor), updated_at: now });
  await recordEvent(trx, actor, {
    type: 'catalog.version_published',
    subject: { type: 'catalog_item', id: itemId },
    data: { versionId, versionNo: version.version_no, supersededVersionId: previous ?? null },
  });
}

function editor(actor: Actor) {
  requireUser(actor);
  authorize(can(actor, 'catalog.edit'), EDITORS);
}

export async function createItem(db: Kysely<Database>, actor: Actor, code: string, data: ItemData): Promise<ItemView> {
  editor(actor);
  const { itemId } = await inTransaction(db, (trx) => insertItem(trx, actor, code, data));
  return getItem(db, actor, itemId);
}

export async function createVersion(db: Kysely<Database>, actor: Actor, itemId: string, data?: ItemData): Promise<VersionView> {
  editor(actor);
  const id = await inTransaction(db, (trx) => insertDraft(trx, actor, itemId, data));
  return getVersion(db, itemId, id);
}

export async function updateDraft(
  db: Kysely<Database>,
  actor: Actor,
  itemId: string,
  versionId: string,
  changes: Partial<ItemData>,
): Promise<VersionView> {
  editor(actor);
  await inTransaction(db, async (trx) => {
    const version = await versionOrThrow(trx, itemId, versionId);
    if (version.status !== 'draft') throw conflict('version_not_draft', '已发布的版本不能修改;请新建版本后再修改');
    const data = await checkItemData(trx, { ...parseItemData(version.data), ...changes });
    if (JSON.stringify(data) === version.data) return;
    await repo.updateVersion(trx, versionId, {
      name: data.name,
      category: data.category,
      unit_id: data.unitId,
      data: JSON.stringify(data),
      updated_at: new Date().toISOString(),
    });
    await recordEvent(trx, actor, {
      type: 'catalog.version_updated',
      subject: { type: 'catalog_item', id: itemId },
      data: { versionId, versionNo: version.version_no, data: itemJson(data) },
    });
  });
  return getVersion(db, itemId, versionId);
}

export async function publishVersion(db: Kysely<Database>, actor: Actor, itemId: string, versionId: string): Promise<VersionView> {
  editor(actor);
  await inTransaction(db, (trx) => publishInTransaction(trx, actor, itemId, versionId));
  return getVersion(db, itemId, versionId);
}

async function getVersion(db: Kysely<Database>, itemId: string, versionId: string): Promise<VersionView> {
  const row = await repo.findVersion(db, itemId, versionId);
  if (!row) throw notFound('version_not_found', '该执法事项没有这个版本');
  return toVersionView(row);
}

export async function getItem(db: Kysely<Database>, actor: Actor, id: string): Promise<ItemView> {
  requireUser(actor);
  authorize(can(actor, 'catalog.list'));
  const item = await itemOrThrow(db, id);
  return toItemView(item, await repo.listVersions(db, id));
}

export interface ListItemsQuery {
  q?: string;
  category?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

/** Each item with its newest version (drafts included), by code. */
export async function listItems(db: Kysely<Database>, actor: Actor, query: ListItemsQuery) {
  requireUser(actor);
  authorize(can(actor, 'catalog.list'));
  const { rows, total } = await repo.listVersionRows(db, {
    which: 'latest',
    q: query.q?.trim(),
    category: query.category,
    unitId: query.unitId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = rows.map((r) => ({ code: r.code, latestVersion: toVersionView(r) }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
