import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * Note signers in the C2SP signed-note sense: a key has a name, a signature type, a public key and a
 * 4-byte key id = SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]. Ed25519 is type 0x01. SM2 has no
 * assigned type, so it uses the spec's escape: 0xff followed by an identifier, here "sm2-sm3".
 */
export interface NoteSigner {
  readonly name: string;
  readonly algorithm: 'ed25519' | 'sm2';
  readonly keyId: Buffer;
  /** Type bytes followed by the public key: what the verifier key text encodes. */
  readonly typedPublicKey: Buffer;
  sign(message: Buffer): Buffer;
}

export interface NoteVerifier {
  readonly name: string;
  readonly algorithm: 'ed25519' | 'sm2';
  readonly keyId: Buffer;
  readonly typedPublicKey: Buffer;
  verify(message: Buffer, signature: Buffer): boolean;
}

const ED25519_TYPE = Buffer.from([0x01]);
const SM2_TYPE = Buffer.concat([Buffer.from([0xff]), Buffer.from('sm2-sm3')]);
/** GM/T 0009 default distinguishing identifier: fixed, so every verifier computes the same Z. */
export const SM2_USER_ID = '1234567812345678';

export function keyIdOf(name: string, typedPublicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(name)
    .update(Buffer.from([0x0a]))
    .update(typedPublicKey)
    .digest()
    .subarray(0, 4);
}

/** `name+hex(keyID)+base64(type‖pubkey)`: the text a verifier is configured with. */
export function verifierKeyText(key: { name: string; keyId: Buffer; typedPublicKey: Buffer }): string {
  return `${key.name}+${key.keyId.toString('hex')}+${key.typedPublicKey.toString('base64')}`;
}

// ---- Ed25519 (node:crypto) ----

export function generateEd25519Seed(): Buffer {
  const { privateKey } = generateKeyPairSync('ed25519');
  return rawEd25519Seed(privateKey);
}

function rawEd25519Seed(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.d ?? '', 'base64url');
}

function ed25519PrivateKey(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410).
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function ed25519Public(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
}

export function ed25519Signer(name: string, seed: Buffer): NoteSigner {
  const privateKey = ed25519PrivateKey(seed);
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
  const typedPublicKey = Buffer.concat([ED25519_TYPE, raw]);
  return {
    name,
    algorithm: 'ed25519',
    keyId: keyIdOf(name, typedPublicKey),
    typedPublicKey,
    sign: (message) => sign(null, message, privateKey),
  };
}

// ---- SM2 with SM3 and the standard user id (sm-crypto-v2; node:crypto's SM2 does not interoperate) ----

export function generateSm2PrivateKey(): string {
  return sm2.generateKeyPairHex().privateKey;
}

export function sm2Signer(name: string, privateKeyHex: string): NoteSigner {
  const publicKeyHex = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
  const typedPublicKey = Buffer.concat([SM2_TYPE, Buffer.from(publicKeyHex, 'hex')]);
  return {
    name,
    algorithm: 'sm2',
    keyId: keyIdOf(name, typedPublicKey),
    typedPublicKey,
    sign: (message) =>
      Buffer.from(
        sm2.doSignature(new Uint8Array(message), privateKeyHex, { hash: true, userId: SM2_USER_ID, publicKey: publicKeyHex }),
        'hex',
      ),
  };
}

/** A verifier from its key text (`name+keyid+base64`), checking that the key id matches. */
export function parseVerifierKey(text: string): NoteVerifier {
  // The base64 part may itself contain '+', so split only at the first two.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim());
  const [, name, idHex, keyB64] = match ?? [];
  if (!name || !idHex || !keyB64) throw new Error('verifier key must be name+keyid+base64key');
  const typedPublicKey = Buffer.from(keyB64, 'base64');
  const keyId = keyIdOf(name, typedPublicKey);
  if (keyId.toString('hex') !== idHex) throw new Error(`verifier key ${name}: key id does not match the key`);
  if (typedPublicKey[0] === 0x01 && typedPublicKey.length === 33) {
    const publicKey = ed25519Public(typedPublicKey.subarray(1));
    return { name, algorithm: 'ed25519', keyId, typedPublicKey, verify: (m, s) => s.length === 64 && verify(null, m, publicKey, s) };
  }
  if (typedPublicKey.subarray(0, SM2_TYPE.length).equals(SM2_TYPE)) {
    const publicKeyHex = typedPublicKey.subarray(SM2_TYPE.length).toString('hex');
    return {
      name,
      algorithm: 'sm2',
      keyId,
      typedPublicKey,
      verify: (m, s) => {
        try {
          return sm2.doVerifySignature(new Uint8Array(m), s.toString('hex'), publicKeyHex, { hash: true, userId: SM2_USER_ID });
        } catch {
          return false;
        }
      },
    };
  }
  throw new Error(`verifier key ${name}: unsupported signature type`);
}

export function verifierOf(signer: NoteSigner): NoteVerifier {
  return parseVerifierKey(verifierKeyText(signer));
}
