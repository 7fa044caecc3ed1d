import type { LightMyRequestResponse } from 'fastify';
import { type CasesEnv, caseAt, casesApi, NOTIFIED_PENALTY } from '../cases/testing.js';
import type { ReportView } from './views.js';

// Test helpers of the annual reports: a decided case with a fine, and requests to the report API.

type Who = Parameters<ReturnType<typeof casesApi>['call']>[2];

/** A case of the env's 行政处罚 item decided on 2026-09-21: 警告 and a fine of 800 yuan, in the inspection unit. */
export async function decidedCase(env: CasesEnv): Promise<string> {
  const c = await caseAt(env, 'notice_served');
  await casesApi(env).actOk(
    c.id,
    'decide',
    { performedOn: '2026-09-21', note: '当事人未陈述申辩', penalty: NOTIFIED_PENALTY, collective: false },
    'unitHead',
  );
  return c.id;
}

export function reportsApi(env: CasesEnv) {
  const api = casesApi(env);
  const ok = (res: LightMyRequestResponse, what: string): ReportView => {
    if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json<ReportView>();
  };
  return {
    compute: (year: number | string, who: Who = 'reviewer') => api.call('POST', '/api/annual-reports', who, { year }),
    get: (year: number | string, who: Who = 'reviewer') => api.call('GET', `/api/annual-reports/${year}`, who),
    view: async (year: number, who: Who = 'reviewer') => ok(await api.call('GET', `/api/annual-reports/${year}`, who), 'get report'),
    confirm: (year: number, unitId: string, figuresSha256: string, who: Who = 'unitHead') =>
      api.call('POST', `/api/annual-reports/${year}/units/${unitId}/confirm`, who, { figuresSha256, note: '已核对' }),
    giveBack: (year: number, unitId: string, reason: string, who: Who = 'unitHead') =>
      api.call('POST', `/api/annual-reports/${year}/units/${unitId}/return`, who, { reason }),
    compile: (year: number, who: Who = 'reviewer') => api.call('POST', `/api/annual-reports/${year}/compile`, who, {}),
    publish: (year: number, who: Who = 'reviewer') => api.call('POST', `/api/annual-reports/${year}/publish`, who, {}),
    ok,
  };
}
