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
import { verifyBag } from '../../platform/archive/bagit.js';
import { verifyLedgerProofs } from '../../platform/archive/ledger-proofs.js';
import { entrySourceOf } from '../../platform/events/record-event.js';
import { entryBytes } from '../../platform/ledger/entry.js';
import { caseRecord } from '../cases/index.js';
// Test setup only: attach an evidence file to the closed demo case as an upload would.
import { ingestEvidence } from '../evidence/evidence-service.js';
import { caseEvidenceFiles } from '../evidence/index.js';
import { parseUploadMetadata } from '../evidence/metadata.js';
import { sampleJpeg } from '../evidence/testing.js';
import { actorOfUsername } from '../org/index.js';
import { exportCaseBag } from './index.js';

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
    expect(await seedDemoAgency(db, deps.blobs, deps.ledger.signers)).toBe(true);
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
    const photo = sampleJpeg(2048);
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
    expect(evidenceFile).toBe(`data/evidence/${evidenceId}-现场照片 1.jpg`);
    expect(fs.readFileSync(path.join(out, ...evidenceFile.split('/')))).toEqual(photo);

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

    // A case that is not closed is refused, and nothing is written.
    const refusedDir = path.join(tempDir(), 'refused');
    await expect(exportCaseBag(db, deps.blobs, deps.ledger, open.id, refusedDir)).rejects.toThrow(/尚未结案/);
    expect(fs.existsSync(refusedDir)).toBe(false);
    await expect(exportCaseBag(db, deps.blobs, deps.ledger, 'no-such-case', refusedDir)).rejects.toThrow(/不存在/);
  });
});
