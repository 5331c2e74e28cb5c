// Education history (riwayat_pendidikan): secondary school, the diploma used at
// appointment, the degrees in between and the current pendidikan_terakhir row
// (same jenjang, jurusan and tahun_lulus as the employee row, and the highest).
import type { CareerInfo, EmployeeRow } from './employees.ts';
import { MAJORS, type Major, type MajorKey, type Profession } from './education.ts';
import type { HistoryContext, PendidikanRow } from './history-types.ts';
import { EDU_RANK, GRAD_AGE, type Pendidikan } from './rules.ts';
import type { Rng } from './random.ts';

/** Typical years of study of a level after the previous one. */
const STUDY_YEARS: Record<Pendidikan, number> = {
  SD: 6, SMP: 3, SMA: 3, D1: 1, D2: 2, D3: 3, D4: 4, S1: 4, PROFESI: 2, S2: 2, SP1: 4, S3: 3, SP2: 3,
};

/** Levels a holder of `edu` normally passed through (lowest first), without `edu` itself. */
function prerequisites(edu: Pendidikan, major: MajorKey | Profession): Pendidikan[] {
  switch (edu) {
    case 'SD':
    case 'SMP':
    case 'SMA':
      return [];
    case 'D1':
    case 'D2':
    case 'D3':
    case 'D4':
    case 'S1':
      return ['SMA'];
    case 'PROFESI':
      return ['SMA', 'S1'];
    case 'S2':
      return major === 'DOKTER' || major === 'DOKTER_GIGI' ? ['SMA', 'S1', 'PROFESI'] : ['SMA', 'S1'];
    case 'SP1':
      return ['SMA', 'S1', 'PROFESI'];
    case 'S3':
      return ['SMA', 'S1', 'S2'];
    case 'SP2':
      return ['SMA', 'S1', 'PROFESI', 'SP1'];
  }
}

const SMA_SCHOOLS: readonly (readonly [string, number])[] = [
  ['SMA Negeri 1 Lumajang', 16], ['SMA Negeri 2 Lumajang', 12], ['SMA Negeri 3 Lumajang', 8], ['SMA Negeri Pasirian', 6],
  ['SMA Negeri Tempeh', 5], ['SMA Negeri Klakah', 4], ['SMA Negeri Senduro', 3], ['SMA Negeri Yosowilangun', 3],
  ['MAN 1 Lumajang', 6], ['MAN 2 Lumajang', 3], ['SMA PGRI Lumajang', 3], ['SMA Muhammadiyah Lumajang', 2],
  ['SMA Negeri 1 Jember', 3], ['SMA Negeri 1 Probolinggo', 2], ['SMA Negeri 3 Malang', 1], ['SMA Negeri 5 Surabaya', 1],
];
const SMK_SCHOOLS: readonly (readonly [string, number])[] = [
  ['SMK Negeri 1 Lumajang', 8], ['SMK Negeri 2 Lumajang', 6], ['SMK Negeri Pasirian', 3], ['SMK PGRI 1 Lumajang', 3],
  ['SMK Muhammadiyah Lumajang', 2], ['SMK Negeri 1 Jember', 1],
];

const HEALTH: ReadonlySet<string> = new Set(['PERAWAT', 'BIDAN', 'GIZI', 'FARMASI', 'ANALIS', 'RADIO', 'RM', 'FISIO', 'ELEKTRO', 'KESMAS', 'LING']);
const TEACHING: ReadonlySet<string> = new Set(['PGSD', 'PAI', 'PJOK', 'MAT', 'BIND', 'BING', 'IPA', 'FIS', 'IPS', 'PKN', 'BK', 'SENI', 'MP']);
const TECH: ReadonlySet<string> = new Set(['SIPIL', 'ARSI', 'PWK', 'TI', 'ELEKTRO', 'TRANS']);
const AGRI: ReadonlySet<string> = new Set(['PERT', 'TERNAK']);

type Inst = readonly (readonly [string, number])[];
const D3_HEALTH: Inst = [
  ['Politeknik Kesehatan Malang', 30], ['Politeknik Kesehatan Surabaya', 20], ['Akademi Keperawatan Pemkab Lumajang', 18],
  ['Akademi Kebidanan Lumajang', 10], ['Politeknik Negeri Jember', 6], ['Universitas Jember', 6], ['Universitas dr. Soebandi Jember', 6],
];
const D3_OTHER: Inst = [
  ['Politeknik Negeri Jember', 30], ['Politeknik Negeri Malang', 25], ['Universitas Jember', 12], ['Universitas Brawijaya', 8],
  ['Politeknik Elektronika Negeri Surabaya', 6], ['Universitas Airlangga', 5], ['Politeknik Negeri Banyuwangi', 5],
];
const S1_GENERAL: Inst = [
  ['Universitas Jember', 34], ['Universitas Brawijaya', 16], ['Universitas Airlangga', 8], ['Universitas Negeri Malang', 6],
  ['Universitas Muhammadiyah Jember', 8], ['Universitas Muhammadiyah Malang', 6], ['Universitas Lumajang', 6],
  ['Universitas Terbuka', 5], ['Universitas Islam Malang', 4], ['Universitas Gadjah Mada', 2],
];
const S1_TEACHING: Inst = [
  ['Universitas Negeri Malang', 20], ['Universitas Jember', 22], ['STKIP PGRI Lumajang', 16], ['Universitas Terbuka', 16],
  ['Universitas Muhammadiyah Jember', 8], ['Universitas Negeri Surabaya', 8], ['UIN Kiai Haji Achmad Siddiq Jember', 6],
  ['Universitas PGRI Argopuro Jember', 4],
];
const S1_HEALTH: Inst = [
  ['Universitas Jember', 26], ['Universitas Airlangga', 16], ['Universitas Brawijaya', 14], ['Politeknik Kesehatan Malang', 12],
  ['Universitas Muhammadiyah Jember', 10], ['Universitas dr. Soebandi Jember', 8], ['Politeknik Kesehatan Surabaya', 8],
  ['Universitas Muhammadiyah Malang', 6],
];
const S1_TECH: Inst = [
  ['Universitas Jember', 24], ['Universitas Brawijaya', 22], ['Institut Teknologi Sepuluh Nopember', 14],
  ['Institut Teknologi Nasional Malang', 12], ['Politeknik Negeri Malang', 8], ['Universitas Muhammadiyah Malang', 8],
  ['Politeknik Elektronika Negeri Surabaya', 6],
];
const S1_AGRI: Inst = [['Universitas Jember', 45], ['Universitas Brawijaya', 30], ['Politeknik Negeri Jember', 15], ['Universitas Gadjah Mada', 5]];
const MEDICAL: Inst = [['Universitas Airlangga', 35], ['Universitas Brawijaya', 30], ['Universitas Jember', 25], ['Universitas Gadjah Mada', 10]];
const S2: Inst = [
  ['Universitas Brawijaya', 30], ['Universitas Jember', 28], ['Universitas Airlangga', 18], ['Universitas Negeri Malang', 10],
  ['Universitas Gadjah Mada', 6], ['Universitas Muhammadiyah Malang', 5], ['Institut Teknologi Sepuluh Nopember', 3],
];
const S3: Inst = [['Universitas Brawijaya', 40], ['Universitas Airlangga', 30], ['Universitas Jember', 20], ['Universitas Gadjah Mada', 10]];

function institution(rng: Rng, level: Pendidikan, major: MajorKey | Profession, smaJurusan: string | null): string {
  const m = major as string;
  switch (level) {
    case 'SD':
      return `SD Negeri ${rng.pick(['Jogotrunan', 'Tompokersan', 'Sukodono', 'Pasirian', 'Tempeh', 'Klakah', 'Senduro'])} ${rng.int(1, 4)}`;
    case 'SMP':
      return rng.weighted<string>([['SMP Negeri 1 Lumajang', 4], ['SMP Negeri 2 Lumajang', 3], ['SMP Negeri 1 Pasirian', 2], ['SMP Negeri 1 Tempeh', 2], ['MTs Negeri 1 Lumajang', 2]]);
    case 'SMA':
    case 'D1':
      if (smaJurusan === 'Sekolah Perawat Kesehatan') return 'SPK Pemkab Lumajang';
      if (smaJurusan === 'Sekolah Menengah Farmasi') return 'SMF Putra Indonesia Malang';
      if (smaJurusan === 'Sekolah Pendidikan Guru') return 'SPG Negeri Lumajang';
      return smaJurusan?.startsWith('SMK') ? rng.weighted(SMK_SCHOOLS) : rng.weighted(SMA_SCHOOLS);
    case 'D2':
      return TEACHING.has(m) ? rng.weighted<string>([['Universitas Terbuka', 5], ['IKIP PGRI Jember', 3], ['Universitas Negeri Malang', 2]]) : rng.weighted(D3_OTHER);
    case 'D3':
      return HEALTH.has(m) ? rng.weighted(D3_HEALTH) : rng.weighted(D3_OTHER);
    case 'D4':
      if (m === 'PEM') return 'Institut Pemerintahan Dalam Negeri';
      if (m === 'TRANS') return 'Politeknik Transportasi Darat Indonesia';
      return HEALTH.has(m) ? rng.weighted<string>([['Politeknik Kesehatan Malang', 6], ['Politeknik Kesehatan Surabaya', 4]]) : rng.weighted(D3_OTHER);
    case 'S1':
      if (m === 'DOKTER' || m === 'DOKTER_GIGI') return rng.weighted(MEDICAL);
      if (m === 'APOTEKER') return rng.weighted<string>([['Universitas Airlangga', 4], ['Universitas Jember', 4], ['Universitas Brawijaya', 2]]);
      if (m === 'PAI') return rng.weighted<string>([['UIN Kiai Haji Achmad Siddiq Jember', 6], ['UIN Maulana Malik Ibrahim Malang', 3], ['Universitas Islam Malang', 1]]);
      if (TEACHING.has(m)) return rng.weighted(S1_TEACHING);
      if (HEALTH.has(m)) return rng.weighted(S1_HEALTH);
      if (TECH.has(m)) return rng.weighted(S1_TECH);
      if (AGRI.has(m)) return rng.weighted(S1_AGRI);
      return rng.weighted(S1_GENERAL);
    case 'PROFESI':
      if (m === 'DOKTER' || m === 'DOKTER_GIGI') return rng.weighted(MEDICAL);
      if (m === 'APOTEKER') return rng.weighted<string>([['Universitas Airlangga', 5], ['Universitas Jember', 3], ['Universitas Surabaya', 2]]);
      return rng.weighted(S1_HEALTH);
    case 'SP1':
    case 'SP2':
      return rng.weighted(MEDICAL);
    case 'S2':
      return rng.weighted(S2);
    case 'S3':
      return rng.weighted(S3);
  }
}

/** Jurusan of an intermediate level for a field of study (the current level uses the employee's jurusan). */
function jurusanAt(rng: Rng, level: Pendidikan, major: MajorKey | Profession, currentJurusan: string | null): string | null {
  if (major === 'DOKTER' || major === 'DOKTER_GIGI') {
    const gigi = major === 'DOKTER_GIGI';
    if (level === 'S1') return gigi ? 'Pendidikan Dokter Gigi' : 'Pendidikan Dokter';
    if (level === 'PROFESI') return gigi ? 'Profesi Dokter Gigi' : 'Profesi Dokter';
    if (level === 'SP1') return currentJurusan?.replace(/^Subspesialis /, 'Spesialis ') ?? 'Spesialis Ilmu Penyakit Dalam';
  }
  if (major === 'APOTEKER') return level === 'S1' ? 'Farmasi' : 'Profesi Apoteker';
  if (level === 'SMA') {
    if (HEALTH.has(major) || major === 'DOKTER' || major === 'DOKTER_GIGI') return 'IPA';
    return rng.weighted<string>([['IPA', 45], ['IPS', 45], ['Bahasa', 5], ['SMK Administrasi Perkantoran', 5]]);
  }
  const m: Major | undefined = (MAJORS as Record<string, Major>)[major];
  if (!m) return null;
  switch (level) {
    case 'D2':
      return (m.d2 ?? m.d3)?.[0] ?? 'Administrasi Perkantoran';
    case 'D3':
      return m.d3?.[0] ?? 'Administrasi Perkantoran';
    case 'D4':
      return (m.d4 ?? m.s1)?.[0] ?? null;
    case 'S1':
      return (m.s1 ?? m.d4)?.[0] ?? 'Ilmu Administrasi Negara';
    case 'PROFESI':
      return major === 'PERAWAT' ? 'Profesi Ners' : major === 'BIDAN' ? 'Profesi Bidan' : `Profesi ${(m.s1 ?? m.d4)?.[0] ?? ''}`.trim();
    case 'S2':
      return m.s2?.[0]?.[0] ?? 'Magister Administrasi Publik';
    default:
      return null;
  }
}

export function pendidikanHistory(e: EmployeeRow, c: CareerInfo, ctx: HistoryContext): PendidikanRow[] {
  const { rng } = ctx;
  const edu = e.pendidikanTerakhir;
  const entry = c.entryEdu;
  const birthYear = Number(e.tanggalLahir.slice(0, 4));
  const startYear = Number((e.tmtCpns ?? e.tmtPppk ?? e.tmtJabatan!).slice(0, 4));
  const top = e.tahunLulus!;
  const smaJurusan = edu === 'SMA' || edu === 'D1' ? e.jurusan : null;

  const levels = prerequisites(edu, c.major).filter((l) => EDU_RANK[l] < EDU_RANK[edu]);
  if (entry !== edu && !levels.includes(entry)) levels.push(entry);
  levels.sort((a, b) => EDU_RANK[a] - EDU_RANK[b]);

  // Years backwards from the current diploma: each level finished a study period before the next.
  const years = new Map<Pendidikan, number>();
  let next = top;
  let nextLevel: Pendidikan = edu;
  for (let i = levels.length - 1; i >= 0; i--) {
    const l = levels[i]!;
    let y = next - STUDY_YEARS[nextLevel] - (rng.chance(0.7) ? 0 : rng.int(1, 3));
    if (l === entry && entry !== edu) y = Math.min(y, startYear); // the entry diploma predates the appointment
    const earliest = birthYear + GRAD_AGE[l];
    if (y < earliest) y = earliest;
    if (y >= next) continue; // no room (e.g. a late starter): leave the level out
    years.set(l, y);
    next = y;
    nextLevel = l;
  }

  const rows: PendidikanRow[] = [];
  for (const l of levels) {
    const y = years.get(l);
    if (y === undefined) continue;
    const jurusan = jurusanAt(rng, l, c.major, e.jurusan);
    rows.push({ employeeId: e.id, jenjang: l, jurusan, institusi: institution(rng, l, c.major, l === 'SMA' ? jurusan : null), tahunLulus: y });
  }
  rows.push({ employeeId: e.id, jenjang: edu, jurusan: e.jurusan, institusi: institution(rng, edu, c.major, smaJurusan), tahunLulus: top });
  return rows;
}
