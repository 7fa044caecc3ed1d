import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { JsonValue } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { LEGAL_QUALIFICATIONS, type OfficerView, parseCategories, toOfficerView } from './officer-views.js';
import * as repo from './officers-repository.js';
import { can, canSeeOfficer } from './policy.js';
import type { OfficersTable } from './tables.js';
import { addDays, isCalendarDate, OFFICER_STATUSES, shanghaiToday } from './validity.js';

export interface OfficerInput {
  userId?: string | null;
  name: string;
  unitId: string;
  position: string;
  categories: string[];
  certificateNo: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  status?: string;
  legalQualification?: { level: string; certificateNo?: string | null };
}

type Fields = Omit<OfficersTable, 'id' | 'created_at' | 'updated_at'>;

/** Checks and normalizes input into columns; every problem is a 400 with a Chinese message. */
async function fieldsOf(trx: Trx, input: OfficerInput): Promise<Fields> {
  const text = (value: string, code: string, label: string) => {
    const trimmed = value.trim();
    if (trimmed === '') throw invalid(code, `${label}不能为空`);
    return trimmed;
  };
  const categories = [...new Set(input.categories.map((c) => c.trim()).filter((c) => c !== ''))];
  if (categories.length === 0) throw invalid('categories_required', '请填写至少一项执法类别/执法领域');
  for (const [date, label] of [
    [input.validFrom, '有效期起始日'],
    [input.validTo, '有效期截止日'],
  ] as const) {
    if (!isCalendarDate(date)) throw invalid('invalid_date', `${label}「${date}」不是有效的日期,应为 YYYY-MM-DD 格式`);
  }
  if (input.validFrom > input.validTo) throw invalid('invalid_validity_period', '有效期起始日不能晚于截止日');
  if (!(await repo.unitExists(trx, input.unitId))) throw invalid('unit_not_found', '所属单位不存在');
  const userId = input.userId ?? null;
  if (userId !== null && !(await repo.userExists(trx, userId))) throw invalid('user_not_found', '关联的用户账号不存在');
  const level = input.legalQualification?.level ?? 'none';
  if (!LEGAL_QUALIFICATIONS.some((l) => l === level)) throw invalid('invalid_legal_qualification', '法律职业资格类别应为 无、A、B 或 C');
  const status = input.status ?? 'active';
  if (!OFFICER_STATUSES.some((s) => s === status)) throw invalid('invalid_status', '证件状态应为 有效、暂扣 或 注销');
  const qualificationNo = input.legalQualification?.certificateNo?.trim() || null;
  if (level === 'none' && qualificationNo !== null)
    throw invalid('legal_qualification_level_required', '填写法律职业资格证书编号时须选择资格类别');
  return {
    user_id: userId,
    name: text(input.name, 'name_required', '姓名'),
    unit_id: input.unitId,
    position: text(input.position, 'position_required', '职务'),
    categories: JSON.stringify(categories),
    certificate_no: text(input.certificateNo, 'certificate_no_required', '执法证件号码'),
    issuing_authority: text(input.issuingAuthority, 'issuing_authority_required', '发证机关'),
    valid_from: input.validFrom,
    valid_to: input.validTo,
    status,
    legal_qualification: level,
    legal_qualification_no: qualificationNo,
  };
}

const eventData = (f: Fields): { [key: string]: JsonValue } => ({
  userId: f.user_id,
  name: f.name,
  unitId: f.unit_id,
  position: f.position,
  categories: parseCategories(f.categories),
  certificateNo: f.certificate_no,
  issuingAuthority: f.issuing_authority,
  validFrom: f.valid_from,
  validTo: f.valid_to,
  status: f.status,
  legalQualification: f.legal_qualification,
  legalQualificationNo: f.legal_qualification_no,
});

/** Inserts an officer with its `officer.created` event (also used by the demo seed). */
export async function insertOfficer(trx: Trx, actor: Actor, input: OfficerInput): Promise<string> {
  const fields = await fieldsOf(trx, input);
  if (await repo.certificateTaken(trx, fields.certificate_no))
    throw conflict('certificate_taken', `执法证件号码「${fields.certificate_no}」已登记`);
  const id = randomUUID();
  const now = new Date().toISOString();
  await repo.insertOfficerRow(trx, { id, ...fields, created_at: now, updated_at: now });
  await recordEvent(trx, actor, { type: 'officer.created', subject: { type: 'officer', id }, data: eventData(fields) });
  return id;
}

export async function createOfficer(
  db: Kysely<Database>,
  actor: Actor,
  input: OfficerInput,
  today = shanghaiToday(),
): Promise<OfficerView> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以登记执法人员');
  const id = await inTransaction(db, (trx) => insertOfficer(trx, actor, input));
  return getOfficer(db, actor, id, today);
}

export async function updateOfficer(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: Partial<OfficerInput>,
  today = shanghaiToday(),
): Promise<OfficerView> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以修改执法人员信息');
  await inTransaction(db, (trx) => applyOfficerUpdate(trx, actor, id, input));
  return getOfficer(db, actor, id, today);
}

/** Changes an officer inside the caller's transaction with its `officer.updated` event; false when nothing changed. */
export async function applyOfficerUpdate(trx: Trx, actor: Actor, id: string, input: Partial<OfficerInput>): Promise<boolean> {
  const row = await repo.findOfficerRow(trx, id);
  if (!row) throw notFound('officer_not_found', '执法人员不存在');
  const current: OfficerInput = {
    userId: row.user_id,
    name: row.name,
    unitId: row.unit_id,
    position: row.position,
    categories: parseCategories(row.categories),
    certificateNo: row.certificate_no,
    issuingAuthority: row.issuing_authority,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    legalQualification: { level: row.legal_qualification, certificateNo: row.legal_qualification_no },
  };
  const fields = await fieldsOf(trx, { ...current, ...input });
  if (fields.certificate_no !== row.certificate_no && (await repo.certificateTaken(trx, fields.certificate_no, id))) {
    throw conflict('certificate_taken', `执法证件号码「${fields.certificate_no}」已登记`);
  }
  const before = eventData(row);
  const after = eventData(fields);
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return false;
  await repo.updateOfficerRow(trx, id, { ...fields, updated_at: new Date().toISOString() });
  await recordEvent(trx, actor, {
    type: 'officer.updated',
    subject: { type: 'officer', id },
    data: { before: pick(before, changed), after: pick(after, changed) },
  });
  return true;
}

const pick = (data: { [key: string]: JsonValue }, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, data[k] ?? null]));

/** Only a record never put in a batch nor published may be deleted; otherwise revoke it through the roster. */
export async function deleteOfficer(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以删除执法人员');
  await inTransaction(db, async (trx) => {
    const row = await repo.findOfficerRow(trx, id);
    if (!row) throw notFound('officer_not_found', '执法人员不存在');
    if (await repo.officerReferenced(trx, id)) {
      throw conflict('officer_in_roster', '该执法人员已列入清单变更或已公开,不能删除;如需取消资格请将证件状态改为注销并提交清单变更');
    }
    await repo.deleteOfficerRow(trx, id);
    await recordEvent(trx, actor, { type: 'officer.deleted', subject: { type: 'officer', id }, data: eventData(row) });
  });
}

/** The officer when the actor may see it; out of scope answers "not found", like a missing id. */
export async function visibleOfficer(db: Kysely<Database>, actor: Actor, id: string): Promise<repo.OfficerRow> {
  const user = requireUser(actor);
  authorize(can(user, 'officer.list'));
  const row = await repo.findOfficerRow(db, id);
  if (!row || !canSeeOfficer(user, row.unit_path)) throw notFound('officer_not_found', '执法人员不存在');
  return row;
}

export async function getOfficer(db: Kysely<Database>, actor: Actor, id: string, today = shanghaiToday()): Promise<OfficerView> {
  return toOfficerView(await visibleOfficer(db, actor, id), today);
}

export interface ListOfficersQuery {
  q?: string;
  status?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

export async function listOfficers(db: Kysely<Database>, actor: Actor, query: ListOfficersQuery, today = shanghaiToday()) {
  requireUser(actor);
  authorize(can(actor, 'officer.list'));
  const scope = readScope(actor);
  const scopePrefix = scope.kind === 'subtree' ? scope.path : undefined;
  const unitPrefix = query.unitId === undefined ? undefined : await repo.unitPathOf(db, query.unitId);
  if (query.unitId !== undefined && unitPrefix === undefined) throw invalid('unit_not_found', '所属机构不存在');
  // Both the reader's scope and the chosen unit apply: the more specific prefix, or nothing when disjoint.
  const prefixes = [scopePrefix, unitPrefix].filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
  const [narrowest, widest] = prefixes;
  if (narrowest !== undefined && widest !== undefined && !narrowest.startsWith(widest)) {
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  }
  const { rows, total } = await repo.listOfficerRows(db, {
    unitPathPrefix: narrowest,
    q: query.q?.trim(),
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map((r) => toOfficerView(r, today)), total, page: query.page, pageSize: query.pageSize };
}

export const ALERT_DAYS = 30;

/** Active certificates whose last valid day is today or within the next 30 days (soonest first). */
export async function listExpiryAlerts(db: Kysely<Database>, actor: Actor, today = shanghaiToday()) {
  requireUser(actor);
  authorize(can(actor, 'officer.list'));
  const scope = readScope(actor);
  const { rows, total } = await repo.listOfficerRows(db, {
    unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
    expiringBetween: { from: today, to: addDays(today, ALERT_DAYS) },
    offset: 0,
    limit: 500,
  });
  return { today, days: ALERT_DAYS, total, items: rows.map((r) => toOfficerView(r, today)) };
}
