/**
 * Discipline penalties (hukuman disiplin, PP 94/2021; DOMAIN-RULES §7):
 * penalty kinds with their level and duration, and when a penalty is active.
 * Active penalties block KP and KGB in the workflow (local policy).
 */
import type { TingkatHukdis } from '../codes.ts';
import { addDays, addMonths, compareDates, type IsoDate } from './dates.ts';

export interface JenisHukdisInfo {
  tingkat: TingkatHukdis;
  label: string;
  /** Months of effect; 0 = no lasting effect; null = permanent (discharge). */
  durationMonths: number | null;
}

/** PP 94/2021 penalty kinds. */
export const JENIS_HUKDIS = {
  TEGURAN_LISAN: { tingkat: 'RINGAN', label: 'Teguran lisan', durationMonths: 0 },
  TEGURAN_TERTULIS: { tingkat: 'RINGAN', label: 'Teguran tertulis', durationMonths: 0 },
  PERNYATAAN_TIDAK_PUAS: {
    tingkat: 'RINGAN',
    label: 'Pernyataan tidak puas secara tertulis',
    durationMonths: 0,
  },
  POTONG_TUKIN_6: {
    tingkat: 'SEDANG',
    label: 'Pemotongan tunjangan kinerja 25% selama 6 bulan',
    durationMonths: 6,
  },
  POTONG_TUKIN_9: {
    tingkat: 'SEDANG',
    label: 'Pemotongan tunjangan kinerja 25% selama 9 bulan',
    durationMonths: 9,
  },
  POTONG_TUKIN_12: {
    tingkat: 'SEDANG',
    label: 'Pemotongan tunjangan kinerja 25% selama 12 bulan',
    durationMonths: 12,
  },
  PENURUNAN_JABATAN: {
    tingkat: 'BERAT',
    label: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
    durationMonths: 12,
  },
  PEMBEBASAN_JABATAN: {
    tingkat: 'BERAT',
    label: 'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan',
    durationMonths: 12,
  },
  PEMBERHENTIAN: {
    tingkat: 'BERAT',
    label: 'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
    durationMonths: null,
  },
} as const satisfies Record<string, JenisHukdisInfo>;
export type JenisHukdis = keyof typeof JENIS_HUKDIS;

/**
 * Duration assumed when the kind cannot be recognised from the free-text
 * `jenis` and no end date was recorded: the longest of the level
 * (conservative: a KGB/KP is flagged rather than let through).
 */
export const DEFAULT_DURATION_BY_TINGKAT: Record<TingkatHukdis, number> = {
  RINGAN: 0,
  SEDANG: 12,
  BERAT: 12,
};

/** '9 bulan', '9 (sembilan) bulan' or 'sembilan bulan' in lower-case text. */
function mentionsMonths(text: string, digits: string, word: string): boolean {
  return new RegExp(`(\\b${digits}\\s*(\\(${word}\\)\\s*)?|\\b${word}\\s+)bulan`).test(text);
}

/**
 * Recognises a PP 94/2021 kind from a code ('POTONG_TUKIN_9') or the free
 * text of an SK ('Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan').
 * Returns null when the text is empty or not recognised.
 */
export function classifyJenisHukdis(text: string | null | undefined): JenisHukdis | null {
  if (!text) return null;
  const code = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (Object.hasOwn(JENIS_HUKDIS, code)) return code as JenisHukdis;
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/teguran lisan/.test(t)) return 'TEGURAN_LISAN';
  if (/teguran tertulis/.test(t)) return 'TEGURAN_TERTULIS';
  if (/tidak puas/.test(t)) return 'PERNYATAAN_TIDAK_PUAS';
  if (/tunjangan|tukin|tpp/.test(t)) {
    if (mentionsMonths(t, '12', 'dua belas')) return 'POTONG_TUKIN_12';
    if (mentionsMonths(t, '9', 'sembilan')) return 'POTONG_TUKIN_9';
    if (mentionsMonths(t, '6', 'enam')) return 'POTONG_TUKIN_6';
    return null;
  }
  if (/penurunan jabatan|diturunkan/.test(t)) return 'PENURUNAN_JABATAN';
  if (/pembebasan|dibebaskan/.test(t)) return 'PEMBEBASAN_JABATAN';
  if (/pemberhentian|diberhentikan/.test(t)) return 'PEMBERHENTIAN';
  return null;
}

/** A penalty as recorded (import file `hukdis`). */
export interface HukdisRecord {
  tingkat: TingkatHukdis;
  /** PP 94/2021 kind as free text or a JenisHukdis code. */
  jenis?: string | null;
  tanggalSk: IsoDate;
  /** Start of the effect; the SK date when empty. */
  tmt?: IsoDate | null;
  /** Recorded last day of the effect; wins over the kind's duration. */
  tmtSelesai?: IsoDate | null;
}

export type HukdisPeriodSource = 'RECORDED' | 'JENIS' | 'TINGKAT_DEFAULT';

export interface HukdisPeriod {
  start: IsoDate;
  /** Last day of effect (inclusive); null = permanent; before `start` = no lasting effect. */
  end: IsoDate | null;
  source: HukdisPeriodSource;
  jenis: JenisHukdis | null;
}

/**
 * The period in which a penalty is in effect: from its TMT (or SK date) to
 * the recorded end, else TMT + the kind's duration − 1 day (6 months from
 * 1 Jan ends 30 Jun), else TMT + the level's default duration.
 */
export function hukdisPeriod(record: HukdisRecord): HukdisPeriod {
  const start = record.tmt ?? record.tanggalSk;
  const jenis = classifyJenisHukdis(record.jenis);
  if (record.tmtSelesai) {
    return { start, end: record.tmtSelesai, source: 'RECORDED', jenis };
  }
  const info: JenisHukdisInfo | null = jenis ? JENIS_HUKDIS[jenis] : null;
  const months = info ? info.durationMonths : DEFAULT_DURATION_BY_TINGKAT[record.tingkat];
  const end = months === null ? null : addDays(addMonths(start, months), -1);
  return { start, end, source: info ? 'JENIS' : 'TINGKAT_DEFAULT', jenis };
}

/** True when the penalty is in effect on the date (start ≤ date ≤ end). */
export function isHukdisActive(record: HukdisRecord, onDate: IsoDate): boolean {
  const { start, end } = hukdisPeriod(record);
  if (compareDates(onDate, start) < 0) return false;
  return end === null || compareDates(onDate, end) <= 0;
}

/** The penalties in effect on the date. */
export function activeHukdis<T extends HukdisRecord>(records: readonly T[], onDate: IsoDate): T[] {
  return records.filter((r) => isHukdisActive(r, onDate));
}

/** IDis weight of a level (INDICATORS.md §4). */
export const HUKDIS_IDIS_WEIGHT: Record<TingkatHukdis, number> = {
  RINGAN: 1,
  SEDANG: 2,
  BERAT: 3,
};
