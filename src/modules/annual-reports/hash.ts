import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../platform/events/canonical-json.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Canonical JSON and its SHA-256: the same figures always give the same bytes and hash. */
export function frozen(value: JsonValue): { json: string; sha256: string } {
  const json = canonicalJson(value);
  return { json, sha256: sha256Hex(json) };
}
