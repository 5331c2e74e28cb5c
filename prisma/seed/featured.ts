// Hand-defined people and accounts that the demo (and its docs and e2e tests) can
// rely on. Nothing in the database marks them as special: they are found by
// username / NIP, which are the constants below.
import { ym, type Day } from './dates.ts';
import type { MajorKey } from './education.ts';
import type { JfKey } from './jabatan.ts';
import type { Pendidikan } from './rules.ts';
import { G } from './rules.ts';
import type { Sex } from './names.ts';

/** Password of every demo account (featured accounts keep it; imported ASN accounts must change it at first login). */
export const DEMO_PASSWORD = 'Simak#2026';

/**
 * Usernames of the staff accounts and of the featured ASN and ATASAN. Unlike NIPs they do
 * not depend on the day the regency is seeded (its dates, and so the NIPs, move with it).
 */
export const DEMO_USERNAMES = {
  bkdAdmin: 'admin.bkd',
  bkdVerifier: 'verifikator.bkd',
  dinkesAdmin: 'admin.dinkes',
  disdikAdmin: 'admin.disdik',
  /** Siti Rahmawati (DEMO_NIPS.asn). */
  asn: 'siti.rahmawati',
  /** Bambang Sutrisno (DEMO_NIPS.atasan). */
  atasan: 'bambang.sutrisno',
  /** The first contract staff member (KONTRAK) of the featured ASN's OPD: attendance, activities. */
  kontrak: 'kontrak.dinkes',
} as const;

/**
 * NIPs of the featured people as generated, i.e. when the regency is seeded for its
 * reference date REF_DATE (`today` in 2026-11-30 … 2026-12-29); seeded for a later day
 * their dated digits move with the dates (shift.ts). Valid per DOMAIN-RULES §1.
 */
export const DEMO_NIPS = {
  /** Siti Rahmawati, S.Kom. — PNS III/b, Pranata Komputer Ahli Pertama, Dinas Kesehatan; KGB due 2027-01-01. */
  asn: '199405172019012001',
  /** Bambang Sutrisno, S.KM., M.Kes. — Kepala Bidang Sumber Daya Kesehatan (III.b), her direct superior. */
  atasan: '197508122000031001',
  /** Employee behind admin.bkd. */
  bkdAdmin: '199009142015031001',
  /** Employee behind verifikator.bkd. */
  bkdVerifier: '199202032019032001',
} as const;

export type FeaturedPersonKey = keyof typeof DEMO_NIPS;

export interface FeaturedPerson {
  key: FeaturedPersonKey;
  nip: string;
  nama: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  sex: Sex;
  tempatLahir: string;
  birth: Day;
  tmtCpns: number;
  tmtPns: number;
  /** Diploma used at appointment (for MKG and entry grade). */
  entryEdu: Pendidikan;
  pendidikan: Pendidikan;
  jurusan: string;
  /** Field of study (education.ts MAJORS) for the earlier diplomas. */
  major: MajorKey;
  tahunLulus: number;
  golIdx: number;
  tmtGolongan: number;
  /** Division (UnitSpec key) the person works in; staff report to its head. */
  divisionKey: string;
  jf?: JfKey;
  tmtJabatan: Day;
  email: string;
  noHp: string;
}

export const FEATURED_PEOPLE: Record<FeaturedPersonKey, FeaturedPerson> = {
  asn: {
    key: 'asn',
    nip: DEMO_NIPS.asn,
    nama: 'Siti Rahmawati',
    gelarDepan: null,
    gelarBelakang: 'S.Kom.',
    sex: 'P',
    tempatLahir: 'Lumajang',
    birth: { y: 1994, m: 5, d: 17 },
    tmtCpns: ym(2019, 1),
    tmtPns: ym(2020, 2),
    entryEdu: 'S1',
    pendidikan: 'S1',
    jurusan: 'Teknik Informatika',
    major: 'TI',
    tahunLulus: 2016,
    golIdx: G.IIIb,
    tmtGolongan: ym(2023, 4),
    divisionKey: 'DINKES-SDK',
    jf: 'pranataKomputer',
    tmtJabatan: { y: 2023, m: 6, d: 2 },
    email: 'siti.rahmawati@example.com',
    noHp: '081234560517',
  },
  atasan: {
    key: 'atasan',
    nip: DEMO_NIPS.atasan,
    nama: 'Bambang Sutrisno',
    gelarDepan: null,
    gelarBelakang: 'S.KM., M.Kes.',
    sex: 'L',
    tempatLahir: 'Jember',
    birth: { y: 1975, m: 8, d: 12 },
    tmtCpns: ym(2000, 3),
    tmtPns: ym(2001, 4),
    entryEdu: 'S1',
    pendidikan: 'S2',
    jurusan: 'Magister Kesehatan Masyarakat',
    major: 'KESMAS',
    tahunLulus: 2011,
    golIdx: G.IVa,
    tmtGolongan: ym(2016, 4),
    divisionKey: 'DINKES-SDK',
    tmtJabatan: { y: 2022, m: 1, d: 10 },
    email: 'bambang.sutrisno@example.com',
    noHp: '081335750812',
  },
  bkdAdmin: {
    key: 'bkdAdmin',
    nip: DEMO_NIPS.bkdAdmin,
    nama: 'Dimas Aditya Nugroho',
    gelarDepan: null,
    gelarBelakang: 'S.Kom.',
    sex: 'L',
    tempatLahir: 'Lumajang',
    birth: { y: 1990, m: 9, d: 14 },
    tmtCpns: ym(2015, 3),
    tmtPns: ym(2016, 4),
    entryEdu: 'S1',
    pendidikan: 'S1',
    jurusan: 'Teknik Informatika',
    major: 'TI',
    tahunLulus: 2012,
    golIdx: G.IIIc,
    tmtGolongan: ym(2023, 4),
    divisionKey: 'BKD-PPIK',
    jf: 'pranataKomputer',
    tmtJabatan: { y: 2023, m: 7, d: 3 },
    email: 'dimas.nugroho@example.com',
    noHp: '085236900914',
  },
  bkdVerifier: {
    key: 'bkdVerifier',
    nip: DEMO_NIPS.bkdVerifier,
    nama: 'Rina Wulandari',
    gelarDepan: null,
    gelarBelakang: 'S.H.',
    sex: 'P',
    tempatLahir: 'Probolinggo',
    birth: { y: 1992, m: 2, d: 3 },
    tmtCpns: ym(2019, 3),
    tmtPns: ym(2020, 5),
    entryEdu: 'S1',
    pendidikan: 'S1',
    jurusan: 'Ilmu Hukum',
    major: 'HUKUM',
    tahunLulus: 2014,
    golIdx: G.IIIb,
    tmtGolongan: ym(2023, 4),
    divisionKey: 'BKD-MUTASI',
    jf: 'analisSdm',
    tmtJabatan: { y: 2023, m: 6, d: 2 },
    email: 'rina.wulandari@example.com',
    noHp: '082140920203',
  },
};

/** Staff accounts not linked to an employee. */
export const OPD_ADMIN_ACCOUNTS = [
  { username: DEMO_USERNAMES.dinkesAdmin, displayName: 'Operator SIMPEG Dinas Kesehatan', opds: ['DINKES'] },
  { username: DEMO_USERNAMES.disdikAdmin, displayName: 'Operator SIMPEG Dinas Pendidikan', opds: ['DISDIK', 'SETDA'] },
] as const;
