// Hand-written histories of the featured ASN (Siti Rahmawati) and her superior
// (Bambang Sutrisno), so demos and docs can rely on them. Their rank and KGB
// rows come from the generic replay of their rank steps (career.ts): Siti is
// III/a (CPNS 2019) → III/b (KP 2023-04), KGBs 2021-01, 2023-01, 2025-01, next KGB
// 2027-01-01; Bambang III/a (2000) → IV/a (2016), KGBs every 2 years to 2026-03.
import { isoOfNum, numOfIso } from './dates.ts';
import type { EmployeeRow } from './employees.ts';
import type { FeaturedPersonKey } from './featured.ts';
import { workingDays } from './family.ts';
import type {
  CutiRow, DiklatRow, EmployeeExtra, HistoryContext, JabatanRow, JenisDiklat, KeluargaRow, PendidikanRow, SkpRow,
} from './history-types.ts';

export interface FeaturedHistories {
  jabatan: JabatanRow[];
  pendidikan: PendidikanRow[];
  diklat: DiklatRow[];
  skp: SkpRow[];
  keluarga: KeluargaRow[];
  cuti: CutiRow[];
  personal: Pick<EmployeeExtra, 'agama' | 'statusPerkawinan' | 'alamat' | 'kota' | 'kodePos'>;
}

type D = [jenis: JenisDiklat, nama: string, penyelenggara: string, mulai: string, selesai: string, jp: number];

export function featuredHistories(
  key: FeaturedPersonKey,
  e: EmployeeRow,
  ctx: HistoryContext,
  opdId: (kode: string) => number,
): FeaturedHistories | null {
  const id = e.id;
  const { letters } = ctx;
  const current: JabatanRow = {
    employeeId: id, jenisJabatan: e.jenisJabatan, namaJabatan: e.namaJabatan, eselon: e.eselon, jenjangFungsional: e.jenjangFungsional,
    rumpunFungsional: e.rumpunFungsional, opdId: e.opdId, unitKerja: e.unitKerja, tmtJabatan: e.tmtJabatan!,
    nomorSk: '', tanggalSk: '',
  };
  const sk = (row: JabatanRow, daysBefore: number): JabatanRow => {
    const tanggalSk = isoOfNum(numOfIso(row.tmtJabatan) - daysBefore);
    return { ...row, tanggalSk, nomorSk: letters.next('821.2', Number(tanggalSk.slice(0, 4))) };
  };
  const diklat = (list: D[]): DiklatRow[] =>
    list.map(([jenis, nama, penyelenggara, mulai, selesai, jp]) => ({
      employeeId: id, jenis, nama, penyelenggara, tanggalMulai: mulai, tanggalSelesai: selesai, jp,
      nomorSertifikat: jenis === 'WORKSHOP' ? null : letters.next(jenis === 'KEPEMIMPINAN' ? 'PIM' : jenis === 'FUNGSIONAL' ? 'FUNG' : 'TEK', Number(selesai.slice(0, 4)), 'SERT'),
    }));
  const cuti = (list: [string, string, string][]): CutiRow[] =>
    list.map(([mulai, selesai, keterangan]) => ({
      employeeId: id, jenisCuti: 'TAHUNAN', tanggalMulai: mulai, tanggalSelesai: selesai,
      lamaHari: workingDays(numOfIso(mulai), numOfIso(selesai)),
      nomorSurat: letters.next('800.1.11.4', Number(mulai.slice(0, 4))), keterangan,
    }));

  if (key === 'asn') {
    return {
      jabatan: [
        sk({ ...current, jenisJabatan: 'PELAKSANA', namaJabatan: 'Pengolah Data dan Informasi', jenjangFungsional: null, rumpunFungsional: null, tmtJabatan: '2019-01-01' }, 20),
        sk(current, 14),
      ],
      pendidikan: [
        { employeeId: id, jenjang: 'SMA', jurusan: 'IPA', institusi: 'SMA Negeri 1 Lumajang', tahunLulus: 2012 },
        { employeeId: id, jenjang: 'S1', jurusan: e.jurusan, institusi: 'Universitas Jember', tahunLulus: e.tahunLulus! },
      ],
      diklat: diklat([
        ['TEKNIS', 'Pelatihan Dasar CPNS Golongan III', 'BPSDM Provinsi Jawa Timur', '2019-07-08', '2019-08-26', 400],
        ['FUNGSIONAL', 'Pelatihan Fungsional Pranata Komputer', 'Badan Pusat Statistik', '2023-03-13', '2023-03-24', 60],
        ['WORKSHOP', 'Bimbingan Teknis Aplikasi SRIKANDI', 'Badan Kepegawaian Daerah Kabupaten Lumajang', '2023-08-15', '2023-08-16', 12],
        ['TEKNIS', 'Pelatihan Keamanan Informasi', 'BPSDM Provinsi Jawa Timur', '2024-05-20', '2024-05-24', 32],
        ['WORKSHOP', 'Workshop Satu Data Indonesia Tingkat Daerah', 'BPSDM Provinsi Jawa Timur', '2024-09-10', '2024-09-10', 8],
        ['TEKNIS', 'Pelatihan Pengembangan Aplikasi Berbasis Web', 'BPSDM Provinsi Jawa Timur', '2025-04-14', '2025-04-18', 40],
        ['WORKSHOP', 'Bimbingan Teknis Aplikasi SATUSEHAT', 'Dinas Kesehatan Provinsi Jawa Timur', '2025-08-05', '2025-08-06', 16],
        ['TEKNIS', 'Pelatihan Arsitektur SPBE', 'BPSDM Kementerian Dalam Negeri', '2026-03-09', '2026-03-12', 24],
        ['WORKSHOP', 'Webinar Literasi Digital dan Keamanan Siber', 'LAN RI (ASN Unggul, e-learning)', '2026-09-10', '2026-09-10', 3],
      ]),
      skp: [
        { employeeId: id, tahun: 2021, nilai: '85.40', predikat: 'BAIK' },
        ...[2022, 2023, 2024, 2025].map((tahun) => ({ employeeId: id, tahun, nilai: null, predikat: 'BAIK' as const })),
      ],
      keluarga: [
        { employeeId: id, hubungan: 'SUAMI', nama: 'Ahmad Fauzi', tanggalLahir: '1992-03-09', jenisKelamin: 'L', tanggalNikah: '2020-10-17', statusTunjangan: true, keterangan: 'Karyawan swasta' },
        { employeeId: id, hubungan: 'ANAK', nama: 'Aisyah Putri Ramadhani', tanggalLahir: '2022-04-21', jenisKelamin: 'P', tanggalNikah: null, statusTunjangan: true, keterangan: 'Anak kandung' },
      ],
      cuti: cuti([
        ['2025-06-09', '2025-06-11', 'Acara keluarga'],
        ['2025-12-22', '2025-12-24', 'Liburan keluarga'],
        ['2026-03-23', '2026-03-25', 'Mudik lebaran'],
      ]),
      personal: {
        agama: 'ISLAM', statusPerkawinan: 'KAWIN', alamat: 'Jl. Kyai Muksin No. 21, RT 004/RW 002, Kel. Rogotrunan, Kec. Lumajang',
        kota: 'Kabupaten Lumajang', kodePos: '67311',
      },
    };
  }
  if (key === 'atasan') {
    const pasirian = opdId('PKM-PASIRIAN');
    return {
      jabatan: [
        sk({ ...current, jenisJabatan: 'PELAKSANA', namaJabatan: 'Pengelola Program Kesehatan Masyarakat', eselon: null, opdId: opdId('PKM-SENDURO'), unitKerja: 'UPTD Puskesmas Senduro', tmtJabatan: '2000-03-01' }, 25),
        sk({ ...current, namaJabatan: 'Kepala Sub Bagian Tata Usaha', eselon: 'IV.b', opdId: pasirian, unitKerja: 'Sub Bagian Tata Usaha', tmtJabatan: '2008-06-16' }, 0),
        sk({ ...current, namaJabatan: 'Kepala Seksi Sumber Daya Manusia Kesehatan', eselon: 'IV.a', unitKerja: 'Seksi Sumber Daya Manusia Kesehatan', tmtJabatan: '2015-03-02' }, 0),
        sk(current, 0),
      ],
      pendidikan: [
        { employeeId: id, jenjang: 'SMA', jurusan: 'IPA', institusi: 'SMA Negeri 2 Lumajang', tahunLulus: 1994 },
        { employeeId: id, jenjang: 'S1', jurusan: 'Kesehatan Masyarakat', institusi: 'Universitas Jember', tahunLulus: 1998 },
        { employeeId: id, jenjang: 'S2', jurusan: e.jurusan, institusi: 'Universitas Airlangga', tahunLulus: e.tahunLulus! },
      ],
      diklat: diklat([
        ['KEPEMIMPINAN', 'Diklat Kepemimpinan Tingkat IV', 'BPSDM Provinsi Jawa Timur', '2010-04-05', '2010-07-16', 285],
        ['KEPEMIMPINAN', 'Pelatihan Kepemimpinan Administrator', 'BPSDM Provinsi Jawa Timur', '2022-05-09', '2022-09-02', 420],
        ['WORKSHOP', 'Workshop Akreditasi Puskesmas', 'Dinas Kesehatan Provinsi Jawa Timur', '2023-06-13', '2023-06-14', 16],
        ['TEKNIS', 'Pelatihan Manajemen Puskesmas', 'Dinas Kesehatan Provinsi Jawa Timur', '2024-07-22', '2024-07-26', 36],
        ['TEKNIS', 'Pelatihan Manajemen Risiko Sektor Publik', 'BPSDM Provinsi Jawa Timur', '2025-02-17', '2025-02-20', 24],
        ['WORKSHOP', 'Seminar Penurunan Stunting', 'Dinas Kesehatan Provinsi Jawa Timur', '2025-10-08', '2025-10-08', 4],
        ['WORKSHOP', 'Bimbingan Teknis Aplikasi SATUSEHAT', 'Dinas Kesehatan Provinsi Jawa Timur', '2026-02-10', '2026-02-11', 16],
        ['WORKSHOP', 'Workshop Reformasi Birokrasi dan Zona Integritas', 'BPSDM Provinsi Jawa Timur', '2026-08-18', '2026-08-18', 8],
      ]),
      skp: [
        { employeeId: id, tahun: 2021, nilai: '91.20', predikat: 'SANGAT_BAIK' },
        { employeeId: id, tahun: 2022, nilai: null, predikat: 'BAIK' },
        { employeeId: id, tahun: 2023, nilai: null, predikat: 'SANGAT_BAIK' },
        { employeeId: id, tahun: 2024, nilai: null, predikat: 'BAIK' },
        { employeeId: id, tahun: 2025, nilai: null, predikat: 'BAIK' },
      ],
      keluarga: [
        { employeeId: id, hubungan: 'ISTRI', nama: 'Sri Wahyuni', tanggalLahir: '1978-02-14', jenisKelamin: 'P', tanggalNikah: '2003-07-12', statusTunjangan: true, keterangan: 'Guru' },
        { employeeId: id, hubungan: 'ANAK', nama: 'Muhammad Rizky Pratama', tanggalLahir: '2004-09-03', jenisKelamin: 'L', tanggalNikah: null, statusTunjangan: true, keterangan: 'Anak kandung' },
        { employeeId: id, hubungan: 'ANAK', nama: 'Nabila Putri Maharani', tanggalLahir: '2008-12-19', jenisKelamin: 'P', tanggalNikah: null, statusTunjangan: true, keterangan: 'Anak kandung' },
        { employeeId: id, hubungan: 'ANAK', nama: 'Dimas Arya Saputra', tanggalLahir: '2013-05-27', jenisKelamin: 'L', tanggalNikah: null, statusTunjangan: false, keterangan: 'Anak kandung' },
      ],
      cuti: cuti([
        ['2025-07-07', '2025-07-09', 'Acara keluarga'],
        ['2026-06-22', '2026-06-26', 'Liburan keluarga'],
      ]),
      personal: {
        agama: 'ISLAM', statusPerkawinan: 'KAWIN', alamat: 'Jl. Gajah Mada No. 45, RT 002/RW 007, Kel. Jogotrunan, Kec. Lumajang',
        kota: 'Kabupaten Lumajang', kodePos: '67311',
      },
    };
  }
  return null;
}

