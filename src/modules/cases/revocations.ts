import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { REVOCATION_KIND_LABELS, type Revocation } from './case-data.js';
import * as repo from './repository.js';
import { parseCaseData } from './views.js';

// Decisions recorded as revoked, changed, found unlawful or void: what the publications module reads to
// withdraw what it published (行政处罚法 §48). Revocations are rare, so the list is read whole (indexed).

export interface DecisionRevocation extends Revocation {
  caseId: string;
  caseNo: string;
  /** 撤销, 变更, 确认违法 or 确认无效. */
  kindLabel: string;
}

function toRevocation(row: { id: string; case_no: string; data: string }): DecisionRevocation | null {
  const revocation = parseCaseData(row.data).revocation;
  if (!revocation) return null;
  return { ...revocation, caseId: row.id, caseNo: row.case_no, kindLabel: REVOCATION_KIND_LABELS[revocation.kind] };
}

/** Every recorded revocation, or only those of the given cases. */
export async function listDecisionRevocations(db: Kysely<Database> | Trx, caseIds?: readonly string[]): Promise<DecisionRevocation[]> {
  if (caseIds !== undefined && caseIds.length === 0) return [];
  return (await repo.listRevokedCases(db, caseIds)).flatMap((r) => toRevocation(r) ?? []);
}
