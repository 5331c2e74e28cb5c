// The demo regency's OPDs with their structural org chart (eselon positions) and
// the mix of staff each one employs. Names follow a typical East Java regency.
import type { MajorKey } from './education.ts';
import type { JfKey } from './jabatan.ts';

/** Keys of hand-defined people placed on a structural position. */
export type FeaturedHolder = 'ATASAN';

/** A structural position; its holder heads `unit`. */
export interface UnitSpec {
  /** Global reference for cross-OPD superiors and featured people. */
  key?: string;
  jabatan: string;
  eselon: string;
  unit: string;
  /** Heads a division: JF staff placed anywhere below report here directly. */
  division?: boolean;
  /** Staff can be attached here ('admin' for secretariat units, 'tech' for line units). */
  staff?: 'admin' | 'tech';
  featured?: FeaturedHolder;
  children?: UnitSpec[];
}

export type Area = 'admin' | 'tech' | 'school';

export interface RoleSpec {
  role: JfKey | 'PELAKSANA';
  weight: number;
  /** Where the role is placed; defaults to tech for JF and any unit for pelaksana. */
  area?: Area;
}

export interface OpdSpec {
  kode: string;
  nama: string;
  parent?: string;
  alamat: string;
  lat: number;
  lng: number;
  radiusM: number;
  /** Share of the non-structural staff. */
  weight: number;
  root: UnitSpec;
  /** Key of the root holder's superior; undefined → Sekretaris Daerah, null → none. */
  rootAtasan?: string | null;
  roles: RoleSpec[];
  /** Preferred fields of study for administrative staff and structural holders. */
  majors?: readonly (readonly [MajorKey, number])[];
  /** Share of pelaksana positions filled by contract staff. */
  kontrak?: number;
}

type Geo = [alamat: string, lat: number, lng: number, radiusM: number];

const subbag = (name: string, eselon = 'IV.a'): UnitSpec => ({ jabatan: `Kepala ${name}`, eselon, unit: name, staff: 'admin' });
const seksi = (name: string, eselon = 'IV.a'): UnitSpec => ({ jabatan: `Kepala ${name}`, eselon, unit: name, staff: 'tech' });

function bidang(name: string, subs: string[], opts: { key?: string; eselon?: string; featured?: FeaturedHolder; admin?: boolean } = {}): UnitSpec {
  return {
    key: opts.key,
    jabatan: name.startsWith('Inspektur') ? name : `Kepala ${name}`,
    eselon: opts.eselon ?? 'III.b',
    unit: name,
    division: true,
    featured: opts.featured,
    staff: subs.length ? undefined : opts.admin ? 'admin' : 'tech',
    children: subs.map((s) => (opts.admin || s.startsWith('Sub Bagian') ? subbag(s) : seksi(s))),
  };
}

const DEFAULT_SUBBAG = ['Sub Bagian Umum dan Kepegawaian', 'Sub Bagian Keuangan dan Aset'];

function sekretariat(opdNama: string, subs: string[] = DEFAULT_SUBBAG): UnitSpec {
  return { jabatan: `Sekretaris ${opdNama}`, eselon: 'III.a', unit: 'Sekretariat', division: true, children: subs.map((s) => subbag(s)) };
}

interface DinasOpts {
  key?: string;
  head?: string;
  subbag?: string[];
  majors?: OpdSpec['majors'];
  kontrak?: number;
  rootAtasan?: string | null;
  /** "Sub Bidang" for badan, "Seksi" for dinas. */
  sub?: 'Seksi' | 'Sub Bidang';
}

/** A dinas or badan: head (II.b), secretariat (III.a + sub bagian), bidang (III.b + seksi/sub bidang). */
function dinas(
  kode: string,
  nama: string,
  geo: Geo,
  weight: number,
  roles: RoleSpec[],
  bidangs: (readonly [string, string[]] | UnitSpec)[],
  opts: DinasOpts = {},
): OpdSpec {
  const prefix = opts.sub ?? (nama.startsWith('Badan') ? 'Sub Bidang' : 'Seksi');
  return {
    kode,
    nama,
    alamat: geo[0],
    lat: geo[1],
    lng: geo[2],
    radiusM: geo[3],
    weight,
    rootAtasan: opts.rootAtasan,
    roles,
    majors: opts.majors,
    kontrak: opts.kontrak,
    root: {
      key: opts.key ?? kode,
      jabatan: opts.head ?? `Kepala ${nama}`,
      eselon: 'II.b',
      unit: nama,
      division: true,
      children: [
        sekretariat(nama, opts.subbag),
        ...bidangs.map((b) =>
          'jabatan' in b ? b : bidang(b[0], b[1].map((s) => (s.startsWith('Seksi') || s.startsWith('Sub ') ? s : `${prefix} ${s}`))),
        ),
      ],
    },
  };
}

function kecamatan(kode: string, name: string, geo: Geo, weight: number): OpdSpec {
  return {
    kode,
    nama: `Kecamatan ${name}`,
    alamat: geo[0],
    lat: geo[1],
    lng: geo[2],
    radiusM: geo[3],
    weight,
    majors: [['PEM', 4], ['ADM', 4], ['HUKUM', 1], ['MAN', 1]],
    kontrak: 0.06,
    roles: [
      { role: 'PELAKSANA', weight: 84 },
      { role: 'penggerakSwadaya', weight: 5 },
      { role: 'analisKebijakan', weight: 4 },
      { role: 'pranataKomputer', weight: 3 },
      { role: 'arsiparis', weight: 4, area: 'admin' },
    ],
    root: {
      jabatan: `Camat ${name}`,
      eselon: 'III.a',
      unit: `Kecamatan ${name}`,
      division: true,
      children: [
        {
          jabatan: `Sekretaris Kecamatan ${name}`,
          eselon: 'III.b',
          unit: 'Sekretariat Kecamatan',
          division: true,
          children: [subbag('Sub Bagian Umum dan Kepegawaian', 'IV.b'), subbag('Sub Bagian Perencanaan dan Keuangan', 'IV.b')],
        },
        seksi('Seksi Pemerintahan'),
        seksi('Seksi Ketenteraman dan Ketertiban Umum'),
        seksi('Seksi Pemberdayaan Masyarakat dan Desa'),
        seksi('Seksi Kesejahteraan Sosial'),
      ],
    },
  };
}

const PUSKESMAS_ROLES: RoleSpec[] = [
  { role: 'dokter', weight: 7 },
  { role: 'dokterGigi', weight: 2 },
  { role: 'perawat', weight: 30 },
  { role: 'bidan', weight: 28 },
  { role: 'apoteker', weight: 2 },
  { role: 'asistenApoteker', weight: 3 },
  { role: 'nutrisionis', weight: 3 },
  { role: 'sanitarian', weight: 3 },
  { role: 'pranataLab', weight: 3 },
  { role: 'penyuluhKesmas', weight: 2 },
  { role: 'perekamMedis', weight: 2 },
  { role: 'epidemiolog', weight: 1 },
  { role: 'PELAKSANA', weight: 14, area: 'admin' },
];

function puskesmas(kode: string, name: string, geo: Geo, weight: number): OpdSpec {
  return {
    kode,
    nama: `UPTD Puskesmas ${name}`,
    parent: 'DINKES',
    alamat: geo[0],
    lat: geo[1],
    lng: geo[2],
    radiusM: geo[3],
    weight,
    rootAtasan: 'DINKES',
    majors: [['KESMAS', 6], ['ADM', 2], ['AKT', 1]],
    kontrak: 0.05,
    roles: PUSKESMAS_ROLES,
    root: {
      jabatan: `Kepala UPTD Puskesmas ${name}`,
      eselon: 'IV.a',
      unit: `UPTD Puskesmas ${name}`,
      division: true,
      staff: 'tech',
      children: [subbag('Sub Bagian Tata Usaha', 'IV.b')],
    },
  };
}

function bagian(kode: string, nama: string, asisten: string, subs: string[], weight: number, roles: RoleSpec[], majors: OpdSpec['majors']): OpdSpec {
  return {
    kode,
    nama,
    parent: 'SETDA',
    alamat: 'Jl. Alun-Alun Utara No. 1, Lumajang',
    lat: -8.1329,
    lng: 113.2243,
    radiusM: 150,
    weight,
    rootAtasan: asisten,
    majors,
    kontrak: 0.05,
    roles,
    root: { jabatan: `Kepala ${nama}`, eselon: 'III.a', unit: nama, division: true, children: subs.map((s) => ({ ...subbag(s), staff: 'tech' as const })) },
  };
}

const P = (weight: number, area?: Area): RoleSpec => ({ role: 'PELAKSANA', weight, area });
const J = (role: JfKey, weight: number, area?: Area): RoleSpec => ({ role, weight, area });

export const OPDS: OpdSpec[] = [
  {
    kode: 'SETDA',
    nama: 'Sekretariat Daerah',
    alamat: 'Jl. Alun-Alun Utara No. 1, Lumajang',
    lat: -8.1329,
    lng: 113.2243,
    radiusM: 150,
    weight: 0.004,
    rootAtasan: null,
    majors: [['ADM', 4], ['PEM', 2], ['HUKUM', 1]],
    kontrak: 0.1,
    roles: [P(90, 'admin'), J('analisKebijakan', 10, 'admin')],
    root: {
      key: 'SEKDA',
      jabatan: 'Sekretaris Daerah',
      eselon: 'II.a',
      unit: 'Sekretariat Daerah',
      division: true,
      children: [
        { key: 'ASISTEN-1', jabatan: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', eselon: 'II.b', unit: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', division: true, staff: 'admin' },
        { key: 'ASISTEN-2', jabatan: 'Asisten Perekonomian dan Pembangunan', eselon: 'II.b', unit: 'Asisten Perekonomian dan Pembangunan', division: true, staff: 'admin' },
        { key: 'ASISTEN-3', jabatan: 'Asisten Administrasi Umum', eselon: 'II.b', unit: 'Asisten Administrasi Umum', division: true, staff: 'admin' },
      ],
    },
  },
  bagian('BAG-PEM', 'Bagian Pemerintahan', 'ASISTEN-1', ['Sub Bagian Administrasi Pemerintahan', 'Sub Bagian Otonomi Daerah', 'Sub Bagian Kerja Sama'], 0.005, [P(85), J('analisKebijakan', 15)], [['PEM', 3], ['ADM', 2]]),
  bagian('BAG-KESRA', 'Bagian Kesejahteraan Rakyat', 'ASISTEN-1', ['Sub Bagian Bina Mental dan Spiritual', 'Sub Bagian Kesejahteraan Masyarakat'], 0.004, [P(90), J('analisKebijakan', 10)], [['SOS', 2], ['ADM', 2], ['PAI', 1]]),
  bagian('BAG-HUKUM', 'Bagian Hukum', 'ASISTEN-1', ['Sub Bagian Perundang-undangan', 'Sub Bagian Bantuan Hukum', 'Sub Bagian Dokumentasi dan Informasi Hukum'], 0.005, [P(60), J('perancang', 25), J('analisHukum', 15)], [['HUKUM', 6], ['ADM', 1]]),
  bagian('BAG-PBJ', 'Bagian Pengadaan Barang dan Jasa', 'ASISTEN-2', ['Sub Bagian Pengelolaan Pengadaan Barang/Jasa', 'Sub Bagian Layanan Pengadaan Secara Elektronik', 'Sub Bagian Pembinaan dan Advokasi Pengadaan Barang/Jasa'], 0.005, [P(50), J('pengelolaPbj', 40), J('pranataKomputer', 10)], [['SIPIL', 2], ['MAN', 2], ['TI', 1]]),
  bagian('BAG-ORG', 'Bagian Organisasi', 'ASISTEN-3', ['Sub Bagian Kelembagaan dan Analisis Jabatan', 'Sub Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja', 'Sub Bagian Tata Laksana dan Pelayanan Publik'], 0.005, [P(75), J('analisKebijakan', 15), J('analisSdm', 10)], [['ADM', 4], ['PSI', 1]]),
  bagian('BAG-UMUM', 'Bagian Umum', 'ASISTEN-3', ['Sub Bagian Tata Usaha Pimpinan', 'Sub Bagian Rumah Tangga', 'Sub Bagian Protokol dan Komunikasi Pimpinan'], 0.009, [P(88), J('arsiparis', 6), J('pranataHumas', 6)], [['ADM', 4], ['KOM', 1]]),

  {
    kode: 'SETWAN',
    nama: 'Sekretariat Dewan Perwakilan Rakyat Daerah',
    alamat: 'Jl. Jenderal Ahmad Yani No. 3, Lumajang',
    lat: -8.1318,
    lng: 113.2268,
    radiusM: 150,
    weight: 0.008,
    majors: [['ADM', 3], ['HUKUM', 2], ['AKT', 1]],
    kontrak: 0.1,
    roles: [P(82), J('perancang', 6), J('analisKebijakan', 6), J('arsiparis', 3, 'admin'), J('pranataHumas', 3)],
    root: {
      key: 'SETWAN',
      jabatan: 'Sekretaris DPRD',
      eselon: 'II.b',
      unit: 'Sekretariat Dewan Perwakilan Rakyat Daerah',
      division: true,
      children: [
        bidang('Bagian Umum dan Keuangan', ['Sub Bagian Tata Usaha dan Kepegawaian', 'Sub Bagian Keuangan'], { eselon: 'III.a', admin: true }),
        bidang('Bagian Persidangan dan Perundang-undangan', ['Sub Bagian Kajian Perundang-undangan', 'Sub Bagian Persidangan dan Risalah'], { eselon: 'III.a' }),
        bidang('Bagian Fasilitasi Penganggaran dan Pengawasan', ['Sub Bagian Fasilitasi Penganggaran', 'Sub Bagian Fasilitasi Pengawasan'], { eselon: 'III.a' }),
      ],
    },
  },
  {
    kode: 'INSPEKTORAT',
    nama: 'Inspektorat Daerah',
    alamat: 'Jl. Kyai Muksin No. 20, Lumajang',
    lat: -8.1352,
    lng: 113.2205,
    radiusM: 120,
    weight: 0.009,
    rootAtasan: null,
    majors: [['AKT', 4], ['HUKUM', 2], ['ADM', 2], ['SIPIL', 1]],
    kontrak: 0.05,
    roles: [P(30), J('auditor', 45), J('p2upd', 25)],
    root: {
      key: 'INSPEKTORAT',
      jabatan: 'Inspektur',
      eselon: 'II.b',
      unit: 'Inspektorat Daerah',
      division: true,
      children: [
        sekretariat('Inspektorat', ['Sub Bagian Umum dan Kepegawaian', 'Sub Bagian Perencanaan dan Keuangan', 'Sub Bagian Evaluasi dan Pelaporan']),
        bidang('Inspektur Pembantu Wilayah I', []),
        bidang('Inspektur Pembantu Wilayah II', []),
        bidang('Inspektur Pembantu Wilayah III', []),
        bidang('Inspektur Pembantu Khusus', []),
      ],
    },
  },
  dinas('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', ['Jl. Kyai Muksin No. 155, Lumajang', -8.1361, 113.2188, 120], 0.007,
    [P(60), J('perencana', 30), J('statistisi', 5), J('pranataKomputer', 5)],
    [
      ['Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah', ['Perencanaan Pembangunan', 'Pengendalian dan Evaluasi']],
      ['Bidang Perekonomian dan Sumber Daya Alam', ['Perekonomian', 'Sumber Daya Alam']],
      ['Bidang Pemerintahan dan Pembangunan Manusia', ['Pemerintahan', 'Pembangunan Manusia']],
      ['Bidang Infrastruktur dan Kewilayahan', ['Infrastruktur', 'Kewilayahan']],
    ],
    { majors: [['PWK', 3], ['EKO', 3], ['ADM', 2], ['SIPIL', 1]] }),
  dinas('BKD', 'Badan Kepegawaian Daerah', ['Jl. Jenderal Ahmad Yani No. 25, Lumajang', -8.1308, 113.2281, 100], 0.009,
    [P(58), J('analisSdm', 30), J('pranataKomputer', 6), J('arsiparis', 6, 'admin')],
    [
      bidang('Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian', ['Sub Bidang Pengadaan dan Pemberhentian', 'Sub Bidang Data dan Sistem Informasi Kepegawaian'], { key: 'BKD-PPIK' }),
      bidang('Bidang Mutasi dan Promosi', ['Sub Bidang Mutasi', 'Sub Bidang Kepangkatan dan Promosi'], { key: 'BKD-MUTASI' }),
      bidang('Bidang Pengembangan Kompetensi Aparatur', ['Sub Bidang Pendidikan dan Pelatihan', 'Sub Bidang Pengembangan Karier']),
      bidang('Bidang Penilaian Kinerja dan Penghargaan', ['Sub Bidang Penilaian Kinerja', 'Sub Bidang Disiplin dan Penghargaan']),
    ],
    { majors: [['ADM', 4], ['PSI', 1], ['HUKUM', 1], ['TI', 1]] }),
  dinas('BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', ['Jl. Jenderal Ahmad Yani No. 9, Lumajang', -8.1312, 113.2262, 120], 0.011,
    [P(65), J('analisKeuangan', 30), J('pranataKomputer', 5)],
    [
      ['Bidang Anggaran', ['Anggaran Belanja', 'Anggaran Pendapatan dan Pembiayaan']],
      ['Bidang Perbendaharaan', ['Belanja Langsung', 'Belanja Tidak Langsung']],
      ['Bidang Akuntansi', ['Akuntansi dan Pelaporan', 'Verifikasi']],
      ['Bidang Aset', ['Penatausahaan Aset', 'Pemanfaatan Aset']],
    ],
    { majors: [['AKT', 5], ['MAN', 3], ['EKO', 1]] }),
  dinas('BAPENDA', 'Badan Pendapatan Daerah', ['Jl. Gajah Mada No. 12, Lumajang', -8.1372, 113.2301, 120], 0.01,
    [P(85), J('analisKeuangan', 10), J('pranataKomputer', 5)],
    [
      ['Bidang Pendataan dan Penetapan', ['Pendataan', 'Penetapan']],
      ['Bidang Penagihan dan Keberatan', ['Penagihan', 'Keberatan']],
      ['Bidang Pajak Bumi dan Bangunan', ['Pendataan PBB', 'Pelayanan PBB dan BPHTB']],
    ],
    { majors: [['AKT', 3], ['MAN', 3], ['EKO', 2], ['ADM', 2]] }),
  dinas('BPBD', 'Badan Penanggulangan Bencana Daerah', ['Jl. Letkol Slamet Wardoyo No. 4, Lumajang', -8.1402, 113.2330, 150], 0.007,
    [P(80), J('analisKebencanaan', 20)],
    [
      ['Bidang Pencegahan dan Kesiapsiagaan', ['Pencegahan', 'Kesiapsiagaan']],
      ['Bidang Kedaruratan dan Logistik', ['Kedaruratan', 'Logistik']],
      ['Bidang Rehabilitasi dan Rekonstruksi', ['Rehabilitasi', 'Rekonstruksi']],
    ],
    { head: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah', sub: 'Seksi', majors: [['LING', 2], ['SIPIL', 2], ['ADM', 2]], kontrak: 0.1 }),
  dinas('BAKESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', ['Jl. Panglima Sudirman No. 18, Lumajang', -8.1297, 113.2219, 100], 0.005,
    [P(85), J('analisKebijakan', 15)],
    [
      ['Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa', ['Ideologi dan Wawasan Kebangsaan']],
      ['Bidang Politik Dalam Negeri', ['Politik Dalam Negeri']],
      ['Bidang Ketahanan Ekonomi, Sosial, Budaya dan Organisasi Kemasyarakatan', ['Organisasi Kemasyarakatan']],
    ],
    { majors: [['PEM', 3], ['ADM', 3], ['SOS', 1]] }),

  dinas('DISDIK', 'Dinas Pendidikan', ['Jl. Kapten Kyai Ilyas No. 4, Lumajang', -8.1386, 113.2218, 150], 0.44,
    [J('guru', 88, 'school'), P(4, 'school'), J('pengawasSekolah', 2.2), J('pamongBelajar', 0.8), P(5)],
    [
      bidang('Bidang Pembinaan Sekolah Dasar', ['Seksi Kurikulum dan Penilaian SD', 'Seksi Peserta Didik dan Pembangunan Karakter SD', 'Seksi Sarana dan Prasarana SD'], { key: 'BID-SD' }),
      bidang('Bidang Pembinaan Sekolah Menengah Pertama', ['Seksi Kurikulum dan Penilaian SMP', 'Seksi Peserta Didik dan Pembangunan Karakter SMP', 'Seksi Sarana dan Prasarana SMP'], { key: 'BID-SMP' }),
      bidang('Bidang Pembinaan PAUD dan Pendidikan Nonformal', ['Seksi Kurikulum dan Penilaian PAUD dan PNF', 'Seksi Kelembagaan PAUD dan PNF']),
      bidang('Bidang Pembinaan Ketenagaan', ['Seksi Pendidik dan Tenaga Kependidikan SD', 'Seksi Pendidik dan Tenaga Kependidikan SMP']),
    ],
    { majors: [['MP', 3], ['ADM', 3], ['PGSD', 2], ['AKT', 1]], kontrak: 0.04 }),
  dinas('DINKES', 'Dinas Kesehatan', ['Jl. Basuki Rahmat No. 1, Lumajang', -8.1365, 113.2262, 120], 0.018,
    [P(40), J('adminKesehatan', 12), J('epidemiolog', 10), J('penyuluhKesmas', 8), J('sanitarian', 6), J('nutrisionis', 6), J('apoteker', 6), J('dokter', 6), J('pranataKomputer', 3), J('perawat', 3)],
    [
      ['Bidang Kesehatan Masyarakat', ['Seksi Kesehatan Keluarga dan Gizi', 'Seksi Promosi dan Pemberdayaan Masyarakat', 'Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga']],
      ['Bidang Pencegahan dan Pengendalian Penyakit', ['Seksi Surveilans dan Imunisasi', 'Seksi Pencegahan dan Pengendalian Penyakit Menular', 'Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa']],
      ['Bidang Pelayanan Kesehatan', ['Seksi Pelayanan Kesehatan Primer', 'Seksi Pelayanan Kesehatan Rujukan', 'Seksi Pelayanan Kesehatan Tradisional']],
      bidang('Bidang Sumber Daya Kesehatan', ['Seksi Kefarmasian dan Alat Kesehatan', 'Seksi Sumber Daya Manusia Kesehatan'], { key: 'DINKES-SDK', featured: 'ATASAN' }),
    ],
    { subbag: ['Sub Bagian Umum dan Kepegawaian', 'Sub Bagian Keuangan dan Aset', 'Sub Bagian Perencanaan dan Evaluasi'], majors: [['KESMAS', 5], ['ADM', 2], ['AKT', 1]], kontrak: 0.05 }),
  {
    kode: 'RSUD',
    nama: 'Rumah Sakit Umum Daerah Lumajang',
    alamat: 'Jl. Jenderal Basuki Rahmat No. 5, Lumajang',
    lat: -8.1391,
    lng: 113.2276,
    radiusM: 250,
    weight: 0.09,
    majors: [['KESMAS', 4], ['ADM', 2], ['AKT', 2], ['MAN', 1]],
    kontrak: 0.08,
    roles: [
      J('dokter', 6), J('dokterSpesialis', 5), J('dokterGigi', 1), J('perawat', 42), J('bidan', 8), J('apoteker', 2),
      J('asistenApoteker', 3), J('radiografer', 2), J('pranataLab', 3), J('nutrisionis', 2), J('fisioterapis', 1),
      J('perekamMedis', 3), J('elektromedis', 1), P(16),
    ],
    root: {
      key: 'RSUD',
      jabatan: 'Direktur Rumah Sakit Umum Daerah Lumajang',
      eselon: 'II.b',
      unit: 'Rumah Sakit Umum Daerah Lumajang',
      division: true,
      children: [
        {
          jabatan: 'Wakil Direktur Pelayanan', eselon: 'III.a', unit: 'Wakil Direktur Pelayanan', children: [
            bidang('Bidang Pelayanan Medis', ['Seksi Pelayanan Medis Rawat Jalan', 'Seksi Pelayanan Medis Rawat Inap']),
            bidang('Bidang Keperawatan', ['Seksi Asuhan Keperawatan', 'Seksi Etika dan Mutu Keperawatan']),
            bidang('Bidang Penunjang', ['Seksi Penunjang Medis', 'Seksi Penunjang Nonmedis']),
          ],
        },
        {
          jabatan: 'Wakil Direktur Umum dan Keuangan', eselon: 'III.a', unit: 'Wakil Direktur Umum dan Keuangan', children: [
            bidang('Bagian Umum dan Kepegawaian', ['Sub Bagian Tata Usaha', 'Sub Bagian Kepegawaian'], { admin: true }),
            bidang('Bagian Keuangan', ['Sub Bagian Perbendaharaan', 'Sub Bagian Akuntansi'], { admin: true }),
          ],
        },
      ],
    },
  },
  dinas('DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', ['Jl. Sultan Agung No. 8, Lumajang', -8.1268, 113.2302, 150], 0.02,
    [P(62), J('teknikJalan', 18), J('teknikPengairan', 12), J('penataRuang', 5), J('pengelolaPbj', 3)],
    [
      ['Bidang Bina Marga', ['Pembangunan Jalan dan Jembatan', 'Pemeliharaan Jalan dan Jembatan']],
      ['Bidang Sumber Daya Air', ['Irigasi', 'Sungai dan Pantai']],
      ['Bidang Cipta Karya', ['Bangunan Gedung', 'Air Minum dan Sanitasi']],
      ['Bidang Penataan Ruang', ['Perencanaan Tata Ruang', 'Pengendalian Pemanfaatan Ruang']],
    ],
    { majors: [['SIPIL', 6], ['ARSI', 1], ['PWK', 1], ['ADM', 2]], kontrak: 0.1 }),
  dinas('DISPERKIM', 'Dinas Perumahan dan Kawasan Permukiman', ['Jl. Sultan Agung No. 10, Lumajang', -8.1272, 113.2311, 120], 0.007,
    [P(75), J('penataBangunan', 20), J('pengelolaPbj', 5)],
    [
      ['Bidang Perumahan', ['Penyediaan Perumahan', 'Pembiayaan Perumahan']],
      ['Bidang Kawasan Permukiman', ['Peningkatan Kualitas Permukiman', 'Prasarana, Sarana dan Utilitas Umum']],
    ],
    { majors: [['SIPIL', 3], ['ARSI', 2], ['ADM', 2]], kontrak: 0.12 }),
  dinas('DINSOS', 'Dinas Sosial', ['Jl. Veteran No. 3, Lumajang', -8.1326, 113.2157, 120], 0.008,
    [P(72), J('pekerjaSosial', 28)],
    [
      ['Bidang Rehabilitasi Sosial', ['Rehabilitasi Sosial Anak dan Lanjut Usia', 'Rehabilitasi Sosial Penyandang Disabilitas']],
      ['Bidang Perlindungan dan Jaminan Sosial', ['Perlindungan Sosial Korban Bencana', 'Jaminan Sosial Keluarga']],
      ['Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin', ['Pemberdayaan Sosial', 'Penanganan Fakir Miskin']],
    ],
    { majors: [['SOS', 4], ['ADM', 2], ['PSI', 1]] }),
  dinas('DISHUB', 'Dinas Perhubungan', ['Jl. Hayam Wuruk No. 7, Lumajang', -8.1421, 113.2244, 200], 0.01,
    [P(78), J('pengujiKendaraan', 22)],
    [
      ['Bidang Lalu Lintas dan Angkutan', ['Manajemen dan Rekayasa Lalu Lintas', 'Angkutan']],
      ['Bidang Sarana dan Prasarana', ['Pengujian Sarana', 'Prasarana Perhubungan']],
    ],
    { majors: [['TRANS', 4], ['SIPIL', 1], ['ADM', 2]], kontrak: 0.12 }),
  dinas('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', ['Jl. Jenderal Suprapto No. 23, Lumajang', -8.1294, 113.2192, 100], 0.007,
    [P(70), J('penataPerizinan', 25), J('pranataKomputer', 5)],
    [
      ['Bidang Penanaman Modal', ['Promosi Penanaman Modal', 'Pengendalian Pelaksanaan Penanaman Modal']],
      ['Bidang Pelayanan Perizinan', ['Pelayanan Perizinan Berusaha', 'Pelayanan Perizinan Non Berusaha']],
    ],
    { majors: [['ADM', 3], ['HUKUM', 2], ['EKO', 1]] }),
  dinas('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', ['Jl. Diponegoro No. 11, Lumajang', -8.1343, 113.2151, 100], 0.01,
    [P(72), J('adminDukcapil', 28)],
    [
      ['Bidang Pelayanan Pendaftaran Penduduk', ['Identitas Penduduk', 'Pindah Datang Penduduk']],
      ['Bidang Pelayanan Pencatatan Sipil', ['Kelahiran dan Kematian', 'Perkawinan dan Perceraian']],
      ['Bidang Pengelolaan Informasi Administrasi Kependudukan', ['Sistem Informasi Administrasi Kependudukan', 'Pengolahan dan Penyajian Data Kependudukan']],
    ],
    { majors: [['ADM', 3], ['TI', 2], ['HUKUM', 1]], kontrak: 0.1 }),
  dinas('SATPOLPP', 'Satuan Polisi Pamong Praja', ['Jl. Alun-Alun Timur No. 2, Lumajang', -8.1338, 113.2259, 150], 0.02,
    [P(30), J('polpp', 55), J('pemadam', 15)],
    [
      ['Bidang Penegakan Peraturan Daerah', ['Pembinaan dan Pengawasan', 'Penyelidikan dan Penyidikan']],
      ['Bidang Ketertiban Umum dan Ketenteraman Masyarakat', ['Operasi dan Pengendalian', 'Kerja Sama']],
      ['Bidang Perlindungan Masyarakat', ['Satuan Linmas', 'Bina Potensi Masyarakat']],
      ['Bidang Pemadam Kebakaran', ['Pencegahan Kebakaran', 'Operasi Pemadaman dan Penyelamatan']],
    ],
    { head: 'Kepala Satuan Polisi Pamong Praja', majors: [['HUKUM', 3], ['ADM', 2], ['PEM', 2]], kontrak: 0.15 }),
  dinas('DLH', 'Dinas Lingkungan Hidup', ['Jl. Imam Bonjol No. 6, Lumajang', -8.1245, 113.2233, 150], 0.012,
    [P(82), J('pengendaliDampak', 18)],
    [
      ['Bidang Tata Lingkungan', ['Perencanaan dan Kajian Dampak Lingkungan', 'Pemeliharaan Lingkungan']],
      ['Bidang Pengelolaan Sampah dan Limbah B3', ['Pengurangan Sampah', 'Penanganan Sampah dan Limbah B3']],
      ['Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan', ['Pemantauan Lingkungan', 'Penegakan Hukum Lingkungan']],
    ],
    { majors: [['LING', 4], ['PERT', 1], ['ADM', 2]], kontrak: 0.2 }),
  dinas('DISPERTA', 'Dinas Ketahanan Pangan dan Pertanian', ['Jl. Soekarno-Hatta No. 16, Lumajang', -8.1456, 113.2201, 200], 0.035,
    [P(32), J('penyuluhPertanian', 60), J('medikVeteriner', 8)],
    [
      ['Bidang Tanaman Pangan dan Hortikultura', ['Produksi Tanaman Pangan', 'Hortikultura']],
      ['Bidang Perkebunan', ['Produksi Perkebunan', 'Pengolahan dan Pemasaran Hasil Perkebunan']],
      ['Bidang Peternakan dan Kesehatan Hewan', ['Produksi Peternakan', 'Kesehatan Hewan dan Kesehatan Masyarakat Veteriner']],
      ['Bidang Penyuluhan', ['Kelembagaan dan Ketenagaan Penyuluhan', 'Metode dan Informasi Penyuluhan']],
      ['Bidang Ketahanan Pangan', ['Ketersediaan dan Distribusi Pangan', 'Konsumsi dan Keamanan Pangan']],
    ],
    { majors: [['PERT', 6], ['TERNAK', 2], ['ADM', 2]] }),
  dinas('DISKOMINFO', 'Dinas Komunikasi dan Informatika', ['Jl. Jenderal Ahmad Yani No. 15, Lumajang', -8.1305, 113.2274, 100], 0.007,
    [P(55), J('pranataKomputer', 25), J('pranataHumas', 12), J('statistisi', 8)],
    [
      ['Bidang Informasi dan Komunikasi Publik', ['Pengelolaan Informasi Publik', 'Komunikasi Publik']],
      ['Bidang Aplikasi Informatika', ['Layanan E-Government', 'Infrastruktur dan Persandian']],
      ['Bidang Statistik', ['Statistik Sektoral']],
    ],
    { majors: [['TI', 5], ['KOM', 2], ['ADM', 1]] }),
  dinas('DPPKB', 'Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak', ['Jl. Brigjend Katamso No. 9, Lumajang', -8.1281, 113.2176, 120], 0.015,
    [P(45), J('penyuluhKb', 55)],
    [
      ['Bidang Pengendalian Penduduk, Penyuluhan dan Penggerakan', ['Pengendalian Penduduk', 'Penyuluhan dan Penggerakan']],
      ['Bidang Keluarga Berencana dan Ketahanan Keluarga', ['Keluarga Berencana', 'Ketahanan dan Kesejahteraan Keluarga']],
      ['Bidang Pemberdayaan Perempuan dan Perlindungan Anak', ['Pemberdayaan Perempuan', 'Perlindungan Anak']],
    ],
    { majors: [['SOS', 3], ['KESMAS', 2], ['ADM', 2], ['PSI', 1]] }),

  kecamatan('KEC-LUMAJANG', 'Lumajang', ['Jl. Alun-Alun Barat No. 5, Lumajang', -8.1342, 113.2226, 100], 0.011),
  kecamatan('KEC-SUKODONO', 'Sukodono', ['Jl. Raya Sukodono No. 2, Sukodono', -8.1041, 113.2093, 100], 0.01),
  kecamatan('KEC-SENDURO', 'Senduro', ['Jl. Raya Senduro No. 12, Senduro', -8.0972, 113.0933, 120], 0.01),
  kecamatan('KEC-PASIRIAN', 'Pasirian', ['Jl. Raya Pasirian No. 30, Pasirian', -8.2195, 113.1130, 120], 0.01),
  kecamatan('KEC-TEMPEH', 'Tempeh', ['Jl. Raya Tempeh No. 45, Tempeh', -8.2040, 113.1600, 100], 0.01),
  kecamatan('KEC-CANDIPURO', 'Candipuro', ['Jl. Raya Candipuro No. 8, Candipuro', -8.1630, 113.0860, 100], 0.009),

  puskesmas('PKM-ROGOTRUNAN', 'Rogotrunan', ['Jl. Kyai Muksin No. 67, Lumajang', -8.1285, 113.2150, 150], 0.016),
  puskesmas('PKM-SUKODONO', 'Sukodono', ['Jl. Raya Sukodono No. 21, Sukodono', -8.1062, 113.2071, 150], 0.015),
  puskesmas('PKM-SENDURO', 'Senduro', ['Jl. Raya Senduro No. 40, Senduro', -8.0951, 113.0962, 200], 0.015),
  puskesmas('PKM-PASIRIAN', 'Pasirian', ['Jl. Raya Pasirian No. 88, Pasirian', -8.2211, 113.1158, 200], 0.016),
  puskesmas('PKM-TEMPEH', 'Tempeh', ['Jl. Raya Tempeh No. 102, Tempeh', -8.2063, 113.1622, 200], 0.015),
  puskesmas('PKM-CANDIPURO', 'Candipuro', ['Jl. Raya Candipuro No. 25, Candipuro', -8.1652, 113.0883, 250], 0.014),
  puskesmas('PKM-KLAKAH', 'Klakah', ['Jl. Raya Klakah No. 17, Klakah', -8.0503, 113.2522, 250], 0.014),
  puskesmas('PKM-YOSOWILANGUN', 'Yosowilangun', ['Jl. Raya Yosowilangun No. 60, Yosowilangun', -8.2290, 113.2960, 300], 0.015),
];

/** All 21 kecamatan of the regency, for naming schools. */
export const KECAMATAN_NAMES = [
  'Lumajang', 'Sukodono', 'Senduro', 'Pasirian', 'Tempeh', 'Candipuro', 'Pronojiwo', 'Tempursari', 'Kunir',
  'Yosowilangun', 'Rowokangkung', 'Jatiroto', 'Randuagung', 'Klakah', 'Ranuyoso', 'Kedungjajang', 'Padang',
  'Pasrujambe', 'Gucialit', 'Tekung', 'Sumbersuko',
] as const;
