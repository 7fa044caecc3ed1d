import type { LightMyRequestResponse } from 'fastify';
import type { CasesEnv } from '../cases/testing.js';
import type { BatchView, EntryView } from './views.js';

// Test-only helpers of the violation-notices module: requests as each person of the cases env.

type Who = keyof CasesEnv['sessions'];

export function noticesApi(env: CasesEnv) {
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who | null, payload?: Record<string, unknown>) =>
    env.app.inject({
      method,
      url,
      headers: who === null ? {} : method === 'GET' ? { cookie: env.sessions[who].cookie } : env.sessions[who].headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const ok = <T>(res: LightMyRequestResponse, what: string): T => {
    if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  /** Every entry the person sees (candidates are derived first). */
  const entries = async (who: Who = 'officer'): Promise<EntryView[]> =>
    ok<{ items: EntryView[] }>(await call('GET', '/api/violation-notices/entries?pageSize=100', who), 'list entries').items;
  const entryOf = async (caseId: string, who: Who = 'officer'): Promise<EntryView | undefined> =>
    (await entries(who)).find((e) => e.caseId === caseId);
  const body = (entry: EntryView, overrides: Record<string, unknown> = {}) => ({
    category: entry.category,
    subjectName: entry.subjectName,
    creditCode: entry.creditCode,
    address: entry.address,
    responsiblePerson: entry.responsiblePerson,
    facts: entry.facts,
    handling: entry.handling,
    ...overrides,
  });
  const include = (entry: EntryView, overrides: Record<string, unknown> = {}, who: Who = 'unitHead') =>
    call('POST', `/api/violation-notices/entries/${entry.id}/include`, who, body(entry, { category: 'wage_arrears', ...overrides }));
  const compile = (year: number, quarter: number, who: Who = 'reviewer') =>
    call('POST', '/api/violation-notices/batches', who, { year, quarter });
  const publish = (batchId: string, who: Who = 'leader') => call('POST', `/api/violation-notices/batches/${batchId}/publish`, who);
  /** Includes the case's entry, compiles its quarter (2026 Q3 for the standard script) and publishes it. */
  async function publishCase(caseId: string, overrides: Record<string, unknown> = {}): Promise<{ entry: EntryView; batch: BatchView }> {
    const candidate = await entryOf(caseId);
    if (!candidate) throw new Error(`no entry for case ${caseId}`);
    const entry = ok<EntryView>(await include(candidate, overrides), 'include');
    const compiled = ok<BatchView>(await compile(entry.year, entry.quarter), 'compile');
    const batch = ok<BatchView>(await publish(compiled.id), 'publish');
    return { entry, batch };
  }
  return { call, entries, entryOf, body, include, compile, publish, publishCase };
}
