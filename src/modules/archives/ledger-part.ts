import type { Kysely } from 'kysely';
import { type LedgerProofEntry, ledgerKeysText, ledgerProofsJson } from '../../platform/archive/ledger-proofs.js';
import type { NoteSigner } from '../../platform/crypto/signers.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict } from '../../platform/errors.js';
import { entrySourceOf } from '../../platform/events/record-event.js';
import { createCheckpoint, inclusionProofAt } from '../../platform/ledger/checkpoints.js';
import { entryBytes } from '../../platform/ledger/entry.js';
import { leafHash, nodeKey } from '../../platform/ledger/merkle.js';
import { latestCheckpoint, loadNodes } from '../../platform/ledger/repository.js';

// The ledger part of a case file: every entry about its subjects with an RFC 6962 inclusion proof against
// one signed checkpoint — what a bag carries in data/ledger/ and what the 四性检测 verifies for 真实性.

export interface ExportLedger {
  readonly origin: string;
  readonly signers: readonly NoteSigner[];
}

export interface LedgerSubject {
  readonly type: string;
  readonly ids: readonly string[];
}

export interface LedgerPart {
  /** data/ledger/proofs.json */
  readonly json: string;
  /** data/ledger/checkpoint.txt */
  readonly checkpoint: string;
  /** data/ledger/keys.txt */
  readonly keys: string;
  readonly treeSize: number;
  readonly entries: number;
  /** Each proved entry's subject and canonical bytes, for checks that a hash is attested. */
  readonly proved: readonly { readonly subjectType: string; readonly subjectId: string; readonly entry: Buffer }[];
}

/**
 * Every ledger entry about the given subjects with its inclusion proof against the latest signed
 * checkpoint (a new one is signed first when the latest does not cover them all). Each entry is
 * recomputed from its event row and compared with the stored leaf, so a bag never carries an entry
 * the ledger does not hold.
 */
export async function ledgerPart(
  db: Kysely<Database>,
  ledger: ExportLedger,
  subjects: readonly LedgerSubject[],
  /** false for reads (a preview): never sign; refuse with `checkpoint_pending` when the latest does not cover them. */
  options: { readonly sign?: boolean } = {},
): Promise<LedgerPart> {
  const wanted = subjects.filter((s) => s.ids.length > 0);
  const rows =
    wanted.length === 0
      ? []
      : await db
          .selectFrom('events')
          .selectAll()
          .where('ledger_index', 'is not', null)
          .where((eb) => eb.or(wanted.map((s) => eb.and([eb('subject_type', '=', s.type), eb('subject_id', 'in', [...s.ids])]))))
          .orderBy('ledger_index')
          .execute();
  const entries = rows.map((r) => {
    const index = Number(r.ledger_index);
    return { index, subjectType: r.subject_type, subjectId: r.subject_id, entry: entryBytes(entrySourceOf({ ...r, ledger_index: index })) };
  });
  const leaves = await loadNodes(
    db,
    entries.map((e) => ({ level: 0, index: e.index })),
  );
  for (const e of entries) {
    const stored = leaves.get(nodeKey(0, e.index));
    if (!stored?.equals(leafHash(e.entry)))
      throw conflict('ledger_mismatch', `账本第 ${e.index} 条与其事件记录不符,不能导出;请先运行 sanxiang verify 查明原因`);
  }
  const last = entries.at(-1)?.index ?? -1;
  let checkpoint = await latestCheckpoint(db);
  if ((!checkpoint || checkpoint.size <= last) && options.sign === false)
    throw conflict('checkpoint_pending', '最新的签名检查点尚未覆盖本案的全部记录;接收归档时将签发新的检查点并据此核验');
  if (!checkpoint || checkpoint.size <= last) {
    await createCheckpoint(db, ledger.origin, ledger.signers);
    checkpoint = await latestCheckpoint(db);
  }
  if (!checkpoint || checkpoint.size <= last) throw conflict('no_checkpoint', '没有覆盖本案账本条目的签名检查点');
  const size = checkpoint.size;
  const proved: LedgerProofEntry[] = [];
  for (const e of entries) proved.push({ index: e.index, entry: e.entry, proof: await inclusionProofAt(db, e.index, size) });
  return {
    json: ledgerProofsJson({ origin: ledger.origin, treeSize: size, rootHash: Buffer.from(checkpoint.rootHash, 'hex'), entries: proved }),
    checkpoint: checkpoint.note,
    keys: ledgerKeysText(ledger.origin, ledger.signers),
    treeSize: size,
    entries: proved.length,
    proved: entries.map((e) => ({ subjectType: e.subjectType, subjectId: e.subjectId, entry: e.entry })),
  };
}
