import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { invalid } from '../errors.js';

// scrypt N=2^15, r=8 (32 MiB per hash): OWASP's minimum for scrypt. Parameters are stored with each
// hash so they can be raised later without breaking existing passwords.
export const PRODUCTION_N = 2 ** 15;
/**
 * The test suite signs in thousands of times; under vitest only, SANXIANG_TEST_SCRYPT_N (set in
 * vitest.config.ts) lowers the cost of new hashes. Verification always uses the cost stored in the hash.
 */
const testN = process.env.VITEST ? Number(process.env.SANXIANG_TEST_SCRYPT_N) : Number.NaN;
export const N = Number.isInteger(testN) && testN >= 2 ** 10 && testN < PRODUCTION_N ? testN : PRODUCTION_N;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, expected] = parts;
  const expectedKey = Buffer.from(expected ?? '', 'base64url');
  const key = await derive(password, Buffer.from(salt ?? '', 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
}

/** A hash that never matches, verified against for unknown users so timing does not reveal them. */
export const UNUSABLE_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

export const PASSWORD_MIN_LENGTH = 8;

/**
 * Password policy (GB/T 22239 等保 expects complexity): at least 8 characters from at least three of
 * upper case, lower case, digits and symbols, and not containing the username.
 */
export function checkPasswordPolicy(password: string, username: string): void {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`长度至少${PASSWORD_MIN_LENGTH}位`);
  if (password.length > 128) problems.push('长度不能超过128位');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('不能包含用户名');
  }
  if (problems.length > 0) {
    throw invalid('password_too_weak', `密码不符合要求:${problems.join(';')}`, problems);
  }
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];

/** A random password that satisfies the policy, for new accounts and resets (shown once). */
export function generatePassword(length = 14): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)] ?? 'x');
  while (chars.length < length) chars.push(all[randomInt(all.length)] ?? 'x');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
