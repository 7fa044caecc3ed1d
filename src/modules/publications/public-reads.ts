import type { Kysely } from 'kysely';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { invalid, notFound } from '../../platform/errors.js';
import { eventDataAt } from '../../platform/events/list-events.js';
import { listPublicUnits, type UnitView } from '../org/index.js';
import type { PublicationSummary } from './draft-content.js';
import { syncRevocations } from './lifecycle.js';
import { CATEGORY_LABELS, type PublicationCategory } from './publication-data.js';
import * as repo from './repository.js';
import { listPublishedRows, publishedYears } from './search-repository.js';
import { type PublicDecision, type PublicDecisionItem, toVersionView } from './views.js';

// The portal's decisions: only what is published, and for a withdrawn or expired one only the notice.

export interface PublicDecisionsQuery {
  q?: string;
  /** A unit id: its decisions and those of the units below it (谁执法谁公示). */
  unit?: string;
  category?: PublicationCategory;
  year?: number;
  page: number;
  pageSize: number;
}

/** At most this many words in one search; each must occur in the text. */
const MAX_TERMS = 5;

/** The words of a search: split on white space, duplicates and words inside longer ones dropped. */
export function searchTerms(q: string | undefined): string[] {
  const words = [...new Set((q ?? '').split(/\s+/u).filter((w) => w !== ''))];
  const kept = words.filter((w) => !words.some((other) => other !== w && other.includes(w)));
  if (kept.length > MAX_TERMS) throw invalid('too_many_terms', `一次最多按 ${MAX_TERMS} 个词查找`);
  return kept;
}

const unitNameOf = (units: readonly UnitView[], id: string): string => units.find((u) => u.id === id)?.name ?? '';

/** Published decisions, newest publication first; `q` searches the published text. */
export async function listPublicDecisions(
  db: Kysely<Database>,
  query: PublicDecisionsQuery,
): Promise<{ items: PublicDecisionItem[]; total: number; totalCapped: boolean; page: number; pageSize: number }> {
  const units = await listPublicUnits(db);
  let unitPathPrefix: string | undefined;
  if (query.unit !== undefined && query.unit !== '') {
    const unit = units.find((u) => u.id === query.unit);
    if (!unit) throw invalid('unit_not_found', '没有这个执法机构');
    unitPathPrefix = unit.path;
  }
  const { rows, total, capped } = await listPublishedRows(db, {
    terms: searchTerms(query.q),
    unitPathPrefix,
    category: query.category,
    year: query.year,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: rows.map((r) => {
      const category = r.category as PublicationCategory;
      return {
        ...(JSON.parse(r.summary) as PublicationSummary),
        id: r.id,
        unitId: r.unit_id,
        unitName: unitNameOf(units, r.unit_id),
        category,
        categoryLabel: CATEGORY_LABELS[category] ?? r.category,
        version: Number(r.version),
        publishedAt: r.published_at,
      };
    }),
    total,
    totalCapped: capped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * What the portal's filters offer: the units in tree order (indented by depth) and the years from the
 * first published decision to the last. Counting per unit and year would read every row on each page.
 */
export async function publicDecisionFacets(db: Kysely<Database>) {
  const [units, years] = await Promise.all([listPublicUnits(db), publishedYears(db)]);
  return { units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth })), years };
}

/**
 * A published decision, or the notice of its withdrawal or expiry; nothing for drafts and blocked ones.
 * A decision whose revocation the case has recorded is withdrawn here at once rather than at the next
 * scheduled run, so the public never reads a revoked decision as in force.
 */
export async function getPublicDecision(db: Kysely<Database>, id: string): Promise<PublicDecision> {
  const missing = () => notFound('decision_not_found', '未找到该公开的行政执法决定');
  const first = await repo.findPublication(db, id);
  const revoked = first?.state === 'published' && (await syncRevocations(db, { caseIds: [first.case_id] })).withdrawn > 0;
  const row = revoked ? await repo.findPublication(db, id) : first;
  if (!row) throw missing();
  const today = shanghaiToday();
  const which = row.document_number ? `(${row.document_number})` : '';
  if (row.state === 'withdrawn') {
    const reason = row.withdrawn_reason ?? '';
    const withdrawnAt = row.withdrawn_at ?? row.updated_at;
    return {
      id: row.id,
      state: 'withdrawn',
      documentNumber: row.document_number,
      withdrawnAt,
      reason,
      notice: `本机关已于 ${shanghaiToday(new Date(withdrawnAt))} 撤回该行政执法决定${which}的公开信息。撤回理由:${reason}`,
    };
  }
  // Past its period but not yet taken down by the scheduled run: shown as what it is.
  if (row.state === 'expired' || (row.state === 'published' && row.expires_on !== null && row.expires_on <= today)) {
    const expiredOn = row.expires_on ?? shanghaiToday(new Date(row.updated_at));
    return {
      id: row.id,
      state: 'expired',
      documentNumber: row.document_number,
      expiredOn,
      notice: `该行政执法决定${which}的公示期已于 ${expiredOn} 届满,依规定不再公示。`,
    };
  }
  if (row.state !== 'published') throw missing();
  const versions = await repo.listVersions(db, id);
  const current = versions.find((v) => Number(v.version) === Number(row.current_version));
  if (!current) throw missing();
  const view = toVersionView(current, new Map());
  const units = await listPublicUnits(db);
  const category = row.category as PublicationCategory;
  return {
    ...view.summary,
    id: row.id,
    state: 'published',
    unitId: row.unit_id,
    unitName: unitNameOf(units, row.unit_id),
    category,
    categoryLabel: CATEGORY_LABELS[category] ?? row.category,
    version: view.version,
    publishedAt: view.publishedAt,
    text: view.text,
    redactions: view.redactions,
    changeNote: view.changeNote,
    originalSha256: view.originalSha256,
    textSha256: view.textSha256,
    ledgerIndex: view.ledgerIndex,
    ledgerEventData: (await eventDataAt(db, view.ledgerIndex)) ?? '',
    expiresOn: row.expires_on,
    versions: versions.map((v) => ({
      version: Number(v.version),
      publishedAt: v.published_at,
      changeNote: v.change_note,
      ledgerIndex: Number(v.ledger_index),
    })),
  };
}
