/**
 * The employee row caches current values of the dated histories; every change to
 * a history calls syncEmployeeCache in the same transaction.
 */
import { appToday, compareEducation, isoToDate, normalizeEducation, type Pendidikan } from '@simak/shared';
import type { Tx } from '../../db.ts';

export const HISTORY_MODELS = {
  keluarga: 'keluarga',
  pendidikan: 'riwayatPendidikan',
  diklat: 'riwayatDiklat',
  skp: 'riwayatSkp',
  pangkat: 'riwayatPangkat',
  jabatan: 'riwayatJabatan',
  hukdis: 'riwayatHukdis',
  kgb: 'riwayatKgb',
  cuti: 'riwayatCuti',
} as const;
export type HistoryKind = keyof typeof HISTORY_MODELS;

type Delegate = {
  findUnique(a: unknown): Promise<Record<string, unknown> | null>;
  findFirst(a: unknown): Promise<Record<string, unknown> | null>;
  create(a: unknown): Promise<Record<string, unknown>>;
  update(a: unknown): Promise<Record<string, unknown>>;
  delete(a: unknown): Promise<Record<string, unknown>>;
};

/** The Prisma delegate of a history table (typed loosely: callers validate with zod first). */
export function historyDelegate(tx: Tx, kind: HistoryKind): Delegate {
  return (tx as unknown as Record<string, Delegate>)[HISTORY_MODELS[kind]]!;
}

/** Refreshes the employee's cached current golongan, jabatan and highest education from the histories. */
export async function syncEmployeeCache(tx: Tx, employeeId: number) {
  const [pangkat, jabatan, pendidikan, kgb] = await Promise.all([
    tx.riwayatPangkat.findFirst({ where: { employeeId }, orderBy: [{ tmtGolongan: 'desc' }, { id: 'desc' }] }),
    tx.riwayatJabatan.findFirst({ where: { employeeId }, orderBy: [{ tmtJabatan: 'desc' }, { id: 'desc' }] }),
    tx.riwayatPendidikan.findMany({ where: { employeeId } }),
    // A finalized KGB takes effect at its TMT: later rows wait for their date.
    tx.riwayatKgb.findFirst({ where: { employeeId, tmt: { lte: isoToDate(appToday()) } }, orderBy: { tmt: 'desc' } }),
  ]);
  const data: Record<string, unknown> = {};
  if (pangkat) {
    Object.assign(data, { golongan: pangkat.golongan, tmtGolongan: pangkat.tmtGolongan, mkgTahun: pangkat.mkgTahun, mkgBulan: pangkat.mkgBulan });
  }
  if (kgb && (!pangkat || kgb.tmt >= pangkat.tmtGolongan)) {
    Object.assign(data, { tmtKgbTerakhir: kgb.tmt, gajiPokok: kgb.gajiPokok });
  } else if (pangkat?.gajiPokok) {
    data.gajiPokok = pangkat.gajiPokok;
  }
  if (jabatan) {
    Object.assign(data, {
      jenisJabatan: jabatan.jenisJabatan,
      namaJabatan: jabatan.namaJabatan,
      eselon: jabatan.eselon,
      jenjangFungsional: jabatan.jenjangFungsional,
      rumpunFungsional: jabatan.rumpunFungsional,
      tmtJabatan: jabatan.tmtJabatan,
      opdId: jabatan.opdId,
      unitKerja: jabatan.unitKerja,
    });
  }
  const levels = pendidikan
    .map((p) => ({ p, code: normalizeEducation(p.jenjang) }))
    .filter((x): x is { p: (typeof pendidikan)[number]; code: Pendidikan } => !!x.code)
    .sort((a, b) => compareEducation(b.code, a.code) || (b.p.tahunLulus ?? 0) - (a.p.tahunLulus ?? 0));
  if (levels[0]) Object.assign(data, { pendidikanTerakhir: levels[0].code, jurusan: levels[0].p.jurusan, tahunLulus: levels[0].p.tahunLulus });
  if (Object.keys(data).length) await tx.employee.update({ where: { id: employeeId }, data: { ...data, version: { increment: 1 } } });
}
