import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBagPath, encodeBagPath, parseTagFile, tagValue } from './bag-format.js';
import { bagitPythonAvailable, hashToolsAvailable, zipDirectory } from './bag-test-support.js';
import { type BagVerification, verifyBag, type WriteBagOptions, writeBag } from './bagit.js';
import { bagReadme } from './readme.js';

const DECISION = 'documents/行政处罚决定书 第1号.txt';
const VIDEO_BYTES = Buffer.alloc(300_000, 7);

let root: string;
let videoFile: string;
let n = 0;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-bagit-'));
  videoFile = path.join(root, 'source-video.mp4');
  fs.writeFileSync(videoFile, VIDEO_BYTES);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const fresh = () => path.join(root, `bag-${++n}`);

function options(extra: Partial<WriteBagOptions> = {}): WriteBagOptions {
  return {
    payload: [
      { path: DECISION, content: Buffer.from('某市市场监督管理局\n行政处罚决定书\n', 'utf8') },
      { path: 'case.json', content: Buffer.from('{"caseNo":"某市监处罚〔2026〕1号"}\n') },
      { path: 'evidence/现场 视频.mp4', content: { file: videoFile } },
    ],
    info: [
      ['Source-Organization', '某市市场监督管理局'],
      ['External-Identifier', '某市监处罚〔2026〕1号'],
      ['Bagging-Date', '2026-03-01'],
    ],
    tags: [
      {
        path: 'README.txt',
        content: bagReadme({ caseNo: '某市监处罚〔2026〕1号', agency: '某市市场监督管理局', baggingDate: '2026-03-01' }),
      },
    ],
    ...extra,
  };
}

async function bag(extra: Partial<WriteBagOptions> = {}): Promise<string> {
  const dir = fresh();
  await writeBag(dir, options(extra));
  return dir;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const named = (result: BagVerification, file: string) => result.problems.filter((p) => p.file === file).map((p) => p.reason);

describe('writeBag', () => {
  it('writes bagit.txt, both manifests, bag-info with Payload-Oxum and the tag manifests', async () => {
    const dir = fresh();
    const totals = await writeBag(dir, options());
    const payloadOctets =
      VIDEO_BYTES.length + fs.statSync(path.join(dir, 'data', DECISION)).size + fs.statSync(path.join(dir, 'data/case.json')).size;
    expect(totals).toMatchObject({ payloadFiles: 3, payloadOctets, fetchFiles: 0, payloadOxum: `${payloadOctets}.3` });
    expect(read(dir, 'bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = parseTagFile(read(dir, 'bag-info.txt')).fields;
    expect(tagValue(info, 'Payload-Oxum')).toBe(`${payloadOctets}.3`);
    expect(tagValue(info, 'External-Identifier')).toBe('某市监处罚〔2026〕1号');
    expect(tagValue(info, 'Bag-Size')).toBe('293.1 KiB');
    const sha = createHash('sha512').update(VIDEO_BYTES).digest('hex');
    const sm3 = createHash('sm3').update(VIDEO_BYTES).digest('hex');
    expect(read(dir, 'manifest-sha512.txt')).toContain(`${sha}  data/evidence/现场 视频.mp4\n`);
    expect(read(dir, 'manifest-sm3.txt')).toContain(`${sm3}  data/evidence/现场 视频.mp4\n`);
    const tagged = read(dir, 'tagmanifest-sm3.txt')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('  ')[1]);
    expect(tagged).toEqual(['README.txt', 'bag-info.txt', 'bagit.txt', 'manifest-sha512.txt', 'manifest-sm3.txt']);
    expect(totals.tagFiles).toEqual(tagged);
  });

  it('round-trips: the bag it writes verifies', async () => {
    const result = await verifyBag(await bag());
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, payloadFiles: 3, fetchPending: [] });
  });

  it('refuses unsafe paths, duplicates and a non-empty target before writing anything', async () => {
    for (const bad of ['../etc/passwd', '/abs', 'a//b', 'a\\b', './x'])
      await expect(writeBag(fresh(), options({ payload: [{ path: bad, content: Buffer.from('x') }] }))).rejects.toThrow(bad);
    const twice = [
      { path: 'A.txt', content: Buffer.from('1') },
      { path: 'a.txt', content: Buffer.from('2') },
    ];
    await expect(writeBag(fresh(), options({ payload: twice }))).rejects.toThrow(/重复/);
    await expect(writeBag(fresh(), options({ tags: [{ path: 'bag-info.txt', content: 'x' }] }))).rejects.toThrow(/保留/);
    await expect(writeBag(fresh(), options({ info: { 'Payload-Oxum': '1.1' } }))).rejects.toThrow(/Payload-Oxum/);
    const dir = await bag();
    await expect(writeBag(dir, options())).rejects.toThrow(/不是空目录/);
  });

  it('percent-encodes CR, LF and % in manifest paths (RFC 8493 §2.1.3) and reads them back', async () => {
    expect(encodeBagPath('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(decodeBagPath('a%25b%0d%0Ac%41')).toBe('a%b\r\nc%41');
    const dir = await bag({ payload: [{ path: '100%\n确认.txt', content: Buffer.from('x') }] });
    expect(read(dir, 'manifest-sha512.txt')).toMatch(/ {2}data\/100%25%0A确认\.txt\n$/);
    expect((await verifyBag(dir)).ok).toBe(true);
  });
});

describe('verifyBag finds every change and names the file', () => {
  it('an altered payload file: both SHA-512 and SM3 disagree', async () => {
    const dir = await bag();
    fs.appendFileSync(path.join(dir, 'data', DECISION), ' ');
    const result = await verifyBag(dir);
    expect(result.ok).toBe(false);
    expect(named(result, `data/${DECISION}`)).toEqual([
      expect.stringMatching(/^SHA-512 校验值不符/),
      expect.stringMatching(/^SM3 校验值不符/),
    ]);
    expect(named(result, 'bag-info.txt')).toEqual([expect.stringMatching(/^Payload-Oxum 为 \d+\.3,实际为 \d+\.3/)]);
  });

  it('a same-size change is caught by the hashes, not the Oxum', async () => {
    const dir = await bag();
    const file = path.join(dir, 'data/evidence/现场 视频.mp4');
    const bytes = fs.readFileSync(file);
    bytes[12345] = 8;
    fs.writeFileSync(file, bytes);
    const result = await verifyBag(dir);
    expect(result.problems.map((p) => p.file)).toEqual(['data/evidence/现场 视频.mp4', 'data/evidence/现场 视频.mp4']);
  });

  it('a deleted payload file is missing', async () => {
    const dir = await bag();
    fs.rmSync(path.join(dir, 'data/case.json'));
    const result = await verifyBag(dir);
    expect(named(result, 'data/case.json')).toEqual(['文件缺失(清单中列出,包中没有)']);
    expect(named(result, 'bag-info.txt')).toHaveLength(1);
  });

  it('an added payload file is not in the manifests', async () => {
    const dir = await bag();
    fs.writeFileSync(path.join(dir, 'data/evidence/补充 照片.jpg'), 'x');
    const result = await verifyBag(dir);
    expect(named(result, 'data/evidence/补充 照片.jpg')).toEqual(['多出的文件:不在任何清单中']);
  });

  it('an edited bag-info.txt fails its tag manifests', async () => {
    const dir = await bag();
    const file = path.join(dir, 'bag-info.txt');
    fs.writeFileSync(file, read(dir, 'bag-info.txt').replace('〔2026〕1号', '〔2026〕2号'));
    const result = await verifyBag(dir);
    expect(named(result, 'bag-info.txt')).toEqual([
      'SHA-512 校验值与 tagmanifest-sha512.txt 不符:文件已被改动',
      'SM3 校验值与 tagmanifest-sm3.txt 不符:文件已被改动',
    ]);
  });

  it('a manifest line removed, a tag file added, bagit.txt broken', async () => {
    const dir = await bag();
    const manifest = path.join(dir, 'manifest-sm3.txt');
    fs.writeFileSync(manifest, read(dir, 'manifest-sm3.txt').replace(/^.*case\.json\n/m, ''));
    fs.writeFileSync(path.join(dir, 'NOTE.txt'), '请忽略校验');
    fs.writeFileSync(path.join(dir, 'bagit.txt'), 'BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n');
    const result = await verifyBag(dir);
    expect(named(result, 'data/case.json')).toEqual(['未列入 manifest-sm3.txt']);
    expect(named(result, 'NOTE.txt')).toEqual(['未列入 tagmanifest-sha512.txt', '未列入 tagmanifest-sm3.txt']);
    expect(named(result, 'bagit.txt')).toContain('不支持的 BagIt 版本 2.0(支持 1.0、0.97)');
    expect(named(result, 'manifest-sm3.txt')).toHaveLength(2); // changed: both tag manifests disagree
  });

  it('a missing path reports the location', async () => {
    const result = await verifyBag(path.join(root, 'nowhere'));
    expect(result.problems).toEqual([{ file: null, reason: `无法打开 ${path.join(root, 'nowhere')}:不存在` }]);
  });
});

describe('fetch.txt', () => {
  const video = 'evidence/执法记录仪 全程.mp4';
  const fetchOptions = () => options({ fetch: [{ url: 'https://archive.example.cn/objects/abc123', path: video, file: videoFile }] });

  it('lists the file in the manifests and fetch.txt, counts it in Payload-Oxum, does not copy it', async () => {
    const dir = fresh();
    const totals = await writeBag(dir, fetchOptions());
    expect(totals).toMatchObject({ payloadFiles: 4, fetchFiles: 1, fetchOctets: VIDEO_BYTES.length });
    expect(fs.existsSync(path.join(dir, 'data', video))).toBe(false);
    expect(read(dir, 'fetch.txt')).toBe(`https://archive.example.cn/objects/abc123 ${VIDEO_BYTES.length} data/${video}\n`);
    expect(read(dir, 'manifest-sha512.txt')).toContain(`data/${video}`);
    expect(tagValue(parseTagFile(read(dir, 'bag-info.txt')).fields, 'Payload-Oxum')).toBe(totals.payloadOxum);
  });

  it('reports an absent fetched file as 需另行获取, not missing, and verifies it once present', async () => {
    const dir = fresh();
    await writeBag(dir, fetchOptions());
    const before = await verifyBag(dir);
    expect(before.problems).toEqual([]);
    expect(before.fetchPending).toEqual([
      { file: `data/${video}`, url: 'https://archive.example.cn/objects/abc123', length: VIDEO_BYTES.length },
    ]);
    expect(before.payloadFiles).toBe(3);

    fs.copyFileSync(videoFile, path.join(dir, 'data', video));
    const after = await verifyBag(dir);
    expect(after).toMatchObject({ ok: true, payloadFiles: 4, fetchPending: [] });

    fs.writeFileSync(path.join(dir, 'data', video), Buffer.alloc(VIDEO_BYTES.length, 9));
    expect(named(await verifyBag(dir), `data/${video}`)).toHaveLength(2);
  });

  it('accepts given hashes for an object it cannot read, and flags a fetch entry missing from the manifests', async () => {
    const sha512 = createHash('sha512').update(VIDEO_BYTES).digest('hex');
    const sm3 = createHash('sm3').update(VIDEO_BYTES).digest('hex');
    const dir = fresh();
    await writeBag(dir, options({ fetch: [{ url: 's3://bucket/key', path: video, length: VIDEO_BYTES.length, sha512, sm3 }] }));
    expect((await verifyBag(dir)).ok).toBe(true);
    fs.appendFileSync(path.join(dir, 'fetch.txt'), 'https://x.example/y 5 data/另一个.mp4\n');
    const result = await verifyBag(dir);
    expect(named(result, 'data/另一个.mp4')).toEqual(['fetch.txt 列出了此文件,但清单中没有它']);
  });
});

describe('a zipped bag', () => {
  it('verifies from the zip (single top-level folder), and names the altered file', async () => {
    const dir = await bag();
    const zip = path.join(root, 'bag.zip');
    zipDirectory(dir, zip, '某市监处罚〔2026〕1号');
    expect(await verifyBag(zip)).toMatchObject({ ok: true, payloadFiles: 3 });
    fs.appendFileSync(path.join(dir, 'data/case.json'), ' ');
    const altered = path.join(root, 'altered.zip');
    zipDirectory(dir, altered, 'bag');
    const result = await verifyBag(altered);
    expect(named(result, 'data/case.json')).toHaveLength(2);
  });

  it('a file that is not a zip is a problem, not a crash', async () => {
    const result = await verifyBag(videoFile);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.reason).toMatch(/不是 ZIP 文件/);
  });
});

describe('independent validators', () => {
  const tools = hashToolsAvailable();
  const sh = (dir: string, command: string, args: readonly string[]) => execFileSync(command, args, { cwd: dir, encoding: 'utf8' });

  it.runIf(tools)('coreutils sha512sum -c accepts both SHA-512 manifests as written, and fails on an altered file', async () => {
    const dir = await bag();
    expect(sh(dir, 'sha512sum', ['--strict', '-c', 'manifest-sha512.txt'])).toContain('data/evidence/现场 视频.mp4: OK');
    sh(dir, 'sha512sum', ['--strict', '-c', 'tagmanifest-sha512.txt']);
    fs.appendFileSync(path.join(dir, 'data/case.json'), ' ');
    const failed = spawnSync('sha512sum', ['--strict', '-c', 'manifest-sha512.txt'], { cwd: dir, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('data/case.json: FAILED');
  });

  it.runIf(tools)('openssl dgst -sm3 computes every SM3 manifest value', async () => {
    const dir = await bag();
    for (const line of read(dir, 'manifest-sm3.txt').split('\n').filter(Boolean)) {
      const [hash, file] = line.split('  ');
      expect(sh(dir, 'openssl', ['dgst', '-sm3', '-r', file ?? '']).split(' ')[0]).toBe(hash);
    }
  });

  it.runIf(bagitPythonAvailable())('bagit-python validates the bag, and fails after a file is altered', async () => {
    const dir = await bag();
    const validate = `import bagit,sys
b=bagit.Bag(sys.argv[1])
b.validate()
print('ok', sorted(b.algorithms))`;
    expect(sh(dir, 'python3', ['-c', validate, dir])).toMatch(/^ok /);
    fs.writeFileSync(path.join(dir, 'data/case.json'), '{"caseNo":"x"}\n');
    expect(() => sh(dir, 'python3', ['-c', validate, dir])).toThrow(/case\.json/);
  });
});
