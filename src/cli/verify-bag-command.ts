import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { tagValue } from '../platform/archive/bag-format.js';
import { openBagSource } from '../platform/archive/bag-source.js';
import { type BagProblem, verifyBag } from '../platform/archive/bagit.js';
import { type LedgerProofsVerification, verifyLedgerProofs } from '../platform/archive/ledger-proofs.js';

// `sanxiang verify-bag <dir|zip>`: checks an exported archive bag offline — manifests, tag manifests,
// Payload-Oxum and, when the bag carries them, the ledger inclusion proofs and the checkpoint's
// signatures. It needs no configuration or database (main.ts dispatches it before loading them), so it
// runs on a copy with the server stopped, or on another machine.

const USAGE = '用法:sanxiang verify-bag [--keys <公钥文件>] <归档包目录或 zip 文件>';
const PROOFS = 'data/ledger/proofs.json';
const CHECKPOINT = 'data/ledger/checkpoint.txt';
const KEYS = 'data/ledger/keys.txt';

export async function runVerifyBagCommand(args: readonly string[]): Promise<number> {
  let parsed: { values: { keys?: string | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { keys: { type: 'string' } }, allowPositionals: true });
  } catch {
    console.error(USAGE);
    return 1;
  }
  const [location, ...extra] = parsed.positionals;
  if (location === undefined || extra.length > 0) {
    console.error(USAGE);
    return 1;
  }
  let trustedKeys: string | undefined;
  if (parsed.values.keys !== undefined) {
    try {
      trustedKeys = await fs.readFile(parsed.values.keys, 'utf8');
    } catch {
      console.error(`无法读取公钥文件 ${parsed.values.keys}`);
      return 1;
    }
  }
  return verifyBagAndReport(location, trustedKeys);
}

/** Prints a summary and every problem with its file; 0 when all is well. */
export async function verifyBagAndReport(location: string, trustedKeys?: string): Promise<number> {
  console.log(`归档包:${location}`);
  const bag = await verifyBag(location);
  for (const label of ['Source-Organization', 'External-Identifier', 'Bagging-Date']) {
    const value = tagValue(bag.info, label);
    if (value !== undefined) console.log(`  ${label}: ${value}`);
  }
  console.log(`载荷文件:已核验 ${bag.payloadFiles} 个,共 ${bag.payloadOctets} 字节(SHA-512 与 SM3)`);
  for (const p of bag.fetchPending)
    console.log(`需另行获取:${p.file}(${p.length ?? '长度未知'} 字节,${p.url}),取回放到该路径后再核验;本次未核验其内容`);
  const problems: BagProblem[] = [...bag.problems];
  const ledger = await checkLedger(location, trustedKeys, problems);
  if (ledger === 'absent') console.log('账本证明:包内没有 data/ledger/proofs.json,未核验');
  else if (ledger === 'incomplete') console.log('账本证明:文件不全,未核验');
  else {
    const signed = ledger.verifiedBy.length > 0 ? `,签名已验证(${ledger.verifiedBy.join('、')})` : '';
    console.log(`账本证明:核验 ${ledger.entriesChecked} 条;检查点 ${ledger.origin ?? '?'},树大小 ${ledger.treeSize ?? '?'}${signed}`);
    console.log(
      `  所用公钥:${ledger.keyIds.join('、') || '无'}${trustedKeys === undefined ? '(取自包内 keys.txt,请与机关公开的公钥核对)' : '(由 --keys 指定)'}`,
    );
  }
  if (problems.length === 0) {
    console.log(bag.fetchPending.length > 0 ? '核验通过(不含需另行获取的文件)。' : '核验通过:全部文件与清单一致。');
    return 0;
  }
  console.log(`发现 ${problems.length} 个问题:`);
  for (const p of problems) console.log(`  ✗ ${p.file ?? '(整个归档包)'}:${p.reason}`);
  console.log('核验未通过。');
  return 1;
}

async function checkLedger(
  location: string,
  trustedKeys: string | undefined,
  problems: BagProblem[],
): Promise<LedgerProofsVerification | 'absent' | 'incomplete'> {
  let source: Awaited<ReturnType<typeof openBagSource>>;
  try {
    source = await openBagSource(location);
  } catch {
    return 'absent'; // verifyBag has reported why the bag cannot be opened
  }
  if (!source.files.has(PROOFS)) return 'absent';
  const read = async (file: string) => (source.files.has(file) ? (await source.read(file)).toString('utf8') : null);
  const [proofs, checkpoint, keys] = [await read(PROOFS), await read(CHECKPOINT), trustedKeys ?? (await read(KEYS))];
  if (checkpoint === null) problems.push({ file: CHECKPOINT, reason: '缺少此文件,账本证明无法核验' });
  if (keys === null) problems.push({ file: KEYS, reason: '缺少此文件,检查点签名无法核验' });
  if (proofs === null || checkpoint === null || keys === null) return 'incomplete';
  const result = verifyLedgerProofs(proofs, checkpoint, keys);
  for (const p of result.problems) problems.push({ file: p.index === null ? PROOFS : `${PROOFS} 条目 #${p.index}`, reason: p.reason });
  return result;
}
