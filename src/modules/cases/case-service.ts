import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { loadCalendar, plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { isResidentId, isUscc } from '../../platform/pii/ids.js';
import { currentEntry, type ItemData, itemKind } from '../catalog/index.js';
import { officersOnDate } from '../officers/index.js';
import { displayNamesOf } from '../org/index.js';
import type { CaseData, PartyInput, RegisterCaseInput } from './case-data.js';

export type { RegisterCaseInput } from './case-data.js';

import { nextDeadline, openDeadline, resolvePending } from './deadlines.js';
import { can, canOnCase } from './policy.js';
import { SOURCES, SOURCES_WITH_ACCEPTANCE_LIMIT } from './procedure.js';
import * as repo from './repository.js';
import { stepLedgerIndexes } from './step-ledger.js';
import type { CasesTable } from './tables.js';
import { type CaseSummary, type CaseView, parseCaseData, toCaseView, toSummary } from './views.js';

export const actorRef = (actor: Actor): string =>
  actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? `system:${actor.name}` : 'anonymous';

function checkParty(p: PartyInput, i: number): PartyInput {
  const at = `第 ${i + 1} 个当事人`;
  const name = p.name.trim();
  if (name === '') throw invalid('party_name_required', `${at}的姓名或名称不能为空`);
  const idNo = p.idNo.trim().toUpperCase();
  if (p.kind === 'natural' && !isResidentId(idNo))
    throw invalid('party_id_invalid', `${at}(${name})的居民身份证号码不正确(校验位不符或日期无效)`);
  if (p.kind === 'organization' && !isUscc(idNo)) throw invalid('party_uscc_invalid', `${at}(${name})的统一社会信用代码不正确(校验位不符)`);
  if (p.kind === 'organization' && p.legalRepresentative.trim() === '')
    throw invalid('legal_representative_required', `${at}(${name})须填写法定代表人或负责人`);
  return { kind: p.kind, name, idNo, address: p.address.trim(), legalRepresentative: p.legalRepresentative.trim(), phone: p.phone.trim() };
}

/** 案源登记: a new case with its parties, item version and officers; complaints start the 5-working-day acceptance clock. */
export async function registerCase(
  db: Kysely<Database>,
  actor: Actor,
  input: RegisterCaseInput,
  /** More writes of the caller that belong to the same transaction (a 双随机 task linking the case). */
  alongside?: (trx: Trx, caseId: string) => Promise<void>,
): Promise<CaseView> {
  requireUser(actor);
  authorize(can(actor, 'case.handle'), '只有执法人员或承办机构负责人可以登记案件');
  if (!SOURCES.some((s) => s === input.source)) throw invalid('invalid_source', `案件来源应为${SOURCES.join('、')}之一`);
  if (input.receivedOn > shanghaiToday()) throw invalid('received_in_future', '收到案源的日期不能晚于今天');
  const parties = input.parties.map(checkParty);
  if (parties.length === 0) throw invalid('party_required', '请填写至少一个当事人');
  const path = await repo.unitPath(db, input.unitId);
  if (path === undefined) throw invalid('unit_not_found', '承办机构不存在');
  authorize(canOnCase(actor, 'case.handle', path), '只能登记本机构的案件');
  const item = await currentEntry<ItemData>(db, itemKind, input.itemCode.trim());
  if (!item) throw invalid('item_not_found', `没有现行的执法事项「${input.itemCode}」`);
  const officers = [...new Map(input.officers.map((o) => [o.officerId, o])).values()];
  if (
    (
      await officersOnDate(
        db,
        officers.map((o) => o.officerId),
        input.receivedOn,
      )
    ).length !== officers.length
  ) {
    throw invalid('officer_not_found', '所选执法人员不存在');
  }
  const calendar = await loadCalendar(db);
  const deadlines =
    SOURCES_WITH_ACCEPTANCE_LIMIT.includes(input.source) && input.procedure === 'general'
      ? [openDeadline(calendar, 'acceptance', input.receivedOn)]
      : [];
  const data: CaseData = {
    summary: input.summary.trim(),
    itemName: item.data.name,
    itemVersionNo: item.versionNo,
    deadlines,
    investigationExtended: false,
    notice: null,
    hearing: null,
    decision: null,
    review: { required: false, reasons: [] },
  };
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    const today = shanghaiToday();
    const no = await repo.nextCaseNo(trx, Number(today.slice(0, 4)));
    const now = new Date().toISOString();
    await repo.insertCase(trx, {
      id,
      case_no: `${today.slice(0, 4)}-${String(no).padStart(4, '0')}`,
      title: input.title.trim(),
      unit_id: input.unitId,
      unit_path: path,
      procedure: input.procedure,
      source: input.source,
      stage: 'registered',
      item_code: item.code,
      item_version_id: item.versionId,
      received_on: input.receivedOn,
      filed_on: null,
      decided_on: null,
      closed_on: null,
      decision_revoked_on: null,
      next_deadline: nextDeadline(deadlines),
      review_required: 0,
      data: JSON.stringify(data),
      created_at: now,
      created_by: actorRef(actor),
      updated_at: now,
    });
    for (const p of parties) {
      await repo.insertParty(trx, {
        id: randomUUID(),
        case_id: id,
        kind: p.kind,
        name: p.name,
        id_no: p.idNo,
        data: JSON.stringify({ address: p.address, legalRepresentative: p.legalRepresentative, phone: p.phone }),
      });
    }
    await repo.insertCaseOfficers(trx, id, officers);
    await recordEvent(trx, actor, {
      type: 'case.registered',
      subject: { type: 'case', id },
      data: {
        title: input.title.trim(),
        source: input.source,
        procedure: input.procedure,
        itemCode: item.code,
        itemVersionId: item.versionId,
        receivedOn: input.receivedOn,
        parties: parties.length,
      },
    });
    if (alongside) await alongside(trx, id);
  });
  return getCase(db, actor, id);
}

/** The unit path of a case (its scope), for modules that keep records about cases; 404 when unknown. */
async function caseRow(db: Kysely<Database>, id: string): Promise<CasesTable> {
  const row = await repo.findCase(db, id);
  if (!row) throw notFound('case_not_found', '案件不存在');
  return row;
}

export async function caseUnitPath(db: Kysely<Database>, id: string): Promise<string> {
  return (await caseRow(db, id)).unit_path;
}

/** The stage of a case a module keeps a record about (a 双随机 task waits for its inspection's 检查结论). */
export async function caseStage(db: Kysely<Database>, id: string): Promise<string> {
  return (await caseRow(db, id)).stage;
}

export async function getCase(db: Kysely<Database>, actor: Actor, id: string): Promise<CaseView> {
  requireUser(actor);
  const row = await repo.findCase(db, id);
  // A case out of the actor's scope is "not found", not "forbidden": its existence is not disclosed.
  if (!row || !canOnCase(actor, 'case.list', row.unit_path)) throw notFound('case_not_found', '案件不存在');
  return caseViewOf(db, row);
}

/**
 * A case's full record for the system (archiving, 归档), without an actor: the caller decides who sees
 * what it derives. Undefined for an unknown id.
 */
export async function caseRecord(db: Kysely<Database>, idOrNumber: string): Promise<CaseView | undefined> {
  // People know a case by its number (2026-0001); the id works as well.
  const row = (await repo.findCase(db, idOrNumber)) ?? (await repo.findCaseByNumber(db, idOrNumber));
  return row && caseViewOf(db, row);
}

async function caseViewOf(db: Kysely<Database>, row: CasesTable): Promise<CaseView> {
  const id = row.id;
  const [parties, officers, steps, payments, ledger] = await Promise.all([
    repo.listParties(db, id),
    repo.listCaseOfficers(db, id),
    repo.listSteps(db, id),
    repo.listPayments(db, id),
    stepLedgerIndexes(db, id),
  ]);
  const names = await displayNamesOf(
    db,
    steps.map((s) => s.created_by),
  );
  const view = toCaseView(row, parties, officers, steps, payments, names, ledger, shanghaiToday());
  // Deadlines pending on a year's holidays show their date as soon as that year is approved.
  return { ...view, data: { ...view.data, deadlines: resolvePending(await loadCalendar(db), view.data.deadlines) } };
}

export interface ListCasesQuery {
  q?: string;
  stage?: string;
  /** Cases of this unit and the units under it (only those in the caller's scope). */
  unitId?: string;
  officerId?: string;
  /** Only cases with an open deadline within this many days (overdue included). */
  dueWithinDays?: number;
  page: number;
  pageSize: number;
}

/**
 * Deadlines that waited for a year's holiday schedule get their dates once the year is approved; the
 * list's `next_deadline` (a cache of the case data, not a step) is brought up to date before listing.
 */
async function refreshPendingDeadlines(db: Kysely<Database>): Promise<void> {
  const rows = await repo.listOpenCasesWithoutDeadline(db);
  if (rows.length === 0) return;
  const calendar = await loadCalendar(db);
  for (const row of rows) {
    const data = parseCaseData(row.data);
    if (!data.deadlines.some((d) => d.due === null && d.closedOn === null)) continue;
    const deadlines = resolvePending(calendar, data.deadlines);
    const next = nextDeadline(deadlines);
    if (next === null) continue;
    await inTransaction(db, (trx) => repo.updateCase(trx, row.id, { data: JSON.stringify({ ...data, deadlines }), next_deadline: next }));
  }
}

export async function listCases(
  db: Kysely<Database>,
  actor: Actor,
  query: ListCasesQuery,
): Promise<{ items: (CaseSummary & { partyNames: string[] })[]; total: number; page: number; pageSize: number }> {
  requireUser(actor);
  authorize(can(actor, 'case.list'));
  const scope = readScope(actor);
  if (scope.kind === 'none') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  await refreshPendingDeadlines(db);
  const unitSubtree = query.unitId === undefined ? undefined : await repo.unitPath(db, query.unitId);
  if (query.unitId !== undefined && unitSubtree === undefined) throw invalid('unit_not_found', '所选机构不存在');
  const dueBy = query.dueWithinDays === undefined ? undefined : plusDays(shanghaiToday(), query.dueWithinDays);
  const { rows, total } = await repo.listCaseRows(db, {
    unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
    stage: query.stage,
    unitSubtree,
    q: query.q?.trim(),
    officerId: query.officerId,
    dueBy,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const parties = await repo.partyNamesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...toSummary(r), partyNames: parties.get(r.id) ?? [] })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
