import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { exportCaseBag } from '../modules/archives/index.js';
import { createBlobStore } from '../platform/blobs/index.js';
import type { Database } from '../platform/db/schema.js';
import { loadLedgerSigners } from '../platform/ledger/keys.js';

// `sanxiang export case <id> --out <dir>`: writes a closed case as a BagIt archive bag (documents,
// evidence, case record, ledger proofs against a signed checkpoint), checkable with `sanxiang verify-bag`.

const USAGE = '用法:sanxiang export case <案件编号或ID> --out <目录> [--fetch-base <对象存储地址> --fetch-over <MiB>]';

export async function runExportCommand(db: Kysely<Database>, config: Config, args: readonly string[]): Promise<number> {
  let parsed: {
    values: { out?: string | undefined; 'fetch-base'?: string | undefined; 'fetch-over'?: string | undefined };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { out: { type: 'string' }, 'fetch-base': { type: 'string' }, 'fetch-over': { type: 'string' } },
      allowPositionals: true,
    });
  } catch {
    console.error(USAGE);
    return 1;
  }
  const [what, caseId, ...extra] = parsed.positionals;
  const out = parsed.values.out;
  if (what !== 'case' || caseId === undefined || extra.length > 0 || out === undefined || out === '') {
    console.error(USAGE);
    return 1;
  }
  // Very large audio/video can stay in object storage: listed in fetch.txt as <base>/<sha256>.
  const base = parsed.values['fetch-base'];
  const over = parsed.values['fetch-over'];
  if ((base === undefined) !== (over === undefined) || (over !== undefined && !/^\d+$/.test(over))) {
    console.error(`${USAGE}\n--fetch-base 与 --fetch-over(正整数,单位 MiB)须同时给出`);
    return 1;
  }
  const fetch = base !== undefined && over !== undefined ? { baseUrl: base, minBytes: Number(over) * 1024 * 1024 } : undefined;
  const blobs = await createBlobStore(config.blobs, path.join(config.dataDir, 'tmp'));
  const signers = loadLedgerSigners(config.ledger, config.dataDir, { create: false });
  const result = await exportCaseBag(db, blobs, { origin: config.ledger.origin, signers }, caseId, out, fetch ? { fetch } : {});
  console.log(`已导出案件 ${result.caseNo}${result.archiveNo ? `(档号 ${result.archiveNo})` : ''} 的归档包:${out}`);
  console.log(
    `  文书 ${result.documents} 份,证据 ${result.evidence} 个,载荷文件 ${result.payloadFiles} 个(${result.bagSize});账本条目 ${result.ledgerEntries} 条,检查点树大小 ${result.treeSize}`,
  );
  console.log(`核验:sanxiang verify-bag ${out}`);
  return 0;
}
