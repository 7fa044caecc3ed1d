import { type NoteSigner, type NoteVerifier, parseVerifierKey, verifierKeyText } from '../crypto/signers.js';
import { leafHash, verifyInclusion } from '../ledger/merkle.js';
import { type ParsedCheckpoint, parseCheckpoint, verifyNote } from '../ledger/note.js';

/**
 * The ledger part of an archive bag, so that it stays verifiable without our software:
 *
 * - `data/ledger/proofs.json` — for each ledger entry of the case its index, its exact bytes
 *   (base64; the canonical JSON of src/platform/ledger/entry.ts) and its RFC 6962 inclusion proof
 *   (base64 SHA-256 hashes, leaf to root) against one checkpoint:
 *   `{"format":"sanxiang-ledger-proofs/1","origin":…,"treeSize":…,"rootHash":…,"entries":[{"index":…,"entry":…,"proof":[…]}]}`
 * - `data/ledger/checkpoint.txt` — that checkpoint, a C2SP signed note (origin, size, base64 root,
 *   then one `— name base64(keyid‖signature)` line per key).
 * - `data/ledger/keys.txt` — the verifier keys, the JSON that /api/ledger/keys publishes
 *   (`{"origin":…,"keys":[{"name","algorithm","keyId","verifierKey"}]}`); one C2SP verifier key
 *   (`name+keyid+base64`) per line is accepted too.
 *
 * A leaf hash is SHA-256(0x00 ‖ entry), a node SHA-256(0x01 ‖ left ‖ right); folding the proof from
 * the leaf must give the checkpoint's root, and the checkpoint's signature must verify.
 */

export const LEDGER_PROOFS_FORMAT = 'sanxiang-ledger-proofs/1';

export interface LedgerProofEntry {
  readonly index: number;
  readonly entry: Buffer;
  readonly proof: readonly Buffer[];
}

/** proofs.json for entries proved against the checkpoint of `origin` at `treeSize` with root `rootHash`. */
export function ledgerProofsJson(input: {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  entries: readonly LedgerProofEntry[];
}): string {
  const entries = [...input.entries]
    .sort((a, b) => a.index - b.index)
    .map((e) => ({ index: e.index, entry: e.entry.toString('base64'), proof: e.proof.map((h) => h.toString('base64')) }));
  return `${JSON.stringify(
    { format: LEDGER_PROOFS_FORMAT, origin: input.origin, treeSize: input.treeSize, rootHash: input.rootHash.toString('base64'), entries },
    null,
    2,
  )}\n`;
}

/** keys.txt: the same JSON as GET /api/ledger/keys, so the two can be compared byte for byte after parsing. */
export function ledgerKeysText(origin: string, signers: readonly (NoteSigner | NoteVerifier)[]): string {
  const keys = signers.map((s) => ({
    name: s.name,
    algorithm: s.algorithm,
    keyId: s.keyId.toString('hex'),
    verifierKey: verifierKeyText(s),
  }));
  return `${JSON.stringify({ origin, keys }, null, 2)}\n`;
}

export interface LedgerProblem {
  /** The ledger index the problem concerns; null for the checkpoint, the keys or the file as a whole. */
  readonly index: number | null;
  readonly reason: string;
}

export interface LedgerProofsVerification {
  readonly ok: boolean;
  readonly problems: readonly LedgerProblem[];
  readonly origin: string | null;
  readonly treeSize: number | null;
  readonly entriesChecked: number;
  /** Algorithms whose signatures on the checkpoint verified (ed25519, sm2). */
  readonly verifiedBy: readonly string[];
  /** The key ids used, for comparison with the keys the agency publishes. */
  readonly keyIds: readonly string[];
}

/** Pure: takes the three files' contents, returns every problem. */
export function verifyLedgerProofs(
  json: string | Buffer,
  checkpointText: string | Buffer,
  keysText: string | Buffer,
): LedgerProofsVerification {
  const problems: LedgerProblem[] = [];
  const fail = (reason: string, index: number | null = null) => problems.push({ index, reason });
  const verifiers = parseKeys(String(keysText), fail);
  let checkpoint: ParsedCheckpoint | null = null;
  try {
    checkpoint = parseCheckpoint(String(checkpointText));
  } catch (error) {
    fail(`checkpoint.txt 不是有效的签名检查点:${error instanceof Error ? error.message : String(error)}`);
  }
  let verifiedBy: string[] = [];
  if (checkpoint && verifiers.length > 0) {
    const note = verifyNote(checkpoint, verifiers);
    verifiedBy = note.verifiedBy;
    if (!note.ok)
      fail(
        note.problem === 'no signature by a known key'
          ? 'checkpoint.txt 没有 keys.txt 中任何公钥的签名(可能由其他密钥签署)'
          : `checkpoint.txt 的签名验证失败:${note.problem ?? ''}`,
      );
  }
  const proofs = parseProofs(String(json), fail);
  let checked = 0;
  if (proofs && checkpoint) {
    if (proofs.origin !== checkpoint.origin) fail(`proofs.json 的日志名 ${proofs.origin} 与检查点的 ${checkpoint.origin} 不同`);
    if (proofs.treeSize !== checkpoint.size) fail(`proofs.json 针对大小为 ${proofs.treeSize} 的树,检查点的大小为 ${checkpoint.size}`);
    if (proofs.rootHash !== checkpoint.root.toString('base64')) fail('proofs.json 记载的根哈希与检查点不同');
    const seen = new Set<number>();
    for (const item of proofs.entries) {
      const problem = checkEntry(item, checkpoint, seen);
      if (problem) fail(problem, item.index);
      checked += 1;
    }
  }
  return {
    ok: problems.length === 0,
    problems,
    origin: checkpoint?.origin ?? null,
    treeSize: checkpoint?.size ?? null,
    entriesChecked: checked,
    verifiedBy,
    keyIds: verifiers.map((v) => `${v.algorithm}:${v.keyId.toString('hex')}`),
  };
}

interface RawEntry {
  readonly index: number;
  readonly entry: unknown;
  readonly proof: unknown;
}

function checkEntry(item: RawEntry, checkpoint: ParsedCheckpoint, seen: Set<number>): string | null {
  if (seen.has(item.index)) return '条目重复出现';
  seen.add(item.index);
  if (item.index >= checkpoint.size) return `序号不小于检查点的树大小 ${checkpoint.size},不可能在该检查点中`;
  const entry = base64(item.entry);
  if (!entry) return 'entry 不是有效的 base64';
  if (!Array.isArray(item.proof)) return 'proof 必须是数组';
  const proof = item.proof.map(base64);
  if (proof.some((h) => h === null || h.length !== 32)) return 'proof 中有不是 32 字节 base64 的哈希';
  // Entries carry their own index: a proof for one index cannot be reused for a renumbered entry.
  const own = ownIndex(entry);
  if (own !== undefined && own !== item.index) return `条目内容中的序号为 ${own},与记载的序号不同`;
  if (!verifyInclusion(item.index, checkpoint.size, leafHash(entry), proof as Buffer[], checkpoint.root))
    return '包含证明不成立:由条目内容和证明哈希算出的根哈希与检查点不符(条目内容或证明被改动)';
  return null;
}

function parseProofs(
  text: string,
  fail: (reason: string) => void,
): { origin: string; treeSize: number; rootHash: string; entries: RawEntry[] } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`proofs.json 不是有效的 JSON:${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const v = value as { format?: unknown; origin?: unknown; treeSize?: unknown; rootHash?: unknown; entries?: unknown };
  if (typeof value !== 'object' || value === null || v.format !== LEDGER_PROOFS_FORMAT) {
    fail(`proofs.json 的格式不是 ${LEDGER_PROOFS_FORMAT}`);
    return null;
  }
  if (typeof v.origin !== 'string' || !Number.isSafeInteger(v.treeSize) || typeof v.rootHash !== 'string' || !Array.isArray(v.entries)) {
    fail('proofs.json 缺少 origin、treeSize、rootHash 或 entries');
    return null;
  }
  const entries: RawEntry[] = [];
  for (const [i, raw] of (v.entries as unknown[]).entries()) {
    const e = raw as { index?: unknown; entry?: unknown; proof?: unknown };
    if (typeof raw !== 'object' || raw === null || !Number.isSafeInteger(e.index) || (e.index as number) < 0) {
      fail(`proofs.json 第 ${i + 1} 项缺少有效的 index`);
      continue;
    }
    entries.push({ index: e.index as number, entry: e.entry, proof: e.proof });
  }
  return { origin: v.origin, treeSize: v.treeSize as number, rootHash: v.rootHash, entries };
}

/** keys.txt as the /api/ledger/keys JSON, or one verifier key per line. */
function parseKeys(text: string, fail: (reason: string) => void): NoteVerifier[] {
  let lines: string[];
  try {
    const value = JSON.parse(text) as { keys?: { verifierKey?: unknown }[] };
    lines = (value.keys ?? []).map((k) => (typeof k.verifierKey === 'string' ? k.verifierKey : ''));
  } catch {
    lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  }
  const verifiers: NoteVerifier[] = [];
  for (const line of lines) {
    try {
      verifiers.push(parseVerifierKey(line));
    } catch (error) {
      fail(`keys.txt 中的公钥无效:${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (verifiers.length === 0 && lines.length === 0) fail('keys.txt 中没有公钥');
  return verifiers;
}

function base64(value: unknown): Buffer | null {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  return Buffer.from(value, 'base64');
}

function ownIndex(entry: Buffer): number | undefined {
  try {
    const parsed = JSON.parse(entry.toString('utf8')) as { index?: unknown };
    return typeof parsed.index === 'number' ? parsed.index : undefined;
  } catch {
    return undefined;
  }
}
