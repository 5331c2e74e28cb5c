// Family (keluarga), personal columns of the employee row (NIK, religion, marital
// status, address) and leave records (riwayat_cuti, 2025–2026).
import { REF_DAYNUM, dayNum, dayOfNum, isoOfNum, numOfIso, weekdayOf, workdayOnOrAfter } from './dates.ts';
import type { EmployeeRow } from './employees.ts';
import type { CutiRow, EmployeeExtra, HistoryContext, KeluargaRow } from './history-types.ts';
import { KECAMATAN_NAMES } from './opds.ts';
import { personName, type Sex } from './names.ts';
import type { Rng } from './random.ts';

// ---------------------------------------------------------------------------
// Address and NIK

/** Kecamatan of Kabupaten Lumajang: Dukcapil code (35.08.xx), postal code, weight as a place of residence. */
const KECAMATAN: Record<(typeof KECAMATAN_NAMES)[number], { kode: string; pos: string; w: number }> = {
  Tempursari: { kode: '01', pos: '67375', w: 2 },
  Pronojiwo: { kode: '02', pos: '67374', w: 2 },
  Candipuro: { kode: '03', pos: '67373', w: 4 },
  Pasirian: { kode: '04', pos: '67372', w: 6 },
  Tempeh: { kode: '05', pos: '67371', w: 6 },
  Kunir: { kode: '06', pos: '67383', w: 3 },
  Yosowilangun: { kode: '07', pos: '67382', w: 4 },
  Rowokangkung: { kode: '08', pos: '67359', w: 2 },
  Tekung: { kode: '09', pos: '67381', w: 3 },
  Lumajang: { kode: '10', pos: '67311', w: 26 },
  Pasrujambe: { kode: '11', pos: '67361', w: 2 },
  Senduro: { kode: '12', pos: '67361', w: 3 },
  Gucialit: { kode: '13', pos: '67353', w: 1 },
  Padang: { kode: '14', pos: '67366', w: 2 },
  Sukodono: { kode: '15', pos: '67352', w: 8 },
  Kedungjajang: { kode: '16', pos: '67358', w: 3 },
  Jatiroto: { kode: '17', pos: '67355', w: 4 },
  Randuagung: { kode: '18', pos: '67354', w: 3 },
  Klakah: { kode: '19', pos: '67356', w: 4 },
  Ranuyoso: { kode: '20', pos: '67357', w: 2 },
  Sumbersuko: { kode: '21', pos: '67316', w: 3 },
};
const KEC_WEIGHTS = KECAMATAN_NAMES.map((k) => [k, KECAMATAN[k].w] as const);
const TOWN_KELURAHAN = ['Citrodiwangsan', 'Ditotrunan', 'Jogotrunan', 'Jogoyudan', 'Rogotrunan', 'Tompokersan', 'Kepuharjo', 'Labruk Lor', 'Denok', 'Blukon'];
const TOWN_STREETS = [
  'Jl. Panglima Sudirman', 'Jl. Gajah Mada', 'Jl. Kyai Muksin', 'Jl. HOS Cokroaminoto', 'Jl. Suwandak', 'Jl. Citarum', 'Jl. Musi',
  'Jl. Mahakam', 'Jl. Brantas', 'Jl. Veteran', 'Jl. Imam Bonjol', 'Jl. Sultan Agung', 'Jl. Basuki Rahmat', 'Jl. Semeru',
  'Jl. S. Parman', 'Jl. Ahmad Yani', 'Jl. Diponegoro', 'Jl. Kapten Kyai Ilyas', 'Jl. Kenanga', 'Jl. Mawar', 'Jl. Anggrek',
  'Jl. Dr. Soetomo', 'Jl. Wahid Hasyim', 'Perum Griya Citra Lumajang', 'Perum Biting Permai',
];
const DUSUN = ['Krajan', 'Krajan Lor', 'Krajan Kidul', 'Sumberejo', 'Karanganyar', 'Sukorejo', 'Gedangan', 'Kebonan', 'Tegalrejo', 'Purwosari', 'Jambuwer', 'Sumbersari'];
const DESA_SUFFIX = ['', ' Lor', ' Kidul', ' Wetan', ' Kulon'];

/** The kecamatan named in a unit or OPD name (schools and puskesmas), if any. */
function kecamatanIn(text: string): (typeof KECAMATAN_NAMES)[number] | null {
  for (const k of KECAMATAN_NAMES) if (text.includes(k) && k !== 'Lumajang') return k;
  return null;
}

function address(rng: Rng, kec: (typeof KECAMATAN_NAMES)[number]): string {
  const rt = String(rng.int(1, 12)).padStart(3, '0');
  const rw = String(rng.int(1, 8)).padStart(3, '0');
  if (kec === 'Lumajang' || kec === 'Sumbersuko') {
    return `${rng.pick(TOWN_STREETS)} No. ${rng.int(1, 160)}, RT ${rt}/RW ${rw}, Kel. ${rng.pick(TOWN_KELURAHAN)}, Kec. ${kec}`;
  }
  const desa = `${kec}${rng.pick(DESA_SUFFIX)}`;
  return rng.chance(0.4)
    ? `Jl. Raya ${kec} No. ${rng.int(1, 220)}, RT ${rt}/RW ${rw}, Desa ${desa}, Kec. ${kec}`
    : `Dusun ${rng.pick(DUSUN)}, RT ${rt}/RW ${rw}, Desa ${desa}, Kec. ${kec}`;
}

/** NIK: 35 (Jawa Timur) 08 (Lumajang) kecamatan, birth date ddmmyy (day + 40 for women), 4-digit sequence. */
export class NikRegistry {
  private readonly seq = new Map<string, number>();

  next(kecKode: string, birthIso: string, sex: Sex): string {
    const d = Number(birthIso.slice(8, 10)) + (sex === 'P' ? 40 : 0);
    const prefix = `3508${kecKode}${String(d).padStart(2, '0')}${birthIso.slice(5, 7)}${birthIso.slice(2, 4)}`;
    const n = (this.seq.get(prefix) ?? 0) + 1;
    this.seq.set(prefix, n);
    return prefix + String(n).padStart(4, '0');
  }
}

// ---------------------------------------------------------------------------
// Family

const SPOUSE_WORK_WIFE: readonly (readonly [string, number])[] = [
  ['Mengurus rumah tangga', 40], ['Wiraswasta', 14], ['Karyawan swasta', 12], ['Guru', 10], ['PNS', 8], ['Perawat', 4], ['Pedagang', 6], ['Bidan', 3], ['Petani', 3],
];
const SPOUSE_WORK_HUSBAND: readonly (readonly [string, number])[] = [
  ['Wiraswasta', 26], ['Karyawan swasta', 24], ['PNS', 12], ['Petani', 10], ['Pedagang', 9], ['Guru', 7], ['TNI/Polri', 5], ['Karyawan BUMN', 5], ['Sopir', 2],
];

export interface FamilyResult {
  keluarga: KeluargaRow[];
  statusPerkawinan: 'BELUM_KAWIN' | 'KAWIN' | 'CERAI_HIDUP' | 'CERAI_MATI';
  /** Birth dates (day numbers) of children, for maternity leave. */
  births: number[];
}

const addYearsDays = (n: number, years: number, rng: Rng) => n + Math.round(years * 365.25) + rng.int(-150, 150);

/** Weddings are mostly held on a weekend: the Saturday on or after the day (Sundays kept). */
function weddingDay(d: number): number {
  const wd = weekdayOf(d);
  return wd === 0 || wd === 6 ? d : d + (6 - wd);
}

export function familyOf(e: EmployeeRow, ctx: HistoryContext): FamilyResult {
  const { rng } = ctx;
  const sex = e.jenisKelamin;
  const birth = numOfIso(e.tanggalLahir);
  const age = (REF_DAYNUM - birth) / 365.25;
  const out: FamilyResult = { keluarga: [], statusPerkawinan: 'BELUM_KAWIN', births: [] };
  if (rng.chance(0.11)) return out; // never married
  const marriageAge = sex === 'L' ? 24 + 12 * Math.min(rng.float(), rng.float()) : 21 + 11 * Math.min(rng.float(), rng.float());
  let nikah = weddingDay(addYearsDays(birth, marriageAge, rng));
  if (nikah > REF_DAYNUM - 30) return out;
  if (nikah < birth + 19 * 365) nikah = birth + 19 * 365;
  // Marriage ended: divorce (more likely with age) or death of the spouse (mostly older employees).
  const ended = rng.float();
  const divorced = ended < 0.05;
  const widowed = !divorced && ended < 0.05 + (age > 45 ? 0.04 : 0.01);
  out.statusPerkawinan = divorced ? 'CERAI_HIDUP' : widowed ? 'CERAI_MATI' : 'KAWIN';

  const spouseSex: Sex = sex === 'L' ? 'P' : 'L';
  // Husbands are mostly a little older; the wife was at least 19 at the wedding.
  const spouseBirth = sex === 'L' ? Math.min(birth + rng.int(0, 6 * 365), nikah - 19 * 365) : birth - rng.int(0, 7 * 365);
  const spouseName = personName(rng, spouseSex, dayOfNum(spouseBirth).y);
  if (out.statusPerkawinan === 'KAWIN') {
    out.keluarga.push({
      employeeId: e.id, hubungan: spouseSex === 'P' ? 'ISTRI' : 'SUAMI', nama: spouseName, tanggalLahir: isoOfNum(spouseBirth),
      jenisKelamin: spouseSex, tanggalNikah: isoOfNum(nikah), statusTunjangan: true,
      keterangan: rng.weighted(spouseSex === 'P' ? SPOUSE_WORK_WIFE : SPOUSE_WORK_HUSBAND),
    });
  }

  // Children: first 1–3 years after the wedding, then every 2–6 years; 0–3 in all.
  const want = rng.weighted<number>([[0, 9], [1, 24], [2, 42], [3, 25]]);
  const motherBirth = sex === 'P' ? birth : spouseBirth;
  const names = new Set<string>();
  let at = nikah + rng.int(300, 1100);
  const end = divorced || widowed ? nikah + rng.int(4, 15) * 365 : REF_DAYNUM;
  let eligible = 0;
  for (let k = 0; k < want && at <= Math.min(end, REF_DAYNUM) && at - motherBirth < 43 * 365; k++) {
    const childSex: Sex = rng.chance(0.51) ? 'L' : 'P';
    let name = personName(rng, childSex, dayOfNum(at).y);
    if (names.has(name)) name = `${name} ${childSex === 'L' ? 'Putra' : 'Putri'}`;
    names.add(name);
    const childAge = (REF_DAYNUM - at) / 365.25;
    // Child allowance: at most 2 children, under 21 (25 while studying).
    const tunjangan = eligible < 2 && (childAge < 21 || (childAge < 25 && rng.chance(0.6)));
    if (tunjangan) eligible++;
    out.keluarga.push({
      employeeId: e.id, hubungan: 'ANAK', nama: name, tanggalLahir: isoOfNum(at), jenisKelamin: childSex, tanggalNikah: null,
      statusTunjangan: tunjangan, keterangan: 'Anak kandung',
    });
    out.births.push(at);
    at += rng.int(2 * 365, 6 * 365);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Personal columns

export function personalOf(e: EmployeeRow, status: FamilyResult['statusPerkawinan'], ctx: HistoryContext, nik: NikRegistry): Omit<EmployeeExtra, 'gajiPokok' | 'tmtKgbTerakhir'> {
  const { rng } = ctx;
  const near = kecamatanIn(e.unitKerja) ?? kecamatanIn(e.namaJabatan);
  const kec = near && rng.chance(0.65) ? near : rng.weighted(KEC_WEIGHTS);
  const hinduArea = kec === 'Senduro' || kec === 'Pasrujambe';
  const agama = rng.weighted<string>([
    ['ISLAM', hinduArea ? 80 : 96.3], ['KRISTEN', 1.9], ['KATOLIK', 0.9], ['HINDU', hinduArea ? 16 : 0.7], ['BUDDHA', 0.2],
  ]);
  return {
    nik: nik.next(KECAMATAN[kec].kode, e.tanggalLahir, e.jenisKelamin),
    agama,
    statusPerkawinan: status,
    alamat: address(rng, kec),
    kota: 'Kabupaten Lumajang',
    kodePos: KECAMATAN[kec].pos,
  };
}

// ---------------------------------------------------------------------------
// Leave

/** Working days (Monday–Friday) from a to b inclusive. */
export function workingDays(a: number, b: number): number {
  let n = 0;
  for (let d = a; d <= b; d++) {
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** The day after `n` working days starting at a working day `a` (end inclusive). */
function endAfterWorkingDays(a: number, days: number): number {
  let d = a;
  let left = days;
  for (;;) {
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) left--;
    if (left === 0) return d;
    d++;
  }
}

const ANNUAL_REASONS = ['Keperluan keluarga', 'Mudik lebaran', 'Acara keluarga', 'Liburan keluarga', 'Mengurus keperluan pribadi', 'Menghadiri pernikahan saudara'];

export function cutiHistory(e: EmployeeRow, births: readonly number[], ctx: HistoryContext): CutiRow[] {
  const { rng, letters } = ctx;
  if (e.statusKepegawaian === 'KONTRAK') return [];
  const start = numOfIso(e.tmtCpns ?? e.tmtPppk!);
  const rows: CutiRow[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b < x || a > y);
  const add = (jenis: string, a: number, b: number, lama: number, keterangan: string) => {
    if (b > REF_DAYNUM || a < start || !free(a - 1, b + 1)) return;
    taken.push([a, b]);
    const surat = isoOfNum(Math.max(start, a - rng.int(3, 14)));
    rows.push({
      employeeId: e.id, jenisCuti: jenis, tanggalMulai: isoOfNum(a), tanggalSelesai: isoOfNum(b), lamaHari: lama,
      nomorSurat: letters.next('800.1.11.4', Number(surat.slice(0, 4))), keterangan,
    });
  };
  for (const y of [2025, 2026]) {
    const yearStart = dayNum(y, 1, 2);
    const yearEnd = Math.min(dayNum(y, 12, 20), REF_DAYNUM - 1);
    // Annual leave needs a year of continuous service (PNS, CPNS and PPPK).
    if (start + 365 <= yearEnd && rng.chance(0.48)) {
      let budget = 12;
      const n = rng.weighted<number>([[1, 55], [2, 32], [3, 13]]);
      for (let k = 0; k < n && budget > 0; k++) {
        const days = Math.min(budget, rng.weighted<number>([[1, 20], [2, 30], [3, 25], [4, 12], [5, 13]]));
        const a = workdayOnOrAfter(rng.int(Math.max(yearStart, start + 365), yearEnd));
        const b = endAfterWorkingDays(a, days);
        const before = rows.length;
        add('TAHUNAN', a, b, days, rng.pick(ANNUAL_REASONS));
        if (rows.length > before) budget -= days;
      }
    }
    if (rng.chance(0.035)) {
      const days = rng.int(2, 10);
      const a = workdayOnOrAfter(rng.int(Math.max(yearStart, start), yearEnd));
      add('SAKIT', a, endAfterWorkingDays(a, days), days, days > 14 ? 'Rawat inap, surat keterangan dokter pemerintah' : 'Surat keterangan dokter');
    }
    if (rng.chance(0.02)) {
      const days = rng.int(2, 6);
      const a = workdayOnOrAfter(rng.int(Math.max(yearStart, start), yearEnd));
      add('ALASAN_PENTING', a, endAfterWorkingDays(a, days), days, rng.pick(['Orang tua sakit keras', 'Orang tua meninggal dunia', 'Istri melahirkan', 'Rumah terkena bencana']));
    }
    if (rng.chance(0.004) && start + 5 * 365 <= yearStart) {
      const a = workdayOnOrAfter(rng.int(yearStart, yearEnd - 60));
      const b = a + 40;
      add('BESAR', a, b, workingDays(a, b), 'Menunaikan ibadah haji');
    }
  }
  // Maternity leave (3 months) of women who gave birth in 2025–2026, when it has ended by the reference date.
  if (e.jenisKelamin === 'P') {
    for (const b of births) {
      if (b < dayNum(2025, 1, 15) || b > REF_DAYNUM) continue;
      const a = workdayOnOrAfter(b - rng.int(7, 20));
      const d = dayOfNum(a);
      const endDay = dayNum(d.y, d.m + 3, d.d) - 1;
      add('MELAHIRKAN', a, endDay, workingDays(a, endDay), 'Persalinan anak');
    }
  }
  rows.sort((a, b) => (a.tanggalMulai < b.tanggalMulai ? -1 : 1));
  return rows;
}
