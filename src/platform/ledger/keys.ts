import fs from 'node:fs';
import path from 'node:path';
import type { LedgerConfig } from '../../config.js';
import { ed25519Signer, generateEd25519Seed, generateSm2PrivateKey, type NoteSigner, sm2Signer } from '../crypto/signers.js';

/**
 * The ledger's signing keys: from configuration, or files in <data dir>/keys created on first start
 * (mode 0600). Key names are the log's origin, as C2SP recommends.
 */
export function loadLedgerSigners(config: LedgerConfig, dataDir: string, options: { create?: boolean } = {}): NoteSigner[] {
  const readOrCreate = options.create === false ? readExisting : readOrCreateFile;
  const dir = path.join(dataDir, 'keys');
  const seed =
    config.ed25519PrivateKey ?? readOrCreate(path.join(dir, 'ledger-ed25519.seed'), () => generateEd25519Seed().toString('base64'));
  const signers = [ed25519Signer(config.origin, Buffer.from(seed, 'base64'))];
  if (config.sm2) {
    const key = config.sm2PrivateKey ?? readOrCreate(path.join(dir, 'ledger-sm2.key'), generateSm2PrivateKey);
    signers.push(sm2Signer(config.origin, key));
  }
  return signers;
}

/** For verification: a missing key is an error, never silently replaced by a new one. */
function readExisting(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`ledger key ${file} not found: restore the keys folder, or configure the keys`);
  return fs.readFileSync(file, 'utf8').trim();
}

function readOrCreateFile(file: string, make: () => string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = make();
  try {
    // 'wx' fails if another process created it meanwhile; that one's key wins.
    fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch {
    return fs.readFileSync(file, 'utf8').trim();
  }
}
