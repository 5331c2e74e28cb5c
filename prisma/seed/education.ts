// Study programmes (jurusan) and academic titles (gelar) consistent with the
// education level, the person's field and generation.
import type { Pendidikan } from './rules.ts';
import type { Rng } from './random.ts';
import type { Sex } from './names.ts';

/** A field of study with its jurusan and gelar per level. */
export interface Major {
  /** Level → [jurusan, gelar belakang]; missing levels fall back to the nearest sensible one. */
  d2?: [string, string];
  d3?: [string, string];
  d4?: [string, string];
  s1?: [string, string];
  s2?: readonly (readonly [string, string])[];
  s3?: [string, string];
  /** Older S1 graduates used a front title instead: Drs./Dra. or Ir. */
  oldFront?: 'Drs' | 'Ir';
}

export const MAJORS = {
  ADM: {
    d3: ['Administrasi Perkantoran', 'A.Md.'], s1: ['Ilmu Administrasi Negara', 'S.Sos.'],
    s2: [['Magister Administrasi Publik', 'M.AP.'], ['Magister Ilmu Administrasi', 'M.Si.']],
    s3: ['Ilmu Administrasi Publik', 'M.Si.'], oldFront: 'Drs',
  },
  PEM: {
    d4: ['Manajemen Pemerintahan (IPDN)', 'S.STP.'], s1: ['Ilmu Pemerintahan', 'S.IP.'],
    s2: [['Magister Ilmu Pemerintahan', 'M.Si.'], ['Magister Administrasi Publik', 'M.AP.']],
    s3: ['Ilmu Pemerintahan', 'M.Si.'], oldFront: 'Drs',
  },
  HUKUM: { s1: ['Ilmu Hukum', 'S.H.'], s2: [['Magister Hukum', 'M.H.'], ['Magister Kenotariatan', 'M.Kn.']], s3: ['Ilmu Hukum', 'M.H.'] },
  MAN: { d3: ['Manajemen Keuangan', 'A.Md.'], s1: ['Manajemen', 'S.E.'], s2: [['Magister Manajemen', 'M.M.']], s3: ['Ilmu Manajemen', 'M.M.'] },
  AKT: { d3: ['Akuntansi', 'A.Md.Ak.'], s1: ['Akuntansi', 'S.E.'], s2: [['Magister Akuntansi', 'M.Ak.'], ['Magister Manajemen', 'M.M.']] },
  EKO: { d3: ['Perbankan dan Keuangan', 'A.Md.'], s1: ['Ekonomi Pembangunan', 'S.E.'], s2: [['Magister Ilmu Ekonomi', 'M.E.'], ['Magister Manajemen', 'M.M.']] },
  SIPIL: { d3: ['Teknik Sipil', 'A.Md.T.'], s1: ['Teknik Sipil', 'S.T.'], s2: [['Magister Teknik Sipil', 'M.T.']], oldFront: 'Ir' },
  ARSI: { d3: ['Teknik Arsitektur', 'A.Md.T.'], s1: ['Arsitektur', 'S.Ars.'], s2: [['Magister Arsitektur', 'M.T.']] },
  PWK: { s1: ['Perencanaan Wilayah dan Kota', 'S.T.'], s2: [['Magister Perencanaan Wilayah dan Kota', 'M.T.'], ['Magister Ilmu Lingkungan', 'M.Si.']] },
  LING: { d3: ['Kesehatan Lingkungan', 'A.Md.KL.'], s1: ['Teknik Lingkungan', 'S.T.'], s2: [['Magister Ilmu Lingkungan', 'M.Si.']] },
  TI: { d3: ['Manajemen Informatika', 'A.Md.Kom.'], s1: ['Teknik Informatika', 'S.Kom.'], s2: [['Magister Ilmu Komputer', 'M.Kom.']] },
  KOM: { d3: ['Hubungan Masyarakat', 'A.Md.'], s1: ['Ilmu Komunikasi', 'S.I.Kom.'], s2: [['Magister Ilmu Komunikasi', 'M.I.Kom.']] },
  PERT: { d3: ['Budidaya Tanaman Pangan', 'A.Md.P.'], s1: ['Agroteknologi', 'S.P.'], s2: [['Magister Agribisnis', 'M.P.'], ['Magister Agronomi', 'M.P.']], oldFront: 'Ir' },
  TERNAK: { d3: ['Produksi Ternak', 'A.Md.Pt.'], s1: ['Peternakan', 'S.Pt.'], s2: [['Magister Ilmu Peternakan', 'M.P.']], oldFront: 'Ir' },
  SOS: { d3: ['Pekerjaan Sosial', 'A.Md.'], s1: ['Kesejahteraan Sosial', 'S.Sos.'], s2: [['Magister Ilmu Kesejahteraan Sosial', 'M.Si.']], oldFront: 'Drs' },
  PSI: { s1: ['Psikologi', 'S.Psi.'], s2: [['Magister Psikologi', 'M.Psi.']] },
  TRANS: { d3: ['Manajemen Transportasi', 'A.Md.Tra.'], d4: ['Transportasi Darat', 'S.Tr.T.'], s1: ['Teknik Sipil', 'S.T.'], s2: [['Magister Teknik Sipil', 'M.T.']] },
  KESMAS: {
    d3: ['Kesehatan Lingkungan', 'A.Md.KL.'], s1: ['Kesehatan Masyarakat', 'S.KM.'],
    s2: [['Magister Kesehatan Masyarakat', 'M.Kes.'], ['Magister Administrasi Rumah Sakit', 'MARS.']],
  },
  PERAWAT: { d3: ['Keperawatan', 'A.Md.Kep.'], s1: ['Ilmu Keperawatan (Ners)', 'S.Kep., Ns.'], s2: [['Magister Keperawatan', 'M.Kep.']] },
  BIDAN: { d3: ['Kebidanan', 'A.Md.Keb.'], d4: ['Kebidanan', 'S.Tr.Keb.'], s1: ['Kebidanan', 'S.Keb., Bd.'], s2: [['Magister Kebidanan', 'M.Keb.']] },
  GIZI: { d3: ['Gizi', 'A.Md.Gz.'], s1: ['Ilmu Gizi', 'S.Gz.'], s2: [['Magister Gizi', 'M.Gz.']] },
  FARMASI: { d3: ['Farmasi', 'A.Md.Farm.'], s1: ['Farmasi', 'S.Farm.'] },
  ANALIS: { d3: ['Analis Kesehatan', 'A.Md.AK.'], d4: ['Teknologi Laboratorium Medis', 'S.Tr.Kes.'], s1: ['Teknologi Laboratorium Medis', 'S.Tr.Kes.'] },
  RADIO: { d3: ['Radiodiagnostik dan Radioterapi', 'A.Md.Rad.'], d4: ['Teknologi Radiologi Pencitraan', 'S.Tr.Kes.'], s1: ['Teknologi Radiologi Pencitraan', 'S.Tr.Kes.'] },
  RM: { d3: ['Rekam Medis dan Informasi Kesehatan', 'A.Md.RMIK.'], d4: ['Manajemen Informasi Kesehatan', 'S.Tr.Kes.'], s1: ['Manajemen Informasi Kesehatan', 'S.Tr.Kes.'] },
  FISIO: { d3: ['Fisioterapi', 'A.Md.Ftr.'], s1: ['Fisioterapi', 'S.Ft.'] },
  ELEKTRO: { d3: ['Teknik Elektromedik', 'A.Md.T.'], d4: ['Teknologi Rekayasa Elektromedis', 'S.Tr.T.'], s1: ['Teknologi Rekayasa Elektromedis', 'S.Tr.T.'] },
  PGSD: {
    d2: ['Pendidikan Guru Sekolah Dasar', 'A.Ma.Pd.'], s1: ['Pendidikan Guru Sekolah Dasar', 'S.Pd.'],
    s2: [['Magister Pendidikan Dasar', 'M.Pd.'], ['Magister Manajemen Pendidikan', 'M.Pd.']], oldFront: 'Drs',
  },
  PAI: { d2: ['Pendidikan Agama Islam', 'A.Ma.'], s1: ['Pendidikan Agama Islam', 'S.Pd.I.'], s2: [['Magister Pendidikan Agama Islam', 'M.Pd.I.']] },
  PJOK: { s1: ['Pendidikan Jasmani, Kesehatan dan Rekreasi', 'S.Pd.'], s2: [['Magister Pendidikan Olahraga', 'M.Pd.']] },
  MAT: { s1: ['Pendidikan Matematika', 'S.Pd.'], s2: [['Magister Pendidikan Matematika', 'M.Pd.']], oldFront: 'Drs' },
  BIND: { s1: ['Pendidikan Bahasa dan Sastra Indonesia', 'S.Pd.'], s2: [['Magister Pendidikan Bahasa Indonesia', 'M.Pd.']], oldFront: 'Drs' },
  BING: { s1: ['Pendidikan Bahasa Inggris', 'S.Pd.'], s2: [['Magister Pendidikan Bahasa Inggris', 'M.Pd.']] },
  IPA: { s1: ['Pendidikan Biologi', 'S.Pd.'], s2: [['Magister Pendidikan IPA', 'M.Pd.']], oldFront: 'Drs' },
  FIS: { s1: ['Pendidikan Fisika', 'S.Pd.'], s2: [['Magister Pendidikan IPA', 'M.Pd.']] },
  IPS: { s1: ['Pendidikan Ilmu Pengetahuan Sosial', 'S.Pd.'], s2: [['Magister Pendidikan IPS', 'M.Pd.']], oldFront: 'Drs' },
  PKN: { s1: ['Pendidikan Pancasila dan Kewarganegaraan', 'S.Pd.'], s2: [['Magister Pendidikan Kewarganegaraan', 'M.Pd.']] },
  BK: { s1: ['Bimbingan dan Konseling', 'S.Pd.'], s2: [['Magister Bimbingan dan Konseling', 'M.Pd.']] },
  SENI: { s1: ['Pendidikan Seni Rupa', 'S.Pd.'], s2: [['Magister Pendidikan Seni', 'M.Pd.']] },
  MP: { s1: ['Administrasi Pendidikan', 'S.Pd.'], s2: [['Magister Manajemen Pendidikan', 'M.Pd.']], s3: ['Manajemen Pendidikan', 'M.Pd.'], oldFront: 'Drs' },
} as const satisfies Record<string, Major>;

export type MajorKey = keyof typeof MAJORS;

/** General-purpose fields for administrative staff. */
export const GENERAL_MAJORS: readonly (readonly [MajorKey, number])[] = [
  ['ADM', 30], ['PEM', 8], ['HUKUM', 10], ['MAN', 14], ['AKT', 10], ['EKO', 6], ['TI', 8], ['KOM', 4],
  ['SOS', 4], ['PSI', 2], ['PERT', 3], ['SIPIL', 3], ['KESMAS', 2],
];

export const SD_SUBJECTS: readonly (readonly [MajorKey, number])[] = [['PGSD', 78], ['PAI', 12], ['PJOK', 10]];
export const SMP_SUBJECTS: readonly (readonly [MajorKey, number])[] = [
  ['MAT', 13], ['BIND', 13], ['BING', 11], ['IPA', 11], ['FIS', 5], ['IPS', 11], ['PKN', 8], ['PAI', 9],
  ['PJOK', 7], ['BK', 6], ['SENI', 6],
];

const SMA_JURUSAN: readonly (readonly [string, number])[] = [
  ['IPA', 25], ['IPS', 40], ['SMK Administrasi Perkantoran', 15], ['SMK Akuntansi', 10],
  ['SMK Teknik Kendaraan Ringan', 5], ['SMK Teknik Komputer dan Jaringan', 5],
];

/** Special titles for medical professions. */
const SPESIALIS = [
  ['Ilmu Penyakit Dalam', 'Sp.PD.'], ['Ilmu Kesehatan Anak', 'Sp.A.'], ['Obstetri dan Ginekologi', 'Sp.OG.'],
  ['Ilmu Bedah', 'Sp.B.'], ['Anestesiologi dan Terapi Intensif', 'Sp.An.'], ['Radiologi', 'Sp.Rad.'],
  ['Pulmonologi dan Kedokteran Respirasi', 'Sp.P.'], ['Kardiologi dan Kedokteran Vaskular', 'Sp.JP.'],
  ['Ilmu Kesehatan Mata', 'Sp.M.'], ['Neurologi', 'Sp.N.'], ['Patologi Klinik', 'Sp.PK.'],
  ['Ilmu Kedokteran Jiwa', 'Sp.KJ.'], ['Dermatologi dan Venereologi', 'Sp.DV.'],
  ['Telinga Hidung Tenggorok Bedah Kepala Leher', 'Sp.THT-KL.'], ['Orthopaedi dan Traumatologi', 'Sp.OT.'],
] as const;

export type Profession = 'DOKTER' | 'DOKTER_GIGI' | 'APOTEKER';

export interface Schooling {
  jurusan: string | null;
  gelarDepan: string | null;
  gelarBelakang: string | null;
}

/** Jurusan (of the highest level) and titles for a person; an S2 keeps the S1 title in front of the S2 one. */
export function schooling(
  rng: Rng,
  p: { edu: Pendidikan; major: MajorKey | Profession; sex: Sex; birthYear: number },
): Schooling {
  const { edu, sex, birthYear } = p;
  if (edu === 'SD' || edu === 'SMP') return { jurusan: null, gelarDepan: null, gelarBelakang: null };
  if (edu === 'SMA' || edu === 'D1') {
    if (p.major === 'PERAWAT') return { jurusan: 'Sekolah Perawat Kesehatan', gelarDepan: null, gelarBelakang: null };
    if (p.major === 'FARMASI') return { jurusan: 'Sekolah Menengah Farmasi', gelarDepan: null, gelarBelakang: null };
    if (p.major === 'PGSD') return { jurusan: 'Sekolah Pendidikan Guru', gelarDepan: null, gelarBelakang: null };
    return { jurusan: rng.weighted(SMA_JURUSAN), gelarDepan: null, gelarBelakang: null };
  }

  if (p.major === 'DOKTER' || p.major === 'DOKTER_GIGI') {
    const front = p.major === 'DOKTER' ? 'dr.' : 'drg.';
    const base = p.major === 'DOKTER' ? 'Pendidikan Dokter' : 'Pendidikan Dokter Gigi';
    if (edu === 'SP1' || edu === 'SP2') {
      const [jur, title] = rng.pick(SPESIALIS);
      return { jurusan: `${edu === 'SP2' ? 'Subspesialis ' : 'Spesialis '}${jur}`, gelarDepan: front, gelarBelakang: edu === 'SP2' ? `${title.replace(/\.$/, '')}(K)` : title };
    }
    if (edu === 'S2' || edu === 'S3') {
      const [jur, title] = rng.pick([['Magister Kesehatan Masyarakat', 'M.Kes.'], ['Magister Manajemen Rumah Sakit', 'M.M.R.S.'], ['Magister Administrasi Rumah Sakit', 'MARS.']] as const);
      return { jurusan: jur, gelarDepan: front, gelarBelakang: title };
    }
    return { jurusan: base, gelarDepan: front, gelarBelakang: null };
  }
  if (p.major === 'APOTEKER') return { jurusan: 'Profesi Apoteker', gelarDepan: 'apt.', gelarBelakang: 'S.Farm.' };

  const m: Major = MAJORS[p.major];
  const s1 = m.s1 ?? m.d4 ?? ['Ilmu Administrasi Negara', 'S.Sos.'];
  const old = birthYear < 1968;
  const s1Title = (): { front: string | null; back: string | null } => {
    if (old && m.oldFront === 'Drs') return { front: sex === 'P' ? 'Dra.' : 'Drs.', back: null };
    if (old && m.oldFront === 'Ir') return { front: 'Ir.', back: null };
    return { front: null, back: s1[1] };
  };
  switch (edu) {
    case 'D2': {
      const d2 = m.d2 ?? m.d3 ?? ['Administrasi Perkantoran', 'A.Ma.'];
      return { jurusan: d2[0], gelarDepan: null, gelarBelakang: d2[1] };
    }
    case 'D3': {
      const d3 = m.d3 ?? ['Administrasi Perkantoran', 'A.Md.'];
      return { jurusan: d3[0], gelarDepan: null, gelarBelakang: d3[1] };
    }
    case 'D4': {
      const d4 = m.d4 ?? m.s1 ?? s1;
      return { jurusan: d4[0], gelarDepan: null, gelarBelakang: d4[1] };
    }
    case 'S1':
    case 'PROFESI': {
      const t = s1Title();
      return { jurusan: s1[0], gelarDepan: t.front, gelarBelakang: t.back };
    }
    case 'S2':
    case 'SP1': {
      const s2 = rng.pick(m.s2 ?? [['Magister Administrasi Publik', 'M.AP.']]);
      const t = s1Title();
      return { jurusan: s2[0], gelarDepan: t.front, gelarBelakang: t.back ? `${t.back}, ${s2[1]}` : s2[1] };
    }
    case 'S3':
    case 'SP2': {
      const s3 = m.s3 ?? ['Ilmu Administrasi Publik', 'M.Si.'];
      const t = s1Title();
      const s2Title = s3[1];
      return {
        jurusan: `Doktor ${s3[0]}`,
        gelarDepan: t.front ? `Dr. ${t.front}` : 'Dr.',
        gelarBelakang: t.back ? `${t.back}, ${s2Title}` : s2Title,
      };
    }
  }
}

/** "dr. Ahmad Fauzi, Sp.PD." */
export function fullName(nama: string, gelarDepan: string | null, gelarBelakang: string | null): string {
  return `${gelarDepan ? `${gelarDepan} ` : ''}${nama}${gelarBelakang ? `, ${gelarBelakang}` : ''}`;
}
