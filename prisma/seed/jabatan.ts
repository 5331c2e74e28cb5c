// Jabatan fungsional (JF) catalogue and pelaksana position names used by the generator.
import type { MajorKey, Profession } from './education.ts';
import type { Pendidikan } from './rules.ts';

export type Rumpun = 'GURU' | 'DOSEN' | 'KESEHATAN' | 'LAINNYA';

export interface JfDef {
  /** Name without the jenjang, e.g. "Perawat" → "Perawat Ahli Pertama". */
  name: string;
  ahli: boolean;
  terampil: boolean;
  /** JF keterampilan that start at Pemula (II/a). */
  pemula?: boolean;
  rumpun: Rumpun;
  /** Education mix for people holding this JF. */
  edu: readonly (readonly [Pendidikan, number])[];
  /** Field of study; a list picks one. */
  major: MajorKey | Profession | readonly (readonly [MajorKey, number])[];
  /** Share of women. */
  female: number;
}

const ahliEdu = [['S1', 72], ['D4', 3], ['S2', 25]] as const;
const mixedEdu = [['D3', 25], ['S1', 58], ['D4', 2], ['S2', 15]] as const;

export const JF = {
  guru: { name: 'Guru', ahli: true, terampil: false, rumpun: 'GURU', edu: [['S1', 90], ['S2', 10]], major: 'PGSD', female: 0.57 },
  pengawasSekolah: { name: 'Pengawas Sekolah', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: [['S1', 35], ['S2', 65]], major: 'MP', female: 0.4 },
  pamongBelajar: { name: 'Pamong Belajar', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: [['S1', 85], ['S2', 15]], major: 'MP', female: 0.55 },

  dokter: { name: 'Dokter', ahli: true, terampil: false, rumpun: 'KESEHATAN', edu: [['PROFESI', 82], ['S2', 18]], major: 'DOKTER', female: 0.6 },
  dokterSpesialis: { name: 'Dokter', ahli: true, terampil: false, rumpun: 'KESEHATAN', edu: [['SP1', 94], ['SP2', 6]], major: 'DOKTER', female: 0.45 },
  dokterGigi: { name: 'Dokter Gigi', ahli: true, terampil: false, rumpun: 'KESEHATAN', edu: [['PROFESI', 100]], major: 'DOKTER_GIGI', female: 0.75 },
  apoteker: { name: 'Apoteker', ahli: true, terampil: false, rumpun: 'KESEHATAN', edu: [['PROFESI', 100]], major: 'APOTEKER', female: 0.75 },
  perawat: { name: 'Perawat', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['SMA', 3], ['D3', 55], ['S1', 41], ['S2', 1]], major: 'PERAWAT', female: 0.6 },
  bidan: { name: 'Bidan', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 68], ['D4', 24], ['S1', 6], ['S2', 2]], major: 'BIDAN', female: 1 },
  asistenApoteker: { name: 'Asisten Apoteker', ahli: false, terampil: true, rumpun: 'KESEHATAN', edu: [['SMA', 8], ['D3', 92]], major: 'FARMASI', female: 0.75 },
  nutrisionis: { name: 'Nutrisionis', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 60], ['S1', 40]], major: 'GIZI', female: 0.85 },
  sanitarian: { name: 'Sanitarian', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 62], ['S1', 38]], major: 'LING', female: 0.5 },
  pranataLab: { name: 'Pranata Laboratorium Kesehatan', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 70], ['D4', 30]], major: 'ANALIS', female: 0.7 },
  radiografer: { name: 'Radiografer', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 80], ['D4', 20]], major: 'RADIO', female: 0.4 },
  perekamMedis: { name: 'Perekam Medis', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 85], ['D4', 15]], major: 'RM', female: 0.65 },
  fisioterapis: { name: 'Fisioterapis', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 70], ['S1', 30]], major: 'FISIO', female: 0.55 },
  elektromedis: { name: 'Teknisi Elektromedis', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 85], ['D4', 15]], major: 'ELEKTRO', female: 0.2 },
  penyuluhKesmas: { name: 'Penyuluh Kesehatan Masyarakat', ahli: true, terampil: false, rumpun: 'KESEHATAN', edu: [['S1', 82], ['S2', 18]], major: 'KESMAS', female: 0.6 },
  epidemiolog: { name: 'Epidemiolog Kesehatan', ahli: true, terampil: true, rumpun: 'KESEHATAN', edu: [['D3', 20], ['S1', 60], ['S2', 20]], major: 'KESMAS', female: 0.55 },
  adminKesehatan: { name: 'Administrator Kesehatan', ahli: true, terampil: false, rumpun: 'KESEHATAN', edu: [['S1', 70], ['S2', 30]], major: 'KESMAS', female: 0.55 },

  analisSdm: { name: 'Analis Sumber Daya Manusia Aparatur', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['ADM', 5], ['PSI', 2], ['HUKUM', 2], ['MAN', 2]], female: 0.55 },
  pranataKomputer: { name: 'Pranata Komputer', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: 'TI', female: 0.4 },
  arsiparis: { name: 'Arsiparis', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: 'ADM', female: 0.6 },
  perencana: { name: 'Perencana', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['PWK', 3], ['EKO', 3], ['ADM', 2], ['SIPIL', 1]], female: 0.45 },
  auditor: { name: 'Auditor', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: [['D3', 8], ['S1', 70], ['S2', 22]], major: [['AKT', 5], ['MAN', 2], ['HUKUM', 1], ['SIPIL', 1]], female: 0.5 },
  p2upd: { name: 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['ADM', 3], ['PEM', 2], ['HUKUM', 2]], female: 0.45 },
  analisKeuangan: { name: 'Analis Keuangan Pusat dan Daerah', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['AKT', 3], ['MAN', 2], ['EKO', 1]], female: 0.55 },
  pengelolaPbj: { name: 'Pengelola Pengadaan Barang/Jasa', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['SIPIL', 2], ['MAN', 2], ['TI', 1], ['HUKUM', 1]], female: 0.35 },
  perancang: { name: 'Perancang Peraturan Perundang-undangan', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: 'HUKUM', female: 0.5 },
  analisHukum: { name: 'Analis Hukum', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: 'HUKUM', female: 0.5 },
  analisKebijakan: { name: 'Analis Kebijakan', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['ADM', 3], ['PEM', 2], ['EKO', 1]], female: 0.45 },
  penyuluhPertanian: { name: 'Penyuluh Pertanian', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: [['SMA', 4], ['D3', 24], ['S1', 62], ['S2', 10]], major: [['PERT', 5], ['TERNAK', 1]], female: 0.35 },
  medikVeteriner: { name: 'Paramedik Veteriner', ahli: false, terampil: true, rumpun: 'LAINNYA', edu: [['SMA', 20], ['D3', 80]], major: 'TERNAK', female: 0.3 },
  pekerjaSosial: { name: 'Pekerja Sosial', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: 'SOS', female: 0.55 },
  pengujiKendaraan: { name: 'Penguji Kendaraan Bermotor', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: [['SMA', 15], ['D3', 40], ['D4', 15], ['S1', 30]], major: 'TRANS', female: 0.1 },
  polpp: { name: 'Polisi Pamong Praja', ahli: true, terampil: true, pemula: true, rumpun: 'LAINNYA', edu: [['SMA', 60], ['D3', 10], ['S1', 28], ['S2', 2]], major: [['HUKUM', 2], ['ADM', 2], ['PEM', 1]], female: 0.15 },
  damkar: { name: 'Analis Kebakaran', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['SIPIL', 1], ['ADM', 1]], female: 0.1 },
  pemadam: { name: 'Pemadam Kebakaran', ahli: false, terampil: true, pemula: true, rumpun: 'LAINNYA', edu: [['SMA', 88], ['D3', 12]], major: 'ADM', female: 0.05 },
  adminDukcapil: { name: 'Administrator Database Kependudukan', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: [['TI', 3], ['ADM', 2]], female: 0.5 },
  teknikJalan: { name: 'Teknik Jalan dan Jembatan', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: [['D3', 30], ['S1', 60], ['S2', 10]], major: 'SIPIL', female: 0.15 },
  teknikPengairan: { name: 'Teknik Pengairan', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: [['D3', 30], ['S1', 60], ['S2', 10]], major: 'SIPIL', female: 0.15 },
  penataRuang: { name: 'Penata Ruang', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['PWK', 3], ['ARSI', 1]], female: 0.35 },
  penataBangunan: { name: 'Teknik Tata Bangunan dan Perumahan', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: [['ARSI', 2], ['SIPIL', 2]], female: 0.3 },
  pengendaliDampak: { name: 'Pengendali Dampak Lingkungan', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: 'LING', female: 0.45 },
  pranataHumas: { name: 'Pranata Hubungan Masyarakat', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: 'KOM', female: 0.55 },
  statistisi: { name: 'Statistisi', ahli: true, terampil: true, rumpun: 'LAINNYA', edu: mixedEdu, major: [['EKO', 2], ['TI', 1]], female: 0.5 },
  penyuluhKb: { name: 'Penyuluh Keluarga Berencana', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['SOS', 2], ['KESMAS', 2], ['ADM', 1]], female: 0.6 },
  analisKebencanaan: { name: 'Analis Kebencanaan', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['LING', 2], ['SIPIL', 1], ['ADM', 1]], female: 0.3 },
  penataPerizinan: { name: 'Penata Perizinan', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['ADM', 2], ['HUKUM', 1]], female: 0.55 },
  penggerakSwadaya: { name: 'Penggerak Swadaya Masyarakat', ahli: true, terampil: false, rumpun: 'LAINNYA', edu: ahliEdu, major: [['SOS', 1], ['PEM', 1], ['ADM', 1]], female: 0.4 },
} as const satisfies Record<string, JfDef>;

export type JfKey = keyof typeof JF;

/** Pelaksana position names by education band (Kepmenpan-RB 11/2024 style nomenclature). */
export const PELAKSANA_JABATAN: Record<'low' | 'sma' | 'd3' | 's1', readonly (readonly [string, number])[]> = {
  low: [['Pengelola Umum Operasional', 4], ['Pengemudi', 3], ['Pramu Bakti', 2]],
  sma: [
    ['Pengadministrasi Perkantoran', 5], ['Operator Layanan Operasional', 5], ['Pengadministrasi Umum', 4],
    ['Pengelola Umum Operasional', 2], ['Pengemudi', 1],
  ],
  d3: [
    ['Pengelola Layanan Operasional', 4], ['Pengolah Data dan Informasi', 3], ['Pengelola Keuangan', 2],
    ['Pengadministrasi Perkantoran', 1],
  ],
  s1: [
    ['Penata Layanan Operasional', 5], ['Penelaah Teknis Kebijakan', 4], ['Pengolah Data dan Informasi', 2],
    ['Analis Data dan Informasi', 1], ['Pengelola Keuangan', 1], ['Bendahara', 1],
  ],
};

export const KONTRAK_JABATAN: Record<'low' | 'high', readonly (readonly [string, number])[]> = {
  low: [['Tenaga Kebersihan', 4], ['Petugas Keamanan', 3], ['Pengemudi', 2], ['Operator Komputer', 1], ['Tenaga Administrasi', 2]],
  high: [['Operator Komputer', 3], ['Tenaga Administrasi', 3], ['Tenaga Teknis', 2]],
};
