import { describe, expect, it } from 'vitest';
import { isResidentId, isUscc } from './ids.js';

describe('party identifiers', () => {
  it('accepts the GB 11643 example and refuses a wrong check character, date or form', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    expect(isResidentId('110105194912310021')).toBe(false);
    expect(isResidentId('110105194902310025')).toBe(false);
    expect(isResidentId('11010519491231002')).toBe(false);
  });

  it('accepts published USCCs of real companies and refuses a changed character or a forbidden letter', () => {
    for (const code of ['914403001922038216', '9144030071526726XG', '91330100716105852F']) expect(isUscc(code), code).toBe(true);
    expect(isUscc('914403001922038217')).toBe(false);
    expect(isUscc('914403001922039216')).toBe(false);
    expect(isUscc('9144030O1922038216')).toBe(false);
    expect(isUscc('91440300192203821')).toBe(false);
  });
});
