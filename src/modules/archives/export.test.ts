import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, expect, it, vi } from 'vitest';
import { testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { verifyBagAndReport } from '../../cli/verify-bag-command.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { tagValue } from '../../platform/archive/bag-format.js';
import { hashToolsAvailable } from '../../platform/archive/bag-test-support.js';
import { verifyBag } from '../../platform/archive/bagit.js';
import { jpeg, mp4 } from '../../platform/archive/file-samples.js';
import { verifyLedgerProofs } from '../../platform/archive/ledger-proofs.js';
import { entrySourceOf } from '../../platform/events/record-event.js';
import { entryBytes } from '../../platform/ledger/entry.js';
import { caseRecord } from '../cases/index.js';
// Test setup only: attach an evidence file to the closed demo case as an upload would.
import { ingestEvidence } from '../evidence/evidence-service.js';
import { caseEvidenceFiles } from '../evidence/index.js';
import { parseUploadMetadata } from '../evidence/metadata.js';
import { actorOfUsername } from '../org/index.js';
import { exportCaseBag, listCaseFiles, supplementCaseFile } from './index.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-export-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeEachDialect('export case as a BagIt bag', (ctx) => {
  it('exports a closed demo case that verify-bag accepts, detects an altered file, and refuses an open case', async () => {
    const deps = testDeps(ctx.db);
    const db = ctx.db.kysely;
    expect(await seedDemoAgency(db, deps.blobs, deps.ledger)).toBe(true);
    // The closed penalty case of the demo (its 双随机 inspection cases are closed too, with no documents).
    const closed = await db
      .selectFrom('cases')
      .select(['id', 'case_no'])
      .where('stage', '=', 'closed')
      .where('procedure', '=', 'general')
      .orderBy('case_no')
      .executeTakeFirstOrThrow();
    const open = await db.selectFrom('cases').select(['id']).where('stage', '!=', 'closed').executeTakeFirstOrThrow();

    const officer = await actorOfUsername(db, 'officer1');
    if (officer?.kind !== 'user') throw new Error('demo officer1 missing');
    const archivist = async () => {
      const actor = await actorOfUsername(db, 'archivist');
      if (actor?.kind !== 'user') throw new Error('demo archivist missing');
      return actor;
    };
    const photo = jpeg('现场照片 1');
    const blob = await deps.blobs.put(Readable.from([photo]));
    const evidenceId = await ingestEvidence(db, officer, {
      metadata: parseUploadMetadata({
        filename: '现场照片 1.jpg',
        kind: 'photo',
        recordedAt: '2026-01-05T10:00:00+08:00',
        sensitivity: 'general',
        caseId: closed.id,
      }),
      blob,
      mediaType: 'image/jpeg',
    });
    expect((await caseEvidenceFiles(db, closed.id)).map((e) => e.id)).toEqual([evidenceId]);
    // The demo archived this case: evidence gathered later enters its file as a supplement, and the bag with it.
    const [file] = (await listCaseFiles(db, await archivist(), { page: 1, pageSize: 5 })).items;
    expect(file?.caseId).toBe(closed.id);
    await supplementCaseFile(db, deps, await archivist(), file?.id ?? '', { reason: '补充现场照片' });

    const out = path.join(tempDir(), 'bag');
    const result = await exportCaseBag(db, deps.blobs, deps.ledger, closed.id, out, { now: new Date('2026-11-29T02:00:00Z') });
    expect(result.caseNo).toBe(closed.case_no);
    expect(result.documents).toBeGreaterThan(0);
    expect(result.evidence).toBe(1);

    const bag = await verifyBag(out);
    expect(bag.problems).toEqual([]);
    expect(bag.ok).toBe(true);
    expect(tagValue(bag.info, 'External-Identifier')).toBe(closed.case_no);
    expect(tagValue(bag.info, 'Bagging-Date')).toBe('2026-11-29');
    expect(tagValue(bag.info, 'Source-Organization')).not.toBe('');
    expect(fs.readFileSync(path.join(out, 'README.txt'), 'utf8')).toContain(`案号:${closed.case_no}`);

    const ledgerDir = path.join(out, 'data', 'ledger');
    const proofsText = fs.readFileSync(path.join(ledgerDir, 'proofs.json'), 'utf8');
    const ledger = verifyLedgerProofs(
      proofsText,
      fs.readFileSync(path.join(ledgerDir, 'checkpoint.txt')),
      fs.readFileSync(path.join(ledgerDir, 'keys.txt')),
    );
    expect(ledger.problems).toEqual([]);
    expect(ledger.ok).toBe(true);
    expect(ledger.verifiedBy).toEqual(expect.arrayContaining(['ed25519', 'sm2']));

    // Every event about the case, its documents and its evidence is in the bag, byte for byte.
    const record = JSON.parse(fs.readFileSync(path.join(out, 'data', 'case.json'), 'utf8'));
    const documentIds: string[] = record.documents.map((d: { id: string }) => d.id);
    const events = await db
      .selectFrom('events')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('subject_type', '=', 'case'), eb('subject_id', '=', closed.id)]),
          eb.and([eb('subject_type', '=', 'document'), eb('subject_id', 'in', documentIds)]),
          eb.and([eb('subject_type', '=', 'evidence'), eb('subject_id', '=', evidenceId)]),
          eb.and([eb('subject_type', '=', 'case_file'), eb('subject_id', '=', file?.id ?? '')]),
        ]),
      )
      .orderBy('ledger_index')
      .execute();
    const inBag = JSON.parse(proofsText).entries as { index: number; entry: string }[];
    expect(inBag.map((e) => e.index)).toEqual(events.map((e) => Number(e.ledger_index)));
    expect(inBag.map((e) => e.entry)).toEqual(
      events.map((e) => entryBytes(entrySourceOf({ ...e, ledger_index: Number(e.ledger_index) })).toString('base64')),
    );
    expect(ledger.entriesChecked).toBe(events.length);

    // The case record: steps with their ledger index, and the files where case.json says they are.
    const view = await caseRecord(db, closed.id);
    expect(record.caseNo).toBe(closed.case_no);
    expect(record.stage).toBe('closed');
    expect(record.parties).toEqual(view?.parties);
    expect(record.steps.map((s: { seq: number }) => s.seq)).toEqual(view?.steps.map((s) => s.seq));
    expect(record.steps.every((s: { ledgerIndex: unknown }) => typeof s.ledgerIndex === 'number')).toBe(true);
    const investigate = record.steps.find((s: { action: string }) => s.action === 'investigate');
    expect(investigate.officers.map((o: { name: string }) => o.name).sort()).toEqual(['张明', '李娜'].sort());
    for (const file of [...record.documents, ...record.evidence].map((f: { file: string }) => f.file))
      expect(fs.existsSync(path.join(out, ...file.split('/')))).toBe(true);
    const evidenceFile = record.evidence[0].file as string;
    const position = record.caseFile.items.find((i: { file: string }) => i.file === evidenceFile).position as number;
    expect(evidenceFile).toBe(`data/evidence/${String(position).padStart(3, '0')}-${evidenceId}-现场照片 1.jpg`);
    expect(record.caseFile.items.map((i: { position: number }) => i.position)).toEqual(
      record.caseFile.items.map((_: unknown, i: number) => i + 1),
    );
    expect(fs.readFileSync(path.join(out, 'data', 'case.xml'), 'utf8')).toContain(`<档号>${file?.archiveNo}</档号>`);
    expect(tagValue(bag.info, 'Internal-Sender-Identifier')).toBe(file?.archiveNo);
    expect(fs.readFileSync(path.join(out, ...evidenceFile.split('/')))).toEqual(photo);

    // Independent of our verifier: coreutils check the SHA-512 manifests, find/stat recount Payload-Oxum and
    // find every payload file listed, openssl recomputes each SM3 value.
    if (hashToolsAvailable()) {
      const shell = (script: string) => execFileSync('bash', ['-c', script], { cwd: out, encoding: 'utf8' });
      shell('sha512sum --strict --quiet -c manifest-sha512.txt && sha512sum --strict --quiet -c tagmanifest-sha512.txt');
      const oxum = shell("find data -type f -printf '%s\\n' | awk '{ s += $1; n++ } END { printf \"%d.%d\", s, n }'");
      expect(tagValue(bag.info, 'Payload-Oxum')).toBe(oxum);
      const listed = shell("cut -d' ' -f3- manifest-sha512.txt | sort").trim();
      expect(shell('find data -type f | sort').trim()).toBe(listed);
      for (const line of fs.readFileSync(path.join(out, 'manifest-sm3.txt'), 'utf8').trim().split('\n')) {
        const [hash, file] = [line.slice(0, 64), line.slice(66)];
        expect(execFileSync('openssl', ['dgst', '-sm3', '-r', file], { cwd: out, encoding: 'utf8' }).slice(0, 64)).toBe(hash);
      }
    }

    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await verifyBagAndReport(out)).toBe(0);

    // The case's number (what people know it by) names it as well as its id: the same payload.
    const byNumber = path.join(tempDir(), 'bag-by-number');
    const again = await exportCaseBag(db, deps.blobs, deps.ledger, closed.case_no, byNumber, { now: new Date('2026-11-29T02:00:00Z') });
    expect([again.caseNo, again.documents, again.evidence]).toEqual([closed.case_no, result.documents, 1]);
    expect(fs.readFileSync(path.join(byNumber, 'manifest-sha512.txt'), 'utf8')).toBe(
      fs.readFileSync(path.join(out, 'manifest-sha512.txt'), 'utf8'),
    );

    // Altering one payload file fails verification naming that file.
    const altered = record.documents[0].file as string;
    fs.appendFileSync(path.join(out, ...altered.split('/')), 'x');
    const after = await verifyBag(out);
    expect(after.ok).toBe(false);
    expect(after.problems.map((p) => p.file)).toContain(altered);
    log.mockClear();
    expect(await verifyBagAndReport(out)).toBe(1);
    expect(log.mock.calls.flat().join('\n')).toContain(altered);

    // A large recording may stay in object storage: listed in fetch.txt with both digests, checked once fetched.
    const video = mp4(50_000);
    const videoBlob = await deps.blobs.put(Readable.from([video]));
    await ingestEvidence(db, officer, {
      metadata: parseUploadMetadata({
        filename: '执法记录仪.mp4',
        kind: 'video',
        recordedAt: '2026-01-05T10:30:00+08:00',
        sensitivity: 'general',
        caseId: closed.id,
      }),
      blob: videoBlob,
      mediaType: 'video/mp4',
    });
    await supplementCaseFile(db, deps, await archivist(), file?.id ?? '', { reason: '补充执法记录仪视频' });
    const withFetch = path.join(tempDir(), 'bag-fetch');
    const fetched = await exportCaseBag(db, deps.blobs, deps.ledger, closed.id, withFetch, {
      fetch: { minBytes: 40_000, baseUrl: 'https://oss.example.gov.cn/evidence/' },
    });
    expect(fetched.fetched).toBe(1);
    const fetchTxt = fs.readFileSync(path.join(withFetch, 'fetch.txt'), 'utf8');
    expect(fetchTxt).toContain(`https://oss.example.gov.cn/evidence/${videoBlob.sha256} ${video.length} data/evidence/`);
    const pending = await verifyBag(withFetch);
    expect([pending.ok, pending.fetchPending.length]).toEqual([true, 1]);
    const target = pending.fetchPending[0]?.file ?? '';
    expect(fs.existsSync(path.join(withFetch, ...target.split('/')))).toBe(false);
    fs.writeFileSync(path.join(withFetch, ...target.split('/')), video);
    const complete = await verifyBag(withFetch);
    expect([complete.ok, complete.fetchPending.length]).toEqual([true, 0]);

    // A case that is not closed is refused, and nothing is written.
    const refusedDir = path.join(tempDir(), 'refused');
    await expect(exportCaseBag(db, deps.blobs, deps.ledger, open.id, refusedDir)).rejects.toThrow(/尚未结案/);
    expect(fs.existsSync(refusedDir)).toBe(false);
    await expect(exportCaseBag(db, deps.blobs, deps.ledger, 'no-such-case', refusedDir)).rejects.toThrow(/不存在/);
  });
});
