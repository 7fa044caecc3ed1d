import type { Insertable, Kysely, Selectable } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { InspectionTasksTable } from './tables.js';

// SQL of inspection tasks (portable Kysely).

type Reader = Kysely<Database> | Trx;
export type TaskRow = Selectable<InspectionTasksTable> & { plan_title: string; plan_data: string };

const columns = [
  'inspection_tasks.id',
  'inspection_tasks.plan_id',
  'inspection_tasks.ordinal',
  'inspection_tasks.entity_uscc',
  'inspection_tasks.entity_name',
  'inspection_tasks.stratum',
  'inspection_tasks.position',
  'inspection_tasks.unfilled',
  'inspection_tasks.recusals',
  'inspection_tasks.unit_id',
  'inspection_tasks.unit_path',
  'inspection_tasks.team',
  'inspection_tasks.state',
  'inspection_tasks.inspected_from',
  'inspection_tasks.inspected_to',
  'inspection_tasks.result',
  'inspection_tasks.findings',
  'inspection_tasks.publish_due',
  'inspection_tasks.published_at',
  'inspection_tasks.inspection_case_id',
  'inspection_tasks.case_id',
  'inspection_tasks.created_at',
  'inspection_tasks.updated_at',
  'inspection_plans.title as plan_title',
  'inspection_plans.data as plan_data',
] as const;

export async function insertTasks(trx: Trx, rows: readonly Insertable<InspectionTasksTable>[]): Promise<void> {
  // 14 columns a row: 60 rows stay under SQLite's 999 bound parameters.
  for (let i = 0; i < rows.length; i += 60)
    await trx
      .insertInto('inspection_tasks')
      .values(rows.slice(i, i + 60))
      .execute();
}

export function findTask(db: Reader, id: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom('inspection_tasks')
    .innerJoin('inspection_plans', 'inspection_plans.id', 'inspection_tasks.plan_id')
    .select(columns)
    .where('inspection_tasks.id', '=', id)
    .executeTakeFirst();
}

export interface TaskFilter {
  unitPath?: string;
  planId?: string;
  states?: readonly string[];
  /** Tasks whose team holds this officer (the JSON team contains the id). */
  officerId?: string;
  q?: string;
  overdueOn?: string;
  order: 'ordinal' | 'published';
  page: number;
  pageSize: number;
}

export async function listTasks(db: Reader, f: TaskFilter): Promise<{ rows: TaskRow[]; total: number }> {
  let query = db.selectFrom('inspection_tasks').innerJoin('inspection_plans', 'inspection_plans.id', 'inspection_tasks.plan_id');
  if (f.unitPath) query = query.where(startsWith('inspection_tasks.unit_path', f.unitPath));
  if (f.planId) query = query.where('inspection_tasks.plan_id', '=', f.planId);
  if (f.states) query = query.where('inspection_tasks.state', 'in', [...f.states]);
  if (f.officerId) query = query.where(containsInsensitive('inspection_tasks.team', `"officerId":"${f.officerId}"`));
  if (f.overdueOn) query = query.where('inspection_tasks.state', '=', 'inspected').where('inspection_tasks.publish_due', '<', f.overdueOn);
  if (f.q) {
    const q = f.q;
    query = query.where((eb) =>
      eb.or([containsInsensitive('inspection_tasks.entity_name', q), containsInsensitive('inspection_tasks.entity_uscc', q)]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  let ordered = query.select(columns);
  ordered =
    f.order === 'published'
      ? ordered.orderBy('inspection_tasks.published_at', 'desc').orderBy('inspection_tasks.id')
      : ordered.orderBy('inspection_tasks.plan_id').orderBy('inspection_tasks.ordinal');
  const rows = await ordered
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** Updates a task only if it is in one of `states`. */
export async function updateTaskIn(
  trx: Trx,
  id: string,
  states: readonly string[],
  changes: Partial<InspectionTasksTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('inspection_tasks')
    .set(changes)
    .where('id', '=', id)
    .where('state', 'in', [...states])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
