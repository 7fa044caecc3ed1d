import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROBE = fileURLToPath(new URL('./tz-probe.fixture.ts', import.meta.url));

function probe(tz: string, ...args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PROBE, ...args], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as Record<string, unknown>;
}

const EXPECTED = {
  working: '2026-10-15',
  spring: '2026-02-26',
  calendarRoll: '2026-10-08',
  weekdays: [6, 0, 1],
  dayTrip: '2026-03-08',
  plus: '2026-03-01',
  today: '2026-10-01',
  suspended: '2026-03-17',
  extended: '2026-04-13', // 40 days → Sat 04-11 → Mon
  disagreements: [],
};

describe('calendar maths does not depend on the process time zone', () => {
  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
    it(`gives the same answers under TZ=${tz}`, () => {
      expect(probe(tz)).toEqual({ ...EXPECTED, tz });
    });
  }

  it('agrees with chinese-days on every day 2004–2026 (checked under TZ=Asia/Shanghai, where the library is right)', () => {
    expect(probe('Asia/Shanghai', '--compare')).toEqual({ ...EXPECTED, tz: 'Asia/Shanghai' });
  });
});
