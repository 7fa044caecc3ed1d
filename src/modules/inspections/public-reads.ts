import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { type BundleInputs, DRAW_FORMAT, type DrawBundle } from '../../platform/draw/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import { loadUnitNames } from '../org/index.js';
import { type ItemView, listCurrentItems } from './items-service.js';
import type { TeamMember } from './model.js';
import * as repo from './repository.js';
import * as tasks from './tasks-repository.js';
import { type PlanView, planView } from './views.js';

// What the public sees (抽查事项清单 / 抽查计划 / 抽查结果, E8): current items, plans from their
// announcement on (drafts never), every draw's full inputs and result, and published results.

export type PublicItem = Omit<ItemView, 'unitId' | 'id'>;

export async function listPublicItems(db: Kysely<Database>, q?: string): Promise<PublicItem[]> {
  return (await listCurrentItems(db, q)).map(({ unitId: _u, id: _i, ...item }) => item);
}

export interface PublicPlan extends Omit<PlanView, 'unitId' | 'createdAt'> {
  unitName: string;
}

const PUBLIC_STATES = ['announced', 'drawn', 'cancelled'];

function publicPlan(row: repo.PlanRow, unitName: string): PublicPlan {
  const { unitId: _u, createdAt: _c, ...view } = planView(row);
  return { ...view, unitName };
}

async function announcedPlan(db: Kysely<Database>, id: string): Promise<repo.PlanRow> {
  const row = await repo.findPlan(db, id);
  if (!row || row.announced_at === null || !PUBLIC_STATES.includes(row.state)) throw notFound('plan_not_found', '抽查计划不存在或尚未公告');
  return row;
}

export async function listPublicPlans(db: Kysely<Database>, query: { q?: string; year?: number; page: number; pageSize: number }) {
  const { rows, total } = await repo.listPlans(db, {
    states: PUBLIC_STATES,
    announcedOnly: true,
    ...(query.year ? { year: query.year } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    page: query.page,
    pageSize: query.pageSize,
  });
  const names = await loadUnitNames(db);
  const items = rows.map((r) => publicPlan(r, names.nameOf(r.unit_id)));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getPublicPlan(db: Kysely<Database>, id: string): Promise<PublicPlan> {
  const row = await announcedPlan(db, id);
  return publicPlan(row, (await loadUnitNames(db)).nameOf(row.unit_id));
}

/** The verification bundle of a drawn plan: everything needed to re-run the draw (409 before the draw). */
export async function drawBundle(db: Kysely<Database>, id: string): Promise<DrawBundle> {
  const row = await announcedPlan(db, id);
  if (row.state !== 'drawn') throw conflict('draw_pending', '该计划尚未抽取:公告的随机源产生后方可抽取');
  const snapshot = await repo.findSnapshot(db, id);
  if (!snapshot?.result) throw conflict('draw_pending', '该计划尚未抽取');
  const view = planView(row);
  const announcement = view.announcement;
  return {
    format: DRAW_FORMAT,
    id,
    title: row.title,
    inputs: JSON.parse(snapshot.inputs) as BundleInputs,
    announced: {
      populationSha256: row.population_sha256 ?? '',
      inspectorsSha256: announcement?.inspectorsSha256 ?? '',
      conflictsSha256: announcement?.conflictsSha256 ?? '',
      populationCount: view.populationCount ?? 0,
      at: row.announced_at ?? '',
      ledgerIndex: view.announceLedgerIndex,
    },
    result: JSON.parse(snapshot.result) as DrawBundle['result'],
    drawn: { at: row.drawn_at ?? '', ledgerIndex: view.drawLedgerIndex },
  };
}

export interface PublicTask {
  ordinal: number;
  uscc: string;
  entityName: string;
  stratum: string;
  position: string;
  unfilled: number;
  team: TeamMember[];
  recusals: { inspector: TeamMember; substitute: TeamMember | null }[];
  planId: string;
  planTitle: string;
  unitName: string;
  items: string[];
  inspectedFrom: string | null;
  inspectedTo: string | null;
  /** Only once published. */
  result: string | null;
  publishedAt: string | null;
}

async function publicTasks(db: Kysely<Database>, f: tasks.TaskFilter) {
  const { rows, total } = await tasks.listTasks(db, f);
  const names = await loadUnitNames(db);
  const items: PublicTask[] = rows.map((r) => {
    const published = r.state === 'published';
    return {
      ordinal: Number(r.ordinal),
      uscc: r.entity_uscc,
      entityName: r.entity_name,
      stratum: r.stratum,
      position: r.position,
      unfilled: Number(r.unfilled),
      team: JSON.parse(r.team) as TeamMember[],
      recusals: JSON.parse(r.recusals) as PublicTask['recusals'],
      planId: r.plan_id,
      planTitle: r.plan_title,
      unitName: names.nameOf(r.unit_id),
      items: (JSON.parse(r.plan_data) as { items: { name: string }[] }).items.map((i) => i.name),
      inspectedFrom: published ? r.inspected_from : null,
      inspectedTo: published ? r.inspected_to : null,
      result: published ? r.result : null,
      publishedAt: r.published_at,
    };
  });
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/** A drawn plan's targets and teams (抽查任务), searchable by name or code. */
export async function listPublicTargets(db: Kysely<Database>, planId: string, query: { q?: string; page: number; pageSize: number }) {
  const row = await announcedPlan(db, planId);
  if (row.state !== 'drawn') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  return publicTasks(db, {
    planId,
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    order: 'ordinal',
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** 抽查结果公告: published results, newest first. */
export async function listPublicResults(db: Kysely<Database>, query: { q?: string; page: number; pageSize: number }) {
  return publicTasks(db, {
    states: ['published'],
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    order: 'published',
    page: query.page,
    pageSize: query.pageSize,
  });
}
