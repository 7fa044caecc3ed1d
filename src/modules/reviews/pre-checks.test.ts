import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { type BlobStore, createFsBlobStore } from '../../platform/blobs/index.js';
import type { CaseView } from '../cases/index.js';
import { type CasesApi, type CasesEnv, caseAt, casesApi, issueCaseDocument, NOTIFIED_PENALTY, startCasesEnv } from '../cases/testing.js';
import { benchmarkKind, currentEntry } from '../catalog/index.js';
import { actorOfUsername } from '../org/index.js';
import { gatherPreCheckFacts, judgePreChecks, runPreChecks } from './pre-checks.js';
import { statedFigures, WAGE_CRIME_THRESHOLD } from './pre-checks-crime.js';
import {
  alterBlobOnDisk,
  checkOf,
  type ReadyOptions,
  readyCase,
  recordingOf,
  storedEvidence,
  withData,
  withStep,
} from './pre-checks-testing.js';
import type { PreCheck } from './review-data.js';
import { reviewsApi } from './testing.js';

const ORDER = [
  'subject',
  'officers',
  'sequence',
  'notice',
  'hearing',
  'deadlines',
  'av_recording',
  'evidence_integrity',
  'legal_basis',
  'benchmark',
  'documents',
  'crime_transfer',
];

describeEachDialect('reviews: automatic pre-checks (自动预审)', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  let blobDir: string;
  let blobs: BlobStore;
  let officer: UserActor;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
    blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-prechecks-'));
    blobs = createFsBlobStore(blobDir);
    const actor = await actorOfUsername(env.db, env.users.officer.username);
    if (!actor) throw new Error('officer actor missing');
    officer = actor;
  });
  afterAll(async () => {
    await env?.app.close();
    fs.rmSync(blobDir, { recursive: true, force: true });
  });

  const ready = (options: ReadyOptions = {}) => readyCase(env, blobs, officer, options);
  const run = (c: CaseView) => runPreChecks(env.db, { blobs }, c);
  /** The checks with open deadlines measured on a fixed day, so the result does not depend on today. */
  const judgeOn = async (c: CaseView, today = '2026-09-15') =>
    judgePreChecks({ ...(await gatherPreCheckFacts(env.db, { blobs }, c)), today });
  const status = async (c: CaseView, key: string) => checkOf(await run(c), key);

  it('passes every check of a complete case, in the order of the checklist, each with a link', async () => {
    const c = await ready();
    const checks = await judgeOn(c);
    expect(checks.map((x) => x.key)).toEqual(ORDER);
    expect(checks.filter((x) => x.status !== 'pass').map((x) => `${x.key}: ${x.detail}`)).toEqual([]);
    expect(checks.every((x) => typeof x.link === 'string' && x.link.startsWith('/'))).toBe(true);
    expect(checkOf(checks, 'evidence_integrity').detail).toContain('1 份证据');
    expect(checkOf(checks, 'legal_basis').link).toBe(`/benchmarks/${env.benchmark.code}`);
    // Submitted through the API the checks run against the app's own blob store, which never held these bytes.
    const submitted = await reviewsApi(env).submit(c.id);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const frozen = submitted.json<{ rounds: { package: { preChecks: PreCheck[] } }[] }>();
    const preChecks = frozen.rounds[0]?.package.preChecks ?? [];
    expect(preChecks.map((x) => x.key)).toEqual(ORDER);
    expect(checkOf(preChecks, 'evidence_integrity')).toMatchObject({ status: 'fail', detail: expect.stringContaining('存储内容缺失') });
  });

  it('主体: fails when the case is handled by a unit the item does not name as implementing body', async () => {
    const c = await api.register({ unitId: env.otherUnitId }, 'otherOfficer');
    const check = await status(c, 'subject');
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('不在其职权范围内');
    expect(check.link).toBe(`/items/${env.item.code}`);
  });

  it('人员资格: fails for an officer whose certificate was not valid that day, and for one officer on an investigation', async () => {
    const expired = await api.register({
      officers: [
        { officerId: env.officers.expired.id, role: 'lead' },
        { officerId: env.officers.b.id, role: 'assist' },
      ],
    });
    const check = await status(expired, 'officers');
    expect([check.status, check.detail]).toEqual(['fail', `承办人员赵志刚(${env.officers.expired.certificateNo})在 2026-09-01 已过期`]);
    const c = await ready();
    const alone = withStep(c, 'investigate', { data: { ...c.steps[2]?.data, officerIds: [env.officers.a.id] } });
    expect((await status(alone, 'officers')).detail).toContain('「调查取证」执法人员不足两名');
  });

  it('程序: fails for steps out of order and a notice served after the decision; a requested hearing needs attention', async () => {
    const c = await ready();
    const early = withStep(c, 'investigate', { performedOn: '2026-09-02' });
    const order = await status(early, 'sequence');
    expect(order.status).toBe('fail');
    expect(order.detail).toContain('调查取证(2026-09-02)在立案(2026-09-03)之前进行');
    const notice = c.data.notice;
    if (!notice) throw new Error('notice missing');
    const decided = withData(c, {
      decision: { penalty: notice.penalty, benchmark: null, decidedOn: '2026-09-12', collective: false, service: null },
    });
    expect(await status(decided, 'notice')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('晚于 2026-09-12 作出的处罚决定'),
    });
    const notServed = await caseAt(env, 'notified');
    expect((await status(notServed, 'notice')).status).toBe('fail');

    const unoffered = withData(c, {
      notice: { ...notice, penalty: { ...notice.penalty, types: ['责令停产停业'] }, hearingOffered: false },
    });
    expect(await status(unoffered, 'hearing')).toMatchObject({ status: 'fail', detail: expect.stringContaining('属于听证范围') });
    const requested = await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-15', note: '当事人申请听证' });
    expect((await status(requested, 'hearing')).status).toBe('attention');
  });

  it('程序: 办案期限 fails for a limit met late (the acceptance, closed after its due day)', async () => {
    const c = await api.register({ source: '投诉', receivedOn: '2026-09-01' });
    const late = await api.actOk(c.id, 'accept', { performedOn: '2026-09-10', note: '受理' });
    const check = checkOf(await judgeOn(late), 'deadlines');
    expect([check.status, check.detail]).toEqual(['fail', '受理期限(至 2026-09-08)于 2026-09-10 才完成']);
  });

  it('音像记录: an approved exception needs attention; a mandatory step without a recording fails', async () => {
    const excepted = await ready({ avException: '执法记录仪故障,已报负责人批准' });
    const check = await status(excepted, 'av_recording');
    expect(check.status).toBe('attention');
    expect(check.detail).toContain('第 3 步「调查取证」(调查取证,');
    expect(check.detail).toContain('经负责人批准例外:执法记录仪故障,已报负责人批准');
    const c = await ready();
    const unfilmed = withStep(c, 'investigate', { data: { ...c.steps[2]?.data, evidenceIds: [] } });
    expect(await status(unfilmed, 'av_recording')).toMatchObject({ status: 'fail', detail: expect.stringContaining('未附录音或录像') });
  });

  it('证据完整性: fails for an evidence blob altered on disk, and for a hash its ledger ingest event does not name', async () => {
    const c = await ready();
    const id = c.steps[2]?.data.evidenceIds as string[];
    const sha256 = (
      await env.db
        .selectFrom('evidence')
        .select('sha256')
        .where('id', '=', id[0] ?? '')
        .executeTakeFirstOrThrow()
    ).sha256;
    expect((await status(c, 'evidence_integrity')).status).toBe('pass');
    alterBlobOnDisk(blobDir, sha256);
    const altered = await status(c, 'evidence_integrity');
    expect(altered.status).toBe('fail');
    expect(altered.detail).toContain('存储内容已被改动');
    expect(altered.link).toBe(`/console/evidence?id=${id}`);

    // The row is pointed at other stored content: the bytes hash fine, but the ledger names the old hash.
    const other = await ready();
    const otherId = recordingOf(other);
    const swapped = await storedEvidence(env, blobs, officer, other.id);
    await env.db.updateTable('evidence').set({ sha256: swapped.sha256 }).where('id', '=', otherId).execute();
    expect((await status(other, 'evidence_integrity')).detail).toContain('登记哈希与账本归集记录不一致');

    // The ingest event edited in the database no longer recomputes to its ledger entry.
    const third = await ready();
    await env.db
      .updateTable('events')
      .set({ data: '{"filename":"改过的.mp4"}' })
      .where('type', '=', 'evidence.ingested')
      .where('subject_id', '=', recordingOf(third))
      .execute();
    expect((await status(third, 'evidence_integrity')).detail).toMatch(/的归集记录与账本第 \d+ 条不符$/);
  });

  it('法律依据: fails when the cited benchmark belongs to another item', async () => {
    const c = await ready();
    const other = await currentEntry(env.db, benchmarkKind, env.otherBenchmark.code);
    const notice = c.data.notice;
    if (!other || !notice) throw new Error('fixture missing');
    const foreign = withData(c, {
      notice: { ...notice, benchmark: { ...notice.benchmark, code: other.code, versionId: other.versionId } },
    });
    const check = await status(foreign, 'legal_basis');
    expect(check.status).toBe('fail');
    expect(check.detail).toContain(`适用于执法事项 ${env.otherItem.code},与本案事项 ${env.item.code} 不符`);
  });

  it('裁量: a reasoned departure from the tier needs attention, an unreasoned one fails', async () => {
    const c = await ready({ penalty: { ...NOTIFIED_PENALTY, fineYuan: 1500 }, departureReason: '多次拖欠且拒不改正' });
    const check = await status(c, 'benchmark');
    expect([check.status, check.detail]).toEqual([
      'attention',
      `${env.benchmark.code} 第 2 阶次(500–1000 元),拟处罚超出幅度;理由:多次拖欠且拒不改正`,
    ]);
    const notice = c.data.notice;
    if (!notice) throw new Error('notice missing');
    const unreasoned = withData(c, { notice: { ...notice, benchmark: { ...notice.benchmark, departureReason: '' } } });
    expect((await status(unreasoned, 'benchmark')).status).toBe('fail');
  });

  it('文书: a missing 立案审批表 needs attention; a hearing held without its 听证笔录 fails until it is issued', async () => {
    const unfiled = await ready({ noFilingForm: true });
    expect(await status(unfiled, 'documents')).toMatchObject({ status: 'attention', detail: '已于 2026-09-03 立案,未签发《立案审批表》' });
    const c = await ready();
    await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-15', note: '当事人申请听证' });
    const heard = await api.actOk(c.id, 'hold_hearing', {
      performedOn: '2026-09-30',
      note: '听证会记录',
      hearingNoticeOn: '2026-09-16',
      presiderOfficerId: env.officers.c.id,
    });
    expect(await status(heard, 'documents')).toMatchObject({ status: 'fail', detail: '已于 2026-09-30 举行听证,未签发《听证笔录》' });
    await issueCaseDocument(env, c.id, 'hearing_record', {
      record: {
        startTime: '2026-09-30 09:00',
        endTime: '2026-09-30 11:00',
        place: '听证室',
        recorder: '刘洋',
        lines: [{ speaker: '主持人', text: '听证开始。' }],
      },
      extra: { host: env.officers.c.name, mode: '公开' },
    });
    expect((await status(heard, 'documents')).status).toBe('pass');
    expect((await status(heard, 'hearing')).status).toBe('pass');
  });

  it('移送: flags wage arrears at the threshold, or a 责令支付 not complied with, for the reviewer to weigh', async () => {
    expect(WAGE_CRIME_THRESHOLD).toEqual({ yuan: 30_000, workers: 10 });
    // Only sentences about wages owed count: not a project's head count, not a fine.
    expect(statedFigures('调取用工实名制名册(农民工 46 人)。拖欠 3 名劳动者工资 6000 元,建议罚款 60000 元')).toEqual({
      yuan: 6000,
      workers: 3,
    });
    const large = await ready({ facts: '拖欠 12 名劳动者工资共计 8.6 万元,事实清楚' });
    const check = await status(large, 'crime_transfer');
    expect(check.status).toBe('attention');
    expect(check.detail).toContain('拖欠数额约 86000 元');
    expect(check.detail).toContain('涉及劳动者 12 人');
    expect(check.detail).toContain('建议审查是否移送公安机关');
    const defiant = await ready({ facts: '拖欠 3 名劳动者工资 6000 元,经责令限期支付,逾期仍未支付' });
    expect((await status(defiant, 'crime_transfer')).detail).toMatch(/^经责令支付后逾期仍未支付,/);
    // A fine of 60000 元 is not an amount owed.
    const fined = await ready({ facts: '拖欠 3 名劳动者工资 6000 元,建议罚款 60000 元' });
    expect((await status(fined, 'crime_transfer')).status).toBe('pass');
  });
});
