import { describe, expect, it } from 'vitest';
import { rfc3797Key, rfc3797Select, rfc3797Value } from './rfc3797.js';

// The example of RFC 3797 §6: a pool of 25, three sources announced in this order.
const SOURCES = [[9319n], [2n, 5n, 12n, 8n, 10n], [9n, 18n, 26n, 34n, 41n, 45n]];

describe('RFC 3797 selection', () => {
  it('builds the key string of the RFC example', () => {
    expect(rfc3797Key(SOURCES)).toBe('9319./2.5.8.10.12./9.18.26.34.41.45./');
  });

  it('reproduces the published picks of the RFC example', () => {
    const key = rfc3797Key(SOURCES);
    expect(rfc3797Value(key, 0).toString(16).toUpperCase()).toMatch(/^990DD0A5.*3459$/);
    expect(rfc3797Select(key, 25, 5)).toEqual([17, 7, 2, 16, 25]);
  });

  it('extends cleanly, never repeats, and changes when any input number changes', () => {
    const key = rfc3797Key(SOURCES);
    const all = rfc3797Select(key, 25, 25);
    expect(all.slice(0, 5)).toEqual([17, 7, 2, 16, 25]);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const other = rfc3797Key([[9319n], [2n, 5n, 12n, 8n, 11n], [9n, 18n, 26n, 34n, 41n, 45n]]);
    expect(rfc3797Select(other, 25, 5)).not.toEqual([17, 7, 2, 16, 25]);
  });

  it('refuses impossible requests', () => {
    const key = rfc3797Key(SOURCES);
    expect(() => rfc3797Select(key, 3, 4)).toThrow(RangeError);
    expect(() => rfc3797Select(key, 70000, 1)).toThrow(RangeError);
    expect(() => rfc3797Value(key, -1)).toThrow(RangeError);
  });
});
