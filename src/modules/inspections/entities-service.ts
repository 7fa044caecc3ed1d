import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { JsonValue } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { FIELD_KEYS, fieldProblems, headerOfKey, normalizeFields, normalizeUscc } from './entities-fields.js';
import { entitiesTemplate } from './entities-read.js';
import * as repo from './entities-repository.js';
import type { EntityFields, EntityListView, EntityView } from './entities-views.js';
import { can } from './policy.js';

/** The 检查对象名录库 one entity at a time: read (everyone in 双随机), edit, deactivate and reactivate (with a reason). */

const EDIT_MESSAGE = '只有政策法规科、科室负责人或系统管理员可以维护检查对象名录';
export const ENTITY_SUBJECT = 'inspection_entity';

export function entityView(row: repo.EntityRow): EntityView {
  return {
    uscc: row.uscc,
    ...repo.fieldsOf(row),
    active: Number(row.active) === 1,
    importId: row.import_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function mayRead(actor: Actor): void {
  requireUser(actor);
  authorize(can(actor, 'inspection.read'));
}

function mayEdit(actor: Actor): void {
  requireUser(actor);
  authorize(can(actor, 'inspection.entities'), EDIT_MESSAGE);
}

const missing = () => notFound('entity_not_found', '名录库中没有该统一社会信用代码的检查对象');

export interface EntityQuery extends repo.EntityFilter {
  readonly page: number;
  readonly pageSize: number;
}

export async function listEntities(db: Kysely<Database>, actor: Actor, query: EntityQuery): Promise<EntityListView> {
  mayRead(actor);
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.listEntities(db, filter, { offset: (page - 1) * pageSize, limit: pageSize });
  return {
    items: rows.map(entityView),
    total,
    page,
    pageSize,
    facets: { regions: await repo.facet(db, 'region'), industries: await repo.facet(db, 'industry') },
  };
}

export async function getEntity(db: Kysely<Database>, actor: Actor, uscc: string): Promise<EntityView> {
  mayRead(actor);
  const row = await repo.findEntity(db, normalizeUscc(uscc));
  if (!row) throw missing();
  return entityView(row);
}

/** The fields as they will be stored, or 400 with the first problem's code and every problem listed. */
export function checkedFields(input: EntityFields): EntityFields {
  const fields = normalizeFields(input);
  const problems = fieldProblems(fields);
  const [first] = problems;
  if (first) {
    const say = (p: (typeof problems)[number]) => `「${headerOfKey(p.key)}」${p.reason}`;
    throw invalid(first.code, say(first), problems.map(say));
  }
  return fields;
}

/** Saves one entity's fields; one `inspection.entity_updated` event naming each change, none when nothing changed. */
export async function updateEntity(db: Kysely<Database>, actor: Actor, uscc: string, input: EntityFields): Promise<EntityView> {
  mayEdit(actor);
  const fields = checkedFields(input);
  const code = normalizeUscc(uscc);
  return inTransaction(db, async (trx) => {
    const row = await repo.findEntity(trx, code);
    if (!row) throw missing();
    const before = repo.fieldsOf(row);
    const changes: Record<string, JsonValue> = {};
    for (const key of FIELD_KEYS) if (before[key] !== fields[key]) changes[key] = { from: before[key], to: fields[key] };
    if (Object.keys(changes).length === 0) return entityView(row);
    const now = new Date().toISOString();
    await repo.updateEntityFields(trx, code, fields, now);
    await recordEvent(trx, actor, { type: 'inspection.entity_updated', subject: { type: ENTITY_SUBJECT, id: code }, data: { changes } });
    return entityView({ ...row, ...repo.columnsOf(fields), updated_at: now });
  });
}

/**
 * Takes an entity out of the directory (注销、迁出、歇业: later draws skip it, earlier ones keep it) or
 * brings it back; either way with a written reason in the event.
 */
export async function setEntityActive(
  db: Kysely<Database>,
  actor: Actor,
  uscc: string,
  active: boolean,
  reasonText: string,
): Promise<EntityView> {
  mayEdit(actor);
  const reason = reasonText.trim();
  if (reason === '') throw invalid('reason_required', active ? '请填写恢复的原因' : '请填写停用的原因(如注销、迁出)');
  const code = normalizeUscc(uscc);
  return inTransaction(db, async (trx) => {
    const row = await repo.findEntity(trx, code);
    if (!row) throw missing();
    if ((Number(row.active) === 1) === active) {
      throw active ? conflict('entity_active', '该检查对象未停用') : conflict('entity_inactive', '该检查对象已停用');
    }
    const now = new Date().toISOString();
    await repo.setEntityActive(trx, code, active, now);
    await recordEvent(trx, actor, {
      type: active ? 'inspection.entity_activated' : 'inspection.entity_deactivated',
      subject: { type: ENTITY_SUBJECT, id: code },
      data: { reason },
    });
    return entityView({ ...row, active: active ? 1 : 0, updated_at: now });
  });
}

/** The import template for those who may import. */
export async function entitiesTemplateFile(actor: Actor): Promise<{ filename: string; body: Buffer }> {
  mayEdit(actor);
  return { filename: '检查对象名录导入模板.xlsx', body: await entitiesTemplate() };
}
