import { afterEach, describe, expect, it } from 'vitest';
import { appToday, appYear, fixedClock, getClock, setClock, systemClock } from './clock.ts';
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
});
