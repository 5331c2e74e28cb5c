// Competency development (riwayat_diklat): leadership training of eselon
// holders, functional training of JF holders, basic training of recent CPNS,
// and technical trainings and workshops/seminars/bimtek in 2023–2026 (the 20 JP
// rule, DOMAIN-RULES §9). Nothing ends after the reference date.
import { REF_DAYNUM, dayNum, isoOfNum, numOfIso, workdayOnOrAfter, yearOf, ymOfIso } from './dates.ts';
import type { CareerInfo, EmployeeRow } from './employees.ts';
import { eselonLevel, type DiklatRow, type HistoryContext, type JabatanRow, type JenisDiklat } from './history-types.ts';
import { JF, type JfDef } from './jabatan.ts';
import type { Rng } from './random.ts';

/** Share of eselon holders trained for the level of their current post (some also for an earlier post). */
const LEADERSHIP_RATE = 0.64;
const EARLIER_LEADERSHIP_RATE = 0.5;
/** Share of JF holders with a functional training. */
const FUNCTIONAL_RATE = 0.6;
/** Yearly chance of at least one workshop / technical training: base + slope × personal activity (0–1). */
const WORKSHOP = { base: 0.1, slope: 0.6 };
const TEKNIS = { base: 0.16, slope: 0.62 };
const TRAINING_YEARS = [2023, 2024, 2025, 2026] as const;

const PENYELENGGARA = {
  bkd: 'Badan Kepegawaian Daerah Kabupaten Lumajang',
  bpsdm: 'BPSDM Provinsi Jawa Timur',
  lan: 'Lembaga Administrasi Negara',
  elearning: 'LAN RI (ASN Unggul, e-learning)',
  dinkesProv: 'Dinas Kesehatan Provinsi Jawa Timur',
  bapelkes: 'UPT Pelatihan Kesehatan Masyarakat Murnajati',
  bbgp: 'Balai Besar Guru Penggerak Provinsi Jawa Timur',
  kemendikdasmen: 'Kementerian Pendidikan Dasar dan Menengah',
  kemendagri: 'BPSDM Kementerian Dalam Negeri',
} as const;

type Domain = 'guru' | 'kesehatan' | 'it' | 'keuangan' | 'teknik' | 'umum';

type Topic = readonly [nama: string, jp: readonly [number, number], penyelenggara: string];

const TEKNIS_TOPICS: Record<Domain | 'all', readonly Topic[]> = {
  all: [
    ['Pelatihan Core Values ASN BerAKHLAK', [10, 20], PENYELENGGARA.elearning],
    ['Pelatihan Literasi Digital ASN', [10, 20], PENYELENGGARA.elearning],
    ['Pelatihan Manajemen Kinerja dan Penyusunan SKP', [16, 24], PENYELENGGARA.bkd],
    ['Pelatihan Pelayanan Publik Prima', [20, 30], PENYELENGGARA.bpsdm],
    ['Pelatihan Pengelolaan Arsip Dinamis', [20, 30], PENYELENGGARA.bpsdm],
    ['Pelatihan Penyusunan Analisis Jabatan dan Beban Kerja', [24, 32], PENYELENGGARA.bpsdm],
    ['Pelatihan Public Speaking dan Komunikasi Efektif', [16, 24], PENYELENGGARA.bpsdm],
    ['Pelatihan Pengolahan Data dengan Spreadsheet', [16, 24], PENYELENGGARA.bpsdm],
  ],
  umum: [
    ['Pelatihan Teknis Penyusunan Kebijakan Publik', [24, 40], PENYELENGGARA.bpsdm],
    ['Pelatihan Manajemen Risiko Sektor Publik', [20, 30], PENYELENGGARA.bpsdm],
    ['Pelatihan Pengadaan Barang/Jasa Tingkat Dasar', [24, 36], PENYELENGGARA.bpsdm],
    ['Pelatihan Tata Naskah Dinas Elektronik', [16, 24], PENYELENGGARA.bkd],
  ],
  keuangan: [
    ['Pelatihan Penatausahaan Keuangan Daerah (SIPD)', [24, 40], PENYELENGGARA.kemendagri],
    ['Pelatihan Pengelolaan Barang Milik Daerah', [24, 32], PENYELENGGARA.bpsdm],
    ['Pelatihan Akuntansi Berbasis Akrual', [30, 40], PENYELENGGARA.bpsdm],
  ],
  it: [
    ['Pelatihan Keamanan Informasi', [24, 40], PENYELENGGARA.bpsdm],
    ['Pelatihan Pengembangan Aplikasi Berbasis Web', [30, 48], PENYELENGGARA.bpsdm],
    ['Pelatihan Arsitektur SPBE', [20, 30], PENYELENGGARA.kemendagri],
  ],
  teknik: [
    ['Pelatihan Perencanaan Teknis Jalan dan Jembatan', [30, 48], PENYELENGGARA.bpsdm],
    ['Pelatihan Pengawasan Konstruksi', [24, 40], PENYELENGGARA.bpsdm],
  ],
  kesehatan: [
    ['Pelatihan Basic Life Support', [16, 24], PENYELENGGARA.dinkesProv],
    ['Pelatihan Pencegahan dan Pengendalian Infeksi', [24, 32], PENYELENGGARA.bapelkes],
    ['Pelatihan Asuhan Persalinan Normal', [40, 60], PENYELENGGARA.bapelkes],
    ['Pelatihan Manajemen Terpadu Balita Sakit', [30, 40], PENYELENGGARA.bapelkes],
    ['Pelatihan Tata Laksana Gizi Buruk', [24, 32], PENYELENGGARA.bapelkes],
    ['Pelatihan Manajemen Puskesmas', [30, 40], PENYELENGGARA.dinkesProv],
  ],
  guru: [
    ['Pelatihan Implementasi Kurikulum Merdeka', [24, 32], PENYELENGGARA.bbgp],
    ['Pelatihan Asesmen Pembelajaran', [20, 32], PENYELENGGARA.bbgp],
    ['Pelatihan Pembelajaran Berdiferensiasi', [20, 32], PENYELENGGARA.bbgp],
    ['Pelatihan Penguatan Literasi dan Numerasi', [24, 32], PENYELENGGARA.bbgp],
    ['Pelatihan Mandiri Platform Merdeka Mengajar', [10, 20], PENYELENGGARA.kemendikdasmen],
  ],
};

const WORKSHOP_TOPICS: Record<Domain | 'all', readonly Topic[]> = {
  all: [
    ['Sosialisasi Netralitas ASN', [2, 4], PENYELENGGARA.bkd],
    ['Bimbingan Teknis Pemutakhiran Data Mandiri SIASN', [4, 8], PENYELENGGARA.bkd],
    ['Bimbingan Teknis Aplikasi SRIKANDI', [8, 16], PENYELENGGARA.bkd],
    ['Webinar Literasi Digital dan Keamanan Siber', [2, 4], PENYELENGGARA.elearning],
    ['Workshop Reformasi Birokrasi dan Zona Integritas', [8, 16], PENYELENGGARA.bpsdm],
    ['Seminar Kesehatan Mental di Tempat Kerja', [3, 4], PENYELENGGARA.bkd],
  ],
  umum: [
    ['Bimbingan Teknis Penyusunan Rencana Kerja Perangkat Daerah', [16, 24], PENYELENGGARA.bpsdm],
    ['Bimbingan Teknis Penyusunan LKjIP', [16, 24], PENYELENGGARA.bpsdm],
    ['Workshop Penyusunan Standar Pelayanan', [8, 16], PENYELENGGARA.bpsdm],
  ],
  keuangan: [
    ['Bimbingan Teknis Penyusunan Laporan Keuangan Pemerintah Daerah', [16, 32], PENYELENGGARA.bpsdm],
    ['Workshop Penyusunan RKA Perangkat Daerah', [8, 16], PENYELENGGARA.bpsdm],
  ],
  it: [
    ['Workshop Satu Data Indonesia Tingkat Daerah', [8, 16], PENYELENGGARA.bpsdm],
    ['Seminar Transformasi Digital Pemerintahan', [3, 4], PENYELENGGARA.kemendagri],
  ],
  teknik: [['Bimbingan Teknis SIMBG', [8, 16], PENYELENGGARA.bpsdm]],
  kesehatan: [
    ['Seminar Nasional Keperawatan', [4, 8], PENYELENGGARA.dinkesProv],
    ['Workshop Akreditasi Puskesmas', [8, 16], PENYELENGGARA.dinkesProv],
    ['Bimbingan Teknis Aplikasi SATUSEHAT', [8, 16], PENYELENGGARA.dinkesProv],
    ['Seminar Penurunan Stunting', [3, 4], PENYELENGGARA.dinkesProv],
  ],
  guru: [
    ['Workshop Penyusunan Modul Ajar', [8, 16], PENYELENGGARA.bbgp],
    ['Seminar Pendidikan Karakter', [3, 4], PENYELENGGARA.bbgp],
    ['Bimbingan Teknis Penilaian Kinerja Guru', [8, 16], PENYELENGGARA.bbgp],
    ['Workshop Komunitas Belajar Kelompok Kerja Guru', [8, 16], PENYELENGGARA.bbgp],
  ],
};

/** Functional training of a JF (name, JP, organiser) as of a year. */
function functionalTraining(jf: JfDef, principal: boolean, year: number): Topic {
  if (principal) return ['Pendidikan dan Pelatihan Calon Kepala Sekolah', [100, 100], 'Lembaga Penjaminan Mutu Pendidikan Jawa Timur'];
  if (jf === JF.guru) {
    return year >= 2018
      ? ['Pendidikan Profesi Guru (PPG) Dalam Jabatan', [200, 200], PENYELENGGARA.kemendikdasmen]
      : ['Pendidikan dan Latihan Profesi Guru (PLPG)', [90, 90], 'Universitas Negeri Malang'];
  }
  const organiser: Record<string, string> = {
    'Pranata Komputer': 'Badan Pusat Statistik',
    Statistisi: 'Badan Pusat Statistik',
    Arsiparis: 'Arsip Nasional Republik Indonesia',
    'Analis Sumber Daya Manusia Aparatur': 'Badan Kepegawaian Negara',
    Perencana: 'Pusbindiklatren Bappenas',
    Auditor: 'Pusdiklatwas BPKP',
    'Penyuluh Pertanian': 'Balai Besar Pelatihan Pertanian Ketindan',
    'Pengelola Pengadaan Barang/Jasa': 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah',
    'Perancang Peraturan Perundang-undangan': 'BPSDM Hukum Kementerian Hukum',
    'Analis Hukum': 'BPSDM Hukum Kementerian Hukum',
    'Polisi Pamong Praja': PENYELENGGARA.kemendagri,
  };
  const penyelenggara = organiser[jf.name] ?? (jf.rumpun === 'KESEHATAN' ? PENYELENGGARA.bapelkes : PENYELENGGARA.bpsdm);
  return [`Pelatihan Fungsional ${jf.name}`, [40, 80], penyelenggara];
}

/** Leadership training for an eselon level (2 JPT pratama, 3 administrator, 4 pengawas), by year (PerLAN 2019 names). */
function leadershipTraining(level: number, year: number): Topic {
  if (level === 2) return year >= 2019 ? ['Pelatihan Kepemimpinan Nasional Tingkat II', [480, 480], PENYELENGGARA.lan] : ['Diklat Kepemimpinan Tingkat II', [480, 480], PENYELENGGARA.lan];
  if (level === 3) return year >= 2019 ? ['Pelatihan Kepemimpinan Administrator', [420, 420], PENYELENGGARA.bpsdm] : ['Diklat Kepemimpinan Tingkat III', [360, 360], PENYELENGGARA.bpsdm];
  return year >= 2019 ? ['Pelatihan Kepemimpinan Pengawas', [360, 360], PENYELENGGARA.bpsdm] : ['Diklat Kepemimpinan Tingkat IV', [285, 285], PENYELENGGARA.bpsdm];
}

const CERT_CODE: Record<JenisDiklat, string> = { KEPEMIMPINAN: 'PIM', FUNGSIONAL: 'FUNG', TEKNIS: 'TEK', WORKSHOP: 'WS' };

function domainOf(e: EmployeeRow, c: CareerInfo): Domain {
  if (e.rumpunFungsional === 'GURU' || c.jf === JF.guru) return 'guru';
  if (e.rumpunFungsional === 'KESEHATAN' || c.jf?.rumpun === 'KESEHATAN') return 'kesehatan';
  const m = c.major as string;
  if (m === 'TI' || c.jf === JF.pranataKomputer || c.jf === JF.statistisi) return 'it';
  if (m === 'AKT' || m === 'MAN' || m === 'EKO' || /Keuangan|Bendahara/.test(e.namaJabatan)) return 'keuangan';
  if (m === 'SIPIL' || m === 'ARSI' || m === 'PWK') return 'teknik';
  return 'umum';
}

export function diklatHistory(e: EmployeeRow, c: CareerInfo, jabatan: readonly JabatanRow[], ctx: HistoryContext): DiklatRow[] {
  const { rng } = ctx;
  const asn = e.statusKepegawaian !== 'KONTRAK';
  if (!asn) return [];
  const rows: DiklatRow[] = [];
  const seen = new Set<string>();
  const startDay = numOfIso(e.tmtCpns ?? e.tmtPppk!);
  const add = (jenis: JenisDiklat, topic: Topic, start: number, days: number): void => {
    const mulai = workdayOnOrAfter(start);
    let selesai = mulai + days - 1;
    if (selesai > REF_DAYNUM) selesai = REF_DAYNUM;
    if (mulai < startDay || mulai > selesai) return;
    const [nama, [lo, hi], penyelenggara] = topic;
    const key = `${jenis}|${nama}|${mulai}`;
    if (seen.has(key)) return;
    seen.add(key);
    const year = yearOf(ymOfIso(isoOfNum(selesai)));
    const cert = jenis === 'WORKSHOP' && rng.chance(0.4) ? null : ctx.letters.next(`${CERT_CODE[jenis]}`, year, 'SERT');
    rows.push({ employeeId: e.id, jenis, nama, penyelenggara, tanggalMulai: isoOfNum(mulai), tanggalSelesai: isoOfNum(selesai), jp: rng.int(lo, hi), nomorSertifikat: cert });
  };
  /** A start day inside [from, to] (day numbers; `to` wins when the range is empty); `add` moves it to a working day. */
  const dayIn = (from: number, to: number) => (to <= from ? to : rng.int(from, to));

  // Basic training (Latsar) of CPNS appointed since 2019, within their first year.
  if (e.tmtCpns && e.tmtCpns >= '2019-01-01') {
    const gol = e.golongan?.startsWith('III') ? 'III' : e.golongan?.startsWith('II') ? 'II' : 'I';
    const mulai = startDay + rng.int(90, 200);
    if (mulai + 50 <= REF_DAYNUM) add('TEKNIS', [`Pelatihan Dasar CPNS Golongan ${gol}`, [400, 400], PENYELENGGARA.bpsdm], mulai, 50);
  }

  // Leadership: the level of every eselon post held, before or after the appointment.
  const posts = jabatan.filter((j) => j.jenisJabatan === 'STRUKTURAL' && eselonLevel(j.eselon) > 0);
  const current = posts[posts.length - 1];
  const trainedLevels = new Set<number>();
  for (const p of posts) {
    const level = eselonLevel(p.eselon);
    if (trainedLevels.has(level)) continue;
    if (!rng.chance(p === current ? LEADERSHIP_RATE : EARLIER_LEADERSHIP_RATE)) continue;
    trainedLevels.add(level);
    const tmt = numOfIso(p.tmtJabatan);
    const mulai = dayIn(Math.max(tmt - 900, startDay + 4 * 365), Math.min(tmt + 540, REF_DAYNUM - 120));
    const topic = leadershipTraining(level, yearOf(ymOfIso(isoOfNum(mulai))));
    add('KEPEMIMPINAN', topic, mulai, rng.int(95, 125));
  }

  // Functional training of JF holders: around their first appointment to the JF, or later.
  if (e.jenisJabatan === 'FUNGSIONAL' && c.jf && rng.chance(FUNCTIONAL_RATE)) {
    const principal = c.kind === 'KEPSEK';
    const firstJf = jabatan.find((j) => j.jenisJabatan === 'FUNGSIONAL' && (principal || j.namaJabatan.startsWith(c.jf!.name)));
    const appointed = numOfIso(principal ? e.tmtJabatan! : (firstJf?.tmtJabatan ?? e.tmtJabatan!));
    const [lo, hi] = principal ? [appointed - 900, appointed - 120] : [appointed - 60, appointed + 1500];
    const mulai = dayIn(Math.max(lo, startDay + 60), Math.min(hi, REF_DAYNUM - 30));
    const topic = functionalTraining(c.jf, principal, yearOf(ymOfIso(isoOfNum(mulai))));
    add('FUNGSIONAL', topic, mulai, topic[1][0] >= 200 ? 120 : topic[1][0] >= 90 ? rng.int(10, 20) : rng.int(5, 12));
  }

  // Yearly technical trainings and workshops, 2023 to the reference date.
  const domain = domainOf(e, c);
  let activity = rng.float();
  if (e.jenisJabatan === 'STRUKTURAL') activity = Math.min(1, activity + 0.25);
  else if (e.jenisJabatan === 'PELAKSANA') activity *= 0.8;
  const teknisPool = [...TEKNIS_TOPICS.all, ...TEKNIS_TOPICS[domain], ...TEKNIS_TOPICS[domain]];
  const workshopPool = [...WORKSHOP_TOPICS.all, ...WORKSHOP_TOPICS[domain], ...WORKSHOP_TOPICS[domain]];
  for (const y of TRAINING_YEARS) {
    const used = new Set<string>(); // one of each topic a year
    const pick = (pool: readonly Topic[]): Topic | null => {
      let t = pickTopic(rng, pool, y);
      for (let k = 0; k < 3 && used.has(t[0]); k++) t = pickTopic(rng, pool, y);
      if (used.has(t[0])) return null;
      used.add(t[0]);
      return t;
    };
    const from = Math.max(dayNum(y, 1, 6), startDay);
    const to = Math.min(dayNum(y, 12, 15), REF_DAYNUM - 2);
    if (to - from < 20) continue;
    const share = Math.min(1, (to - from) / 343);
    if (rng.chance((WORKSHOP.base + WORKSHOP.slope * activity) * share)) {
      const n = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.12) ? 1 : 0);
      for (let k = 0; k < n; k++) {
        const topic = pick(workshopPool);
        if (topic) add('WORKSHOP', topic, dayIn(from, to), rng.int(1, 3));
      }
    }
    if (rng.chance((TEKNIS.base + TEKNIS.slope * activity) * share)) {
      const n = 1 + (rng.chance(0.25) ? 1 : 0);
      for (let k = 0; k < n; k++) {
        const topic = pick(teknisPool);
        if (topic) add('TEKNIS', topic, dayIn(from, to), rng.int(2, 6));
      }
    }
  }
  rows.sort((a, b) => (a.tanggalMulai < b.tanggalMulai ? -1 : a.tanggalMulai > b.tanggalMulai ? 1 : 0));
  return rows;
}

function pickTopic(rng: Rng, pool: readonly Topic[], year: number): Topic {
  const [nama, jp, org] = rng.pick(pool);
  // Yearly events carry their year in the name ("… Tahun 2025") where that is how they are announced.
  return nama.startsWith('Bimbingan Teknis Penyusunan') ? [`${nama} Tahun ${year}`, jp, org] : [nama, jp, org];
}

