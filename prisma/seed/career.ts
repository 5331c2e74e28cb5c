// Rank (riwayat_pangkat) and periodic salary increase (riwayat_kgb) histories,
// replayed from the rank steps the employee generator decided. The last rank row
// is exactly the employee's cached golongan / tmt_golongan / MKG.
import { GAJI_POKOK_PP_5_2024, lookupGajiPokok, nextKgb, type Golongan } from '@simak/shared';
import { REF_DAYNUM, REF_YM, dayNumOfMonth, firstOf, isoOfNum, yearOf, ym, ymOfIso } from './dates.ts';
import type { CareerInfo, EmployeeRow, RankEvent } from './employees.ts';
import type { HistoryContext, JenisKp, KgbRow, PangkatRow } from './history-types.ts';
import { G, entryIndex, golAt } from './rules.ts';

export interface RankHistory {
  pangkat: PangkatRow[];
  kgb: KgbRow[];
  /** Month indexes of past KP (not CPNS/PNS) and KGB TMTs: SKP and penalties must not block them. */
  kpAt: number[];
  kgbAt: number[];
  /** Month index of the next KGB after the reference date (PNS/CPNS), else null. */
  nextKgbAt: number | null;
  gajiPokok: number | null;
  tmtKgbTerakhir: string | null;
}

/**
 * KGB letters are recorded for the current rank and from 2019 on (the e-Berkala era):
 * older ones only moved the MKG base, which the rank rows already carry.
 */
const KGB_RECORDED_FROM = ym(2019, 1);

const gajiCache = new Map<string, number | null>();

/** PP 5/2024 gaji pokok at (golongan, whole MKG years); below a grade's first row, that row (II/b–II/d start at 3). */
export function gajiPokok(golongan: string, mkgYears: number): number | null {
  const key = `${golongan}|${mkgYears}`;
  let v = gajiCache.get(key);
  if (v === undefined) {
    v = lookupGajiPokok(GAJI_POKOK_PP_5_2024, golongan as Golongan, mkgYears, { clampToFirstRow: true });
    gajiCache.set(key, v);
  }
  return v;
}

const kgbOffsetCache = new Map<string, number>();
const OFFSET_BASE = ym(2000, 1);

/**
 * Month index of the next KGB after an SK with MKG `mkg` (months) at TMT `base`
 * (the shared rule, DOMAIN-RULES §3). For an SK on the 1st of a month the gap
 * depends only on the golongan and the MKG, so it is computed once per pair.
 */
export function nextKgbAfter(golongan: string, base: number, mkg: number): number {
  const key = `${golongan}|${mkg}`;
  let offset = kgbOffsetCache.get(key);
  if (offset === undefined) {
    const r = nextKgb({ golongan: golongan as Golongan, mkgTahun: Math.floor(mkg / 12), mkgBulan: mkg % 12, tmtBase: firstOf(OFFSET_BASE) });
    offset = ymOfIso(r.tmt) - OFFSET_BASE;
    kgbOffsetCache.set(key, offset);
  }
  return base + offset;
}

/** MKG in months at a rank step: service since TMT CPNS minus 6 years from I to II and 5 from II to III (clamped at 0). */
export function mkgAtStep(tmtCpns: number, entryIdx: number, ev: RankEvent): number {
  let m = ev.at - tmtCpns;
  if (entryIdx < G.IIa && ev.idx >= G.IIa) m -= 72;
  if (entryIdx < G.IIIa && ev.idx >= G.IIIa) m -= 60;
  return Math.max(0, m);
}

/** A letter date `before` to `after` days around a TMT (month index), never after the reference date. */
function letterDate(ctx: HistoryContext, tmt: number, before: number, after: number): string {
  const n = dayNumOfMonth(tmt) + ctx.rng.int(-before, after);
  return isoOfNum(Math.min(n, REF_DAYNUM));
}

export function rankHistory(e: EmployeeRow, c: CareerInfo, ctx: HistoryContext): RankHistory {
  const out: RankHistory = { pangkat: [], kgb: [], kpAt: [], kgbAt: [], nextKgbAt: null, gajiPokok: null, tmtKgbTerakhir: null };
  const id = e.id;
  if (e.statusKepegawaian === 'PPPK') {
    // One row, as the employee import writes it: the PPPK grade at appointment (own salary table, not modelled).
    const tmt = ymOfIso(e.tmtPppk!);
    const sk = letterDate(ctx, tmt, 45, 10);
    out.pangkat.push({
      employeeId: id, golongan: e.golongan!, tmtGolongan: e.tmtPppk!, jenisKp: null,
      nomorSk: ctx.letters.next('813.4', yearOf(ymOfIso(sk))), tanggalSk: sk, mkgTahun: 0, mkgBulan: 0, gajiPokok: null,
    });
    return out;
  }
  if (e.statusKepegawaian !== 'PNS' && e.statusKepegawaian !== 'CPNS') return out;

  const events = c.events;
  const tmtCpns = ymOfIso(e.tmtCpns!);
  const tmtPns = e.tmtPns ? ymOfIso(e.tmtPns) : null;
  const entryIdx = entryIndex(c.entryEdu);
  const rng = ctx.rng;
  let lastKgb: KgbRow | null = null;
  let lastRank: PangkatRow | null = null;

  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    const gol = golAt(ev.idx);
    const mkg = mkgAtStep(tmtCpns, entryIdx, ev);
    const spanEnd = events[i + 1]?.at ?? Infinity;
    let jenis: JenisKp;
    let kode: string;
    let sk: string;
    if (ev.kind === 'START') {
      // An entry-grade PNS keeps TMT golongan = TMT CPNS: their one row is the SK PNS confirming that grade.
      const onlyPns = e.statusKepegawaian === 'PNS' && events.length === 1;
      jenis = onlyPns ? 'PNS' : 'CPNS';
      kode = onlyPns ? '821.13' : '813.3';
      sk = onlyPns && tmtPns !== null ? letterDate(ctx, tmtPns, 40, 5) : letterDate(ctx, ev.at, 60, 20);
    } else {
      jenis = ev.kind === 'PI' ? 'PENYESUAIAN_IJAZAH' : ev.pilihan ? 'PILIHAN_STRUKTURAL' : 'REGULER';
      kode = '823.3';
      sk = letterDate(ctx, ev.at, 50, 25);
      out.kpAt.push(ev.at);
    }
    const row: PangkatRow = {
      employeeId: id, golongan: gol, tmtGolongan: firstOf(ev.at), jenisKp: jenis,
      nomorSk: ctx.letters.next(kode, yearOf(ymOfIso(sk))), tanggalSk: sk,
      mkgTahun: Math.floor(mkg / 12), mkgBulan: mkg % 12, gajiPokok: gajiPokok(gol, Math.floor(mkg / 12)),
    };
    out.pangkat.push(row);
    lastRank = row;

    // SK PNS after the CPNS year, when later rank steps follow (else it is the START row above).
    const pnsRow = (): void => {
      if (ev.kind !== 'START' || jenis !== 'CPNS' || e.statusKepegawaian !== 'PNS' || tmtPns === null) return;
      if (tmtPns <= ev.at || tmtPns >= spanEnd) return;
      const m = mkg + (tmtPns - ev.at);
      const pnsSk = letterDate(ctx, tmtPns, 40, 5);
      out.pangkat.push({
        employeeId: id, golongan: gol, tmtGolongan: firstOf(tmtPns), jenisKp: 'PNS',
        nomorSk: ctx.letters.next('821.13', yearOf(ymOfIso(pnsSk))), tanggalSk: pnsSk,
        mkgTahun: Math.floor(m / 12), mkgBulan: m % 12, gajiPokok: gajiPokok(gol, Math.floor(m / 12)),
      });
    };

    // KGBs inside this rank span (the KP resets the base), up to the reference date.
    let base = ev.at;
    let baseMkg = mkg;
    let pnsDone = false;
    for (;;) {
      const t = nextKgbAfter(gol, base, baseMkg);
      const m = baseMkg + (t - base);
      if (t >= spanEnd || t > REF_YM) {
        if (i === events.length - 1) out.nextKgbAt = t > REF_YM ? t : null;
        break;
      }
      if (!pnsDone && tmtPns !== null && tmtPns <= t) {
        pnsRow();
        pnsDone = true;
      }
      const lama = gajiPokok(gol, Math.floor(baseMkg / 12))!;
      const baru = gajiPokok(gol, Math.floor(m / 12))!;
      if (baru > lama && (t >= KGB_RECORDED_FROM || i === events.length - 1)) {
        // Notification letter about 2 months before the TMT (PP 7/1977 art. 12); a few late ones.
        const surat = rng.chance(0.88) ? letterDate(ctx, t, 70, -20) : letterDate(ctx, t, 0, 40);
        const k: KgbRow = {
          employeeId: id, tmt: firstOf(t), golongan: gol, mkgTahun: Math.floor(m / 12), mkgBulan: m % 12,
          gajiPokokLama: lama, gajiPokok: baru, nomorSurat: ctx.letters.next('822.4', yearOf(ymOfIso(surat))), tanggalSurat: surat,
        };
        out.kgb.push(k);
        lastKgb = k;
      }
      if (baru > lama) out.kgbAt.push(t);
      base = t;
      baseMkg = m;
    }
    if (!pnsDone) pnsRow();
  }

  const last = lastRank!;
  if (last.golongan !== e.golongan || last.tmtGolongan !== e.tmtGolongan || last.mkgTahun !== e.mkgTahun || last.mkgBulan !== e.mkgBulan) {
    throw new Error(`rank history of ${e.nip} ends at ${last.golongan} ${last.tmtGolongan}, employee has ${e.golongan} ${e.tmtGolongan}`);
  }
  if (lastKgb) out.tmtKgbTerakhir = lastKgb.tmt;
  // The employee cache rule (histories.ts in the server): the latest KGB when it is not older than the last rank SK.
  out.gajiPokok = lastKgb && lastKgb.tmt >= last.tmtGolongan ? lastKgb.gajiPokok : last.gajiPokok;
  return out;
}
