import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { STATUS_LABELS } from './item-data.js';
import type { KindDef } from './kinds.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { type PublicEntryDetail, parseData, toPublicEntryDetail } from './views.js';

/** One version of an entry, drafts included, shaped as the public pages show entries. */
export interface PreviewEntry<D> {
  entry: PublicEntryDetail<D>;
  /** draft | published | superseded. */
  status: string;
  statusLabel: string;
  updatedAt: string;
}

/**
 * Any version of an entry by its id — or, without one, the newest (the open draft when there is
 * one) — for staff to see a page before it is published. Only signed-in staff who may read the
 * catalogue (`catalog.list`); the public reads published versions through public-service.ts.
 */
export async function getPreviewEntry<D extends { unitId: string }>(
  db: Kysely<Database>,
  actor: Actor,
  def: KindDef<D>,
  code: string,
  versionId?: string,
): Promise<PreviewEntry<D>> {
  requireUser(actor);
  authorize(can(actor, 'catalog.list'), '只有本机关工作人员可以预览未发布的执法公示内容');
  const item = await repo.findItemByCode(db, code);
  if (!item || item.kind !== def.kind) throw notFound('item_not_found', `没有${def.label}「${code}」`);
  const all = await repo.listVersions(db, item.id);
  const row = versionId === undefined || versionId === '' ? all[0] : all.find((v) => v.id === versionId);
  if (!row) throw notFound('version_not_found', `${def.label}「${code}」没有这个版本`);
  return {
    entry: { ...toPublicEntryDetail<D>(item.code, row, all), ...def.publicExtras?.(parseData<D>(row.data)) },
    status: row.status,
    statusLabel: STATUS_LABELS[row.status] ?? row.status,
    updatedAt: row.updated_at,
  };
}
