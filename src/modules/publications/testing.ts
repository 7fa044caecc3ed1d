import { type CasesEnv, caseAt, casesApi, issueCaseDocument, NOTIFIED_PENALTY, person } from '../cases/testing.js';
import type { PublicationListItem, PublicationView, PublicDecision, PublicDecisionItem } from './views.js';

// Factories for 事后公开 tests: an issued 行政处罚决定书 on a natural person, resident IDs for any birth
// date, and requests to the publications API.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 居民身份证号码 (GB 11643 check character) of someone born on `birth` (YYYY-MM-DD). */
export function residentIdBornOn(birth: string, sequence = '123'): string {
  const first17 = `640202${birth.replaceAll('-', '')}${sequence}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return `${first17}${'10X98765432'.charAt(sum % 11)}`;
}

/** A mobile number written in the facts of the decision (a complainant's), for the recognizers to find. */
export const COMPLAINANT_MOBILE = '13912345678';

/**
 * A case against a natural person (李四 unless overridden) decided on 2026-09-21, and its
 * 行政处罚决定书 issued with the given 成文日期; the facts name a complainant with a mobile number.
 */
export async function issuedDecision(
  env: CasesEnv,
  options: { party?: Record<string, unknown>; documentDate?: string } = {},
): Promise<{ caseId: string; document: { id: string; number: string | null } }> {
  const api = casesApi(env);
  const c = await caseAt(env, 'notice_served', { parties: [person(options.party)] });
  await api.actOk(
    c.id,
    'decide',
    { performedOn: '2026-09-21', note: '当事人未陈述申辩', penalty: NOTIFIED_PENALTY, collective: false },
    'unitHead',
  );
  const document = await issueCaseDocument(env, c.id, 'penalty_decision', {
    dates: { document: options.documentDate ?? '2026-09-28' },
    facts: `你于2026年6月至8月拖欠5名劳动者工资共计4万元。投诉人王小明(联系电话${COMPLAINANT_MOBILE})反映上述情况属实。`,
  });
  return { caseId: c.id, document };
}

type Who = Parameters<ReturnType<typeof casesApi>['call']>[2];

export function publicationsApi(env: CasesEnv) {
  const api = casesApi(env);
  const list = async (query = '', who: Who = 'unitHead') => {
    const res = await api.call('GET', `/api/publications?pageSize=100${query}`, who);
    if (res.statusCode !== 200) throw new Error(`list publications: ${res.statusCode} ${res.body}`);
    return res.json<{ items: PublicationListItem[]; total: number }>();
  };
  /** The publication of a document (the queue listing creates it). */
  const ofDocument = async (documentId: string, who: Who = 'unitHead'): Promise<PublicationListItem> => {
    const found = (await list('', who)).items.find((p) => p.documentId === documentId);
    if (!found) throw new Error(`no publication of document ${documentId}`);
    return found;
  };
  const inject = (method: 'GET' | 'POST', url: string, who: Who | null, payload?: Record<string, unknown>) =>
    who === null ? env.app.inject({ method, url }) : api.call(method, url, who, payload);
  return {
    list,
    ofDocument,
    get: (id: string, who: Who = 'unitHead') => inject('GET', `/api/publications/${id}`, who),
    detail: async (id: string, who: Who = 'unitHead') => (await inject('GET', `/api/publications/${id}`, who)).json<PublicationView>(),
    post: (id: string, action: 'publish' | 'block' | 'withdraw', body: Record<string, unknown>, who: Who = 'unitHead') =>
      inject('POST', `/api/publications/${id}/${action}`, who, body),
    publicList: async (query = '') =>
      (await inject('GET', `/api/public/decisions?pageSize=100${query}`, null)).json<{ items: PublicDecisionItem[]; total: number }>(),
    publicGet: (id: string) => inject('GET', `/api/public/decisions/${id}`, null),
  };
}

/** What the console sends by default: every finding that is not public information, with its suggested replacement. */
export function confirmedDefaults(view: PublicationView): { start: number; end: number; replacement: string }[] {
  return (view.draft?.findings ?? []).filter((f) => !f.keep).map((f) => ({ start: f.start, end: f.end, replacement: f.replacement }));
}

export type { PublicDecision };

/**
 * An issued decision (as issuedDecision) published with the console's default redactions: its
 * publication id, case, 文号 and the ledger index of the publication event.
 */
export async function publishedDecision(
  env: CasesEnv,
  party?: Record<string, unknown>,
): Promise<{ id: string; caseId: string; number: string; ledgerIndex: number }> {
  const api = publicationsApi(env);
  const { caseId, document } = await issuedDecision(env, party ? { party } : {});
  const { id } = await api.ofDocument(document.id);
  const view = await api.detail(id);
  const res = await api.post(id, 'publish', { findings: confirmedDefaults(view), textSha256: view.draft?.textSha256 });
  if (res.statusCode !== 200) throw new Error(`publish ${id}: ${res.statusCode} ${res.body}`);
  const ledgerIndex = res.json<PublicationView>().versions[0]?.ledgerIndex ?? -1;
  return { id, caseId, number: document.number ?? '', ledgerIndex };
}
