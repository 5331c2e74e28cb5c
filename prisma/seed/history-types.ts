// Row shapes of the history tables and the shared state of the history generator
// (its own random stream, letter numbering, lookups over the org chart).
import type { DemoData, JenisJabatan, OrgUnit } from './employees.ts';
import type { JfDef } from './jabatan.ts';
import { JF } from './jabatan.ts';
import { OPDS } from './opds.ts';
import { Rng } from './random.ts';
import type { Jenjang } from './rules.ts';

/** Seed of the history stream: separate from the employee stream, so histories never shift employee data. */
export const HISTORY_SEED = 'simak-demo/histories';

export type JenisKp =
  | 'REGULER' | 'PILIHAN_STRUKTURAL' | 'PILIHAN_FUNGSIONAL' | 'PENYESUAIAN_IJAZAH'
  | 'LUAR_BIASA' | 'PENGABDIAN' | 'CPNS' | 'PNS';
export type JenisDiklat = 'KEPEMIMPINAN' | 'FUNGSIONAL' | 'TEKNIS' | 'WORKSHOP';
export type PredikatSkp = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
export type TingkatHukdis = 'RINGAN' | 'SEDANG' | 'BERAT';
export type Hubungan = 'SUAMI' | 'ISTRI' | 'ANAK' | 'AYAH' | 'IBU';

// Dates are ISO strings; employeeId is the generator's 1-based id (offset by the writer).

export interface PangkatRow {
  employeeId: number;
  golongan: string;
  tmtGolongan: string;
  jenisKp: JenisKp | null;
  nomorSk: string;
  tanggalSk: string;
  mkgTahun: number;
  mkgBulan: number;
  gajiPokok: number | null;
}

export interface KgbRow {
  employeeId: number;
  tmt: string;
  golongan: string;
  mkgTahun: number;
  mkgBulan: number;
  gajiPokokLama: number;
  gajiPokok: number;
  nomorSurat: string;
  tanggalSurat: string;
}

export interface JabatanRow {
  employeeId: number;
  jenisJabatan: JenisJabatan;
  namaJabatan: string;
  eselon: string | null;
  jenjangFungsional: Jenjang | null;
  rumpunFungsional: string | null;
  opdId: number;
  unitKerja: string;
  tmtJabatan: string;
  nomorSk: string;
  tanggalSk: string;
}

export interface PendidikanRow {
  employeeId: number;
  jenjang: string;
  jurusan: string | null;
  institusi: string;
  tahunLulus: number;
}

export interface DiklatRow {
  employeeId: number;
  jenis: JenisDiklat;
  nama: string;
  penyelenggara: string;
  tanggalMulai: string;
  tanggalSelesai: string;
  jp: number;
  nomorSertifikat: string | null;
}

export interface SkpRow {
  employeeId: number;
  tahun: number;
  /** Legacy PP 46/2011 score (2021 only), as a decimal string. */
  nilai: string | null;
  predikat: PredikatSkp;
}

export interface HukdisRow {
  employeeId: number;
  tingkat: TingkatHukdis;
  jenis: string;
  nomorSk: string;
  tanggalSk: string;
  tmt: string;
  tmtSelesai: string | null;
  keterangan: string;
}

export interface CutiRow {
  employeeId: number;
  jenisCuti: string;
  tanggalMulai: string;
  tanggalSelesai: string;
  lamaHari: number;
  nomorSurat: string;
  keterangan: string | null;
}

export interface KeluargaRow {
  employeeId: number;
  hubungan: Hubungan;
  nama: string;
  tanggalLahir: string;
  jenisKelamin: 'L' | 'P';
  tanggalNikah: string | null;
  statusTunjangan: boolean;
  keterangan: string | null;
}

/** Employee columns filled by the history generator (null where not applicable). */
export interface EmployeeExtra {
  nik: string;
  agama: string;
  statusPerkawinan: string;
  alamat: string;
  kota: string;
  kodePos: string;
  gajiPokok: number | null;
  tmtKgbTerakhir: string | null;
}

export interface Histories {
  pangkat: PangkatRow[];
  kgb: KgbRow[];
  jabatan: JabatanRow[];
  pendidikan: PendidikanRow[];
  diklat: DiklatRow[];
  skp: SkpRow[];
  hukdis: HukdisRow[];
  cuti: CutiRow[];
  keluarga: KeluargaRow[];
  /** Per employee, in id order. */
  extras: EmployeeExtra[];
}

// ---------------------------------------------------------------------------

/** Letter numbers "<kode>/<seq>/427.45/<year>", sequential per series and year. */
export class LetterNumbers {
  private readonly seq = new Map<string, number>();

  next(kode: string, year: number, office = '427.45'): string {
    const key = `${kode}|${office}|${year}`;
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    return `${kode}/${n}/${office}/${year}`;
  }
}

/** Lookups over the org chart that the history generator needs. */
export class OrgIndex {
  /** Structural positions (no schools) by eselon level 2/3/4. */
  readonly posts: Map<number, OrgUnit[]> = new Map();
  /** Units that can host staff, by OPD id. */
  readonly staffUnits: Map<number, string[]> = new Map();
  /** Division units (heads of JF ahli), by OPD id. */
  readonly divisions: Map<number, string[]> = new Map();
  readonly schools: { SD: string[]; SMP: string[] } = { SD: [], SMP: [] };
  /** OPD ids employing each JF (from the OPD role mixes). */
  readonly opdsByJf: Map<JfDef, number[]> = new Map();
  readonly opdIds: number[];
  readonly opdKode: Map<number, string> = new Map();
  readonly opdNama: Map<number, string> = new Map();

  constructor(data: DemoData) {
    const idByKode = new Map(data.opds.map((o) => [o.kode, o.id]));
    for (const o of data.opds) {
      this.opdKode.set(o.id, o.kode);
      this.opdNama.set(o.id, o.nama);
    }
    this.opdIds = data.opds.map((o) => o.id);
    const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const u of data.units) {
      if (u.school) {
        this.schools[u.school].push(u.unit);
        continue;
      }
      const level = eselonLevel(u.eselon);
      if (level) push(this.posts, level, u);
      if (u.staff) push(this.staffUnits, u.opdId, u.unit);
      if (u.division) push(this.divisions, u.opdId, u.unit);
    }
    for (const opd of OPDS) {
      const id = idByKode.get(opd.kode)!;
      for (const role of opd.roles) {
        if (role.role === 'PELAKSANA') continue;
        push(this.opdsByJf, JF[role.role] as JfDef, id);
      }
    }
  }

  /** A unit name in the OPD for a person of the given kind. */
  unitIn(rng: Rng, opdId: number, division: boolean): string {
    const list = (division ? this.divisions.get(opdId) : this.staffUnits.get(opdId)) ?? this.divisions.get(opdId) ?? this.staffUnits.get(opdId);
    return list && list.length ? rng.pick(list) : this.opdNama.get(opdId)!;
  }

  /** Another OPD: one that employs the JF when given, else any. */
  otherOpd(rng: Rng, current: number, jf: JfDef | null): number | null {
    const pool = (jf ? this.opdsByJf.get(jf) : null) ?? this.opdIds;
    const others = pool.filter((id) => id !== current);
    return others.length ? rng.pick(others) : null;
  }
}

/** 2 for II.x, 3 for III.x, 4 for IV.x; 0 for '' (principals) or null. */
export function eselonLevel(eselon: string | null): number {
  if (!eselon) return 0;
  return ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[eselon.split('.')[0] ?? ''] ?? 0;
}

export interface HistoryContext {
  rng: Rng;
  letters: LetterNumbers;
  org: OrgIndex;
}

export function historyContext(data: DemoData): HistoryContext {
  return { rng: new Rng(HISTORY_SEED), letters: new LetterNumbers(), org: new OrgIndex(data) };
}
