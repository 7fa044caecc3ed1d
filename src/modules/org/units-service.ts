import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { can } from './policy.js';
import { findUnitByName, findUnitRow, insertUnitRow, listUnitRows, type UnitRow, updateUnitRow } from './units-repository.js';

export const UNIT_KINDS = ['agency', 'section', 'affiliated'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitView {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  path: string;
  depth: number;
  sortOrder: number;
}

export function toUnitView(row: UnitRow): UnitView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    path: row.path,
    depth: row.path.split('/').filter(Boolean).length - 1,
    sortOrder: row.sort_order,
  };
}

/** Units in tree order (each parent before its children, siblings by sort order then name). */
export function sortAsTree(rows: readonly UnitRow[]): UnitRow[] {
  const children = new Map<string | null, UnitRow[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const out: UnitRow[] = [];
  const walk = (parentId: string | null) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'zh-CN'));
    for (const row of list) {
      out.push(row);
      walk(row.id);
    }
  };
  walk(null);
  return out;
}

/** Public: the organisation chart is published on the portal (机构设置), so anyone may read it. */
export async function listPublicUnits(db: Kysely<Database>): Promise<UnitView[]> {
  return sortAsTree(await listUnitRows(db)).map(toUnitView);
}

export async function listUnits(db: Kysely<Database>, actor: Actor): Promise<UnitView[]> {
  requireUser(actor);
  authorize(can(actor, 'unit.list'));
  return listPublicUnits(db);
}

export interface CreateUnitInput {
  name: string;
  parentId: string | null;
  kind: UnitKind;
  sortOrder?: number;
}

export async function createUnit(db: Kysely<Database>, actor: Actor, input: CreateUnitInput): Promise<UnitView> {
  requireUser(actor);
  authorize(can(actor, 'unit.create'), '只有系统管理员可以新增机构');
  if (input.parentId === null) throw invalid('parent_required', '请选择上级机构');
  return inTransaction(db, (trx) => insertUnit(trx, actor, input));
}

/** Inserts a unit (also used by bootstrap and the demo seed, whose actor is the system). */
export async function insertUnit(trx: Trx, actor: Actor, input: CreateUnitInput): Promise<UnitView> {
  const name = input.name.trim();
  if (name === '') throw invalid('name_required', '机构名称不能为空');
  let parentPath = '/';
  if (input.parentId !== null) {
    const parent = await findUnitRow(trx, input.parentId);
    if (!parent) throw invalid('parent_not_found', '上级机构不存在');
    parentPath = parent.path;
  }
  if (await findUnitByName(trx, input.parentId, name)) throw conflict('unit_name_taken', `同一上级机构下已有名为「${name}」的机构`);
  const id = randomUUID();
  const now = new Date().toISOString();
  const row: UnitRow = {
    id,
    parent_id: input.parentId,
    name,
    kind: input.kind,
    path: `${parentPath}${id}/`,
    sort_order: input.sortOrder ?? 0,
    created_at: now,
    updated_at: now,
  };
  await insertUnitRow(trx, row);
  await recordEvent(trx, actor, {
    type: 'unit.created',
    subject: { type: 'unit', id },
    data: { name, kind: input.kind, parentId: input.parentId, sortOrder: row.sort_order },
  });
  return toUnitView(row);
}

export interface UpdateUnitInput {
  name?: string;
  sortOrder?: number;
}

export async function updateUnit(db: Kysely<Database>, actor: Actor, id: string, input: UpdateUnitInput): Promise<UnitView> {
  requireUser(actor);
  authorize(can(actor, 'unit.update'), '只有系统管理员可以修改机构');
  return inTransaction(db, async (trx) => {
    const unit = await findUnitRow(trx, id);
    if (!unit) throw notFound('unit_not_found', '机构不存在');
    const name = input.name?.trim();
    if (name === '') throw invalid('name_required', '机构名称不能为空');
    if (name !== undefined && name !== unit.name) {
      const clash = await findUnitByName(trx, unit.parent_id, name);
      if (clash) throw conflict('unit_name_taken', `同一上级机构下已有名为「${name}」的机构`);
    }
    const changes = { name: name ?? unit.name, sort_order: input.sortOrder ?? unit.sort_order, updated_at: new Date().toISOString() };
    await updateUnitRow(trx, id, changes);
    await recordEvent(trx, actor, {
      type: 'unit.updated',
      subject: { type: 'unit', id },
      data: { before: { name: unit.name, sortOrder: unit.sort_order }, after: { name: changes.name, sortOrder: changes.sort_order } },
    });
    return toUnitView({ ...unit, ...changes });
  });
}
