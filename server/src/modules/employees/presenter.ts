import { formatNip, golonganInfo, isGolongan } from '@simak/shared';
import type { Actor } from '../../auth/actor.ts';
import { abilities } from '../../lib/authz.ts';
import { fullName } from '../../lib/names.ts';
import { employeePolicy } from './policy.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const num = (v: unknown) => (v == null ? null : typeof v === 'object' && 'toNumber' in (v as object) ? (v as { toNumber(): number }).toNumber() : (v as number));

export const pangkatName = (g: string | null) => (g && isGolongan(g) ? golonganInfo(g).pangkat : null);

type ListRow = {
  id: number;
  nip: string;
  nama: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  statusKepegawaian: string;
  golongan: string | null;
  jenisJabatan: string;
  namaJabatan: string | null;
  eselon: string | null;
  tmtBerhenti: Date | null;
  opd: { id: number; kode: string; nama: string };
};

export function presentEmployeeRow(r: ListRow) {
  return {
    id: r.id,
    nip: r.nip,
    nipFormatted: r.nip.length === 18 ? formatNip(r.nip) : r.nip,
    nama: r.nama,
    namaLengkap: fullName(r),
    statusKepegawaian: r.statusKepegawaian,
    golongan: r.golongan,
    pangkat: pangkatName(r.golongan),
    jenisJabatan: r.jenisJabatan,
    namaJabatan: r.namaJabatan,
    eselon: r.eselon,
    aktif: r.tmtBerhenti == null,
    opd: r.opd,
  };
}

// Prisma rows with many optional relations: typed loosely, each field whitelisted below.
type Row = Record<string, unknown>;

/** The fields of the profile: one list each, for the presenter and for the read (profile-read.ts). */
export const PROFILE_FIELDS = {
  personal: [
    'nama', 'gelarDepan', 'gelarBelakang', 'tempatLahir', 'tanggalLahir', 'jenisKelamin', 'nik', 'npwp', 'agama', 'statusPerkawinan',
    'alamat', 'kota', 'kodePos', 'email', 'noHp', 'nipLama',
  ],
  public: ['nama', 'gelarDepan', 'gelarBelakang', 'jenisKelamin'],
  kepegawaian: [
    'statusKepegawaian', 'tmtCpns', 'tmtPns', 'tmtPppk', 'tmtBerhenti', 'jenisBerhenti', 'unitKerja', 'jenisJabatan', 'namaJabatan', 'eselon',
    'jenjangFungsional', 'rumpunFungsional', 'tmtJabatan', 'golongan', 'tmtGolongan', 'mkgTahun', 'mkgBulan', 'pendidikanTerakhir', 'jurusan',
    'tahunLulus', 'gajiPokok', 'tmtKgbTerakhir',
  ],
} as const;

export const HISTORY_FIELDS = {
  pangkat: ['id', 'golongan', 'tmtGolongan', 'jenisKp', 'nomorSk', 'tanggalSk', 'pertekNomor', 'mkgTahun', 'mkgBulan', 'gajiPokok', 'documentId'],
  jabatan: ['id', 'jenisJabatan', 'namaJabatan', 'eselon', 'jenjangFungsional', 'rumpunFungsional', 'unitKerja', 'tmtJabatan', 'nomorSk', 'tanggalSk', 'documentId'],
  pendidikan: ['id', 'jenjang', 'jurusan', 'institusi', 'tahunLulus', 'nomorIjazah', 'tanggalIjazah', 'documentId'],
  diklat: ['id', 'jenis', 'nama', 'penyelenggara', 'tanggalMulai', 'tanggalSelesai', 'jp', 'nomorSertifikat', 'documentId'],
  skp: ['id', 'tahun', 'nilai', 'predikat', 'documentId'],
  hukdis: ['id', 'tingkat', 'jenis', 'nomorSk', 'tanggalSk', 'tmt', 'tmtSelesai', 'keterangan', 'documentId'],
  kgb: ['id', 'tmt', 'golongan', 'mkgTahun', 'mkgBulan', 'gajiPokokLama', 'gajiPokok', 'nomorSurat', 'tanggalSurat', 'documentId'],
  cuti: ['id', 'jenisCuti', 'tanggalMulai', 'tanggalSelesai', 'lamaHari', 'nomorSurat', 'keterangan'],
  keluarga: ['id', 'hubungan', 'nama', 'tanggalLahir', 'jenisKelamin', 'tanggalNikah', 'statusTunjangan', 'keterangan', 'documentId'],
} as const;
export type HistoryKey = keyof typeof HISTORY_FIELDS;

export function presentEmployeeDetail(actor: Actor, e: Row & { id: number; opdId: number; atasanId: number | null }, h: Record<string, Row[]>) {
  const can = abilities(employeePolicy, actor, { id: e.id, opdId: e.opdId, atasanId: e.atasanId });
  const pick = (row: Row, keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, row[k] instanceof Date ? iso(row[k] as Date) : k === 'nilai' ? num(row[k]) : (row[k] ?? null)]));
  return {
    id: e.id,
    version: e.version,
    nip: e.nip,
    nipFormatted: (e.nip as string).length === 18 ? formatNip(e.nip as string) : e.nip,
    nipWarnings: e.nipWarnings,
    namaLengkap: fullName(e as never),
    profile: pick(e, can.viewPersonal ? PROFILE_FIELDS.personal : PROFILE_FIELDS.public),
    kepegawaian: {
      ...pick(e, PROFILE_FIELDS.kepegawaian),
      pangkat: pangkatName(e.golongan as string | null),
      opd: e.opd,
      atasan: e.atasan
        ? (({ id, nip, nama, gelarDepan, gelarBelakang }: { id: number; nip: string; nama: string; gelarDepan: string | null; gelarBelakang: string | null }) => ({
            id,
            nip,
            nama: fullName({ nama, gelarDepan, gelarBelakang }),
          }))(e.atasan as never)
        : null,
    },
    histories: {
      pangkat: h.pangkat!.map((r) => pick(r, HISTORY_FIELDS.pangkat)),
      jabatan: h.jabatan!.map((r) => ({
        ...pick(r, HISTORY_FIELDS.jabatan),
        opd: r.opd,
      })),
      pendidikan: h.pendidikan!.map((r) => pick(r, HISTORY_FIELDS.pendidikan)),
      diklat: h.diklat!.map((r) => pick(r, HISTORY_FIELDS.diklat)),
      skp: h.skp!.map((r) => pick(r, HISTORY_FIELDS.skp)),
      hukdis: h.hukdis!.map((r) => pick(r, HISTORY_FIELDS.hukdis)),
      kgb: h.kgb!.map((r) => pick(r, HISTORY_FIELDS.kgb)),
      cuti: h.cuti!.map((r) => pick(r, HISTORY_FIELDS.cuti)),
      ...(can.viewPersonal ? { keluarga: h.keluarga!.map((r) => pick(r, HISTORY_FIELDS.keluarga)) } : {}),
    },
    abilities: can,
  };
}
