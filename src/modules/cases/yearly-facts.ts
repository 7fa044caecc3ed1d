import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { entryVersion, type ItemData, itemKind } from '../catalog/index.js';
import { parseCaseData } from './views.js';

// A read-only view of a year's cases for the annual statistics (行政执法统计年报): the dates and amounts
// the report counts, per case, with the category (事项类别) of the 执法事项 version the case was
// registered under. It reads no parties and never changes a case.

export interface CaseYearFact {
  readonly caseId: string;
  readonly unitId: string;
  /** general | simple */
  readonly procedure: string;
  /** 事项类别 of the case's 执法事项 version (行政处罚, 行政强制 …); null when the version is not found. */
  readonly category: string | null;
  readonly receivedOn: string;
  readonly filedOn: string | null;
  readonly closedOn: string | null;
  readonly decision: { readonly decidedOn: string; readonly types: readonly string[]; readonly fineYuan: number | null } | null;
  readonly hearing: { readonly requestedOn: string; readonly heldOn: string | null } | null;
  /** 先行登记保存: the day of each. */
  readonly preservedOn: readonly string[];
  /** 申请法院强制执行: the day of each application. */
  readonly enforcementAppliedOn: readonly string[];
  /** Fines paid through the bank (罚缴分离), each receipt's day and amount in fen. */
  readonly payments: readonly { readonly paidOn: string; readonly amountFen: number }[];
}

/**
 * Every case alive at some time in `year`: received on or before 31 December and not closed before
 * 1 January. The caller decides which dates fall in the year; an unscoped read, for the report only.
 */
export async function caseFactsOfYear(db: Kysely<Database>, year: number): Promise<CaseYearFact[]> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'unit_id', 'procedure', 'item_version_id', 'received_on', 'filed_on', 'closed_on', 'data'])
    .where('received_on', '<=', last)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', first)]))
    .orderBy('received_on')
    .execute();
  if (rows.length === 0) return [];
  const categories = new Map<string, string | null>();
  for (const versionId of new Set(rows.map((r) => r.item_version_id))) {
    const entry = await entryVersion<ItemData>(db, itemKind, versionId);
    categories.set(versionId, entry?.data.category ?? null);
  }
  const enforcement = await db
    .selectFrom('case_steps')
    .select(['case_id', 'performed_on'])
    .where('action', '=', 'apply_enforcement')
    .where('performed_on', '>=', first)
    .where('performed_on', '<=', last)
    .execute();
  const payments = await db
    .selectFrom('case_payments')
    .select(['case_id', 'paid_on', 'amount_fen'])
    .where('paid_on', '>=', first)
    .where('paid_on', '<=', last)
    .execute();
  const enforcementOf = groupBy(enforcement, (e) => e.case_id);
  const paymentsOf = groupBy(payments, (p) => p.case_id);
  return rows.map((row) => {
    const data = parseCaseData(row.data);
    const decision = data.decision;
    return {
      caseId: row.id,
      unitId: row.unit_id,
      procedure: row.procedure,
      category: categories.get(row.item_version_id) ?? null,
      receivedOn: row.received_on,
      filedOn: row.filed_on,
      closedOn: row.closed_on,
      decision: decision
        ? { decidedOn: decision.decidedOn, types: [...decision.penalty.types], fineYuan: decision.penalty.fineYuan }
        : null,
      hearing: data.hearing ? { requestedOn: data.hearing.requestedOn, heldOn: data.hearing.heldOn } : null,
      preservedOn: (data.preservations ?? []).map((p) => p.preservedOn),
      enforcementAppliedOn: (enforcementOf.get(row.id) ?? []).map((e) => e.performed_on),
      payments: (paymentsOf.get(row.id) ?? []).map((p) => ({ paidOn: p.paid_on, amountFen: Number(p.amount_fen) })),
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
