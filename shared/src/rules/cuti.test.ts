import { describe, expect, it } from 'vitest';
import {
  annualBalance,
  checkCuti,
  countWorkingDays,
  CUTI_LIMITS,
  isWorkingDay,
  lastDayOfMonths,
  overlapping,
  weekday,
  workingDaysBetween,
  type CutiRequestInput,
  type CutiSubject,
  type HolidayCalendar,
  type LeaveRecord,
} from './cuti.ts';

// December 2026: 25 Dec is Christmas (holiday), 24 Dec cuti bersama (for the test's calendar).
const CAL: HolidayCalendar = { holidays: new Set(['2026-12-25', '2027-01-01']), cutiBersama: new Set(['2026-12-24']) };
const NONE: HolidayCalendar = { holidays: new Set(), cutiBersama: new Set() };
// A unit that works Monday–Saturday (a school, a health centre), with and without the holidays.
const SIX: HolidayCalendar = { ...NONE, workWeek: new Set([1, 2, 3, 4, 5, 6]) };
const SIX_CAL: HolidayCalendar = { ...CAL, workWeek: new Set([1, 2, 3, 4, 5, 6]) };
// A unit working Tuesday–Saturday.
const TUE_SAT: HolidayCalendar = { ...NONE, workWeek: new Set([2, 3, 4, 5, 6]) };

describe('working days', () => {
  it.each([
    ['2026-11-30', 1], // Monday
    ['2026-12-05', 6], // Saturday
    ['2026-12-06', 0], // Sunday
  ])('weekday(%s) = %i', (d, w) => expect(weekday(d)).toBe(w));

  it.each<[string, string, HolidayCalendar, number]>([
    ['2026-12-01', '2026-12-01', NONE, 1],
    ['2026-12-05', '2026-12-06', NONE, 0], // a weekend
    ['2026-11-30', '2026-12-06', NONE, 5], // one full week
    ['2026-12-21', '2026-12-31', NONE, 9],
    ['2026-12-21', '2026-12-31', CAL, 7], // minus Christmas and cuti bersama
    ['2026-12-28', '2027-01-04', CAL, 5], // across the year, minus New Year
    ['2026-12-10', '2026-12-09', NONE, 0], // reversed
    ['2026-12-05', '2026-12-06', SIX, 1], // the Saturday is a working day of a six-day unit
    ['2026-11-30', '2026-12-06', SIX, 6], // one full six-day week
    ['2026-12-21', '2026-12-31', SIX_CAL, 8], // nine weekdays incl. Saturday 26, minus Christmas and cuti bersama
    ['2026-11-30', '2026-12-06', TUE_SAT, 5], // Monday off, Saturday on
    ['2026-11-30', '2026-11-30', TUE_SAT, 0],
  ])('%s … %s → %i', (a, b, cal, n) => expect(countWorkingDays(a, b, cal)).toBe(n));

  it('lists the days and skips holidays', () => {
    expect(workingDaysBetween('2026-12-23', '2026-12-28', CAL)).toEqual(['2026-12-23', '2026-12-28']);
    expect(isWorkingDay('2026-12-24', CAL)).toBe(false);
    expect(isWorkingDay('2026-12-24', NONE)).toBe(true);
  });
});

const t = (mulai: string, lamaHari: number, jenis = 'TAHUNAN'): LeaveRecord => ({ jenis, mulai, selesai: mulai, lamaHari });

describe('annual balance with carry-over', () => {
  const start = '2015-03-01';
  it.each<[string, LeaveRecord[], number, number]>([
    // [case, history, carried, remaining in 2026]
    ['all 12 used in 2025, nothing carried', [t('2025-06-01', 12), t('2024-03-01', 3)], 0, 12],
    ['8 used in 2025: 4 carried', [t('2025-06-01', 8), t('2024-03-01', 3)], 4, 16],
    ['2 used in 2025: carry capped at 6 → 18', [t('2025-06-01', 2), t('2024-03-01', 3)], 6, 18],
    ['none in 2025 but some in 2024: 18', [t('2024-03-01', 3)], 6, 18],
    ['none in 2025 nor 2024: 24', [], 12, 24],
    ['5 used in 2026 already', [t('2025-06-01', 12), t('2026-02-01', 5)], 0, 7],
    ['cuti besar in 2025: nothing to carry', [t('2025-05-01', 40, 'BESAR'), t('2024-01-10', 1)], 0, 12],
    ['sick leave does not count', [t('2025-06-01', 12), t('2026-02-01', 10, 'SAKIT')], 0, 12],
  ])('%s', (_c, history, carried, remaining) => {
    const b = annualBalance({ year: 2026, serviceStart: start, history });
    expect(b.carried).toBe(carried);
    expect(b.remaining).toBe(remaining);
    expect(b.entitlement).toBeLessThanOrEqual(CUTI_LIMITS.annualMaxTwoYearsUnused);
  });

  it.each<[string, string | null, number, boolean]>([
    ['a year of service reached in the year', '2025-07-01', 12, true], // eligible from 2026-07-01, none before → no carry
    ['service started in 2026: none yet', '2026-02-01', 0, false],
    ['unknown service start', null, 0, false],
    ['first eligible in 2025, all unused: only 6 carried (not two years)', '2024-05-01', 18, true],
  ])('%s', (_c, s, entitlement, eligible) => {
    const b = annualBalance({ year: 2026, serviceStart: s, history: [] });
    expect(b.entitlement).toBe(entitlement);
    expect(b.eligible).toBe(eligible);
  });

  it('cuti besar this year forfeits annual leave; days worked on cuti bersama are added', () => {
    expect(annualBalance({ year: 2026, serviceStart: '2010-01-01', history: [t('2026-02-02', 40, 'BESAR')] })).toMatchObject({ forfeited: true, remaining: 0 });
    expect(annualBalance({ year: 2026, serviceStart: '2010-01-01', history: [t('2025-01-05', 12)], cutiBersamaWorked: 2 })).toMatchObject({ entitlement: 14, bonus: 2 });
  });
});

const PNS: CutiSubject = { statusKepegawaian: 'PNS', jenisKelamin: 'P', serviceStart: '2015-03-01' };
const used12: LeaveRecord[] = [t('2025-06-01', 12)];
const req = (over: Partial<CutiRequestInput>): CutiRequestInput => ({ jenis: 'TAHUNAN', mulai: '2026-12-01', selesai: '2026-12-03', ...over });

describe('checkCuti', () => {
  it.each<[string, Partial<CutiRequestInput>, CutiSubject, LeaveRecord[], string[], number]>([
    // [case, request, subject, history, issue codes, working days]
    ['annual, 3 days', {}, PNS, used12, [], 3],
    ['annual over Christmas counts 7 days', { mulai: '2026-12-21', selesai: '2026-12-31' }, PNS, used12, [], 7],
    ['annual beyond the balance', { mulai: '2026-12-01', selesai: '2026-12-16' }, PNS, [...used12, t('2026-03-02', 4)], ['balance_exceeded'], 12],
    ['annual on a weekend only', { mulai: '2026-12-05', selesai: '2026-12-06' }, PNS, used12, ['no_working_day'], 0],
    ['annual across the year', { mulai: '2026-12-28', selesai: '2027-01-04' }, PNS, used12, ['crosses_year'], 5],
    ['annual in the first year of service', {}, { ...PNS, serviceStart: '2026-02-01' }, [], ['service_too_short', 'balance_exceeded'], 3],
    ['annual after cuti besar this year', {}, PNS, [t('2026-02-02', 40, 'BESAR')], ['forfeited'], 3],
    ['overlap with granted leave', { mulai: '2026-12-02', selesai: '2026-12-04' }, PNS, [...used12, { jenis: 'SAKIT', mulai: '2026-12-04', selesai: '2026-12-08', lamaHari: 3 }], ['overlap'], 3],
    ['touching but not overlapping', { mulai: '2026-12-01', selesai: '2026-12-03' }, PNS, [...used12, { jenis: 'SAKIT', mulai: '2026-12-04', selesai: '2026-12-08', lamaHari: 3 }], [], 3],
    ['reversed range', { mulai: '2026-12-03', selesai: '2026-12-01' }, PNS, [], ['range_invalid'], 0],
    ['contract staff', {}, { ...PNS, statusKepegawaian: 'KONTRAK' }, used12, ['not_asn'], 3],
    ['besar, 3 months', { jenis: 'BESAR', mulai: '2026-12-01', selesai: '2027-02-28' }, PNS, [], [], 61],
    ['besar, longer than 3 months', { jenis: 'BESAR', mulai: '2026-12-01', selesai: '2027-03-01' }, PNS, [], ['too_long'], 62],
    // 1 month from 31 January runs through the end of February (no 31 February to stop the day before).
    ['important reason, 1 month from 31 January', { jenis: 'ALASAN_PENTING', alasanPenting: 'BENCANA', mulai: '2027-01-31', selesai: '2027-02-28' }, PNS, [], [], 20],
    ['important reason, 31 January to 1 March', { jenis: 'ALASAN_PENTING', alasanPenting: 'BENCANA', mulai: '2027-01-31', selesai: '2027-03-01' }, PNS, [], ['too_long'], 21],
    ['maternity, 3 months from 30 November', { jenis: 'MELAHIRKAN', anakKe: 1, mulai: '2026-11-30', selesai: '2027-02-28' }, PNS, [], [], 62],
    ['besar after 4 years', { jenis: 'BESAR' }, { ...PNS, serviceStart: '2022-06-01' }, [], ['service_too_short'], 3],
    ['besar after 4 years for a first hajj', { jenis: 'BESAR', hajiPertama: true }, { ...PNS, serviceStart: '2022-06-01' }, [], [], 3],
    ['sick, 1 year', { jenis: 'SAKIT', mulai: '2026-01-05', selesai: '2027-01-04' }, PNS, [], [], 258],
    ['sick, beyond 1 year', { jenis: 'SAKIT', mulai: '2026-01-05', selesai: '2027-01-05' }, PNS, [], ['too_long'], 259],
    ['sick, beyond 1 year with the extension', { jenis: 'SAKIT', mulai: '2026-01-05', selesai: '2027-01-05', perpanjanganSakit: true }, PNS, [], [], 259],
    ['miscarriage, 46 days', { jenis: 'SAKIT', sakitVarian: 'KEGUGURAN', mulai: '2026-12-01', selesai: '2027-01-15' }, PNS, [], ['too_long'], 31],
    ['maternity, 3rd child', { jenis: 'MELAHIRKAN', anakKe: 3, mulai: '2026-12-01', selesai: '2027-02-28' }, PNS, [], [], 61],
    ['maternity, 4th child', { jenis: 'MELAHIRKAN', anakKe: 4 }, PNS, [], ['use_besar'], 3],
    ['maternity for a man', { jenis: 'MELAHIRKAN', anakKe: 1 }, { ...PNS, jenisKelamin: 'L' }, [], ['not_applicable'], 3],
    ['important reason, 1 month', { jenis: 'ALASAN_PENTING', alasanPenting: 'KELUARGA_MENINGGAL', mulai: '2026-12-01', selesai: '2026-12-31' }, PNS, [], [], 21],
    ['important reason, over 1 month', { jenis: 'ALASAN_PENTING', alasanPenting: 'BENCANA', mulai: '2026-12-01', selesai: '2027-01-01' }, PNS, [], ['too_long'], 21],
    ['important reason without a reason', { jenis: 'ALASAN_PENTING' }, PNS, [], ['reason_required'], 3],
    ['CLTN, 3 years', { jenis: 'CLTN', mulai: '2027-01-01', selesai: '2029-12-31' }, PNS, [], [], expect.any(Number) as unknown as number],
    ['CLTN, 4 years without extension', { jenis: 'CLTN', mulai: '2027-01-01', selesai: '2030-12-31' }, PNS, [], ['too_long'], expect.any(Number) as unknown as number],
    ['CLTN, 4 years with extension', { jenis: 'CLTN', mulai: '2027-01-01', selesai: '2030-12-31', perpanjanganCltn: true }, PNS, [], [], expect.any(Number) as unknown as number],
  ])('%s', (_c, over, subject, history, codes, lamaHari) => {
    const r = checkCuti(req(over), subject, history, CAL);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
    expect(r.lamaHari).toEqual(lamaHari);
  });

  it.each<[string, string, string[]]>([
    ['1 day: doctor\'s letter', '2026-12-01', ['SURAT_DOKTER']],
    ['14 days: doctor\'s letter', '2026-12-14', ['SURAT_DOKTER']],
    ['15 days: government doctor\'s letter', '2026-12-15', ['SURAT_DOKTER_PEMERINTAH']],
  ])('sick leave documents, %s', (_c, selesai, keys) => {
    const r = checkCuti(req({ jenis: 'SAKIT', selesai }), PNS, [], CAL);
    expect(r.documents.filter((d) => d.required).map((d) => d.key)).toEqual(keys);
  });

  it.each([
    ['2027-01-02', 3, '2027-04-01'],
    ['2027-01-28', 1, '2027-02-27'],
    ['2027-01-29', 1, '2027-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-01', 3, '2027-02-28'],
  ])('a period of months from %s, %i month(s), runs through %s', (mulai, months, last) => {
    expect(lastDayOfMonths(mulai, months)).toBe(last);
  });

  it('CLTN needs BKN; overlapping() finds shared days', () => {
    expect(checkCuti(req({ jenis: 'CLTN' }), PNS, [], CAL).needsBkn).toBe(true);
    expect(overlapping({ mulai: '2026-12-01', selesai: '2026-12-01' }, [t('2026-12-01', 1), t('2026-12-02', 1)])).toHaveLength(1);
  });
});
