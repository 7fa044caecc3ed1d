// 归档包: a closed case with 2 GiB of video, accepted into a case file, exported as a BagIt bag and checked
// by verify-bag; each against the raw speed of SHA-512 + SM3 over the same bytes in one pass (target: the
// export and the verification each at ≥ 70 % of it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { seedDemoAgency } from '../src/demo-seed.js';
import { acceptCaseFile, exportCaseBag, listPendingCases } from '../src/modules/archives/index.js';
import { ingestEvidence } from '../src/modules/evidence/evidence-service.js';
import { parseUploadMetadata } from '../src/modules/evidence/metadata.js';
import { actorOfUsername } from '../src/modules/org/index.js';
import { digestStream } from '../src/platform/archive/bag-source.js';
import { verifyBag } from '../src/platform/archive/bagit.js';
import { FTYP, MOOV } from '../src/platform/archive/file-samples.js';
import { createFsBlobStore } from '../src/platform/blobs/index.js';
import { testDeps } from '../test/support/app.js';
import { freshDb, type Row } from './support.js';

const GIB = 1024 ** 3;
const CHUNK = 64 * 1024 ** 2;

/** An MP4 of `size` bytes: a real header and one mdat box of pseudo-random bytes (64 MiB repeated). */
function video(size: number): Readable {
  const head = Buffer.concat([FTYP, MOOV]);
  const mdat = size - head.length;
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write('mdat', 4, 'latin1');
  header.writeBigUInt64BE(BigInt(mdat), 8);
  const block = Buffer.alloc(CHUNK);
  for (let i = 0; i < CHUNK; i += 4) block.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, i);
  let left = mdat - 16;
  return Readable.from(
    (function* () {
      yield Buffer.concat([head, header]);
      while (left > 0) {
        const n = Math.min(left, CHUNK);
        left -= n;
        yield n === CHUNK ? block : block.subarray(0, n);
      }
    })(),
  );
}

const mbps = (bytes: number, ms: number) => bytes / 1024 ** 2 / (ms / 1000);

export async function benchArchive(): Promise<Row[]> {
  const size = 2 * GIB;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bench-archive-'));
  const { db, done } = await freshDb('sqlite');
  try {
    const deps = { ...testDeps(db), blobs: createFsBlobStore(path.join(dir, 'blobs')) };
    await seedDemoAgency(db.kysely, deps.blobs, deps.ledger);
    const officer = await actorOfUsername(db.kysely, 'officer1');
    const archivist = await actorOfUsername(db.kysely, 'archivist');
    if (officer?.kind !== 'user' || archivist?.kind !== 'user') throw new Error('demo users missing');
    const target = (await listPendingCases(db.kysely, archivist, {})).find((c) => c.procedure === 'inspection');
    if (!target) throw new Error('no closed demo case to archive');
    const blob = await deps.blobs.put(video(size));
    await ingestEvidence(db.kysely, officer, {
      metadata: parseUploadMetadata({
        filename: '执法记录仪-2GiB.mp4',
        kind: 'video',
        recordedAt: '2026-06-01T10:00:00+08:00',
        sensitivity: 'general',
        caseId: target.id,
      }),
      blob,
      mediaType: 'video/mp4',
    });
    await acceptCaseFile(db.kysely, deps, archivist, target.id, { pages: 3 });

    // Raw: one read of the stored video through both hashes, as the bag code does it.
    const stored = await deps.blobs.open(blob.sha256);
    let start = performance.now();
    await digestStream(stored, ['sha512', 'sm3']);
    const rawMs = performance.now() - start;

    const out = path.join(dir, 'bag');
    start = performance.now();
    const result = await exportCaseBag(db.kysely, deps.blobs, deps.ledger, target.id, out);
    const exportMs = performance.now() - start;
    start = performance.now();
    const verified = await verifyBag(out);
    const verifyMs = performance.now() - start;
    if (!verified.ok) throw new Error(`the benchmark bag did not verify: ${verified.problems.map((p) => p.file).join(', ')}`);
    const raw = mbps(size, rawMs);
    const exported = mbps(result.payloadOctets, exportMs);
    const checked = mbps(result.payloadOctets, verifyMs);
    const share = (v: number) => `${Math.round((v / raw) * 100)} %`;
    return [
      {
        suite: 'archive',
        dialect: 'sqlite',
        name: 'raw SHA-512 + SM3, one pass over 2 GiB',
        value: `${raw.toFixed(0)} MiB/s`,
        target: '(baseline)',
      },
      {
        suite: 'archive',
        dialect: 'sqlite',
        name: `export case file with 2 GiB video (${result.payloadFiles} files)`,
        value: `${(exportMs / 1000).toFixed(1)} s, ${exported.toFixed(0)} MiB/s = ${share(exported)}`,
        target: '≥ 70 % of raw',
      },
      {
        suite: 'archive',
        dialect: 'sqlite',
        name: 'verify-bag of the same bag (manifests, tags, proofs)',
        value: `${(verifyMs / 1000).toFixed(1)} s, ${checked.toFixed(0)} MiB/s = ${share(checked)}`,
        target: '≥ 70 % of raw',
      },
    ];
  } finally {
    await done();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
