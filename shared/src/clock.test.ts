import { afterEach, describe, expect, it } from 'vitest';
import { appNow, appToday, appYear, fixedClock, getClock, setClock, systemClock } from './clock.ts';
import { todayJakarta } from './rules/dates.ts';

afterEach(() => setClock(systemClock));

describe('the platform clock', () => {
  it('follows the machine (Asia/Jakarta) by default', () => {
    expect(getClock()).toBe(systemClock);
    const before = todayJakarta(new Date());
    const t = appToday();
    const after = todayJakarta(new Date());
    expect([before, after]).toContain(t);
  });
  it.each([['2026-11-30', 2026], ['2031-01-01', 2031], ['2024-02-29', 2024]])('a fixed clock gives %s', (date, year) => {
    setClock(fixedClock(date));
    expect(appToday()).toBe(date);
    expect(appYear()).toBe(year);
    expect(getClock().fixedDate).toBe(date);
  });
  it.each(['2027-02-29', '', '2026-1-1'])('refuses an unreal date %j', (date) => {
    expect(() => fixedClock(date)).toThrow(RangeError);
  });
  it.each([
    // real instant (UTC), fixed date → the fixed date at the real WIB time of day
    ['2026-12-07T00:40:00.000Z', '2026-11-30', '2026-11-30T00:40:00.000Z'], // 07:40 WIB
    ['2026-12-07T16:59:59.000Z', '2026-11-30', '2026-11-30T16:59:59.000Z'], // 23:59:59 WIB
    ['2026-12-07T17:30:00.000Z', '2026-11-30', '2026-11-29T17:30:00.000Z'], // 00:30 WIB of 8 Dec → 00:30 WIB of 30 Nov
    ['2026-12-31T23:00:00.000Z', '2024-02-29', '2024-02-28T23:00:00.000Z'], // 06:00 WIB of 1 Jan → 06:00 WIB of 29 Feb
  ])('appNow at %s with the clock fixed to %s is %s', (real, fixed, now) => {
    setClock(fixedClock(fixed));
    expect(appNow(new Date(real)).toISOString()).toBe(now);
  });
  it('appNow is the real instant when the clock follows the machine', () => {
    const real = new Date('2026-12-07T00:40:00.000Z');
    expect(appNow(real)).toBe(real);
  });
});
