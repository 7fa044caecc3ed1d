import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { checkPasswordPolicy, generatePassword, hashPassword, N, PRODUCTION_N, UNUSABLE_HASH, verifyPassword } from './password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects others; salts differ', async () => {
    const a = await hashPassword('Demo@2026');
    const b = await hashPassword('Demo@2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^scrypt\\$${N}\\$8\\$1\\$`));
    expect(await verifyPassword('Demo@2026', a)).toBe(true);
    expect(await verifyPassword('demo@2026', a)).toBe(false);
    expect(await verifyPassword('Demo@2026', 'garbage')).toBe(false);
    expect(await verifyPassword('', UNUSABLE_HASH)).toBe(false);
  });

  it('uses the OWASP minimum cost outside the test suite, which lowers it only under vitest', () => {
    expect(PRODUCTION_N).toBe(32768);
    expect(N).toBe(process.env.VITEST && process.env.SANXIANG_TEST_SCRYPT_N ? Number(process.env.SANXIANG_TEST_SCRYPT_N) : 32768);
  });
});

describe('password policy', () => {
  const code = (password: string, username = 'zhangsan') => {
    try {
      checkPasswordPolicy(password, username);
      return 'ok';
    } catch (error) {
      return error instanceof AppError ? error.code : 'other';
    }
  };

  it.each([
    ['Demo@2026', 'ok'],
    ['abcDEF123', 'ok'],
    ['abc@def#123', 'ok'],
    ['Ab1@', 'password_too_weak'],
    ['abcdefgh', 'password_too_weak'],
    ['abcdefg1', 'password_too_weak'],
    ['Zhangsan@2026', 'password_too_weak'],
  ])('%s → %s', (password, expected) => {
    expect(code(password)).toBe(expected);
  });

  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 200; i++) expect(code(generatePassword())).toBe('ok');
  });
});
