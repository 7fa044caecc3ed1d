import type { NoteSigner, NoteVerifier } from '../crypto/signers.js';

/** C2SP tlog-checkpoint body: origin, tree size, base64 root hash, each on its own line. */
export function checkpointBody(origin: string, size: number, root: Buffer): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

/** C2SP signed-note: the text, a blank line, then one `— name base64(keyid‖sig)` line per signer. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
  const message = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => `\u2014 ${s.name} ${Buffer.concat([s.keyId, s.sign(message)]).toString('base64')}\n`);
  return `${text}\n${lines.join('')}`;
}

export interface ParsedCheckpoint {
  readonly text: string;
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
  readonly signatures: readonly { name: string; keyId: Buffer; signature: Buffer }[];
}

export function parseCheckpoint(note: string): ParsedCheckpoint {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('not a signed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const signatureBlock = note.slice(split + 2);
  const [origin, sizeLine, rootLine] = text.split('\n');
  if (!origin || !sizeLine || !rootLine || !/^\d+$/.test(sizeLine))
    throw new Error('not a checkpoint: expected origin, size and root lines');
  const root = Buffer.from(rootLine, 'base64');
  if (root.length !== 32) throw new Error('not a checkpoint: root hash must be 32 bytes');
  const signatures = [...signatureBlock.matchAll(/^\u2014 (\S+) (\S+)$/gm)].map((m) => {
    const raw = Buffer.from(m[2] ?? '', 'base64');
    return { name: m[1] ?? '', keyId: raw.subarray(0, 4), signature: raw.subarray(4) };
  });
  return { text, origin, size: Number(sizeLine), root, signatures };
}

/**
 * Signed-note verification: signatures by unknown keys are ignored, a failing signature by a known
 * key rejects the note, and at least one known key must have signed.
 */
export function verifyNote(
  parsed: ParsedCheckpoint,
  verifiers: readonly NoteVerifier[],
): { ok: boolean; verifiedBy: string[]; problem?: string } {
  const message = Buffer.from(parsed.text, 'utf8');
  const verifiedBy: string[] = [];
  for (const sig of parsed.signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId.equals(sig.keyId));
    if (!verifier) continue;
    if (!verifier.verify(message, sig.signature))
      return { ok: false, verifiedBy, problem: `signature by ${sig.name} (${verifier.algorithm}) does not verify` };
    verifiedBy.push(verifier.algorithm);
  }
  if (verifiedBy.length === 0) return { ok: false, verifiedBy, problem: 'no signature by a known key' };
  return { ok: true, verifiedBy };
}
