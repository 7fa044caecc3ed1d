import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import type { IssuedDocument } from '../documents/index.js';
import { type CasesApi, type CasesEnv, caseAt, caseEventTypes, casesApi, startCasesEnv } from './testing.js';

describeEachDialect('cases: 执法文书 drawn from the case', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  const issue = (caseId: string, body: Record<string, unknown>) => api.call('POST', `/api/cases/${caseId}/documents`, 'officer', body);

  it('fills a 立案审批表 from the case, issues it once, and records a case event citing its hash', async () => {
    const c = await caseAt(env, 'investigating');
    const preview = await api.call('POST', `/api/cases/${c.id}/documents/preview`, 'officer', { type: 'filing_approval' });
    expect(preview.statusCode).toBe(200);
    const html = preview.json<{ html: string }>().html;
    expect(html).toContain(c.caseNo);
    expect(html).toContain(c.parties[0]?.name ?? 'no party');

    const first = await issue(c.id, { type: 'filing_approval' });
    expect(first.statusCode).toBe(201);
    const doc = first.json<IssuedDocument>();
    expect(doc).toMatchObject({ caseId: c.id, type: 'filing_approval', version: 1, supersedesId: null });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select(['data', 'blobs'])
      .where('subject_id', '=', c.id)
      .where('type', '=', 'case.document_issued')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.blobs)).toEqual([doc.sha256]);
    expect(JSON.parse(event.data)).toMatchObject({ documentId: doc.id, type: 'filing_approval' });

    // A second 立案审批表 would be a second decision to file: only a correction may replace it.
    const again = await issue(c.id, { type: 'filing_approval' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'document_already_issued']);
    const corrected = await issue(c.id, { type: 'filing_approval', supersedesId: doc.id });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json<IssuedDocument>()).toMatchObject({ version: 2, supersedesId: doc.id });
    expect((await caseEventTypes(ctx.db.kysely, c.id)).filter((t) => t === 'case.document_issued')).toHaveLength(2);
  });

  it('names what a person must still supply, and lets several 询问笔录 be issued', async () => {
    const c = await caseAt(env, 'investigating');
    const missing = await issue(c.id, { type: 'penalty_prior_notice' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'document_data_incomplete' });
    expect(missing.json().details).toEqual(expect.arrayContaining(['联系人', '联系电话']));
    const record = {
      type: 'inquiry_record',
      data: {
        record: {
          startTime: '2026-09-05 09:00',
          endTime: '2026-09-05 10:00',
          place: '劳动保障监察监督局询问室',
          recorder: '李娜',
          subject: { name: '王某', position: '法定代表人', idNumber: '11010519491231002X' },
          lines: [
            { speaker: '问', text: '你单位是否按时支付工资?' },
            { speaker: '答', text: '拖欠了三个月。' },
          ],
        },
      },
    };
    const one = await issue(c.id, record);
    expect(one.statusCode, one.body).toBe(201);
    expect((await issue(c.id, record)).statusCode).toBe(201);
    const list = (await api.call('GET', `/api/cases/${c.id}/documents`, 'officer')).json<IssuedDocument[]>();
    expect(list.filter((d) => d.type === 'inquiry_record')).toHaveLength(2);
  });
});
