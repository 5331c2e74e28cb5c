/**
 * Leave (cuti) rules of PP 11/2017 Arts. 310+ and Perban BKN 24/2017 (DOMAIN-RULES §6):
 * the leave types and their limits, working days without weekends, national holidays and
 * cuti bersama (a calendar kept as data per year), the annual balance with carry-over, and
 * the check of one request against the employee's leave history. Pure functions.
 */
import { addDays, addMonths, addYears, compareDates, diffDays, formatTanggal, type IsoDate } from './dates.ts';

export const JENIS_CUTI = {
  TAHUNAN: { label: 'Cuti tahunan', short: 'tahunan' },
  BESAR: { label: 'Cuti besar', short: 'besar' },
  SAKIT: { label: 'Cuti sakit', short: 'sakit' },
  MELAHIRKAN: { label: 'Cuti melahirkan', short: 'melahirkan' },
  ALASAN_PENTING: { label: 'Cuti karena alasan penting', short: 'alasan penting' },
  CLTN: { label: 'Cuti di luar tanggungan negara', short: 'CLTN' },
} as const;
export type JenisCuti = keyof typeof JENIS_CUTI;
export const JENIS_CUTI_CODES = Object.keys(JENIS_CUTI) as JenisCuti[];
export const isJenisCuti = (v: string): v is JenisCuti => Object.hasOwn(JENIS_CUTI, v);

/** Sick leave variants: ordinary illness, miscarriage (1.5 months), work accident (until recovered). */
export const SAKIT_VARIAN = ['UMUM', 'KEGUGURAN', 'KECELAKAAN_KERJA'] as const;
export type SakitVarian = (typeof SAKIT_VARIAN)[number];

/** The urgent reasons that justify cuti karena alasan penting. */
export const ALASAN_PENTING = {
  KELUARGA_SAKIT: 'Anggota keluarga sakit keras',
  KELUARGA_MENINGGAL: 'Anggota keluarga meninggal dunia',
  PERNIKAHAN: 'Melangsungkan perkawinan',
  ISTRI_MELAHIRKAN: 'Istri melahirkan atau operasi caesar',
  BENCANA: 'Mengalami musibah kebakaran atau bencana alam',
} as const;
export type AlasanPenting = keyof typeof ALASAN_PENTING;

/** Limits in one place (the table tests read them). */
export const CUTI_LIMITS = {
  annualDays: 12,
  annualCarryMax: 6,
  annualMaxWithCarry: 18,
  annualMaxTwoYearsUnused: 24,
  annualServiceYears: 1,
  besarServiceYears: 5,
  besarMonths: 3,
  sakitDoctorLetterDays: 1,
  sakitWrittenRequestDays: 14,
  sakitMaxMonths: 12,
  sakitExtensionMonths: 6,
  kegugurDays: 45,
  melahirkanMonths: 3,
  melahirkanMaxChild: 3,
  alasanPentingMonths: 1,
  cltnYears: 3,
  cltnExtensionYears: 1,
  cltnServiceYears: 5,
} as const;

// ---------------------------------------------------------------------------
// Calendar

export interface HolidayCalendar {
  /** National holidays (libur nasional). */
  holidays: ReadonlySet<IsoDate>;
  /** Cuti bersama: not working days, and they never reduce the annual balance (art. 333(2)). */
  cutiBersama: ReadonlySet<IsoDate>;
  /**
   * The working weekdays of the employee's unit (ISO: 1 = Monday … 7 = Sunday), from its weekly
   * hours: a school or health centre that works Saturdays counts them as leave days too.
   * Monday–Friday when absent.
   */
  workWeek?: ReadonlySet<number>;
}

/** The five-day week (Monday–Friday) most units work. */
export const FIVE_DAY_WEEK: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);

export const emptyCalendar = (): HolidayCalendar => ({ holidays: new Set(), cutiBersama: new Set() });

/** Day of the week, 0 = Sunday … 6 = Saturday (ISO date, no time zone involved). */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

/** A weekday the unit works (Monday–Friday unless its calendar says otherwise) and neither a national holiday nor cuti bersama. */
export function isWorkingDay(date: IsoDate, cal: HolidayCalendar): boolean {
  return (cal.workWeek ?? FIVE_DAY_WEEK).has(weekday(date) || 7) && !cal.holidays.has(date) && !cal.cutiBersama.has(date);
}

/** The working days from `from` to `to`, both inclusive (empty when to < from). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: HolidayCalendar): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) if (isWorkingDay(d, cal)) out.push(d);
  return out;
}

export const countWorkingDays = (from: IsoDate, to: IsoDate, cal: HolidayCalendar) => workingDaysBetween(from, to, cal).length;

/** Calendar days from `from` to `to`, both inclusive. */
export const calendarDays = (from: IsoDate, to: IsoDate) => diffDays(from, to) + 1;

// ---------------------------------------------------------------------------
// History and balance

/** One leave already granted (riwayat_cuti) or pending approval (counted against the balance). */
export interface LeaveRecord {
  jenis: string;
  mulai: IsoDate;
  selesai: IsoDate;
  /** Working days (lama_hari). */
  lamaHari: number;
}

/** The working days of annual leave taken in a year (by start date). */
export function annualUsed(history: readonly LeaveRecord[], year: number): number {
  return history.filter((r) => r.jenis === 'TAHUNAN' && Number(r.mulai.slice(0, 4)) === year).reduce((s, r) => s + r.lamaHari, 0);
}

const tookBesar = (history: readonly LeaveRecord[], year: number) => history.some((r) => r.jenis === 'BESAR' && Number(r.mulai.slice(0, 4)) === year);

export interface AnnualBalanceInput {
  year: number;
  /** Start of continuous service (TMT CPNS); null when unknown (no entitlement). */
  serviceStart: IsoDate | null;
  history: readonly LeaveRecord[];
  /** Days worked on cuti bersama for service needs in the year, added to its balance (art. 333(3)). */
  cutiBersamaWorked?: number;
}

export interface AnnualBalance {
  year: number;
  /** The employee has a year of continuous service by the end of the year. */
  eligible: boolean;
  /** Cuti besar taken this year: no annual leave this year. */
  forfeited: boolean;
  base: number;
  carried: number;
  bonus: number;
  entitlement: number;
  used: number;
  remaining: number;
  /** From this date annual leave may start (a year of service). */
  eligibleFrom: IsoDate | null;
}

/** Was there an annual entitlement in `year` (a year of service reached within it, no cuti besar)? */
function hadEntitlement(year: number, serviceStart: IsoDate | null, history: readonly LeaveRecord[]): boolean {
  if (!serviceStart) return false;
  return compareDates(addYears(serviceStart, CUTI_LIMITS.annualServiceYears), `${year}-12-31`) <= 0 && !tookBesar(history, year);
}

/**
 * Balance(Y) = 12 + min(6, unused(Y−1)); when the leave of both Y−1 and Y−2 went entirely
 * unused (with an entitlement in both), the total is 24. Cuti besar in Y forfeits Y's
 * annual leave; no entitlement in Y−1 carries nothing.
 */
export function annualBalance(input: AnnualBalanceInput): AnnualBalance {
  const { year, serviceStart, history } = input;
  const L = CUTI_LIMITS;
  const eligibleFrom = serviceStart ? addYears(serviceStart, L.annualServiceYears) : null;
  const eligible = hadEntitlement(year, serviceStart, []);
  const forfeited = tookBesar(history, year);
  const used = annualUsed(history, year);
  if (!eligible || forfeited) {
    return { year, eligible, forfeited, base: 0, carried: 0, bonus: 0, entitlement: 0, used, remaining: 0, eligibleFrom };
  }
  const prev = hadEntitlement(year - 1, serviceStart, history);
  const prev2 = hadEntitlement(year - 2, serviceStart, history);
  const unused1 = prev ? Math.max(0, L.annualDays - annualUsed(history, year - 1)) : 0;
  const twoYearsUnused = prev && prev2 && annualUsed(history, year - 1) === 0 && annualUsed(history, year - 2) === 0;
  const carried = twoYearsUnused ? L.annualMaxTwoYearsUnused - L.annualDays : Math.min(L.annualCarryMax, unused1);
  const bonus = Math.max(0, input.cutiBersamaWorked ?? 0);
  const entitlement = L.annualDays + carried + bonus;
  return { year, eligible, forfeited, base: L.annualDays, carried, bonus, entitlement, used, remaining: Math.max(0, entitlement - used), eligibleFrom };
}

// ---------------------------------------------------------------------------
// One request

export interface CutiRequestInput {
  jenis: JenisCuti;
  mulai: IsoDate;
  selesai: IsoDate;
  sakitVarian?: SakitVarian | null;
  /** Sick leave longer than 1 year + the extension granted by the Tim Penguji Kesehatan. */
  perpanjanganSakit?: boolean;
  /** Maternity: the ordinal of the child (1, 2, 3 …). */
  anakKe?: number | null;
  alasanPenting?: AlasanPenting | null;
  /** Cuti besar for a first hajj: the 5-year rule is waived. */
  hajiPertama?: boolean;
  /** CLTN extension (a fourth year). */
  perpanjanganCltn?: boolean;
}

export interface CutiSubject {
  statusKepegawaian: string;
  jenisKelamin: string | null;
  serviceStart: IsoDate | null;
}

export interface CutiIssue {
  code: string;
  message: string;
}

/** A document the request needs (the engine's checklist is built from these). */
export interface CutiDocumentNeed {
  key: string;
  label: string;
  required: boolean;
}

export interface CutiCheck {
  /** Working days (what the history records and the annual balance counts). */
  lamaHari: number;
  calendarDays: number;
  issues: CutiIssue[];
  documents: CutiDocumentNeed[];
  /** Handled with BKN involvement (CLTN). */
  needsBkn: boolean;
}

const overlaps = (a: { mulai: IsoDate; selesai: IsoDate }, b: { mulai: IsoDate; selesai: IsoDate }) =>
  compareDates(a.mulai, b.selesai) <= 0 && compareDates(b.mulai, a.selesai) <= 0;

/** The leave records (granted or pending) that share a day with the period. */
export function overlapping<T extends { mulai: IsoDate; selesai: IsoDate }>(period: { mulai: IsoDate; selesai: IsoDate }, records: readonly T[]): T[] {
  return records.filter((r) => overlaps(period, r));
}

/**
 * The last day of a period of `months` calendar months from `mulai` (inclusive): the day before the
 * same date `months` later (3 months from 2 Jan end on 1 Apr), or the last day of that month where it
 * has no such date (1 month from 30 or 31 Jan ends on 28 Feb, as from 29 Jan in a common year).
 */
export function lastDayOfMonths(mulai: IsoDate, months: number): IsoDate {
  const same = addMonths(mulai, months);
  return same.slice(8) === mulai.slice(8) ? addDays(same, -1) : same;
}
const withinMonths = (mulai: IsoDate, selesai: IsoDate, months: number) => compareDates(selesai, lastDayOfMonths(mulai, months)) <= 0;
const serviceYearsBy = (s: CutiSubject, date: IsoDate, years: number) => !!s.serviceStart && compareDates(addYears(s.serviceStart, years), date) <= 0;

/**
 * Checks one request against the rules of its type, the employee and their leave history
 * (granted and pending): every broken rule as an issue (empty = may be asked), the working
 * days it takes and the documents it needs.
 */
export function checkCuti(req: CutiRequestInput, subject: CutiSubject, history: readonly LeaveRecord[], cal: HolidayCalendar): CutiCheck {
  const L = CUTI_LIMITS;
  const issues: CutiIssue[] = [];
  const documents: CutiDocumentNeed[] = [];
  const add = (code: string, message: string) => issues.push({ code, message });
  if (compareDates(req.selesai, req.mulai) < 0) {
    add('range_invalid', 'Tanggal selesai tidak boleh sebelum tanggal mulai.');
    return { lamaHari: 0, calendarDays: 0, issues, documents, needsBkn: false };
  }
  const lamaHari = countWorkingDays(req.mulai, req.selesai, cal);
  const days = calendarDays(req.mulai, req.selesai);
  if (subject.statusKepegawaian === 'KONTRAK') add('not_asn', 'Tenaga kontrak tidak berhak atas cuti ASN.');
  const clash = overlapping(req, history);
  if (clash.length) {
    const c = clash[0]!;
    add('overlap', `Periode cuti bertumpuk dengan ${JENIS_CUTI[c.jenis as JenisCuti]?.label ?? c.jenis} ${formatTanggal(c.mulai)} s.d. ${formatTanggal(c.selesai)}.`);
  }

  switch (req.jenis) {
    case 'TAHUNAN': {
      if (lamaHari < 1) add('no_working_day', 'Cuti tahunan paling sedikit 1 hari kerja; periode ini tidak memuat hari kerja.');
      if (req.mulai.slice(0, 4) !== req.selesai.slice(0, 4)) add('crosses_year', 'Cuti tahunan diajukan per tahun: pisahkan periode yang melewati pergantian tahun.');
      if (!serviceYearsBy(subject, req.mulai, L.annualServiceYears)) add('service_too_short', 'Cuti tahunan berhak setelah 1 tahun bekerja secara terus-menerus.');
      const bal = annualBalance({ year: Number(req.mulai.slice(0, 4)), serviceStart: subject.serviceStart, history });
      if (bal.forfeited) add('forfeited', 'Cuti tahunan tahun ini gugur karena telah mengambil cuti besar.');
      else if (lamaHari > bal.remaining) add('balance_exceeded', `Sisa cuti tahunan ${bal.remaining} hari kerja; diajukan ${lamaHari} hari kerja.`);
      break;
    }
    case 'BESAR':
      if (!req.hajiPertama && !serviceYearsBy(subject, req.mulai, L.besarServiceYears)) add('service_too_short', 'Cuti besar berhak setelah 5 tahun bekerja secara terus-menerus (kecuali ibadah haji pertama).');
      if (!withinMonths(req.mulai, req.selesai, L.besarMonths)) add('too_long', 'Cuti besar paling lama 3 bulan.');
      break;
    case 'SAKIT': {
      const varian = req.sakitVarian ?? 'UMUM';
      if (varian === 'KEGUGURAN' && days > L.kegugurDays) add('too_long', 'Cuti sakit karena gugur kandungan paling lama 1,5 bulan.');
      if (varian === 'UMUM') {
        const months = L.sakitMaxMonths + (req.perpanjanganSakit ? L.sakitExtensionMonths : 0);
        if (!withinMonths(req.mulai, req.selesai, months)) {
          add('too_long', req.perpanjanganSakit ? 'Cuti sakit paling lama 1 tahun ditambah perpanjangan 6 bulan.' : 'Cuti sakit paling lama 1 tahun (perpanjangan 6 bulan dengan keputusan Tim Penguji Kesehatan).');
        }
      }
      if (days > L.sakitWrittenRequestDays) documents.push({ key: 'SURAT_DOKTER_PEMERINTAH', label: 'Surat keterangan dokter pemerintah', required: true });
      else documents.push({ key: 'SURAT_DOKTER', label: 'Surat keterangan dokter', required: true });
      if (req.perpanjanganSakit) documents.push({ key: 'TIM_PENGUJI', label: 'Keputusan Tim Penguji Kesehatan', required: true });
      break;
    }
    case 'MELAHIRKAN':
      if (subject.jenisKelamin !== 'P') add('not_applicable', 'Cuti melahirkan diberikan kepada PNS perempuan.');
      if (req.anakKe == null) add('child_required', 'Sebutkan kelahiran anak keberapa.');
      else if (req.anakKe > L.melahirkanMaxChild) add('use_besar', 'Mulai kelahiran anak keempat digunakan cuti besar.');
      if (!withinMonths(req.mulai, req.selesai, L.melahirkanMonths)) add('too_long', 'Cuti melahirkan paling lama 3 bulan.');
      break;
    case 'ALASAN_PENTING':
      if (!req.alasanPenting) add('reason_required', 'Pilih alasan penting yang mendasari cuti.');
      if (!withinMonths(req.mulai, req.selesai, L.alasanPentingMonths)) add('too_long', 'Cuti karena alasan penting paling lama 1 bulan.');
      documents.push({ key: 'BUKTI_ALASAN', label: 'Surat keterangan alasan penting', required: false });
      break;
    case 'CLTN':
      if (!serviceYearsBy(subject, req.mulai, L.cltnServiceYears)) add('service_too_short', 'CLTN dapat diberikan setelah 5 tahun bekerja secara terus-menerus.');
      if (!withinMonths(req.mulai, req.selesai, (L.cltnYears + (req.perpanjanganCltn ? L.cltnExtensionYears : 0)) * 12)) {
        add('too_long', 'CLTN paling lama 3 tahun, dapat diperpanjang 1 tahun.');
      }
      break;
  }
  return { lamaHari, calendarDays: days, issues, documents, needsBkn: req.jenis === 'CLTN' };
}
