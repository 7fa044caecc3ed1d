import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { DRAW_FORMAT, type DrawInputs, snapshotHashes } from '../../platform/draw/draw.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { officersOfField } from '../officers/index.js';
import { ALL, type Announcement, type PlanData, RISK_CLASSES } from './model.js';
import { checkPlanInput, type PlanInput, quotaOf } from './plan-input.js';
import { can, canIn } from './policy.js';
import * as repo from './repository.js';
import { type PlanPreview, type PlanView, planData, planView } from './views.js';

// 抽查计划: drafted, then announced — the population, the inspectors and their declared conflicts are
// frozen and hashed, the randomness sources named and the one-time code committed, all in one ledger
// event before the randomness exists. The draw itself is draw-service.ts.

async function scopedPlan(db: Kysely<Database> | Trx, actor: Actor, id: string): Promise<repo.PlanRow> {
  const row = await repo.findPlan(db, id);
  if (!row || !canIn(actor, 'inspection.read', row.unit_path)) throw notFound('plan_not_found', '抽查计划不存在');
  return row;
}

export async function getPlan(db: Kysely<Database>, actor: Actor, id: string): Promise<PlanView> {
  return planView(await scopedPlan(db, actor, id));
}

export async function listPlans(
  db: Kysely<Database>,
  actor: Actor,
  query: { state?: string; year?: number; q?: string; page: number; pageSize: number },
) {
  authorize(can(actor, 'inspection.read'), '无权查看抽查计划');
  const scope = readScope(actor);
  if (scope.kind === 'none') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await repo.listPlans(db, {
    states: query.state ? [query.state] : ['draft', 'announced', 'drawn', 'cancelled'],
    ...(scope.kind === 'subtree' ? { unitPath: scope.path } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(planView), total, page: query.page, pageSize: query.pageSize };
}

async function resolveItems(db: Kysely<Database> | Trx, codes: readonly string[]): Promise<PlanData['items']> {
  const current = await repo.listCurrentItems(db, undefined);
  return [...new Set(codes)].map((code) => {
    const item = current.find((i) => i.code === code);
    if (!item) throw invalid('item_not_found', `抽查事项清单中没有现行的「${code}」`);
    return { code, versionNo: Number(item.version_no), name: (JSON.parse(item.data) as { name: string }).name };
  });
}

async function planFields(db: Kysely<Database>, actor: Actor, input: PlanInput) {
  const checked = checkPlanInput(input);
  const path = await repo.unitPath(db, input.unitId);
  if (path === undefined) throw invalid('unit_not_found', '实施机构不存在');
  authorize(canIn(actor, 'inspection.plan', path), '只能为本机构制定抽查计划');
  const items = await resolveItems(db, input.itemCodes);
  const { title, ...rest } = checked;
  const data: PlanData = { ...rest, items };
  return { title, path, data };
}

export async function createPlan(db: Kysely<Database>, actor: Actor, input: PlanInput): Promise<PlanView> {
  const user = requireUser(actor);
  authorize(can(actor, 'inspection.plan'), '只有承办机构负责人或政策法规科可以制定抽查计划');
  const { title, path, data } = await planFields(db, actor, input);
  const id = randomUUID();
  const now = new Date().toISOString();
  await inTransaction(db, async (trx) => {
    await repo.insertPlan(trx, {
      id,
      title,
      year: input.year,
      unit_id: input.unitId,
      unit_path: path,
      state: 'draft',
      data: JSON.stringify(data),
      commitment: input.commitment ?? null,
      secret: null,
      population_count: null,
      population_sha256: null,
      announced_at: null,
      announced_by: null,
      announce_ledger_index: null,
      drawn_at: null,
      drawn_by: null,
      draw_ledger_index: null,
      target_count: null,
      created_at: now,
      created_by: user.userId,
      updated_at: now,
    });
    await recordEvent(trx, actor, { type: 'inspection.plan_drafted', subject: { type: 'inspection_plan', id }, data: { title } });
  });
  return getPlan(db, actor, id);
}

export async function updatePlan(db: Kysely<Database>, actor: Actor, id: string, input: PlanInput): Promise<PlanView> {
  authorize(can(actor, 'inspection.plan'), '只有承办机构负责人或政策法规科可以修改抽查计划');
  await scopedPlan(db, actor, id);
  const { title, path, data } = await planFields(db, actor, input);
  await inTransaction(db, async (trx) => {
    const changed = await repo.updatePlanIn(trx, id, 'draft', {
      title,
      year: input.year,
      unit_id: input.unitId,
      unit_path: path,
      data: JSON.stringify(data),
      commitment: input.commitment ?? null,
      updated_at: new Date().toISOString(),
    });
    if (!changed) throw conflict('plan_not_draft', '计划已公告,不能修改;如需变更请取消后另行公告新计划');
    await recordEvent(trx, actor, { type: 'inspection.plan_updated', subject: { type: 'inspection_plan', id }, data: { title } });
  });
  return getPlan(db, actor, id);
}

/** Cancels a plan before its draw (an announced plan stays public as 已取消; a redraw needs a new plan). */
export async function cancelPlan(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<PlanView> {
  const row = await scopedPlan(db, actor, id);
  authorize(canIn(actor, row.state === 'draft' ? 'inspection.plan' : 'inspection.announce', row.unit_path), '无权取消该抽查计划');
  if (reason.trim() === '') throw invalid('reason_required', '请写明取消理由');
  await inTransaction(db, async (trx) => {
    const from = row.state;
    if (from !== 'draft' && from !== 'announced') throw conflict('plan_not_cancellable', '已抽取或已取消的计划不能取消');
    const data = { ...planData(row), cancelReason: reason.trim() };
    if (!(await repo.updatePlanIn(trx, id, from, { state: 'cancelled', data: JSON.stringify(data), updated_at: new Date().toISOString() })))
      throw conflict('plan_changed', '计划状态已变化,请刷新后重试');
    await recordEvent(trx, actor, {
      type: 'inspection.plan_cancelled',
      subject: { type: 'inspection_plan', id },
      data: { from, reason: reason.trim() },
    });
  });
  return getPlan(db, actor, id);
}

export interface Freeze {
  inputs: Omit<DrawInputs, 'sources' | 'code' | 'commitment'>;
  announcement: Announcement;
  problems: string[];
}

/** What announcing would freeze now, with the reasons it cannot be announced (empty when it can). */
export async function freezeInputs(db: Kysely<Database> | Trx, row: repo.PlanRow, date: string): Promise<Freeze> {
  const data = planData(row);
  const tiered = !(Object.keys(data.sampling.values).length === 1 && ALL in data.sampling.values);
  // Sorted here, not by the database: PostgreSQL orders text by its collation, the draw by code units.
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const entities = (await repo.populationOf(db, data.filter)).sort((a, b) => byCode(a.uscc, b.uscc));
  const population = entities.map((e) => [e.uscc, tiered ? e.risk_class : ALL] as const);
  const strata = tiered ? RISK_CLASSES.filter((c) => c in data.sampling.values) : [ALL];
  const problems: string[] = [];
  const quotas = strata.map((stratum) => {
    const size = population.filter(([, s]) => s === stratum).length;
    const count = quotaOf(data.sampling, stratum, size);
    if (count > size) problems.push(`「${stratum}」类只有 ${size} 个检查对象,不能抽取 ${count} 个`);
    return { stratum, size, count: Math.min(count, size) };
  });
  const total = quotas.reduce((n, q) => n + q.count, 0);
  if (population.length === 0) problems.push('按所选条件,检查对象名录库中没有检查对象');
  else if (total === 0) problems.push('按所填比例或数量,抽取数为 0');
  const officers = (await officersOfField(db, row.unit_path, data.field, date))
    .filter((o) => o.valid)
    .sort((a, b) => byCode(a.certificateNo, b.certificateNo));
  const inspectors = officers.map((o) => ({ officerId: o.id, name: o.name, certificateNo: o.certificateNo }));
  const labels = new Set(population.map(([l]) => l));
  const byOfficer = new Map(officers.map((o) => [o.id, o.certificateNo]));
  const conflicts = (await repo.activeConflicts(db, { officerIds: officers.map((o) => o.id) }))
    .filter((c) => labels.has(c.entity_uscc))
    .map((c) => [byOfficer.get(c.officer_id) as string, c.entity_uscc] as const)
    .sort((a, b) => byCode(a[0], b[0]) || byCode(a[1], b[1]));
  const perTarget = new Map<string, number>();
  for (const [, t] of conflicts) perTarget.set(t, (perTarget.get(t) ?? 0) + 1);
  const worst = Math.max(0, ...perTarget.values());
  if (inspectors.length - worst < data.teamSize)
    problems.push(`执法检查人员名录库有 ${inspectors.length} 名持有效证件的${data.field}人员,扣除回避后不足每组 ${data.teamSize} 人`);
  if (data.maxTasksPerInspector !== null && inspectors.length * data.maxTasksPerInspector < total * data.teamSize)
    problems.push(`每人最多 ${data.maxTasksPerInspector} 项任务,${inspectors.length} 人不足以组成 ${total} 个检查组`);
  const inputs = {
    algorithm: data.algorithm,
    population,
    quotas: quotas.map(({ stratum, count }) => ({ stratum, count })),
    inspectors: inspectors.map((i) => i.certificateNo),
    conflicts,
    teamSize: data.teamSize,
    maxTasksPerInspector: data.maxTasksPerInspector,
  };
  const hashes = snapshotHashes(inputs);
  return {
    inputs,
    announcement: {
      quotas,
      inspectors,
      inspectorsSha256: hashes.inspectors,
      conflictCount: conflicts.length,
      conflictsSha256: hashes.conflicts,
    },
    problems,
  };
}

/** The numbers announcing would freeze today, for the author to check first. */
export async function previewPlan(db: Kysely<Database>, actor: Actor, id: string): Promise<PlanPreview> {
  const row = await scopedPlan(db, actor, id);
  const freeze = await freezeInputs(db, row, shanghaiToday());
  const { inspectors, ...rest } = freeze.announcement;
  return { populationCount: freeze.inputs.population.length, ...rest, inspectors, problems: freeze.problems };
}

/**
 * Announces a plan: freezes population, inspectors and conflicts, commits to the one-time code and names
 * the sources — one ledger event, before the randomness exists (the draw day may not be past).
 */
export async function announcePlan(db: Kysely<Database>, actor: Actor, id: string): Promise<PlanView> {
  const user = requireUser(actor);
  const row = await scopedPlan(db, actor, id);
  authorize(canIn(actor, 'inspection.announce', row.unit_path), '公告抽查计划须由承办机构负责人或局领导决定');
  if (row.state !== 'draft') throw conflict('plan_not_draft', '只有草稿状态的计划可以公告');
  const today = shanghaiToday();
  const data = planData(row);
  if (data.drawOn < today) throw invalid('draw_day_past', `抽取日期 ${data.drawOn} 已过:随机源须在公告之后产生,请改为今天或以后`);
  await inTransaction(db, async (trx) => {
    const freeze = await freezeInputs(trx, row, today);
    if (freeze.problems.length > 0) throw invalid('plan_not_ready', `计划不能公告:${freeze.problems.join(';')}`);
    const code = data.externalCode ? null : randomBytes(32);
    const commitment = code ? createHash('sha256').update(code).digest('hex') : (row.commitment as string);
    const population = snapshotHashes(freeze.inputs).population;
    const a = freeze.announcement;
    const event = await recordEvent(trx, actor, {
      type: 'inspection.plan_announced',
      subject: { type: 'inspection_plan', id },
      data: {
        format: DRAW_FORMAT,
        title: row.title,
        items: data.items.map((i) => `${i.code} v${i.versionNo} ${i.name}`),
        algorithm: data.algorithm,
        sources: data.sources.map((s) => `${s.name}:${s.description}`),
        drawOn: data.drawOn,
        commitment,
        populationCount: freeze.inputs.population.length,
        populationSha256: population,
        quotas: a.quotas.map((q) => `${q.stratum}:${q.count}/${q.size}`),
        inspectorCount: a.inspectors.length,
        inspectorsSha256: a.inspectorsSha256,
        conflictCount: a.conflictCount,
        conflictsSha256: a.conflictsSha256,
        teamSize: data.teamSize,
        maxTasksPerInspector: data.maxTasksPerInspector,
      },
    });
    const announced = repo.updatePlanIn(trx, id, 'draft', {
      state: 'announced',
      data: JSON.stringify({ ...data, announcement: a }),
      commitment,
      secret: code ? code.toString('hex') : null,
      population_count: freeze.inputs.population.length,
      population_sha256: population,
      announced_at: event.occurredAt,
      announced_by: user.userId,
      announce_ledger_index: event.ledgerIndex,
      updated_at: event.occurredAt,
    });
    if (!(await announced)) throw conflict('plan_changed', '计划状态已变化,请刷新后重试');
    await repo.saveSnapshot(trx, { plan_id: id, inputs: JSON.stringify(freeze.inputs), result: null });
  });
  return getPlan(db, actor, id);
}
