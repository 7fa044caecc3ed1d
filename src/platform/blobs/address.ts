import { invalid } from '../errors.js';
import type { ByteRange } from './blob-store.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const isSha256 = (value: string): boolean => SHA256_HEX.test(value);

/**
 * Checks an address given from outside (it ends up in a path or an object key, so nothing but 64
 * lowercase hex digits may pass) and returns it with its two shard levels: `ab/cd/abcd…`.
 */
export function shardedAddress(sha256: string): { readonly sha256: string; readonly relative: readonly [string, string, string] } {
  const normalized = sha256.toLowerCase();
  if (!isSha256(normalized)) throw invalid('invalid_blob_address', '内容地址格式不正确（应为 64 位十六进制 SHA-256）');
  return { sha256: normalized, relative: [normalized.slice(0, 2), normalized.slice(2, 4), normalized] };
}

/** Rejects ranges that no content could satisfy (negative, fractional, or end before start). */
export function checkRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw invalid('invalid_range', '请求的字节范围无效');
  }
}

export const rangeNotSatisfiable = () => invalid('range_not_satisfiable', '请求的字节范围超出内容长度');
