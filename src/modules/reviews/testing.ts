import { loginAs, type Session } from '../../../test/support/app.js';
import { makeUser } from '../../../test/support/factories.js';
import type { CaseView } from '../cases/index.js';
import { type CasesApi, type CasesEnv, caseAt, casesApi, issueCaseDocument, makeEvidence, NOTIFIED_PENALTY } from '../cases/testing.js';
import { officerBody } from '../officers/testing.js';
import { CHECKLIST } from './review-data.js';
import type { ReviewView } from './views.js';

// Factories for 法制审核 tests: a major case ready for submission, a qualified reviewer, opinions.

/** Links the env's 法制审核人员 to an officer record with 法律职业资格 A (needed to take a first review). */
export async function qualifyReviewer(env: CasesEnv): Promise<void> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/officers',
    headers: env.sessions.reviewer.headers,
    payload: officerBody(env.rootId, {
      name: '赵法审',
      userId: env.users.reviewer.id,
      legalQualification: { level: 'A', certificateNo: 'A20116402000999' },
    }),
  });
  if (res.statusCode !== 201) throw new Error(`qualify reviewer: ${res.statusCode} ${res.body}`);
}

/** A second 法制审核人员 without 法律职业资格. */
export async function unqualifiedReviewer(env: CasesEnv): Promise<Session> {
  const user = await makeUser(env.db, { unitId: env.rootId, roles: ['legal_reviewer'] });
  return loginAs(env.app, user.username, user.password);
}

/**
 * A case the unit head marked major at 调查终结, with its 事先告知书 issued and served on 2026-09-14
 * (statement period to 2026-09-20): ready for 送审.
 */
export async function majorCase(env: CasesEnv): Promise<CaseView> {
  const api = casesApi(env);
  const c = await caseAt(env, 'investigating');
  await api.actOk(c.id, 'investigate', {
    performedOn: '2026-09-08',
    note: '现场检查,询问财务负责人,调取工资表',
    officerIds: [env.officers.a.id, env.officers.b.id],
    evidenceIds: [await makeEvidence(env, 'video', c.id)],
  });
  await api.actOk(
    c.id,
    'end_investigation',
    { performedOn: '2026-09-10', note: '拖欠 5 名劳动者工资,事实清楚,建议处罚', reviewRequired: true },
    'unitHead',
  );
  await api.actOk(
    c.id,
    'notify',
    {
      performedOn: '2026-09-11',
      note: '拟处罚',
      penalty: NOTIFIED_PENALTY,
      benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: '' },
      hearingOffered: true,
    },
    'unitHead',
  );
  await issueCaseDocument(env, c.id, 'penalty_prior_notice');
  return api.actOk(c.id, 'serve_notice', {
    performedOn: '2026-09-14',
    note: '直接送达',
    service: { method: '直接送达', recipient: '张三' },
  });
}

export function reviewsApi(env: CasesEnv) {
  const api: CasesApi = casesApi(env);
  const submit = (caseId: string, overrides: Record<string, unknown> = {}, who: 'officer' | 'unitHead' = 'officer') =>
    api.call('POST', '/api/reviews', who, {
      caseId,
      statement: '当事人拖欠 5 名劳动者工资,证据确实充分;依照裁量基准第 2 阶次拟处警告并罚款 800 元;两名执法人员均持有效执法证。',
      attested: true,
      ...overrides,
    });
  const post = (id: string, path: string, body: Record<string, unknown>, who: Parameters<CasesApi['call']>[2] = 'reviewer') =>
    api.call('POST', `/api/reviews/${id}/${path}`, who, body);
  return {
    submit,
    post,
    get: (id: string, who: Parameters<CasesApi['call']>[2] = 'reviewer') => api.call('GET', `/api/reviews/${id}`, who),
  };
}

/** A complete checklist: every item 符合, or the named items with a problem. */
export function checklist(problemKeys: readonly string[] = []) {
  return CHECKLIST.map((item) =>
    problemKeys.includes(item.key)
      ? { key: item.key, result: 'problem', note: `${item.label}方面存在问题` }
      : { key: item.key, result: item.key === 'crime' ? 'na' : 'pass', note: '' },
  );
}

export const returnedOpinion = {
  checklist: checklist(['discretion']),
  conclusion: 'problems',
  problems: [{ key: 'discretion', text: '未说明按每人 160 元计罚的理由' }],
  note: '',
};

export const agreedOpinion = { checklist: checklist(), conclusion: 'agreed', problems: [], note: '同意承办机构意见。' };

export type { ReviewView };
