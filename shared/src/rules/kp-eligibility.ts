/**
 * KP eligibility of one PNS at one period, over every kind the platform proposes
 * (DOMAIN-RULES §2, §4, §7, §8; PP 99/2000 jo PP 12/2002, Kep. Ka BKN 12/2002, Perban BKN 2/2025):
 *
 * - REGULER (kpRegulerEligibility): PNS not holding a functional position; ≥ 4 years in rank,
 *   next grade within the diploma's ceiling;
 * - PILIHAN_STRUKTURAL: a structural position (eselon); ≥ 4 years in rank, ≥ 1 year in the
 *   position, next grade within the eselon's rank band (PP 100/2000 jo PP 13/2002);
 * - PILIHAN_FUNGSIONAL: a functional position; ≥ 2 years in rank, the cumulative angka kredit
 *   of the current rank (recorded with its PAK document) reaching the jenjang's requirement, next
 *   grade within the jenjang's band (PP 11/2017);
 * - PENYESUAIAN_IJAZAH: a diploma obtained in service (education history) whose entry grade is
 *   above the current grade; ≥ 1 year in rank; the KP goes to that entry grade.
 *
 * Every kind also needs SKP ≥ Baik in each of the two assessment years and no penalty in effect
 * on the period date; nobody whose service ends (BUP, recorded end) on or before the period
 * qualifies. Crossing II/d→III/a or III/d→IV/a is flagged (ujian dinas or the required training),
 * as is the diploma-adjustment exam of a PI; neither blocks, since the records hold no exam results.
 */
import {
  ESELON,
  JENIS_KP_LABELS,
  JENJANG_FUNGSIONAL_LABELS,
  PENDIDIKAN_LABELS,
  type Eselon,
  type JenisJabatan,
  type JenisKp,
  type JenjangFungsional,
  type Pendidikan,
  type PredikatSkp,
  type StatusKepegawaian,
} from '../codes.ts';
import { addYears, compareDates, formatTanggal, parseDate, type IsoDate } from './dates.ts';
import {
  entryGolongan,
  golonganIndex,
  nextGolongan,
  type Golongan,
  type PendidikanVariant,
} from './golongan.ts';
import { activeHukdis, type HukdisRecord } from './hukdis.ts';
import {
  KP_PERIOD_REGIMES,
  kpRegulerEligibility,
  requiresUjianDinas,
  skpReasons,
  type KpPeriodRegime,
  type KpReasonCode,
  type SkpYear,
} from './kp.ts';

// ---------------------------------------------------------------------------
// Reference tables (configuration with their basis)

/** Rank band of each eselon (PP 100/2000 jo PP 13/2002, lampiran): [lowest, highest]. */
export const ESELON_PANGKAT: Record<Eselon, readonly [Golongan, Golongan]> = {
  'I.a': ['IV/d', 'IV/e'],
  'I.b': ['IV/c', 'IV/e'],
  'II.a': ['IV/c', 'IV/d'],
  'II.b': ['IV/c', 'IV/d'],
  'III.a': ['IV/a', 'IV/b'],
  'III.b': ['III/d', 'IV/a'],
  'IV.a': ['III/b', 'III/c'],
  'IV.b': ['III/a', 'III/b'],
};

/** Rank band of each functional jenjang (PP 11/2017): [lowest, highest]. */
export const JENJANG_PANGKAT: Record<JenjangFungsional, readonly [Golongan, Golongan]> = {
  PEMULA: ['II/a', 'II/a'],
  TERAMPIL: ['II/b', 'II/d'],
  MAHIR: ['III/a', 'III/b'],
  PENYELIA: ['III/c', 'III/d'],
  AHLI_PERTAMA: ['III/a', 'III/b'],
  AHLI_MUDA: ['III/c', 'III/d'],
  AHLI_MADYA: ['IV/a', 'IV/c'],
  AHLI_UTAMA: ['IV/d', 'IV/e'],
};

/**
 * Cumulative angka kredit needed in the current rank for a KP within the jenjang
 * (PermenPANRB 1/2023, lampiran; unconfirmed, verify before go-live).
 */
export const ANGKA_KREDIT_KP: Record<JenjangFungsional, number> = {
  PEMULA: 15,
  TERAMPIL: 20,
  MAHIR: 50,
  PENYELIA: 100,
  AHLI_PERTAMA: 50,
  AHLI_MUDA: 100,
  AHLI_MADYA: 150,
  AHLI_UTAMA: 200,
};

export const KP_STRUKTURAL_MIN_YEARS = 4;
export const KP_STRUKTURAL_MIN_YEARS_IN_POSITION = 1;
export const KP_FUNGSIONAL_MIN_YEARS = 2;
export const KP_PI_MIN_YEARS = 1;

/** The kinds evaluated here, in the order a tie between eligible kinds is broken. */
export const KP_KINDS = ['REGULER', 'PILIHAN_STRUKTURAL', 'PILIHAN_FUNGSIONAL', 'PENYESUAIAN_IJAZAH'] as const satisfies readonly JenisKp[];
export type KpKind = (typeof KP_KINDS)[number];

// ---------------------------------------------------------------------------
// Input and result

export type KpEligibilityCode =
  | KpReasonCode
  | 'DATA_TIDAK_LENGKAP'
  | 'PENSIUN'
  | 'MASA_JABATAN_KURANG'
  | 'PANGKAT_PUNCAK_ESELON'
  | 'PANGKAT_PUNCAK_JENJANG'
  | 'ANGKA_KREDIT_TIDAK_ADA'
  | 'ANGKA_KREDIT_KURANG'
  | 'PAK_TANPA_DOKUMEN';

export interface KpEligibilityReason {
  code: KpEligibilityCode;
  message: string;
}

export type KpFlagCode = 'UJIAN_DINAS' | 'UJIAN_PENYESUAIAN_IJAZAH';

export interface KpFlag {
  code: KpFlagCode;
  message: string;
}

/** The latest PAK (penetapan angka kredit) recorded in the current rank. */
export interface AngkaKreditRecord {
  /** Cumulative angka kredit counted for the next KP, as stated on the PAK. */
  nilai: number;
  tanggal: IsoDate;
  nomor?: string | null;
  /** The PAK document in the vault; null = recorded without its document. */
  documentId: number | null;
}

export interface DiplomaRecord {
  jenjang: Pendidikan;
  tahunLulus: number | null;
}

export interface KpEligibilityInput {
  period: IsoDate;
  statusKepegawaian: StatusKepegawaian;
  golongan: Golongan;
  tmtGolongan: IsoDate;
  /** Highest education (pendidikan terakhir): the regular KP's ceiling. */
  pendidikan: Pendidikan;
  pendidikanVariant?: PendidikanVariant;
  jenisJabatan: JenisJabatan;
  eselon?: Eselon | null;
  jenjangFungsional?: JenjangFungsional | null;
  tmtJabatan?: IsoDate | null;
  skp: readonly SkpYear[];
  /** The SKP years checked (default: the two years before the period's year). */
  skpYears?: readonly number[];
  hukdis: readonly HukdisRecord[];
  /** The latest PAK dated in the current rank (on or after its TMT), if any. */
  angkaKredit?: AngkaKreditRecord | null;
  /** Education history (diplomas with their graduation year). */
  diplomas?: readonly DiplomaRecord[];
  tmtCpns?: IsoDate | null;
  /** The first day out of service: pension TMT by BUP, or a recorded end; null = none known. */
  endOfService?: IsoDate | null;
  threshold?: PredikatSkp;
  regimes?: readonly KpPeriodRegime[];
}

export interface KpCandidate {
  jenis: KpKind;
  eligible: boolean;
  to: Golongan | null;
  reasons: KpEligibilityReason[];
  flags: KpFlag[];
}

export interface KpEligibility {
  eligible: boolean;
  /** The kind proposed (eligible), or null. */
  jenis: KpKind | null;
  from: Golongan;
  /** The grade after the KP of the chosen kind (eligible), or of the closest candidate. */
  to: Golongan | null;
  /** Why not (every candidate's reasons, once each); empty when eligible. */
  reasons: string[];
  codes: KpEligibilityCode[];
  /** Flags of the chosen kind (eligible) or of every candidate. */
  flags: KpFlag[];
  /** Every kind that applies to the employee, with its own verdict. */
  candidates: KpCandidate[];
}

// ---------------------------------------------------------------------------

const AK_FORMAT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3 });
const fmtAk = (n: number) => AK_FORMAT.format(n);

function timeInRank(tmtGolongan: IsoDate, period: IsoDate, years: number, label: string): KpEligibilityReason | null {
  const reached = addYears(tmtGolongan, years);
  if (compareDates(period, reached) >= 0) return null;
  return { code: 'MASA_KERJA_KURANG', message: `${label}: belum ${years} tahun dalam pangkat terakhir (terpenuhi ${formatTanggal(reached)}).` };
}

function examFlag(from: Golongan, to: Golongan | null): KpFlag[] {
  return to && requiresUjianDinas(from, to)
    ? [{ code: 'UJIAN_DINAS', message: `Kenaikan ${from} ke ${to} memerlukan ujian dinas atau diklat yang dipersyaratkan.` }]
    : [];
}

/** The diploma a PI would recognise: the highest obtained in service whose entry grade is above the current grade. */
export function piDiploma(input: Pick<KpEligibilityInput, 'golongan' | 'diplomas' | 'tmtCpns'>): DiplomaRecord | null {
  const since = input.tmtCpns ? parseDate(input.tmtCpns).year : null;
  let best: DiplomaRecord | null = null;
  for (const d of input.diplomas ?? []) {
    if (since !== null && (d.tahunLulus === null || d.tahunLulus < since)) continue;
    const entry = entryGolongan(d.jenjang);
    if (golonganIndex(entry) <= golonganIndex(input.golongan)) continue;
    if (!best || golonganIndex(entry) > golonganIndex(entryGolongan(best.jenjang))) best = d;
  }
  return best;
}

function candidate(jenis: KpKind, to: Golongan | null, reasons: KpEligibilityReason[], flags: KpFlag[]): KpCandidate {
  return { jenis, eligible: reasons.length === 0, to, reasons, flags };
}

/** The candidate kinds for one employee at one period, each with its verdict. */
export function kpCandidates(input: KpEligibilityInput): KpCandidate[] {
  const regimes = input.regimes ?? KP_PERIOD_REGIMES;
  const threshold = input.threshold ?? 'BAIK';
  const period = input.period;
  const periodYear = parseDate(period).year;
  const skpYears = input.skpYears ?? [periodYear - 2, periodYear - 1];
  const next = nextGolongan(input.golongan);

  // What every kind needs: PNS, a real period, SKP, no penalty in effect, still in service.
  const reguler = kpRegulerEligibility({
    golongan: input.golongan,
    tmtGolongan: input.tmtGolongan,
    pendidikan: input.pendidikan,
    pendidikanVariant: input.pendidikanVariant,
    skp: input.skp,
    skpYears,
    activePenalty: activeHukdis(input.hukdis, period).length > 0,
    period,
    statusKepegawaian: input.statusKepegawaian,
    threshold,
    regimes,
  });
  const common: KpEligibilityReason[] = [];
  const add = (codes: KpReasonCode[]) =>
    reguler.codes.forEach((code, i) => codes.includes(code) && common.push({ code, message: reguler.reasons[i]! }));
  add(['BUKAN_PNS', 'PERIODE_TIDAK_VALID']);
  common.push(...skpReasons(input.skp, skpYears, threshold));
  add(['HUKDIS_AKTIF']);
  if (input.endOfService && compareDates(input.endOfService, period) <= 0) {
    common.push({ code: 'PENSIUN', message: `Pensiun atau berhenti TMT ${formatTanggal(input.endOfService)}: tidak lagi PNS aktif pada periode ini.` });
  }
  const top: KpEligibilityReason[] =
    next === null ? [{ code: 'GOLONGAN_TERTINGGI', message: 'Sudah pada golongan tertinggi (IV/e).' }] : [];

  const out: KpCandidate[] = [];

  // Reguler: everyone not in a functional position (structural holders may take it within the diploma's ceiling).
  if (input.jenisJabatan !== 'FUNGSIONAL') {
    const own: KpEligibilityReason[] = [];
    reguler.codes.forEach((code, i) => {
      if (code === 'MASA_KERJA_KURANG') own.push({ code, message: `KP reguler: ${reguler.reasons[i]!.replace(/^Belum/, 'belum')}` });
      if (code === 'PANGKAT_PUNCAK') own.push({ code, message: reguler.reasons[i]! });
    });
    out.push(candidate('REGULER', next, [...common, ...own, ...top], examFlag(input.golongan, next)));
  }

  if (input.jenisJabatan === 'STRUKTURAL') {
    const own: KpEligibilityReason[] = [];
    const label = 'KP pilihan struktural';
    const t = timeInRank(input.tmtGolongan, period, KP_STRUKTURAL_MIN_YEARS, label);
    if (t) own.push(t);
    const eselon = input.eselon && (ESELON as readonly string[]).includes(input.eselon) ? input.eselon : null;
    if (!eselon) own.push({ code: 'DATA_TIDAK_LENGKAP', message: `${label}: eselon jabatan belum tercatat.` });
    if (!input.tmtJabatan) own.push({ code: 'DATA_TIDAK_LENGKAP', message: `${label}: TMT jabatan belum tercatat.` });
    else {
      const reached = addYears(input.tmtJabatan, KP_STRUKTURAL_MIN_YEARS_IN_POSITION);
      if (compareDates(period, reached) < 0) {
        own.push({ code: 'MASA_JABATAN_KURANG', message: `${label}: belum ${KP_STRUKTURAL_MIN_YEARS_IN_POSITION} tahun dalam jabatan struktural (terpenuhi ${formatTanggal(reached)}).` });
      }
    }
    if (eselon && next && golonganIndex(next) > golonganIndex(ESELON_PANGKAT[eselon][1])) {
      own.push({ code: 'PANGKAT_PUNCAK_ESELON', message: `Pangkat tertinggi untuk eselon ${eselon} adalah ${ESELON_PANGKAT[eselon][1]}.` });
    }
    out.push(candidate('PILIHAN_STRUKTURAL', next, [...common, ...own, ...top], examFlag(input.golongan, next)));
  }

  if (input.jenisJabatan === 'FUNGSIONAL') {
    const own: KpEligibilityReason[] = [];
    const label = 'KP pilihan fungsional';
    const t = timeInRank(input.tmtGolongan, period, KP_FUNGSIONAL_MIN_YEARS, label);
    if (t) own.push(t);
    const jenjang = input.jenjangFungsional ?? null;
    if (!jenjang) own.push({ code: 'DATA_TIDAK_LENGKAP', message: `${label}: jenjang jabatan fungsional belum tercatat.` });
    else {
      const band = JENJANG_PANGKAT[jenjang];
      if (next && golonganIndex(next) > golonganIndex(band[1])) {
        own.push({
          code: 'PANGKAT_PUNCAK_JENJANG',
          message: `Pangkat tertinggi jenjang ${JENJANG_FUNGSIONAL_LABELS[jenjang]} adalah ${band[1]}; kenaikan ke ${next} memerlukan kenaikan jenjang.`,
        });
      }
      const need = ANGKA_KREDIT_KP[jenjang];
      const ak = input.angkaKredit ?? null;
      if (!ak) {
        own.push({ code: 'ANGKA_KREDIT_TIDAK_ADA', message: `Angka kredit (PAK) dalam pangkat ${input.golongan} belum tercatat; dibutuhkan ${fmtAk(need)}.` });
      } else {
        if (ak.nilai < need) {
          own.push({
            code: 'ANGKA_KREDIT_KURANG',
            message: `Angka kredit ${fmtAk(ak.nilai)} (PAK ${formatTanggal(ak.tanggal)}) kurang dari ${fmtAk(need)} yang dibutuhkan.`,
          });
        }
        if (ak.documentId === null) own.push({ code: 'PAK_TANPA_DOKUMEN', message: `Dokumen PAK ${formatTanggal(ak.tanggal)} belum diunggah.` });
      }
    }
    out.push(candidate('PILIHAN_FUNGSIONAL', next, [...common, ...own, ...top], examFlag(input.golongan, next)));
  }

  const diploma = piDiploma(input);
  if (diploma) {
    const to = entryGolongan(diploma.jenjang);
    const own: KpEligibilityReason[] = [];
    const t = timeInRank(input.tmtGolongan, period, KP_PI_MIN_YEARS, 'Penyesuaian ijazah');
    if (t) own.push(t);
    const flags: KpFlag[] = [
      {
        code: 'UJIAN_PENYESUAIAN_IJAZAH',
        message: `Penyesuaian ijazah ${PENDIDIKAN_LABELS[diploma.jenjang]} ke ${to} memerlukan ujian penyesuaian kenaikan pangkat (STLUPI).`,
      },
    ];
    out.push(candidate('PENYESUAIAN_IJAZAH', to, [...common, ...own], flags));
  }
  return out;
}

function uniqueReasons(list: KpEligibilityReason[]): KpEligibilityReason[] {
  const seen = new Set<string>();
  return list.filter((r) => (seen.has(r.message) ? false : (seen.add(r.message), true)));
}

/**
 * The verdict: eligible when any candidate kind is; the kind with the highest target is chosen
 * (ties: REGULER, PILIHAN_STRUKTURAL, PILIHAN_FUNGSIONAL, PENYESUAIAN_IJAZAH). Not eligible: the
 * reasons of every candidate, each once.
 */
export function kpEligibility(input: KpEligibilityInput): KpEligibility {
  const candidates = kpCandidates(input);
  const rank = (c: KpCandidate) => (c.to ? golonganIndex(c.to) : -1);
  const eligible = candidates.filter((c) => c.eligible);
  if (eligible.length) {
    const best = eligible.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    return { eligible: true, jenis: best.jenis, from: input.golongan, to: best.to, reasons: [], codes: [], flags: best.flags, candidates };
  }
  const reasons = uniqueReasons(candidates.flatMap((c) => c.reasons));
  const closest = candidates.reduce<KpCandidate | null>((a, c) => (!a || c.reasons.length < a.reasons.length ? c : a), null);
  return {
    eligible: false,
    jenis: null,
    from: input.golongan,
    to: closest?.to ?? null,
    reasons: reasons.map((r) => r.message),
    codes: reasons.map((r) => r.code),
    flags: candidates.flatMap((c) => c.flags).filter((f, i, all) => all.findIndex((g) => g.message === f.message) === i),
    candidates,
  };
}

// ---------------------------------------------------------------------------
// The ASN's own view: the earliest period and what is missing

/** Reasons that pass with time (a later period may clear them). */
export const KP_TIME_CODES: ReadonlySet<KpEligibilityCode> = new Set(['MASA_KERJA_KURANG', 'MASA_JABATAN_KURANG', 'HUKDIS_AKTIF', 'PERIODE_TIDAK_VALID']);
/** Reasons no later period clears by itself (a new diploma, position or rank is needed). */
export const KP_PERMANENT_CODES: ReadonlySet<KpEligibilityCode> = new Set([
  'BUKAN_PNS',
  'PENSIUN',
  'GOLONGAN_TERTINGGI',
  'PANGKAT_PUNCAK',
  'PANGKAT_PUNCAK_ESELON',
  'PANGKAT_PUNCAK_JENJANG',
  'DATA_TIDAK_LENGKAP',
]);

export interface KpEarliest {
  /** The first period at which some kind is met on time (no time or permanent reason left). */
  period: IsoDate;
  jenis: KpKind;
  to: Golongan | null;
  /** Eligible already at that period with the records as they are. */
  eligible: boolean;
  /** What is still missing at that period (SKP, angka kredit, PAK document …). */
  missing: string[];
  flags: KpFlag[];
}

/**
 * The earliest of `periods` (ascending) at which a kind has neither a reason that passes with
 * time nor a permanent one; `input(period)` gives the employee's facts for a period (its SKP years
 * follow the period's window). Null when no listed period gets there.
 */
export function kpEarliest(periods: readonly IsoDate[], input: (period: IsoDate) => KpEligibilityInput): KpEarliest | null {
  for (const period of periods) {
    const candidates = kpCandidates(input(period));
    const onTime = candidates.filter((c) => c.reasons.every((r) => !KP_TIME_CODES.has(r.code) && !KP_PERMANENT_CODES.has(r.code)));
    if (!onTime.length) continue;
    const best = onTime.reduce((a, b) => {
      if (a.eligible !== b.eligible) return a.eligible ? a : b;
      if (a.reasons.length !== b.reasons.length) return a.reasons.length <= b.reasons.length ? a : b;
      return (b.to ? golonganIndex(b.to) : -1) > (a.to ? golonganIndex(a.to) : -1) ? b : a;
    });
    return { period, jenis: best.jenis, to: best.to, eligible: best.eligible, missing: best.reasons.map((r) => r.message), flags: best.flags };
  }
  return null;
}

export const KP_KIND_LABELS: Record<KpKind, string> = {
  REGULER: JENIS_KP_LABELS.REGULER,
  PILIHAN_STRUKTURAL: JENIS_KP_LABELS.PILIHAN_STRUKTURAL,
  PILIHAN_FUNGSIONAL: JENIS_KP_LABELS.PILIHAN_FUNGSIONAL,
  PENYESUAIAN_IJAZAH: JENIS_KP_LABELS.PENYESUAIAN_IJAZAH,
};
