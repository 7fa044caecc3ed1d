import { describe, expect, it } from 'vitest';
import { checkpointBody, parseCheckpoint, signNote, verifyNote } from '../ledger/note.js';
import {
  ed25519Signer,
  generateEd25519Seed,
  generateSm2PrivateKey,
  keyIdOf,
  parseVerifierKey,
  sm2Signer,
  verifierKeyText,
  verifierOf,
} from './signers.js';

describe('signed notes (C2SP)', () => {
  it('matches the golang.org/x/mod sumdb/note reference vector', () => {
    const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
    const signer = ed25519Signer('PeterNeumann', seed);
    expect(verifierKeyText(signer)).toBe('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    const note = signNote(text, [signer]);
    expect(note).toBe(
      `${text}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
    );
    const key = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
    const signature = Buffer.from('x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=', 'base64');
    expect(key.keyId.equals(signature.subarray(0, 4))).toBe(true);
    expect(key.verify(Buffer.from(text), signature.subarray(4))).toBe(true);
    expect(keyIdOf('PeterNeumann', key.typedPublicKey).toString('hex')).toBe('c74f20a3');
    // A verifier key whose base64 contains '+' (transparency-dev/formats test key).
    expect(parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6').name).toBe('TEST');
  });

  it('signs checkpoints with Ed25519 and SM2 that verify, and rejects altered text', () => {
    const ed = ed25519Signer('sanxiang.test/ledger', generateEd25519Seed());
    const sm = sm2Signer('sanxiang.test/ledger', generateSm2PrivateKey());
    const note = signNote(checkpointBody('sanxiang.test/ledger', 42, Buffer.alloc(32, 7)), [ed, sm]);
    expect(note).toMatch(
      /^sanxiang\.test\/ledger\n42\n[A-Za-z0-9+/=]{44}\n\n\u2014 sanxiang\.test\/ledger \S+\n\u2014 sanxiang\.test\/ledger \S+\n$/,
    );
    const parsed = parseCheckpoint(note);
    expect(parsed).toMatchObject({ origin: 'sanxiang.test/ledger', size: 42 });
    expect(verifyNote(parsed, [verifierOf(ed), verifierOf(sm)])).toEqual({ ok: true, verifiedBy: ['ed25519', 'sm2'] });
    const forged = parseCheckpoint(note.replace('\n42\n', '\n43\n'));
    expect(verifyNote(forged, [verifierOf(ed)]).ok).toBe(false);
    // Unknown keys are ignored; a note with only unknown signers is rejected.
    const stranger = ed25519Signer('someone.else/log', generateEd25519Seed());
    expect(verifyNote(parsed, [verifierOf(stranger)])).toMatchObject({ ok: false, problem: 'no signature by a known key' });
  });

  it('round-trips verifier key text and refuses a key whose id does not match', () => {
    const ed = ed25519Signer('a.example/log', generateEd25519Seed());
    const text = verifierKeyText(ed);
    expect(parseVerifierKey(text).keyId.equals(ed.keyId)).toBe(true);
    expect(() => parseVerifierKey(text.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow(/key id/);
  });
});
