import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCapture } from '../../test/support/console-capture.js';
import { zipDirectory } from '../platform/archive/bag-test-support.js';
import { writeBag } from '../platform/archive/bagit.js';
import { ledgerKeysText, ledgerProofsJson } from '../platform/archive/ledger-proofs.js';
import { bagReadme } from '../platform/archive/readme.js';
import { ed25519Signer, sm2Signer } from '../platform/crypto/signers.js';
import { type Hash, inclusionProof, leafHash, nodeHash, rootHash } from '../platform/ledger/merkle.js';
import { checkpointBody, signNote } from '../platform/ledger/note.js';
import { runVerifyBagCommand } from './verify-bag-command.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/sanxiang.mjs');
const ORIGIN = 'sanxiang.local/ledger';
const SIGNERS = [
  ed25519Signer(ORIGIN, Buffer.alloc(32, 1)),
  sm2Signer(ORIGIN, '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8'),
];
const CASE_NO = '某市监处罚〔2026〕1号';

/** A bag as the archive export will write it: documents, a case record, the ledger proofs and the README. */
async function writeCaseBag(dir: string): Promise<void> {
  const entries = Array.from({ length: 6 }, (_, i) => Buffer.from(`{"index":${i},"type":"case.step"}`));
  const node = (level: number, index: number): Hash =>
    level === 0 ? leafHash(entries[index] ?? Buffer.alloc(0)) : nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
  const root = rootHash(entries.length, node);
  const proofs = ledgerProofsJson({
    origin: ORIGIN,
    treeSize: entries.length,
    rootHash: root,
    entries: [1, 4].map((index) => ({
      index,
      entry: entries[index] ?? Buffer.alloc(0),
      proof: inclusionProof(index, entries.length, node),
    })),
  });
  await writeBag(dir, {
    payload: [
      { path: 'documents/行政处罚决定书 第1号.txt', content: Buffer.from('决定书正文\n') },
      { path: 'case.json', content: Buffer.from(`{"caseNo":"${CASE_NO}"}\n`) },
      { path: 'ledger/proofs.json', content: Buffer.from(proofs) },
      { path: 'ledger/checkpoint.txt', content: Buffer.from(signNote(checkpointBody(ORIGIN, entries.length, root), SIGNERS)) },
      { path: 'ledger/keys.txt', content: Buffer.from(ledgerKeysText(ORIGIN, SIGNERS)) },
    ],
    info: [
      ['Source-Organization', '某市市场监督管理局'],
      ['External-Identifier', CASE_NO],
    ],
    tags: [
      {
        path: 'README.txt',
        content: bagReadme({
          caseNo: CASE_NO,
          agency: '某市市场监督管理局',
          baggingDate: '2026-03-01',
          ledger: { origin: ORIGIN, treeSize: 6, entries: 2 },
        }),
      },
    ],
  });
}

describe('sanxiang verify-bag', () => {
  let root: string;
  let n = 0;
  const { output, capture } = consoleCapture();
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-verify-bag-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const freshBag = async () => {
    const dir = path.join(root, `bag-${++n}`);
    await writeCaseBag(dir);
    return dir;
  };

  it('exits 0 on an intact bag with a summary of payload, entries and checkpoint', async () => {
    const dir = await freshBag();
    capture();
    expect(await runVerifyBagCommand([dir])).toBe(0);
    expect(output).toContain(`  External-Identifier: ${CASE_NO}`);
    expect(output).toContainEqual(expect.stringMatching(/^载荷文件:已核验 5 个,共 \d+ 字节/));
    expect(output).toContainEqual(`账本证明:核验 2 条;检查点 ${ORIGIN},树大小 6,签名已验证(ed25519、sm2)`);
    expect(output.at(-1)).toBe('核验通过:全部文件与清单一致。');
  });

  it('exits 1 naming the altered file', async () => {
    const dir = await freshBag();
    fs.appendFileSync(path.join(dir, 'data/documents/行政处罚决定书 第1号.txt'), '改');
    capture();
    expect(await runVerifyBagCommand([dir])).toBe(1);
    expect(output).toContain('  ✗ data/documents/行政处罚决定书 第1号.txt:SHA-512 校验值不符:文件内容已被改动或损坏');
    expect(output.at(-1)).toBe('核验未通过。');
  });

  it('names the ledger entry when a proof no longer holds', async () => {
    const dir = await freshBag();
    const file = path.join(dir, 'data/ledger/proofs.json');
    const proofs = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { index: number; entry: string }[] };
    const second = proofs.entries[1];
    if (!second) throw new Error('fixture');
    second.entry = Buffer.from('{"index":4,"type":"case.stop"}').toString('base64');
    fs.writeFileSync(file, JSON.stringify(proofs));
    capture();
    expect(await runVerifyBagCommand([dir])).toBe(1);
    expect(output).toContainEqual(expect.stringMatching(/^ {2}✗ data\/ledger\/proofs\.json 条目 #4:包含证明不成立/));
    expect(output).toContainEqual(expect.stringMatching(/^ {2}✗ data\/ledger\/proofs\.json:SHA-512 校验值不符/));
  });

  it('checks the checkpoint against keys given with --keys instead of the bag’s own', async () => {
    const dir = await freshBag();
    const keys = path.join(root, 'published-keys.txt');
    fs.writeFileSync(keys, ledgerKeysText(ORIGIN, [ed25519Signer(ORIGIN, Buffer.alloc(32, 9))]));
    capture();
    expect(await runVerifyBagCommand(['--keys', keys, dir])).toBe(1);
    expect(output).toContainEqual(
      expect.stringMatching(/^ {2}✗ data\/ledger\/proofs\.json:checkpoint\.txt 没有 keys\.txt 中任何公钥的签名/),
    );
  });

  it('verifies a zip of the bag', async () => {
    const dir = await freshBag();
    const zip = path.join(root, 'bag.zip');
    zipDirectory(dir, zip, CASE_NO);
    capture();
    expect(await runVerifyBagCommand([zip])).toBe(0);
    expect(output).toContainEqual(expect.stringMatching(/^账本证明:核验 2 条/));
  });

  it('prints the usage and exits 1 without a bag', async () => {
    capture();
    expect(await runVerifyBagCommand([])).toBe(1);
    expect(output).toEqual(['用法:sanxiang verify-bag [--keys <公钥文件>] <归档包目录或 zip 文件>']);
  });

  it('runs through the sanxiang command without configuration or database', async () => {
    const dir = await freshBag();
    fs.rmSync(path.join(dir, 'data/case.json'));
    const env = {
      ...process.env,
      SANXIANG_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      SANXIANG_DATA_DIR: path.join(root, 'no-data'),
    };
    const ok = await run(process.execPath, [bin, 'verify-bag', path.join(root, 'bag-1')], { env });
    expect(ok.stdout).toContain('核验通过');
    const failed = await run(process.execPath, [bin, 'verify-bag', dir], { env }).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining('✗ data/case.json:文件缺失') });
  });
});
