import { describe, expect, it } from 'vitest';
import {
  checkKpSubmissionWindow,
  DEFAULT_KP_WINDOW_RULE,
  KP_REGIMES_SEED,
  KP_WINDOWS_SEED,
  kpPeriodsBetween,
  kpPeriodsFrom,
  kpPeriodWindow,
  kpSkpYears,
  kpWindowStatus,
  regimeProblems,
  regimesOverlap,
  windowByRule,
  windowRuleProblems,
  type KpRegimeWithWindow,
  type KpWindowRule,
} from './kp-periods.ts';
import { KP_PERIOD_REGIMES } from './kp.ts';

const R = KP_REGIMES_SEED;
const W = KP_WINDOWS_SEED;

describe('the seeded regimes are DOMAIN-RULES §4 (same periods as KP_PERIOD_REGIMES)', () => {
  it('same regulations, dates and months', () => {
    expect(R.map(({ window: _w, ...r }) => r)).toEqual(KP_PERIOD_REGIMES);
  });
  it('every month since Perban BKN 4/2025', () => {
    expect(kpPeriodsBetween('2025-09-01', '2026-03-31', R)).toEqual([
      '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01',
    ]);
  });
  it('six a year under 4/2023, two before', () => {
    expect(kpPeriodsBetween('2023-01-01', '2024-12-31', R)).toEqual([
      '2023-04-01', '2023-10-01', '2024-02-01', '2024-04-01', '2024-06-01', '2024-08-01', '2024-10-01', '2024-12-01',
    ]);
  });
});

describe('windowByRule', () => {
  it.each<[string, KpWindowRule, string, string]>([
    ['2027-01-01', DEFAULT_KP_WINDOW_RULE, '2026-11-01', '2026-11-30'],
    ['2027-02-01', DEFAULT_KP_WINDOW_RULE, '2026-12-01', '2026-12-31'],
    ['2027-04-01', DEFAULT_KP_WINDOW_RULE, '2027-02-01', '2027-02-28'],
    ['2028-04-01', DEFAULT_KP_WINDOW_RULE, '2028-02-01', '2028-02-29'],
    ['2024-02-01', { opensMonthsBefore: 2, opensDay: 15, closesMonthsBefore: 1, closesDay: 15 }, '2023-12-15', '2024-01-15'],
    ['2027-03-01', { opensMonthsBefore: 0, opensDay: 1, closesMonthsBefore: 0, closesDay: 1 }, '2027-03-01', '2027-03-01'],
  ])('%s → %s', (period, rule, opens, closes) => {
    expect(windowByRule(period, rule)).toEqual({ opens, closes });
  });
});

describe('kpPeriodWindow: explicit windows win over the rule', () => {
  it.each([
    ['2024-02-01', '2023-12-15', '2024-01-15', 'DITETAPKAN', 'Perban BKN 4/2023'],
    ['2024-04-01', '2024-02-01', '2024-02-28', 'DITETAPKAN', 'Perban BKN 4/2023'],
    ['2024-06-01', '2024-04-01', '2024-04-30', 'ATURAN', 'Perban BKN 4/2023'],
    ['2023-10-01', '2023-07-01', '2023-08-31', 'ATURAN', 'Kep. Ka BKN 12/2002'],
    ['2027-01-01', '2026-11-01', '2026-11-30', 'ATURAN', 'Perban BKN 4/2025'],
  ])('%s: %s – %s (%s)', (period, opens, closes, source, regulation) => {
    expect(kpPeriodWindow(period, R, W)).toMatchObject({ period, opens, closes, source, regulation });
  });
  it.each(['2024-03-01', '2026-12-15', '2023-05-01'])('%s is no period → null', (date) => {
    expect(kpPeriodWindow(date, R, W)).toBeNull();
  });
});

describe('kpPeriodsFrom', () => {
  it('the next periods from a date (the date itself when it is one)', () => {
    expect(kpPeriodsFrom('2026-11-30', 3, R)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01']);
    expect(kpPeriodsFrom('2026-12-01', 2, R)).toEqual(['2026-12-01', '2027-01-01']);
    expect(kpPeriodsFrom('2024-02-02', 2, R)).toEqual(['2024-04-01', '2024-06-01']);
  });
  it('no regimes → none', () => {
    expect(kpPeriodsFrom('2026-01-01', 5, [])).toEqual([]);
  });
});

describe('submission window enforcement', () => {
  it.each([
    // period, date, ok, code
    ['2027-01-01', '2026-11-01', true, null],
    ['2027-01-01', '2026-11-30', true, null],
    ['2027-01-01', '2026-10-31', false, 'JADWAL_BELUM_DIBUKA'],
    ['2027-01-01', '2026-12-01', false, 'JADWAL_DITUTUP'],
    ['2024-02-01', '2023-12-15', true, null],
    ['2024-02-01', '2024-01-16', false, 'JADWAL_DITUTUP'],
    ['2027-01-15', '2026-11-15', false, 'BUKAN_PERIODE'],
  ])('period %s on %s: ok=%s %s', (period, date, ok, code) => {
    const r = checkKpSubmissionWindow(period, date, R, W);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.code).toBe(code);
  });
  it("refuses with the window's dates", () => {
    const r = checkKpSubmissionWindow('2027-02-01', '2026-11-30', R, W);
    expect(r).toMatchObject({ ok: false, code: 'JADWAL_BELUM_DIBUKA', window: { opens: '2026-12-01', closes: '2026-12-31' } });
    expect(!r.ok && r.message).toBe('Pengusulan KP periode 1 Februari 2027 belum dibuka; jadwalnya 1 Desember 2026 s.d. 31 Desember 2026.');
    const closed = checkKpSubmissionWindow('2024-02-01', '2024-01-20', R, W);
    expect(!closed.ok && closed.message).toBe('Pengusulan KP periode 1 Februari 2024 sudah ditutup; jadwalnya 15 Desember 2023 s.d. 15 Januari 2024.');
  });
  it.each([
    ['2026-10-31', 'BELUM_DIBUKA'],
    ['2026-11-01', 'DIBUKA'],
    ['2026-11-30', 'DIBUKA'],
    ['2026-12-01', 'DITUTUP'],
  ])('kpWindowStatus on %s = %s', (date, status) => {
    expect(kpWindowStatus({ opens: '2026-11-01', closes: '2026-11-30' }, date)).toBe(status);
  });
});

describe('validation of regimes and rules', () => {
  it.each<[KpWindowRule, number]>([
    [DEFAULT_KP_WINDOW_RULE, 0],
    [{ opensMonthsBefore: 1, opensDay: 1, closesMonthsBefore: 2, closesDay: 31 }, 1],
    [{ opensMonthsBefore: 2, opensDay: 31, closesMonthsBefore: 2, closesDay: 30 }, 1],
    [{ opensMonthsBefore: 25, opensDay: 1, closesMonthsBefore: 2, closesDay: 31 }, 1],
    [{ opensMonthsBefore: 2, opensDay: 0, closesMonthsBefore: 2, closesDay: 31 }, 1],
    [{ opensMonthsBefore: 2, opensDay: 29, closesMonthsBefore: 2, closesDay: 28 }, 1],
  ])('windowRuleProblems(%j) has %i problem(s)', (rule, n) => {
    expect(windowRuleProblems(rule)).toHaveLength(n);
  });
  const base: KpRegimeWithWindow = { regulation: 'X', effectiveFrom: '2030-01-01', effectiveUntil: null, months: [1], window: DEFAULT_KP_WINDOW_RULE };
  it.each<[Partial<KpRegimeWithWindow>, number]>([
    [{}, 0],
    [{ months: [] }, 1],
    [{ months: [0, 13] }, 1],
    [{ months: [1, 1] }, 1],
    [{ effectiveFrom: '2030-01-01', effectiveUntil: '2029-12-31' }, 1],
  ])('regimeProblems(%j) has %i problem(s)', (extra, n) => {
    expect(regimeProblems({ ...base, ...extra })).toHaveLength(n);
  });
  it.each([
    [[null, '2023-12-31'], ['2024-01-01', null], false],
    [[null, '2024-01-01'], ['2024-01-01', null], true],
    [['2024-01-01', '2025-09-30'], ['2025-10-01', null], false],
    [['2024-01-01', null], ['2030-01-01', '2030-12-31'], true],
    [[null, null], ['2030-01-01', '2030-12-31'], true],
  ] as const)('regimesOverlap(%j, %j) = %s', (a, b, expected) => {
    const r = (x: readonly [string | null, string | null]) => ({ effectiveFrom: x[0], effectiveUntil: x[1] });
    expect(regimesOverlap(r(a), r(b))).toBe(expected);
    expect(regimesOverlap(r(b), r(a))).toBe(expected);
  });
});

describe('kpSkpYears: the two years before the window closes', () => {
  it.each([
    ['2026-11-30', [2024, 2025]],
    ['2027-01-31', [2025, 2026]],
  ])('window closing %s → %j', (closes, years) => {
    expect(kpSkpYears({ closes })).toEqual(years);
  });
});
