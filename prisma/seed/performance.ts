// Performance appraisals (riwayat_skp, 2021–2025) and discipline penalties
// (riwayat_hukdis, 2021–2026, PP 94/2021), kept consistent with the rank and salary
// history: no KP or KGB was granted while a penalty was in effect or after an
// appraisal below Baik (DOMAIN-RULES §3, §4, §7, §8).
import { predikatFromNilai } from '@simak/shared';
import type { RankHistory } from './career.ts';
import { REF_DAYNUM, REF_YM, dayNum, dayNumOfMonth, isoOfNum, weekdayOf, yearOf, ym, ymOfIso } from './dates.ts';
import type { CareerInfo, EmployeeRow } from './employees.ts';
import type { HistoryContext, HukdisRow, PredikatSkp, SkpRow, TingkatHukdis } from './history-types.ts';
import { demotionPlan, type Demotion } from './positions.ts';

/** Share of ASN with a (random) penalty in 2021–2026. */
const HUKDIS_RATE = 0.013;
/** Extra chance of a penalty still in effect for someone whose KGB falls due within 3 months. */
const DUE_ACTIVE_RATE = 0.045;
/** Chance of a BERAT penalty for someone whose history has room for the 12-month demotion (about 1% of PNS). */
const BERAT_RATE = 0.04;
const SKP_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** 2025 appraisals still missing (only where no 2026 KGB/KP depended on them): ~3% of all ASN. */
const SKP_MISSING_2025 = 0.06;
const SKP_MISSING_EARLIER = 0.006;

const RANK: Record<PredikatSkp, number> = { SANGAT_BAIK: 5, BAIK: 4, BUTUH_PERBAIKAN: 3, KURANG: 2, SANGAT_KURANG: 1 };

/**
 * Years whose appraisal had to be at least Baik: the year before each KGB (PP 7/1977
 * art. 11), the 2 years before each KP, the year before the SK PNS.
 */
export function goodYears(e: EmployeeRow, rank: RankHistory): Set<number> {
  const good = new Set<number>();
  for (const t of rank.kgbAt) good.add(yearOf(t) - 1);
  for (const t of rank.kpAt) good.add(yearOf(t) - 1).add(yearOf(t) - 2);
  if (e.tmtPns) good.add(yearOf(ymOfIso(e.tmtPns)) - 1);
  return good;
}

export interface PenaltyPlan {
  rows: HukdisRow[];
  demotion: Demotion | null;
  /** Worst penalty level per year it took effect (lowers that year's SKP). */
  years: Map<number, TingkatHukdis>;
}

/** Unexcused absence (days per year) and the penalty it carries (PP 94/2021 art. 11). */
const ABSENCE: readonly { jenis: string; tingkat: TingkatHukdis; months: number; days: [number, number] }[] = [
  { jenis: 'Teguran lisan', tingkat: 'RINGAN', months: 0, days: [3, 3] },
  { jenis: 'Teguran tertulis', tingkat: 'RINGAN', months: 0, days: [4, 6] },
  { jenis: 'Pernyataan tidak puas secara tertulis', tingkat: 'RINGAN', months: 0, days: [7, 10] },
  { jenis: 'Pemotongan tunjangan kinerja 25% selama 6 bulan', tingkat: 'SEDANG', months: 6, days: [11, 13] },
  { jenis: 'Pemotongan tunjangan kinerja 25% selama 9 bulan', tingkat: 'SEDANG', months: 9, days: [14, 16] },
  { jenis: 'Pemotongan tunjangan kinerja 25% selama 12 bulan', tingkat: 'SEDANG', months: 12, days: [17, 20] },
];
const OTHER_REASONS: Record<TingkatHukdis, readonly string[]> = {
  RINGAN: [
    'Tidak menaati ketentuan jam kerja',
    'Tidak melaksanakan tugas kedinasan yang dipercayakan dengan penuh pengabdian',
    'Tidak menggunakan dan memelihara barang milik negara dengan baik',
  ],
  SEDANG: [
    'Pelanggaran kewajiban yang berdampak negatif pada unit kerja',
    'Tidak mencapai target kinerja tanpa alasan yang sah',
    'Penyalahgunaan wewenang yang berdampak negatif pada unit kerja',
  ],
  BERAT: ['Tidak masuk kerja tanpa alasan yang sah selama 22 hari kerja dalam satu tahun'],
};
/** Decision years of random penalties; 2026 is light because the medium ones must fit around KGB/KP years and 2026 never has to. */
const SK_YEAR_WEIGHTS: readonly (readonly [number, number])[] = [[2021, 12], [2022, 12], [2023, 12], [2024, 12], [2025, 10], [2026, 4]];

export function hukdisHistory(e: EmployeeRow, c: CareerInfo, rank: RankHistory, ctx: HistoryContext): PenaltyPlan {
  const { rng } = ctx;
  const plan: PenaltyPlan = { rows: [], demotion: null, years: new Map() };
  if (e.statusKepegawaian === 'KONTRAK' || c.featured) return plan;
  const startYm = ymOfIso(e.tmtCpns ?? e.tmtPppk!);
  const startDay = dayNumOfMonth(startYm);
  const blocked = [...rank.kpAt, ...rank.kgbAt];
  const good = goodYears(e, rank);
  /**
   * A penalty from `from` for `months` (month indexes) fits when no KP/KGB was granted
   * while it was in effect, no KP followed within a year of a medium/heavy one, and its
   * year's appraisal may be below Baik (no KGB/KP depended on it).
   */
  const busy: [number, number][] = []; // month ranges of penalties already placed
  const free = (from: number, months: number) =>
    blocked.every((t) => t < from || t >= from + months) &&
    busy.every(([a, b]) => from + Math.max(months, 1) <= a || from >= b) &&
    (months === 0 || (rank.kpAt.every((t) => t < from || t >= from + months + 12) && !good.has(yearOf(from))));
  const random = rng.float() < HUKDIS_RATE;
  const dueSoon = rank.nextKgbAt !== null && rank.nextKgbAt <= REF_YM + 3;
  const activeForDue = dueSoon && rng.chance(DUE_ACTIVE_RATE);

  const push = (tingkat: TingkatHukdis, jenis: string, sk: number, tmt: number, months: number, keterangan: string) => {
    const skIso = isoOfNum(sk);
    const year = Number(skIso.slice(0, 4));
    plan.rows.push({
      employeeId: e.id,
      tingkat,
      jenis,
      nomorSk: ctx.letters.next('800.1.6.4', year),
      tanggalSk: skIso,
      tmt: isoOfNum(tmt),
      // Recorded end = TMT + duration − 1 day (DOMAIN-RULES §7); may lie after the reference date while in effect.
      tmtSelesai: months ? isoOfNum(dayNumOfMonth(ymOfIso(isoOfNum(tmt)) + months) - 1) : null,
      keterangan,
    });
    const tmtYm = ymOfIso(isoOfNum(tmt));
    busy.push([tmtYm, tmtYm + Math.max(months, 1)]);
    const inEffect = Number(isoOfNum(tmt).slice(0, 4));
    const worse = plan.years.get(inEffect);
    if (!worse || RANK_T[tingkat] > RANK_T[worse]) plan.years.set(inEffect, tingkat);
  };
  const reason = (tingkat: TingkatHukdis, absence?: (typeof ABSENCE)[number]) =>
    absence && rng.chance(0.7)
      ? `Tidak masuk kerja tanpa alasan yang sah selama ${rng.int(absence.days[0], absence.days[1])} hari kerja dalam satu tahun`
      : rng.pick(OTHER_REASONS[tingkat]);

  if (activeForDue) {
    // Tukin cut still running when the KGB falls due: the e-Berkala scan must postpone it.
    const t0 = REF_YM - rng.int(1, 5);
    const kind = ABSENCE[t0 + 9 > rank.nextKgbAt! && rng.chance(0.4) ? 4 : 5]!;
    if (t0 >= startYm + 6 && free(t0, kind.months)) {
      push('SEDANG', kind.jenis, dayNumOfMonth(t0 - 1) + rng.int(4, 24), dayNumOfMonth(t0), kind.months, reason('SEDANG', kind));
    }
  }
  // BERAT: very few, and only where a 12-month demotion fits the position history.
  const d = demotionPlan(e, c);
  if (d && free(d.from, 12) && rng.chance(BERAT_RATE)) {
    plan.demotion = d;
    const jenis = d.jenis === 'PEMBEBASAN_JABATAN'
      ? 'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan'
      : 'Penurunan jabatan setingkat lebih rendah selama 12 bulan';
    push('BERAT', jenis, dayNumOfMonth(d.from) - rng.int(5, 25), dayNumOfMonth(d.from), 12, reason('BERAT'));
  }
  if (!random) return plan;

  const count = rng.chance(0.1) ? 2 : 1;
  for (let k = 0; k < count; k++) {
    const tingkat = rng.weighted<TingkatHukdis>([['RINGAN', 63], ['SEDANG', 37]]);
    if (tingkat === 'SEDANG') {
      let placed = false;
      for (let attempt = 0; attempt < 6 && !placed; attempt++) {
        const sk = skDay(ctx, startDay, REF_DAYNUM - 35);
        if (sk === null) break;
        const tmt = ymOfIso(isoOfNum(sk)) + 1;
        const kind = ABSENCE[rng.weighted<number>([[3, 45], [4, 30], [5, 25]])]!;
        if (tmt > REF_YM || !free(tmt, kind.months)) continue;
        push('SEDANG', kind.jenis, sk, dayNumOfMonth(tmt), kind.months, reason('SEDANG', kind));
        placed = true;
      }
      if (placed) continue;
    }
    const sk = skDay(ctx, startDay, REF_DAYNUM - 3);
    if (sk === null) continue;
    const kind = ABSENCE[rng.weighted<number>([[0, 30], [1, 45], [2, 25]])]!;
    push('RINGAN', kind.jenis, sk, sk, 0, reason('RINGAN', kind));
  }
  plan.rows.sort((a, b) => (a.tanggalSk < b.tanggalSk ? -1 : 1));
  return plan;
}

const RANK_T: Record<TingkatHukdis, number> = { RINGAN: 1, SEDANG: 2, BERAT: 3 };

/** A working-day decision date in 2021 … the limit, at least 6 months after appointment; null when there is none. */
function skDay(ctx: HistoryContext, startDay: number, limit: number): number | null {
  const { rng } = ctx;
  const earliest = Math.max(startDay + 180, dayNum(2021, 1, 4));
  if (earliest > limit) return null;
  for (let i = 0; i < 4; i++) {
    const y = rng.weighted(SK_YEAR_WEIGHTS);
    const from = Math.max(earliest, dayNum(y, 1, 4));
    const to = Math.min(limit, dayNum(y, 12, 28));
    if (from > to) continue;
    let d = rng.int(from, to);
    const wd = weekdayOf(d);
    if (wd === 0) d += 1;
    else if (wd === 6) d -= 1;
    return Math.min(Math.max(d, from), to);
  }
  return rng.int(earliest, limit);
}

// ---------------------------------------------------------------------------

type Tendency = 'strong' | 'normal' | 'weak';
const PREDIKAT_BY_TENDENCY: Record<Tendency, readonly (readonly [PredikatSkp, number])[]> = {
  strong: [['SANGAT_BAIK', 55], ['BAIK', 45]],
  normal: [['SANGAT_BAIK', 6], ['BAIK', 89.5], ['BUTUH_PERBAIKAN', 3.8], ['KURANG', 0.7]],
  weak: [['BAIK', 55], ['BUTUH_PERBAIKAN', 33], ['KURANG', 10], ['SANGAT_KURANG', 2]],
};

/** A PP 46/2011 score (0–100) in the band of a predicate. */
function legacyScore(ctx: HistoryContext, p: PredikatSkp): number {
  const r = ctx.rng;
  switch (p) {
    case 'SANGAT_BAIK':
      return r.range(91, 96.5);
    case 'BAIK':
      return 76 + 14.9 * Math.max(r.float(), r.float()) * r.range(0.75, 1);
    case 'BUTUH_PERBAIKAN':
      return r.range(63, 75.9);
    case 'KURANG':
      return r.range(52, 60.9);
    case 'SANGAT_KURANG':
      return r.range(40, 50);
  }
}

export function skpHistory(e: EmployeeRow, c: CareerInfo, rank: RankHistory, penalties: PenaltyPlan, ctx: HistoryContext): SkpRow[] {
  const { rng } = ctx;
  if (e.statusKepegawaian === 'KONTRAK') return [];
  const start = ymOfIso(e.tmtCpns ?? e.tmtPppk!);
  const good = goodYears(e, rank);
  const tendency = rng.weighted<Tendency>([['strong', 12], ['normal', 85], ['weak', 3]]);
  const rows: SkpRow[] = [];
  for (const y of SKP_YEARS) {
    if (start > ym(y, 12)) continue;
    const must = good.has(y);
    if (!must && rng.chance(y === 2025 ? SKP_MISSING_2025 : SKP_MISSING_EARLIER)) continue;
    let p = rng.weighted(PREDIKAT_BY_TENDENCY[tendency]);
    const penalty = penalties.years.get(y);
    if (penalty === 'BERAT') p = rng.chance(0.6) ? 'KURANG' : 'SANGAT_KURANG';
    else if (penalty === 'SEDANG') p = rng.chance(0.6) ? 'BUTUH_PERBAIKAN' : 'KURANG';
    else if (penalty === 'RINGAN' && rng.chance(0.5)) p = 'BUTUH_PERBAIKAN';
    if (must && RANK[p] < RANK.BAIK) p = 'BAIK';
    if (y === 2021) {
      let nilai = Math.round(legacyScore(ctx, p) * 100) / 100;
      if (predikatFromNilai(nilai) !== p) nilai = p === 'BAIK' ? 84 : nilai;
      rows.push({ employeeId: e.id, tahun: y, nilai: nilai.toFixed(2), predikat: predikatFromNilai(nilai) });
    } else {
      rows.push({ employeeId: e.id, tahun: y, nilai: null, predikat: p });
    }
  }
  return rows;
}

