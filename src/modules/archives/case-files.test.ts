import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { buildApp } from '../../app.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { verifyBag } from '../../platform/archive/bagit.js';
import { jpeg } from '../../platform/archive/file-samples.js';
import { readZipDirectory } from '../../platform/archive/zip.js';
import { createFsBlobStore } from '../../platform/blobs/index.js';
import { ingestEvidence } from '../evidence/evidence-service.js';
import { parseUploadMetadata } from '../evidence/metadata.js';
import { actorOfUsername, DEMO_PASSWORD } from '../org/index.js';
import type { CaseFileView } from './views.js';

// 案卷: the demo's archived file, acceptance with its 四性检测, immutability, supplements, and the export
// downloaded from the console's button as a zip that verifies offline.

describeEachDialect('案卷: accept, supplement, check, export', (ctx) => {
  let app: FastifyInstance;
  let deps: ReturnType<typeof testDeps>;
  const sessions = new Map<string, Session>();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-case-files-'));
  const blobDir = path.join(tmp, 'blobs');

  beforeAll(async () => {
    deps = { ...testDeps(ctx.db, { dataDir: tmp }), blobs: createFsBlobStore(blobDir) };
    expect(await seedDemoAgency(ctx.db.kysely, deps.blobs, deps.ledger)).toBe(true);
    app = await buildApp(deps, { logger: false });
    await app.ready();
    for (const user of ['archivist', 'officer1', 'leader', 'supervisor']) sessions.set(user, await loginAs(app, user, DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, user: string, payload?: unknown) =>
    app.inject({ method, url, headers: sessions.get(user)?.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const db = () => ctx.db.kysely;
  const countOf = async (table: 'case_files' | 'documents' | 'events' | 'ledger_checkpoints') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    files: await countOf('case_files'),
    documents: await countOf('documents'),
    events: await countOf('events'),
  });
  const addPhoto = async (caseId: string, name: string, bytes = jpeg(name)) => {
    const officer = await actorOfUsername(db(), 'officer1');
    if (officer?.kind !== 'user') throw new Error('demo officer1 missing');
    const blob = await deps.blobs.put(Readable.from([bytes]));
    return ingestEvidence(db(), officer, {
      metadata: parseUploadMetadata({
        filename: name,
        kind: 'photo',
        recordedAt: '2026-06-01T10:00:00+08:00',
        sensitivity: 'general',
        caseId,
      }),
      blob,
      mediaType: 'image/jpeg',
    });
  };

  it('seeds one archived demo file in the conventional order, with its generated cover, catalogue and notes', async () => {
    const list = await call('GET', '/api/archive/files', 'leader');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json<{ items: { id: string; caseId: string; archiveNo: string; state: string }[]; total: number }>();
    expect(page.total).toBe(1);
    const summary = page.items[0];
    expect(summary?.caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(summary?.archiveNo).toMatch(/^石人社监-2026-(Y|D30|D10)-0001$/);
    const file = (await call('GET', `/api/archive/files/${summary?.id}`, 'archivist')).json<CaseFileView>();
    const parts = file.items.map((i) => i.part);
    expect(parts[0]).toBe('cover');
    expect(parts[1]).toBe('catalogue');
    expect(parts.at(-1)).toBe('notes');
    // documents, then evidence, then approvals, never interleaved
    const order = ['cover', 'catalogue', 'document', 'evidence', 'approval', 'notes'];
    expect(parts.map((p) => order.indexOf(p))).toEqual([...parts.map((p) => order.indexOf(p))].sort((a, b) => a - b));
    expect(parts).toContain('approval');
    expect(file.items.map((i) => i.position)).toEqual(file.items.map((_, i) => i + 1));
    expect(file.checks).toHaveLength(1);
    expect(file.checks[0]).toMatchObject({ trigger: 'acceptance', passed: true });
    expect(file.retentionUntil === null || file.retentionUntil > '2036-01-01').toBe(true);
    // The three generated documents belong to the case and are of the archival types.
    const docs = await db().selectFrom('documents').select(['id', 'type']).where('case_id', '=', file.caseId).execute();
    const generated = file.items.filter((i) => ['cover', 'catalogue', 'notes'].includes(i.part)).map((i) => i.refId);
    expect(
      docs
        .filter((d) => generated.includes(d.id))
        .map((d) => d.type)
        .sort(),
    ).toEqual(['case_file_catalogue', 'case_file_cover', 'case_file_notes']);
    const archived = await db().selectFrom('events').select(['data', 'blobs']).where('type', '=', 'case_file.archived').execute();
    expect(archived).toHaveLength(1);
    expect(JSON.parse(archived[0]?.blobs ?? '[]')).toEqual(expect.arrayContaining(file.items.map((i) => i.sha256)));
  });

  it('refuses what would change an accepted file, and keeps the case forms from issuing archival documents', async () => {
    const [file] = (await call('GET', '/api/archive/files', 'archivist')).json<{ items: { caseId: string }[] }>().items;
    const before = await counts();
    const again = await call('POST', `/api/archive/cases/${file?.caseId}/accept`, 'archivist', { pages: 10 });
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, 'already_archived']);
    const forged = await call('POST', `/api/cases/${file?.caseId}/documents`, 'officer1', { type: 'case_file_cover', data: {} });
    expect([forged.statusCode, forged.json<{ code: string }>().code]).toEqual([400, 'document_type_archival']);
    const open = await db().selectFrom('cases').select('id').where('stage', '!=', 'closed').executeTakeFirstOrThrow();
    const notClosed = await call('GET', `/api/archive/cases/${open.id}/plan`, 'archivist');
    expect([notClosed.statusCode, notClosed.json<{ code: string }>().code]).toEqual([409, 'case_not_closed']);
    const pending = (await call('GET', '/api/archive/pending', 'archivist')).json<{ id: string }[]>();
    const byOfficer = await call('POST', `/api/archive/cases/${pending[0]?.id}/accept`, 'officer1', { pages: 1 });
    expect(byOfficer.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    // A preview reads: it signs no checkpoint (proofs not yet covered are a warning, not a failure).
    const checkpoints = await countOf('ledger_checkpoints');
    await addPhoto(pending[0]?.id ?? '', '预览前补拍.jpg');
    const preview = await call('GET', `/api/archive/cases/${pending[0]?.id}/plan`, 'archivist');
    expect(preview.statusCode, preview.body).toBe(200);
    const report = preview.json<{ report: { passed: boolean; lines: { severity: string; passed: boolean; detail: string }[] } }>().report;
    expect(report.passed).toBe(true);
    expect(report.lines.filter((l) => !l.passed).map((l) => [l.severity, l.detail])).toEqual([
      ['warning', expect.stringContaining('尚未覆盖')],
    ]);
    expect(await countOf('ledger_checkpoints')).toBe(checkpoints);
  });

  it('refuses a file whose stored evidence was altered, naming it, and writes nothing', async () => {
    const pending = (await call('GET', '/api/archive/pending', 'archivist')).json<{ id: string; caseNo: string }[]>();
    const target = pending.at(-1);
    if (!target) throw new Error('the demo has no closed case waiting');
    const evidenceId = await addPhoto(target.id, '现场照片-被改动.jpg');
    const sha = (await db().selectFrom('evidence').select('sha256').where('id', '=', evidenceId).executeTakeFirstOrThrow()).sha256;
    const stored = findBlobFile(blobDir, sha);
    const original = fs.readFileSync(stored);
    fs.chmodSync(stored, 0o644);
    fs.writeFileSync(stored, Buffer.concat([original.subarray(0, original.length - 10), Buffer.alloc(10, 1)]));
    try {
      const before = await counts();
      const res = await call('POST', `/api/archive/cases/${target.id}/accept`, 'archivist', { pages: 3 });
      expect([res.statusCode, res.json<{ code: string }>().code], res.body).toEqual([409, 'four_checks_failed']);
      const details = res.json<{ details: string[] }>().details.join('\n');
      expect(details).toContain('现场照片-被改动.jpg');
      expect(details).toContain('真实性');
      expect(await counts()).toEqual(before);
    } finally {
      fs.writeFileSync(stored, original);
    }
    const plan = await call('GET', `/api/archive/cases/${target.id}/plan`, 'archivist');
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json<{ report: { passed: boolean } }>().report.passed).toBe(true);
  });

  it('appends later evidence as a numbered supplement, leaving the accepted items as they were', async () => {
    const [summary] = (await call('GET', '/api/archive/files', 'archivist')).json<{ items: { id: string; caseId: string }[] }>().items;
    const before = (await call('GET', `/api/archive/files/${summary?.id}`, 'archivist')).json<CaseFileView>();
    const nothing = await call('POST', `/api/archive/files/${summary?.id}/supplements`, 'archivist', { reason: '补充' });
    expect([nothing.statusCode, nothing.json<{ code: string }>().code]).toEqual([409, 'nothing_to_supplement']);
    await addPhoto(summary?.caseId ?? '', '复查照片.jpg');
    const res = await call('POST', `/api/archive/files/${summary?.id}/supplements`, 'archivist', {
      reason: '复查时补充取得的照片',
      pages: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<CaseFileView>();
    expect(after.items.slice(0, before.items.length)).toEqual(before.items);
    expect(after.items.slice(before.items.length).map((i) => [i.supplement, i.title])).toEqual([[1, '照片:复查照片.jpg']]);
    expect(after.supplements).toMatchObject([{ no: 1, reason: '复查时补充取得的照片' }]);
    expect(after.pages).toBe(before.pages + 1);
    expect(after.archiveNo).toBe(before.archiveNo);
  });

  it('exports the file as a zip that verifies offline, in catalogue order with case.xml, and runs a 四性检测 on demand', async () => {
    const [summary] = (await call('GET', '/api/archive/files', 'archivist')).json<{ items: { id: string; archiveNo: string }[] }>().items;
    const officer = await call('GET', `/api/archive/files/${summary?.id}/export`, 'officer1');
    expect(officer.statusCode).toBe(403);
    const res = await call('GET', `/api/archive/files/${summary?.id}/export`, 'supervisor');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const zip = path.join(tmp, 'bag.zip');
    fs.writeFileSync(zip, res.rawPayload);
    const bag = await verifyBag(zip);
    expect(bag.problems).toEqual([]);
    expect(bag.ok).toBe(true);
    const names = await zipNames(zip);
    expect(names.some((n) => /^data\/documents\/001-/.test(n))).toBe(true);
    expect(names).toContain('data/case.xml');
    const exported = await db().selectFrom('events').select('data').where('type', '=', 'case_file.exported').execute();
    expect(exported).toHaveLength(1);
    // nothing is left in the temporary directory once the download is sent
    // (removed once the response stream has closed: asynchronously, hence the poll)
    await expect.poll(() => fs.readdirSync(path.join(tmp, 'tmp')).filter((n) => n.startsWith('sanxiang-bag-'))).toEqual([]);

    const check = await call('POST', `/api/archive/files/${summary?.id}/checks`, 'archivist');
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json<{ passed: boolean; trigger: string }>()).toMatchObject({ passed: true, trigger: 'on_demand' });
  });
  it('accepts a case once when two archivists accept it at the same time', async () => {
    const [target] = (await call('GET', '/api/archive/pending', 'archivist')).json<{ id: string }[]>();
    const before = await countOf('case_files');
    const answers = await Promise.all([1, 2].map(() => call('POST', `/api/archive/cases/${target?.id}/accept`, 'archivist', { pages: 2 })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json<{ code: string }>().code).toBe('already_archived');
    expect(await countOf('case_files')).toBe(before + 1);
    const covers = await db()
      .selectFrom('documents')
      .select('id')
      .where('case_id', '=', target?.id ?? '')
      .where('type', '=', 'case_file_cover')
      .execute();
    expect(covers).toHaveLength(1);
  });
});

async function zipNames(file: string): Promise<string[]> {
  return (await readZipDirectory(file)).map((e) => e.name.slice(e.name.indexOf('/') + 1));
}

function findBlobFile(root: string, sha256: string): string {
  const walk = (dir: string): string | null => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (entry.name.includes(sha256)) return full;
    }
    return null;
  };
  const found = walk(root);
  if (!found) throw new Error(`blob ${sha256} not found under ${root}`);
  return found;
}
