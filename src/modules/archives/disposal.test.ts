import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SIGNERS, testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { jpeg } from '../../platform/archive/file-samples.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { runFixityCheck } from '../../platform/blobs/fixity-job.js';
import { createFsBlobStore } from '../../platform/blobs/index.js';
import { verifierOf } from '../../platform/crypto/signers.js';
import { AppError } from '../../platform/errors.js';
import { verifyLedger } from '../../platform/ledger/verify.js';
import { ingestEvidence } from '../evidence/evidence-service.js';
import { parseUploadMetadata } from '../evidence/metadata.js';
import { actorOfUsername } from '../org/index.js';
import {
  acceptCaseFile,
  decideDisposalList,
  executeDisposalList,
  exportCaseBag,
  getCaseFile,
  listCaseFiles,
  listPendingCases,
  proposeDisposalList,
  setLegalHold,
} from './index.js';

// 销毁清单: refused before the end of retention (and while held, and for 永久), approved by a leader with
// the archives authority's reference, carried out by the archivist: the content is gone, the ledger
// still verifies and counts it as disposed, and the file can no longer be exported.

describeEachDialect('销毁清单: retention, hold, approval, disposal', (ctx) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-disposal-'));
  let deps: ReturnType<typeof testDeps>;
  let archivist: UserActor;
  let leader: UserActor;
  let officer: UserActor;
  let fileId = '';
  let demoFileId = '';
  let photoSha = '';
  const db = () => ctx.db.kysely;
  const user = async (name: string): Promise<UserActor> => {
    const actor = await actorOfUsername(db(), name);
    if (actor?.kind !== 'user') throw new Error(`demo ${name} missing`);
    return actor;
  };
  const refusal = async (work: Promise<unknown>): Promise<AppError> => {
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  };
  const listCount = async () =>
    Number(
      (
        await db()
          .selectFrom('disposal_lists')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    deps = { ...testDeps(ctx.db, { dataDir: tmp }), blobs: createFsBlobStore(path.join(tmp, 'blobs')) };
    expect(await seedDemoAgency(db(), deps.blobs, deps.ledger)).toBe(true);
    [archivist, leader, officer] = await Promise.all([user('archivist'), user('leader'), user('officer1')]);
    demoFileId = (await listCaseFiles(db(), leader, { page: 1, pageSize: 10 })).items[0]?.id ?? '';
    // A closed 双随机 inspection case with a photo, accepted as a 10-year file.
    const inspection = (await listPendingCases(db(), archivist, {})).find((c) => c.procedure === 'inspection');
    if (!inspection) throw new Error('the demo has no closed inspection case waiting');
    const blob = await deps.blobs.put(Readable.from([jpeg('检查现场')]));
    photoSha = blob.sha256;
    await ingestEvidence(db(), officer, {
      metadata: parseUploadMetadata({
        filename: '检查现场.jpg',
        kind: 'photo',
        recordedAt: '2026-06-01T10:00:00+08:00',
        sensitivity: 'general',
        caseId: inspection.id,
      }),
      blob,
      mediaType: 'image/jpeg',
    });
    fileId = (await acceptCaseFile(db(), deps, archivist, inspection.id, { pages: 4 })).id;
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('files a 双随机 inspection for 10 years and refuses a list before that, naming the file, writing nothing', async () => {
    const file = await getCaseFile(db(), archivist, fileId);
    expect([file.retention, file.retentionUntil]).toEqual(['10y', '2036-12-31']);
    const before = await listCount();
    const early = await refusal(proposeDisposalList(db(), archivist, { caseFileIds: [fileId], reason: '保管期满' }, '2036-12-31'));
    expect(early.code).toBe('disposal_refused');
    expect(early.extra.details?.join('\n')).toContain(`${file.archiveNo}(${file.caseNo}):保管期限至 2036-12-31`);
    const demo = await getCaseFile(db(), archivist, demoFileId);
    // With a file still in retention (the demo penalty file: 30 years or for ever) the whole list is refused.
    const both = await refusal(
      proposeDisposalList(db(), archivist, { caseFileIds: [fileId, demoFileId], reason: '保管期满' }, '2037-01-02'),
    );
    expect(both.extra.details).toHaveLength(1);
    expect(both.extra.details?.[0]).toContain(demo.archiveNo);
    expect(await listCount()).toBe(before);
    await expect(proposeDisposalList(db(), officer, { caseFileIds: [fileId], reason: 'x' }, '2037-01-02')).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('refuses a held file until the hold is released', async () => {
    await setLegalHold(db(), leader, fileId, '当事人提起行政诉讼');
    const held = await refusal(proposeDisposalList(db(), archivist, { caseFileIds: [fileId], reason: '保管期满' }, '2037-01-02'));
    expect(held.extra.details?.join('')).toContain('已被冻结(当事人提起行政诉讼)');
    const released = await setLegalHold(db(), archivist, fileId, null);
    expect(released.legalHold).toBeNull();
  });

  it('disposes after approval: the content is gone, the ledger verifies counting it as disposed, export is refused', async () => {
    const list = await proposeDisposalList(
      db(),
      archivist,
      { caseFileIds: [fileId], reason: '保管期满,经鉴定无继续保存价值' },
      '2037-01-02',
    );
    expect(list).toMatchObject({ state: 'pending', listNo: 'XH-2037-001' });
    const again = await refusal(proposeDisposalList(db(), archivist, { caseFileIds: [fileId], reason: '重复' }, '2037-01-02'));
    expect(again.extra.details?.join('')).toContain('已列入销毁清单 XH-2037-001');
    await expect(executeDisposalList(db(), deps, archivist, list.id, '2037-01-02')).rejects.toMatchObject({
      code: 'disposal_list_not_approved',
    });
    await expect(decideDisposalList(db(), archivist, list.id, { approve: true, approvalRef: 'x' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(decideDisposalList(db(), leader, list.id, { approve: true })).rejects.toMatchObject({ code: 'approval_ref_required' });
    const approved = await decideDisposalList(db(), leader, list.id, { approve: true, approvalRef: '石档函〔2037〕3号' }, '2037-01-02');
    expect(approved).toMatchObject({ state: 'approved', approvalRef: '石档函〔2037〕3号' });

    const file = await getCaseFile(db(), archivist, fileId);
    expect(await deps.blobs.stat(photoSha)).toBeDefined();
    const done = await executeDisposalList(db(), deps, archivist, list.id, '2037-01-02');
    expect(done.state).toBe('executed');
    expect(done.blobsDisposed).toBe(new Set(file.items.map((i) => i.sha256)).size);
    for (const item of file.items) expect(await deps.blobs.stat(item.sha256)).toBeUndefined();
    expect((await getCaseFile(db(), archivist, fileId)).state).toBe('disposed');

    const report = await verifyLedger(db(), { origin: deps.ledger.origin, verifiers: TEST_SIGNERS.map(verifierOf), blobs: deps.blobs });
    expect(report.failures).toEqual([]);
    expect(report.disposed).toBe(done.blobsDisposed);
    const fixity = await runFixityCheck(db(), deps.blobs);
    expect(fixity.failures).toEqual([]);
    // The demo file still has all its content.
    for (const item of (await getCaseFile(db(), archivist, demoFileId)).items) expect(await deps.blobs.stat(item.sha256)).toBeDefined();

    const caseId = file.caseId;
    await expect(exportCaseBag(db(), deps.blobs, deps.ledger, caseId, path.join(tmp, 'gone'))).rejects.toMatchObject({
      code: 'case_file_disposed',
    });
    await expect(executeDisposalList(db(), deps, archivist, list.id, '2037-01-02')).rejects.toMatchObject({
      code: 'disposal_list_not_approved',
    });
  });
});
