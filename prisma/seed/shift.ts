// Dating the demo regency to the day it is seeded. The generator works at the fixed
// REF_DATE; the writer moves every date by a whole number of months `k` (and every
// year-valued column by about k/12 years), so the data keeps its shape (who is due a
// KGB, who retires within a year) relative to the seed day. Pure functions only.
import { REF_DATE, REF_DAY, REF_YM, daysInMonth, isoDate, monthOf, yearOf, ym } from './dates.ts';

/** The shift of one seeding run. */
export interface SeedShift {
  /** Whole months every date moves by (negative before REF_DATE). */
  readonly months: number;
  /** Years every year-valued column (SKP `tahun`, `tahun_lulus`, years in letter numbers) moves by. */
  readonly years: number;
  /** REF_DATE moved by `months`: the day the shifted regency is "as of" (≤ the seed day). */
  readonly refDate: string;
  /** An ISO date moved by `months`, the day clamped to the target month's length; null passes through. */
  date(iso: string): string;
  date(iso: string | null): string | null;
  /** A year moved by `years`; null passes through. */
  year(y: number): number;
  year(y: number | null): number | null;
  /**
   * A NIP with its dated digits moved (no uniqueness; see ShiftedIds): digits 1–8 (birth
   * date) like `date`, digits 9–14 (TMT CPNS yyyymm) by `months`. For an NI PPPK (digits
   * 13–14 = 21) digits 9–12 become the year of the shifted TMT PPPK, which must be given.
   * A contract id `K-yyyy-nnnnnn` gets the year of its shifted January 1st (the contract
   * start); anything else passes through.
   */
  nip(nip: string, tmtPppk?: string | null): string;
  /** The 4-digit year at the end of a letter number (`…/427.45/2025`) or after "Tahun " moved by `years`. */
  yearIn(text: string): string;
  yearIn(text: string | null): string | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parseIso(iso: string): [number, number, number] {
  const m = ISO.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return [y, mo, d];
}

/** An ISO date moved by `months` whole months, the day clamped to the target month's length. */
export function addMonthsClamped(iso: string, months: number): string {
  const [y, m, d] = parseIso(iso);
  const i = ym(y, m) + months;
  const ty = yearOf(i);
  const tm = monthOf(i);
  return isoDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** The largest k such that REF_DATE moved by k months (day clamped) is on or before `today`. */
export function shiftMonths(today: string): number {
  const [y, m, d] = parseIso(today);
  const k = ym(y, m) - REF_YM;
  return Math.min(REF_DAY, daysInMonth(y, m)) <= d ? k : k - 1;
}

/** Years that year-valued columns move by for a shift of `months` (rounded, so the latest SKP year tracks the calendar). */
export const shiftYears = (months: number): number => Math.floor((months + 6) / 12);

const IDENTITY: SeedShift = Object.freeze({
  months: 0,
  years: 0,
  refDate: REF_DATE,
  date: ((iso: string | null) => iso) as SeedShift['date'],
  year: ((y: number | null) => y) as SeedShift['year'],
  nip: (nip: string) => nip,
  yearIn: ((text: string | null) => text) as SeedShift['yearIn'],
});

/** The shift that dates the demo regency to `today` (YYYY-MM-DD). */
export function seedShift(today: string): SeedShift {
  return shiftBy(shiftMonths(today));
}

/** The shift by a given number of months (0 = the generator's own dates, unchanged). */
export function shiftBy(months: number): SeedShift {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  if (months === 0) return IDENTITY;
  const years = shiftYears(months);
  // The generator formats a few tens of thousands of distinct dates millions of times.
  const cache = new Map<string, string>();
  const date = (iso: string | null): string | null => {
    if (iso === null) return null;
    let out = cache.get(iso);
    if (out === undefined) {
      out = addMonthsClamped(iso, months);
      cache.set(iso, out);
    }
    return out;
  };
  const compact = (yyyymmdd: string) => date(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`)!.replaceAll('-', '');

  const nip = (n: string, tmtPppk?: string | null): string => {
    if (/^\d{18}$/.test(n)) {
      const birth = compact(n.slice(0, 8));
      let appointment: string;
      if (n.slice(12, 14) === '21') {
        if (!tmtPppk) throw new Error(`NI PPPK ${n}: the TMT PPPK is needed to move its year`);
        if (tmtPppk.slice(0, 4) !== n.slice(8, 12)) throw new Error(`NI PPPK ${n}: year differs from TMT PPPK ${tmtPppk}`);
        appointment = `${date(tmtPppk)!.slice(0, 4)}21`;
      } else {
        const tmt = ym(Number(n.slice(8, 12)), Number(n.slice(12, 14))) + months;
        appointment = `${pad(yearOf(tmt), 4)}${pad(monthOf(tmt))}`;
      }
      return `${birth}${appointment}${n.slice(14)}`;
    }
    const kontrak = /^K-(\d{4})-(\d+)$/.exec(n);
    if (kontrak) return `K-${pad(yearOf(ym(Number(kontrak[1]), 1) + months), 4)}-${kontrak[2]}`;
    return n;
  };

  const yearIn = (text: string | null): string | null =>
    text === null ? null : text.replace(/(\/|\bTahun )(\d{4})$/, (_, lead: string, y: string) => `${lead}${pad(Number(y) + years, 4)}`);

  return Object.freeze({
    months,
    years,
    refDate: addMonthsClamped(REF_DATE, months),
    date: date as SeedShift['date'],
    year: ((y: number | null) => (y === null ? null : y + years)) as SeedShift['year'],
    nip,
    yearIn: yearIn as SeedShift['yearIn'],
  });
}

/** Takes the first free number `prefix` + `seq` (width digits), counting up from `seq` and wrapping past the largest. */
function claim(issued: Set<string>, prefix: string, seq: number, width: number, what: string): string {
  const max = 10 ** width - 1;
  for (let i = 0, s = seq; i < max; i++, s = s >= max ? 1 : s + 1) {
    const id = prefix + String(s).padStart(width, '0');
    if (!issued.has(id)) {
      issued.add(id);
      return id;
    }
  }
  throw new Error(`${what} sequence exhausted for ${prefix}`);
}

/**
 * The shifted NIPs and NIKs of one seeding run, unique: moving dates can make two of them
 * equal (the 29th–31st are clamped to a shorter month's last day); the later one then takes
 * the next free sequence number (NIP digits 16–18, NIK digits 13–16). Call in a fixed order
 * (employee id order) so the result is deterministic.
 */
export class ShiftedIds {
  private readonly nips = new Set<string>();
  private readonly niks = new Set<string>();

  constructor(readonly shift: SeedShift) {}

  /** The employee's NIP (see SeedShift.nip), made unique within the run. */
  nip(nip: string, tmtPppk?: string | null): string {
    if (this.shift.months === 0) return nip;
    const moved = this.shift.nip(nip, tmtPppk);
    if (!/^\d{18}$/.test(moved)) {
      if (this.nips.has(moved)) throw new Error(`duplicate employee number ${moved}`);
      this.nips.add(moved);
      return moved;
    }
    return claim(this.nips, moved.slice(0, 15), Number(moved.slice(15)) || 1, 3, 'NIP');
  }

  /**
   * A NIK (35 08 kk ddmmyy nnnn: province, regency, kecamatan, birth date with day + 40 for
   * women, sequence) with its birth date set to the shifted `birthIso` (the employee's
   * unshifted tanggal_lahir), made unique within the run. Anything else passes through.
   */
  nik(nik: string | null, birthIso: string): string | null {
    if (this.shift.months === 0 || nik === null || !/^\d{16}$/.test(nik)) return nik;
    const female = Number(nik.slice(6, 8)) > 40;
    const b = this.shift.date(birthIso);
    const dd = Number(b.slice(8, 10)) + (female ? 40 : 0);
    const prefix = `${nik.slice(0, 6)}${pad(dd)}${b.slice(5, 7)}${b.slice(2, 4)}`;
    return claim(this.niks, prefix, Number(nik.slice(12)) || 1, 4, 'NIK');
  }
}
