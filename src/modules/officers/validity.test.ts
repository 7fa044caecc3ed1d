import { describe, expect, it } from 'vitest';
import { certificateValidOn, PUBLIC_STATUS, shanghaiToday } from './validity.js';

const cert = (status = 'active') => ({ status, validFrom: '2025-03-01', validTo: '2027-02-28' });

describe('certificateValidOn', () => {
  it.each([
    ['the day before validFrom', cert(), '2025-02-28', false, 'not_yet_valid'],
    ['validFrom itself', cert(), '2025-03-01', true, 'valid'],
    ['a day within', cert(), '2026-06-15', true, 'valid'],
    ['validTo itself', cert(), '2027-02-28', true, 'valid'],
    ['the day after validTo', cert(), '2027-03-01', false, 'expired'],
    ['years after validTo', cert(), '2030-01-01', false, 'expired'],
    ['suspended within the dates', cert('suspended'), '2026-06-15', false, 'suspended'],
    ['revoked within the dates', cert('revoked'), '2026-06-15', false, 'revoked'],
    ['revoked and expired (revocation wins)', cert('revoked'), '2030-01-01', false, 'revoked'],
    ['suspended and expired (suspension wins)', cert('suspended'), '2030-01-01', false, 'suspended'],
    ['an unknown status', cert('lost'), '2026-06-15', false, 'suspended'],
  ])('%s', (_label, officer, date, valid, reason) => {
    expect(certificateValidOn(officer, date)).toEqual({ valid, reason });
  });

  it('maps each reason to the public wording', () => {
    expect(PUBLIC_STATUS).toMatchObject({ valid: '有效', expired: '已过期', suspended: '暂扣', revoked: '注销' });
  });

  it('takes today in Beijing, whatever the server time zone', () => {
    expect(shanghaiToday(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
