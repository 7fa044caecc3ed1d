import type { Insertable, Kysely, Selectable } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { InspectionConflictsTable, InspectionItemsTable, InspectionPlansTable, InspectionSnapshotsTable } from './tables.js';

// SQL of the item list, conflicts, plans and their snapshots (portable Kysely). Tasks: tasks-repository.ts;
// the entity directory: entities-repository.ts.

type Reader = Kysely<Database> | Trx;
export type ItemRow = Selectable<InspectionItemsTable> & { unit_name: string };
export type PlanRow = Selectable<InspectionPlansTable>;
export type ConflictRow = Selectable<InspectionConflictsTable>;

const itemColumns = [
  'inspection_items.id',
  'inspection_items.code',
  'inspection_items.version_no',
  'inspection_items.current',
  'inspection_items.unit_id',
  'inspection_items.data',
  'inspection_items.change_note',
  'inspection_items.published_at',
  'inspection_items.published_by',
  'inspection_items.ledger_index',
  'units.name as unit_name',
] as const;

export async function unitExists(db: Reader, id: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function unitPath(db: Reader, id: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirst())?.path;
}

export function listCurrentItems(db: Reader, q: string | undefined): Promise<ItemRow[]> {
  let query = db
    .selectFrom('inspection_items')
    .innerJoin('units', 'units.id', 'inspection_items.unit_id')
    .select(itemColumns)
    .where('inspection_items.current', '=', 1);
  if (q) query = query.where(containsInsensitive('inspection_items.data', q));
  return query.orderBy('inspection_items.code').execute();
}

export function listItemVersions(db: Reader, code: string): Promise<ItemRow[]> {
  return db
    .selectFrom('inspection_items')
    .innerJoin('units', 'units.id', 'inspection_items.unit_id')
    .select(itemColumns)
    .where('inspection_items.code', '=', code)
    .orderBy('inspection_items.version_no', 'desc')
    .execute();
}

export function latestItemVersion(db: Reader, code: string) {
  return db
    .selectFrom('inspection_items')
    .select(['version_no', 'current', 'data'])
    .where('code', '=', code)
    .orderBy('version_no', 'desc')
    .executeTakeFirst();
}

export async function countItemCodes(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('inspection_items')
    .select((eb) => eb.fn.count<string>('code').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function supersedeItem(trx: Trx, code: string): Promise<void> {
  await trx.updateTable('inspection_items').set({ current: 0 }).where('code', '=', code).execute();
}

export async function insertItem(trx: Trx, row: Insertable<InspectionItemsTable>): Promise<void> {
  await trx.insertInto('inspection_items').values(row).execute();
}

// ---- conflicts of interest -----------------------------------------------------------------------

export function activeConflicts(db: Reader, filter: { officerIds?: readonly string[]; uscc?: string }): Promise<ConflictRow[]> {
  let query = db.selectFrom('inspection_conflicts').selectAll().where('withdrawn_at', 'is', null);
  if (filter.officerIds) {
    if (filter.officerIds.length === 0) return Promise.resolve([]);
    query = query.where('officer_id', 'in', [...filter.officerIds]);
  }
  if (filter.uscc) query = query.where('entity_uscc', '=', filter.uscc);
  return query.orderBy('declared_at', 'desc').execute();
}

export function findConflict(db: Reader, id: string): Promise<ConflictRow | undefined> {
  return db.selectFrom('inspection_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertConflict(trx: Trx, row: Insertable<InspectionConflictsTable>): Promise<void> {
  await trx.insertInto('inspection_conflicts').values(row).execute();
}

export async function withdrawConflict(trx: Trx, id: string, at: string, by: string): Promise<boolean> {
  const result = await trx
    .updateTable('inspection_conflicts')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- plans ---------------------------------------------------------------------------------------

export function findPlan(db: Reader, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('inspection_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPlan(trx: Trx, row: Insertable<InspectionPlansTable>): Promise<void> {
  await trx.insertInto('inspection_plans').values(row).execute();
}

/** Updates a plan only if it is still in `state` (a concurrent announce or draw makes this a no-op). */
export async function updatePlanIn(trx: Trx, id: string, state: string, changes: Partial<InspectionPlansTable>): Promise<boolean> {
  const result = await trx.updateTable('inspection_plans').set(changes).where('id', '=', id).where('state', '=', state).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface PlanFilter {
  states: readonly string[];
  /** Only plans that were announced (a draft cancelled before its announcement never was). */
  announcedOnly?: boolean;
  unitPath?: string;
  year?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listPlans(db: Reader, f: PlanFilter): Promise<{ rows: PlanRow[]; total: number }> {
  let query = db.selectFrom('inspection_plans').where('state', 'in', [...f.states]);
  if (f.announcedOnly) query = query.where('announced_at', 'is not', null);
  if (f.unitPath) query = query.where(startsWith('unit_path', f.unitPath));
  if (f.year) query = query.where('year', '=', f.year);
  if (f.q) query = query.where(containsInsensitive('title', f.q));
  const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

export async function saveSnapshot(trx: Trx, row: Insertable<InspectionSnapshotsTable>): Promise<void> {
  await trx.insertInto('inspection_snapshots').values(row).execute();
}

export async function setSnapshotResult(trx: Trx, planId: string, inputs: string, result: string): Promise<void> {
  await trx.updateTable('inspection_snapshots').set({ inputs, result }).where('plan_id', '=', planId).execute();
}

export function findSnapshot(db: Reader, planId: string): Promise<Selectable<InspectionSnapshotsTable> | undefined> {
  return db.selectFrom('inspection_snapshots').selectAll().where('plan_id', '=', planId).executeTakeFirst();
}

/** The population a plan's filter selects: active entities, by USCC. */
export function populationOf(db: Reader, filter: { regions: string[]; industries: string[]; riskClasses: string[] }) {
  let query = db.selectFrom('inspection_entities').select(['uscc', 'risk_class']).where('active', '=', 1);
  if (filter.regions.length > 0) query = query.where('region', 'in', filter.regions);
  if (filter.industries.length > 0) query = query.where('industry', 'in', filter.industries);
  if (filter.riskClasses.length > 0) query = query.where('risk_class', 'in', filter.riskClasses);
  return query.orderBy('uscc').execute();
}
