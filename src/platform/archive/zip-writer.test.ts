import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBag, writeBag } from './bagit.js';
import { openZipEntry, readZipDirectory } from './zip.js';
import { planZip, zipLength, zipStream } from './zip-writer.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-zip-writer-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function zipOf(dir: string, name: string, top: string): Promise<{ file: string; announced: number }> {
  const planned = await planZip(dir, top);
  const file = path.join(root, name);
  const out = fs.createWriteStream(file);
  for await (const chunk of zipStream(planned)) out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { file, announced: zipLength(planned) };
}

const unzipAvailable = spawnSync('unzip', ['-v']).status === 0;

describe('streaming ZIP writer', () => {
  it('writes what it announced, under one top folder, with UTF-8 names our reader and unzip both read back', async () => {
    const dir = path.join(root, 'plain');
    fs.mkdirSync(path.join(dir, 'data', '证据'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'bagit.txt'), 'BagIt-Version: 1.0\n');
    fs.writeFileSync(path.join(dir, 'data', '证据', '现场 照片.jpg'), Buffer.alloc(70_000, 7));
    fs.writeFileSync(path.join(dir, 'data', 'empty.txt'), '');
    const { file, announced } = await zipOf(dir, 'plain.zip', '石人社监-2026-D30-0001');
    expect(fs.statSync(file).size).toBe(announced);
    const entries = await readZipDirectory(file);
    expect(entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ['石人社监-2026-D30-0001/bagit.txt', 19, 0],
      ['石人社监-2026-D30-0001/data/empty.txt', 0, 0],
      ['石人社监-2026-D30-0001/data/证据/现场 照片.jpg', 70_000, 0],
    ]);
    const photo = entries[2];
    if (!photo) throw new Error('entry missing');
    const chunks: Buffer[] = [];
    for await (const chunk of await openZipEntry(file, photo)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(Buffer.alloc(70_000, 7))).toBe(true);
    if (unzipAvailable) {
      // Info-ZIP checks every entry's CRC-32 and the data descriptors.
      const tested = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(tested.stdout).toContain('No errors detected');
      expect(tested.status).toBe(0);
    }
  });

  it('zips a bag that verifies from the zip; a flipped byte in the zip is caught', async () => {
    const dir = path.join(root, 'bag');
    await writeBag(dir, {
      payload: [{ path: 'case.json', content: Buffer.from('{"caseNo":"2026-0001"}\n') }],
      info: { 'Source-Organization': '某市人社局' },
    });
    const { file } = await zipOf(dir, 'bag.zip', '2026-0001');
    expect(await verifyBag(file)).toMatchObject({ ok: true, payloadFiles: 1 });
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from('2026-0001"}'));
    bytes[at] = '3'.charCodeAt(0);
    const damaged = path.join(root, 'damaged.zip');
    fs.writeFileSync(damaged, bytes);
    const result = await verifyBag(damaged);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.file)).toContain('data/case.json');
  });

  it('announces ZIP64 records for an entry or an offset past 4 GiB', () => {
    const name = Buffer.from('b/data/video.mp4');
    const small = zipLength([{ name, file: '', size: 1000 }]);
    expect(small).toBe(30 + name.length + 1000 + 16 + 46 + name.length + 22);
    const big = 5 * 1024 ** 3;
    // Local zip64 extra (20), 24-byte descriptor, central zip64 extra (4 + 16), the ZIP64 end record and locator (76).
    expect(zipLength([{ name, file: '', size: big }])).toBe(30 + name.length + 20 + big + 24 + 46 + name.length + 20 + 76 + 22);
  });
});
