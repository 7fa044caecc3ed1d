import { describe, expect, it } from 'vitest';
import { ed25519Signer, sm2Signer } from '../crypto/signers.js';
import { entryBytes } from '../ledger/entry.js';
import { type Hash, inclusionProof, leafHash, nodeHash, rootHash } from '../ledger/merkle.js';
import { checkpointBody, signNote } from '../ledger/note.js';
import { LEDGER_PROOFS_FORMAT, ledgerKeysText, ledgerProofsJson, verifyLedgerProofs } from './ledger-proofs.js';

const ORIGIN = 'sanxiang.local/ledger';
// The fixed test keys of test/support/app.ts (TEST_SIGNERS), built here so this pure test needs no app.
const SIGNERS = [
  ed25519Signer(ORIGIN, Buffer.alloc(32, 1)),
  sm2Signer(ORIGIN, '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8'),
];
const OTHER = ed25519Signer(ORIGIN, Buffer.alloc(32, 2));

const SIZE = 11;
const entries = Array.from({ length: SIZE }, (_, index) =>
  entryBytes({
    index,
    occurredAt: `2026-03-01T08:00:${String(index).padStart(2, '0')}.000Z`,
    type: index % 2 === 0 ? 'case.step_recorded' : 'evidence.ingested',
    subjectType: 'case',
    subjectId: 'c-1',
    actorType: 'user',
    actorId: 'u-1',
    actorName: '张三',
    unitId: 'unit-1',
    data: `{"step":${index}}`,
    blobs: [],
  }),
);
const leaves = entries.map(leafHash);
/** The perfect subtree nodes the ledger would store, computed from the leaves. */
const node = (level: number, index: number): Hash =>
  level === 0 ? (leaves[index] ?? Buffer.alloc(32)) : nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
const root = rootHash(SIZE, node);
const CASE_ENTRIES = [2, 5, 10];

function bundle(signers = SIGNERS) {
  const checkpoint = signNote(checkpointBody(ORIGIN, SIZE, root), signers);
  const proofs = JSON.parse(
    ledgerProofsJson({
      origin: ORIGIN,
      treeSize: SIZE,
      rootHash: root,
      entries: CASE_ENTRIES.map((index) => ({ index, entry: entries[index] ?? Buffer.alloc(0), proof: inclusionProof(index, SIZE, node) })),
    }),
  ) as { format: string; entries: { index: number; entry: string; proof: string[] }[] };
  return { checkpoint, proofs, keys: ledgerKeysText(ORIGIN, SIGNERS) };
}

const verify = (b: ReturnType<typeof bundle>) => verifyLedgerProofs(JSON.stringify(b.proofs), b.checkpoint, b.keys);

describe('ledger proofs in a bag', () => {
  it('verifies entries, proofs and both signatures', () => {
    const b = bundle();
    expect(b.proofs.format).toBe(LEDGER_PROOFS_FORMAT);
    expect(b.proofs.entries.map((e) => e.index)).toEqual(CASE_ENTRIES);
    const result = verify(b);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, origin: ORIGIN, treeSize: SIZE, entriesChecked: 3, verifiedBy: ['ed25519', 'sm2'] });
  });

  it('keys.txt is the /api/ledger/keys JSON; one verifier key per line works too', () => {
    const b = bundle();
    const keys = JSON.parse(b.keys) as { origin: string; keys: { name: string; algorithm: string; keyId: string; verifierKey: string }[] };
    expect(keys.origin).toBe(ORIGIN);
    expect(keys.keys.map((k) => k.algorithm)).toEqual(['ed25519', 'sm2']);
    expect(verify({ ...b, keys: keys.keys.map((k) => k.verifierKey).join('\n') }).ok).toBe(true);
  });

  it('a changed entry byte fails that entry', () => {
    const b = bundle();
    const target = b.proofs.entries[1];
    if (!target) throw new Error('fixture');
    target.entry = Buffer.from(
      Buffer.from(target.entry, 'base64').toString('utf8').replace('evidence.ingested', 'evidence.ingesteD'),
    ).toString('base64');
    const result = verify(b);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ index: 5, reason: expect.stringMatching(/^包含证明不成立/) }]);
  });

  it('an entry moved to another index fails on its own index field', () => {
    const b = bundle();
    const target = b.proofs.entries[0];
    if (!target) throw new Error('fixture');
    target.index = 3;
    expect(verify(b).problems).toEqual([{ index: 3, reason: '条目内容中的序号为 2,与记载的序号不同' }]);
  });

  it('a wrong proof hash fails that entry', () => {
    const b = bundle();
    const target = b.proofs.entries[2];
    if (!target?.proof[0]) throw new Error('fixture');
    const bytes = Buffer.from(target.proof[0], 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    target.proof[0] = bytes.toString('base64');
    expect(verify(b).problems).toEqual([{ index: 10, reason: expect.stringMatching(/^包含证明不成立/) }]);
  });

  it('a checkpoint signed by another key fails, naming the checkpoint', () => {
    const result = verify(bundle([OTHER]));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ index: null, reason: 'checkpoint.txt 没有 keys.txt 中任何公钥的签名(可能由其他密钥签署)' }]);
  });

  it('a checkpoint with a forged signature under a known key fails', () => {
    const b = bundle();
    const forged = b.checkpoint.replace(
      /^(— \S+ )(\S{8})(\S)/m,
      (_m, head: string, id: string, c: string) => `${head}${id}${c === 'A' ? 'B' : 'A'}`,
    );
    expect(verify({ ...b, checkpoint: forged }).problems[0]?.reason).toMatch(/^checkpoint\.txt 的签名验证失败/);
  });

  it('a checkpoint of another size, or a broken file, is reported', () => {
    const b = bundle();
    const other = signNote(checkpointBody(ORIGIN, SIZE - 1, rootHash(SIZE - 1, node)), SIGNERS);
    const reasons = verify({ ...b, checkpoint: other }).problems.map((p) => p.reason);
    expect(reasons).toContain(`proofs.json 针对大小为 ${SIZE} 的树,检查点的大小为 ${SIZE - 1}`);
    expect(reasons).toContain('proofs.json 记载的根哈希与检查点不同');
    expect(reasons.filter((r) => r.startsWith('序号不小于'))).toHaveLength(1); // entry 10
    expect(verifyLedgerProofs('{', b.checkpoint, b.keys).problems[0]?.reason).toMatch(/^proofs\.json 不是有效的 JSON/);
    expect(verifyLedgerProofs(JSON.stringify(b.proofs), 'nonsense', b.keys).problems[0]?.reason).toMatch(
      /^checkpoint\.txt 不是有效的签名检查点/,
    );
    expect(verifyLedgerProofs(JSON.stringify(b.proofs), b.checkpoint, '').problems[0]?.reason).toBe('keys.txt 中没有公钥');
  });
});
