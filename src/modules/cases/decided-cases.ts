import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { decisionStands, type PartyKind } from './case-data.js';
import type { Stage } from './procedure.js';
import { parseCaseData } from './views.js';

// A read-only view of the cases that hold a decision (行政处罚决定 or 处理决定), for modules that publish
// lists derived from decisions (人社部令第29号 重大劳动保障违法行为社会公布). It never changes a case.

/** The stages a case can be in once its decision is made (a case may be closed without one: checked on the data). */
const AFTER_DECISION: readonly Stage[] = ['decided', 'decision_served', 'enforcement_applied', 'executed', 'closed'];

export interface DecidedCaseParty {
  readonly id: string;
  readonly kind: PartyKind;
  readonly name: string;
  /** 统一社会信用代码 (organisations) or 身份证号码 (natural persons). */
  readonly idNo: string;
  readonly address: string;
  /** 法定代表人或负责人 (organisations; '' for natural persons). */
  readonly legalRepresentative: string;
}

export interface DecidedCase {
  readonly caseId: string;
  readonly caseNo: string;
  readonly title: string;
  readonly unitId: string;
  readonly unitPath: string;
  readonly stage: string;
  /** The case's summary as registered (案情). */
  readonly summary: string;
  readonly itemName: string;
  /** The decision as recorded by the 作出决定 / 当场处罚 step. */
  readonly decision: {
    readonly decidedOn: string;
    readonly types: readonly string[];
    readonly fineYuan: number | null;
    readonly description: string;
  };
  readonly parties: readonly DecidedCaseParty[];
}

const partyKind = (kind: string): PartyKind => (kind === 'organization' ? 'organization' : 'natural');

/**
 * Cases with a decision, oldest decision first; `caseId` narrows to one case. Cases the caller cannot
 * see are the caller's business: this read has no actor, the calling module authorizes.
 */
export async function listDecidedCases(db: Kysely<Database>, filter: { caseId?: string } = {}): Promise<DecidedCase[]> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'case_no', 'title', 'unit_id', 'unit_path', 'stage', 'data'])
    .where('stage', 'in', [...AFTER_DECISION]);
  if (filter.caseId !== undefined) query = query.where('id', '=', filter.caseId);
  const rows = await query.orderBy('case_no').execute();
  const decided = rows.flatMap((row) => {
    const data = parseCaseData(row.data);
    // A decision revoked or found void no longer stands: nothing is derived from it (changed or found
    // unlawful, the violation itself still stands).
    return data.decision && decisionStands(data) ? [{ row, data, decision: data.decision }] : [];
  });
  if (decided.length === 0) return [];
  const parties = await db
    .selectFrom('case_parties')
    .selectAll()
    .where(
      'case_id',
      'in',
      decided.map((d) => d.row.id),
    )
    .orderBy('id')
    .execute();
  return decided
    .map(({ row, data, decision }) => ({
      caseId: row.id,
      caseNo: row.case_no,
      title: row.title,
      unitId: row.unit_id,
      unitPath: row.unit_path,
      stage: row.stage,
      summary: data.summary,
      itemName: data.itemName,
      decision: {
        decidedOn: decision.decidedOn,
        types: decision.penalty.types,
        fineYuan: decision.penalty.fineYuan,
        description: decision.penalty.description,
      },
      parties: parties
        .filter((p) => p.case_id === row.id)
        .map((p) => {
          const more = JSON.parse(p.data) as { address?: string; legalRepresentative?: string };
          return {
            id: p.id,
            kind: partyKind(p.kind),
            name: p.name,
            idNo: p.id_no,
            address: more.address ?? '',
            legalRepresentative: more.legalRepresentative ?? '',
          };
        }),
    }))
    .sort((a, b) => a.decision.decidedOn.localeCompare(b.decision.decidedOn));
}
