import type { Kysely } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';

// Closed cases, newest closing first: the archives module offers them for 归档. A read without parties
// or data; the caller scopes by unit path and decides who may see it.

export interface ClosedCase {
  readonly id: string;
  readonly caseNo: string;
  readonly title: string;
  readonly unitId: string;
  readonly unitPath: string;
  readonly procedure: string;
  readonly itemCode: string;
  readonly closedOn: string;
}

export async function listClosedCases(
  db: Kysely<Database>,
  filter: { readonly unitPathPrefix?: string; readonly q?: string; readonly limit: number },
): Promise<ClosedCase[]> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'case_no', 'title', 'unit_id', 'unit_path', 'procedure', 'item_code', 'closed_on'])
    .where('stage', '=', 'closed')
    .where('closed_on', 'is not', null);
  if (filter.unitPathPrefix !== undefined) query = query.where(startsWith('unit_path', filter.unitPathPrefix));
  const q = filter.q?.trim();
  if (q) query = query.where((eb) => eb.or([containsInsensitive('case_no', q), containsInsensitive('title', q)]));
  const rows = await query.orderBy('closed_on', 'desc').orderBy('case_no', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    title: r.title,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    procedure: r.procedure,
    itemCode: r.item_code,
    closedOn: r.closed_on ?? '',
  }));
}
