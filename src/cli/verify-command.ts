import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { createBlobStore } from '../platform/blobs/index.js';
import { verifierOf } from '../platform/crypto/signers.js';
import type { Database } from '../platform/db/schema.js';
import { loadLedgerSigners } from '../platform/ledger/keys.js';
import { verifyLedger } from '../platform/ledger/verify.js';

/** `sanxiang verify [--checkpoint FILE]`: prints a summary and every failure; 1 on any failure. */
export async function runVerify(db: Kysely<Database>, config: Config, externalCheckpoint: string | undefined): Promise<number> {
  const started = Date.now();
  const verifiers = loadLedgerSigners(config.ledger, config.dataDir, { create: false }).map(verifierOf);
  const report = await verifyLedger(db, {
    origin: config.ledger.origin,
    verifiers,
    blobs: await createBlobStore(config.blobs, path.join(config.dataDir, 'tmp')),
    externalCheckpoint,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const disposed = report.disposed > 0 ? `,按销毁清单已销毁 ${report.disposed} 个(账本保留其记录)` : '';
  console.log(`账本条目 ${report.entries} 条,检查点 ${report.checkpoints} 个,证据文件 ${report.blobs} 个${disposed}(${seconds} 秒)`);
  if (externalCheckpoint !== undefined) console.log('已对照给定的检查点文件核验');
  if (report.failures.length === 0) {
    console.log('核验通过:记录未被修改、删除或调换,签名和文件哈希全部相符。');
    return 0;
  }
  console.log(`发现 ${report.failures.length} 处问题:`);
  for (const failure of report.failures) console.log(`  - ${failure}`);
  return 1;
}
