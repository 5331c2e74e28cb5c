/**
 * Recording a KP SK (DOMAIN-RULES §2, §4): the new masa kerja golongan at the TMT and who
 * approves and signs. Pure functions; the server fills the SK form with them and the BKD
 * admin may correct the MKG to what the SK states (e.g. after a PMK).
 */
import type { IsoDate } from './dates.ts';
import { GOLONGAN, golonganIndex, kelompokGolongan, type Golongan, type KelompokGolongan } from './golongan.ts';
import { mkgAt, type Mkg, type MkgAtBase } from './kgb.ts';

/**
 * Years of MKG dropped when a promotion crosses into a higher group: I → II loses 6 years,
 * II → III loses 5 (DOMAIN-RULES §2, "commonly cited, unconfirmed"). A multi-step promotion
 * (penyesuaian ijazah) drops each crossing it passes.
 */
export const MKG_CROSSING_CUT: Readonly<Partial<Record<`${KelompokGolongan}>${KelompokGolongan}`, number>>> = {
  'I>II': 6,
  'II>III': 5,
};

/** Years of MKG dropped between two ranks (0 within a group or from III up). */
export function mkgCut(from: Golongan, to: Golongan): number {
  let cut = 0;
  for (let i = golonganIndex(from); i < golonganIndex(to); i++) {
    const a = kelompokGolongan(GOLONGAN[i]!);
    const b = kelompokGolongan(GOLONGAN[i + 1]!);
    if (a !== b) cut += MKG_CROSSING_CUT[`${a}>${b}`] ?? 0;
  }
  return cut;
}

/** The MKG in the new rank at its TMT: the MKG carried from the last SK to the TMT, less the crossing cut (never below 0). */
export function kpNewMkg(from: Golongan, to: Golongan, base: MkgAtBase, tmt: IsoDate): Mkg {
  const at = mkgAt(base, tmt);
  const total = Math.max(0, at.tahun * 12 + at.bulan - mkgCut(from, to) * 12);
  return { tahun: Math.floor(total / 12), bulan: total % 12 };
}

export type KpSkAuthority = 'PPK' | 'PRESIDEN';

export interface KpSkRoute {
  /** Who signs the SK: the PPK (Bupati) up to IV/b, the President (Keppres) for IV/c–IV/e. */
  authority: KpSkAuthority;
  /** The BKN approval the SK needs before it is signed. */
  pertek: 'PERSETUJUAN_TEKNIS_KANREG' | 'PERTIMBANGAN_TEKNIS_BKN';
  /** Indonesian label of that approval. */
  pertekLabel: string;
  /** The pertek number and date must be recorded with the SK. */
  pertekRequired: boolean;
}

/**
 * How a regional PNS's promotion to `to` is approved and signed (DOMAIN-RULES §4, commonly
 * cited): up to III/d the PPK signs after the BKN regional office's technical approval; IV/a and
 * IV/b after BKN's technical consideration; IV/c and above by Keppres after BKN's consideration.
 * Every route goes through BKN, so the pertek is always recorded.
 */
export function kpSkRoute(to: Golongan): KpSkRoute {
  const i = golonganIndex(to);
  if (i <= golonganIndex('III/d')) {
    return { authority: 'PPK', pertek: 'PERSETUJUAN_TEKNIS_KANREG', pertekLabel: 'Persetujuan teknis Kantor Regional BKN', pertekRequired: true };
  }
  if (i <= golonganIndex('IV/b')) {
    return { authority: 'PPK', pertek: 'PERTIMBANGAN_TEKNIS_BKN', pertekLabel: 'Pertimbangan teknis Kepala BKN', pertekRequired: true };
  }
  return { authority: 'PRESIDEN', pertek: 'PERTIMBANGAN_TEKNIS_BKN', pertekLabel: 'Pertimbangan teknis Kepala BKN (Keppres)', pertekRequired: true };
}
