// Generates the OPD rows and the employees of the demo regency: an org chart per
// OPD (eselon holders, school principals), then staff by each OPD's role mix.
// Pure: no database access; ids are 1-based and offset by the writer.
import {
  REF_YEAR, REF_YM, dayCompact, dayIso, daysInMonth, firstOf, isoDate, monthOf, yearOf, ym, yyyymm,
  type Day,
} from './dates.ts';
import {
  GENERAL_MAJORS, SD_SUBJECTS, SMP_SUBJECTS, schooling, type MajorKey, type Profession,
} from './education.ts';
import { FEATURED_PEOPLE, type FeaturedPerson, type FeaturedPersonKey } from './featured.ts';
import { JF, KONTRAK_JABATAN, PELAKSANA_JABATAN, type JfDef } from './jabatan.ts';
import { BIRTHPLACES, emailFor, personName, phoneNumber, type Sex } from './names.ts';
import { KECAMATAN_NAMES, OPDS, type Area, type OpdSpec, type UnitSpec } from './opds.ts';
import { Rng, WeightedTable, apportion } from './random.ts';
import {
  EDU_RANK, ESELON_MIN_GOL, G, GRAD_AGE, JENJANG_LABEL, MIN_ENTRY_AGE, bupOf, ceilingIndex, entryIndex,
  golAt, jenjangAhli, jenjangTerampil, kpPeriodOnOrAfter, type Jenjang, type Pendidikan,
} from './rules.ts';

export type Status = 'PNS' | 'CPNS' | 'PPPK' | 'KONTRAK';
export type JenisJabatan = 'STRUKTURAL' | 'FUNGSIONAL' | 'PELAKSANA';

export interface OpdRow {
  id: number;
  kode: string;
  nama: string;
  parentId: number | null;
  alamat: string;
  latitude: string;
  longitude: string;
  radiusM: number;
}

/** One employee row, column for column (dates as ISO strings). */
export interface EmployeeRow {
  id: number;
  nip: string;
  nipLama: string | null;
  nama: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisKelamin: Sex;
  tempatLahir: string;
  tanggalLahir: string;
  statusKepegawaian: Status;
  tmtCpns: string | null;
  tmtPns: string | null;
  tmtPppk: string | null;
  opdId: number;
  unitKerja: string;
  jenisJabatan: JenisJabatan;
  namaJabatan: string;
  eselon: string | null;
  jenjangFungsional: Jenjang | null;
  rumpunFungsional: string | null;
  tmtJabatan: string | null;
  golongan: string | null;
  tmtGolongan: string | null;
  mkgTahun: number | null;
  mkgBulan: number | null;
  pendidikanTerakhir: Pendidikan;
  jurusan: string | null;
  tahunLulus: number | null;
  email: string | null;
  noHp: string | null;
  atasanId: number | null;
}

export interface DemoData {
  opds: OpdRow[];
  employees: EmployeeRow[];
  /** Employee id of each featured person. */
  featured: Record<FeaturedPersonKey, number>;
  /** What the generator knew about each employee beyond the row (index = id - 1), for the histories. */
  careers: CareerInfo[];
  /** Every org-chart position and school (for earlier positions and mutations). */
  units: OrgUnit[];
}

/** A rank step of a PNS/CPNS career (month index, 1-based rank index). */
export interface RankEvent {
  at: number;
  idx: number;
  kind: 'START' | 'REG' | 'PI';
  /** KP pilihan struktural (an eselon holder catching up with the rank of the eselon). */
  pilihan?: boolean;
}

/** Side facts of one generated employee; not written to `employee`, used by histories.ts. */
export interface CareerInfo {
  kind: 'STRUKTURAL' | 'KEPSEK' | 'JF' | 'PELAKSANA';
  /** The JF the person was placed for (Guru for principals), even if they ended up pelaksana. */
  jf: JfDef | null;
  major: MajorKey | Profession;
  /** Diploma used at appointment (lower than pendidikan_terakhir after a later degree). */
  entryEdu: Pendidikan;
  /** PNS/CPNS rank steps, oldest first; the last one is the current golongan. Empty for PPPK/KONTRAK. */
  events: RankEvent[];
  school: 'SD' | 'SMP' | null;
  featured: FeaturedPersonKey | null;
}

/** One org-chart node, flattened. */
export interface OrgUnit {
  opdId: number;
  jabatan: string;
  eselon: string;
  unit: string;
  division: boolean;
  staff: boolean;
  school: 'SD' | 'SMP' | null;
}

// ---------------------------------------------------------------------------
// Tunables (checked against the targets in the seed brief; see stats.ts)

/** Share of PNS whose retirement TMT falls within the next 12 months. */
const NEAR_BUP_RATE = 0.027;
/** Share of people whose latest regular KP is still pending although due (eligible for KP). */
const PENDING_KP_RATE = 0.14;
/** Chance of being held at II/d for want of the ujian dinas. */
const STUCK_AT_IID_RATE = 0.3;
/** Month of TMT CPNS (1 March and 1 April were the classic appointment dates). */
const TMT_CPNS_MONTH: readonly (readonly [number, number])[] = [
  [1, 5], [2, 1], [3, 30], [4, 20], [5, 5], [6, 8], [7, 6], [8, 5], [9, 4], [10, 8], [11, 5], [12, 3],
];
const PPPK_WAVES_GURU: readonly (readonly [number, number])[] = [
  [ym(2022, 3), 4], [ym(2023, 7), 2], [ym(2024, 3), 3], [ym(2025, 7), 2],
];
const PPPK_WAVES_OTHER: readonly (readonly [number, number])[] = [
  [ym(2022, 3), 1], [ym(2023, 7), 2], [ym(2024, 3), 2], [ym(2025, 3), 2], [ym(2025, 10), 3],
];
/** PPPK grade by education and its PNS-equivalent rank index (for the jenjang). */
const PPPK_GOL: Record<Pendidikan, [string, number]> = {
  SD: ['I', G.Ia], SMP: ['III', G.Ic], SMA: ['V', G.IIa], D1: ['V', G.IIa], D2: ['VI', G.IIb], D3: ['VII', G.IIc],
  D4: ['IX', G.IIIa], S1: ['IX', G.IIIa], PROFESI: ['X', G.IIIb], S2: ['X', G.IIIb], SP1: ['XI', G.IIIc],
  S3: ['XI', G.IIIc], SP2: ['XI', G.IIIc],
};

// ---------------------------------------------------------------------------
// Org chart

interface OrgNode {
  spec: UnitSpec;
  opd: OpdSpec;
  opdId: number;
  parent: OrgNode | null;
  /** The node whose holder is this node's holder's superior. */
  atasan: OrgNode | null;
  depth: number;
  school?: 'SD' | 'SMP';
  holderId?: number;
}

/** Nearest node at or above `n` (same OPD) that heads a division. */
function divisionOf(n: OrgNode): OrgNode {
  for (let p: OrgNode | null = n; p; p = p.parent) if (p.spec.division) return p;
  return n;
}

function buildOrg(opdIds: Map<string, number>, employees: number): { nodes: OrgNode[]; byKey: Map<string, OrgNode>; roots: Map<string, OrgNode> } {
  const nodes: OrgNode[] = [];
  const byKey = new Map<string, OrgNode>();
  const roots = new Map<string, OrgNode>();
  const walk = (spec: UnitSpec, opd: OpdSpec, parent: OrgNode | null): OrgNode => {
    const node: OrgNode = { spec, opd, opdId: opdIds.get(opd.kode)!, parent, atasan: parent, depth: 0 };
    nodes.push(node);
    if (spec.key) byKey.set(spec.key, node);
    for (const c of spec.children ?? []) walk(c, opd, node);
    return node;
  };
  for (const opd of OPDS) roots.set(opd.kode, walk(opd.root, opd, null));

  // Schools (UPT satuan pendidikan) under the Disdik SD/SMP bidang; their heads are teachers.
  const disdik = OPDS.find((o) => o.kode === 'DISDIK')!;
  const weightSum = OPDS.reduce((s, o) => s + o.weight, 0);
  const teachers = employees * 0.91 * (disdik.weight / weightSum) * 0.88;
  const nSd = Math.max(1, Math.round((teachers * 0.68) / 9));
  const nSmp = Math.max(1, Math.round((teachers * 0.32) / 28));
  const addSchools = (type: 'SD' | 'SMP', count: number, parentKey: string) => {
    const parent = byKey.get(parentKey)!;
    for (let i = 0; i < count; i++) {
      const kec = KECAMATAN_NAMES[i % KECAMATAN_NAMES.length]!;
      const num = Math.floor(i / KECAMATAN_NAMES.length) + 1;
      const name = type === 'SD' ? `SD Negeri ${kec} ${String(num).padStart(2, '0')}` : `SMP Negeri ${num} ${kec}`;
      const spec: UnitSpec = { jabatan: 'Kepala Sekolah', eselon: '', unit: name, division: true };
      nodes.push({ spec, opd: disdik, opdId: parent.opdId, parent, atasan: parent, depth: 0, school: type });
    }
  };
  addSchools('SD', nSd, 'BID-SD');
  addSchools('SMP', nSmp, 'BID-SMP');

  for (const opd of OPDS) {
    const root = roots.get(opd.kode)!;
    const ref = opd.rootAtasan === undefined ? 'SEKDA' : opd.rootAtasan;
    root.atasan = ref === null ? null : (byKey.get(ref) ?? null);
    if (ref !== null && !root.atasan) throw new Error(`unknown superior ${ref} for ${opd.kode}`);
  }
  const depthOf = (n: OrgNode, guard = 0): number => {
    if (guard > 50) throw new Error('cycle in the org chart');
    return n.atasan ? depthOf(n.atasan, guard + 1) + 1 : 0;
  };
  for (const n of nodes) n.depth = depthOf(n);
  return { nodes, byKey, roots };
}

// ---------------------------------------------------------------------------
// People

/** 1 for I.x, 2 for II.x (JPT), 3 for III.x, 4 for IV.x. */
function eselonLevel(eselon: string): number {
  return ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[eselon.split('.')[0] ?? ''] ?? 4;
}

interface PersonSpec {
  opd: OpdSpec;
  opdId: number;
  kind: 'STRUKTURAL' | 'KEPSEK' | 'JF' | 'PELAKSANA';
  status: Status;
  node: OrgNode;
  jf?: JfDef;
}

interface Career {
  idx: number;
  tmtGol: number;
  /** Start of the current JF jenjang band (for tmt_jabatan). */
  events: RankEvent[];
}

/** Jenjang of a JF for a rank and diploma (null: the person cannot hold it at that rank). */
export function jenjangForJf(jf: JfDef, edu: Pendidikan, idx: number): Jenjang | null {
  if (jf.ahli && EDU_RANK[edu] >= EDU_RANK.D4) {
    const j = jenjangAhli(idx);
    if (j) return j;
  }
  if (jf.terampil) return jenjangTerampil(idx, jf.pemula ?? false);
  return null;
}

/** Pelaksana name band of a diploma (PELAKSANA_JABATAN key). */
export function pelaksanaBand(edu: Pendidikan): 'low' | 'sma' | 'd3' | 's1' {
  return EDU_RANK[edu] <= EDU_RANK.SMP ? 'low' : EDU_RANK[edu] <= EDU_RANK.D2 ? 'sma' : edu === 'D3' ? 'd3' : 's1';
}

class Generator {
  readonly rng = new Rng();
  private readonly nipSeq = new Map<string, number>();
  private readonly emails = new Set<string>();
  private readonly oldNips = new Set<string>();
  private kontrakSeq = 0;
  /** Filled alongside the rows; never draws from the stream. */
  readonly careers: CareerInfo[] = [];

  constructor() {
    for (const p of Object.values(FEATURED_PEOPLE)) {
      this.nipSeq.set(p.nip.slice(0, 15), Number(p.nip.slice(15)));
      this.emails.add(p.email.split('@')[0]!);
    }
  }

  /** NIP / NI PPPK: first 15 digits + sequence, incremented on collision (§1). */
  private number15(prefix: string): string {
    const seq = (this.nipSeq.get(prefix) ?? 0) + 1;
    if (seq > 999) throw new Error(`NIP sequence exhausted for ${prefix}`);
    this.nipSeq.set(prefix, seq);
    return prefix + String(seq).padStart(3, '0');
  }

  private birthDay(birthYm: number): Day {
    const y = yearOf(birthYm);
    const m = monthOf(birthYm);
    return { y, m, d: this.rng.int(1, daysInMonth(y, m)) };
  }

  private sexFor(spec: PersonSpec): Sex {
    const female =
      spec.kind === 'JF' ? spec.jf!.female : spec.kind === 'STRUKTURAL' ? 0.3 : spec.kind === 'KEPSEK' ? 0.48 : spec.status === 'KONTRAK' ? 0.35 : 0.45;
    return this.rng.chance(female) ? 'P' : 'L';
  }

  private educationFor(spec: PersonSpec): Pendidikan {
    const r = this.rng;
    if (spec.kind === 'STRUKTURAL') {
      const es = spec.node.spec.eselon;
      if (eselonLevel(es) === 2) return es === 'II.a' ? 'S3' : r.weighted<Pendidikan>([['S2', 86], ['S3', 14]]);
      if (eselonLevel(es) === 3) return r.weighted<Pendidikan>([['S2', 55], ['S1', 40], ['D4', 5]]);
      return r.weighted<Pendidikan>([['S1', 55], ['S2', 30], ['D4', 5], ['D3', 10]]);
    }
    if (spec.kind === 'KEPSEK') return r.weighted<Pendidikan>([['S1', 70], ['S2', 30]]);
    if (spec.kind === 'JF') return r.weighted(spec.jf!.edu);
    if (spec.status === 'KONTRAK') return r.weighted<Pendidikan>([['SMP', 12], ['SMA', 63], ['D3', 10], ['S1', 15]]);
    if (spec.status === 'PPPK') return r.weighted<Pendidikan>([['SMA', 60], ['D3', 14], ['S1', 26]]);
    return r.weighted<Pendidikan>([['SD', 3], ['SMP', 4], ['SMA', 64], ['D1', 1], ['D3', 9], ['S1', 17], ['S2', 2]]);
  }

  private majorFor(spec: PersonSpec): MajorKey | Profession {
    const r = this.rng;
    if (spec.kind === 'KEPSEK' || spec.jf === JF.guru) return r.weighted(spec.node.school === 'SMP' ? SMP_SUBJECTS : SD_SUBJECTS);
    if (spec.kind === 'JF') {
      const m = spec.jf!.major;
      return typeof m === 'string' ? m : r.weighted(m);
    }
    if (spec.opd.majors && r.chance(spec.kind === 'STRUKTURAL' ? 0.8 : 0.65)) return r.weighted(spec.opd.majors);
    return r.weighted(GENERAL_MAJORS);
  }

  /** Diploma used at appointment; some people studied further later (diploma adjustment, PI). */
  private entryEducation(spec: PersonSpec, edu: Pendidikan, major: string, birthYear: number): Pendidikan {
    const r = this.rng;
    switch (edu) {
      case 'S2':
        if (major === 'DOKTER' || major === 'DOKTER_GIGI') return r.chance(0.8) ? 'PROFESI' : 'S2';
        return r.chance(0.75) ? 'S1' : 'S2';
      case 'SP1':
        return r.chance(0.85) ? 'PROFESI' : 'SP1';
      case 'SP2':
        return r.chance(0.6) ? 'SP1' : 'PROFESI';
      case 'S3':
        return r.weighted<Pendidikan>([['S1', 55], ['S2', 45]]);
      case 'S1':
      case 'D4':
        if ((spec.kind === 'KEPSEK' || spec.jf === JF.guru) && birthYear < 1972)
          return r.weighted<Pendidikan>([['SMA', 25], ['D2', 35], [edu, 40]]);
        if (major === 'PERAWAT' || major === 'BIDAN') return r.chance(0.25) ? 'D3' : edu;
        return r.weighted<Pendidikan>([['SMA', 10], ['D3', 8], [edu, 82]]);
      case 'D3':
        return r.chance(0.08) ? 'SMA' : 'D3';
      default:
        return edu;
    }
  }

  private assumedBup(spec: PersonSpec): number {
    if (spec.kind === 'STRUKTURAL' && eselonLevel(spec.node.spec.eselon) <= 2) return 60;
    if (spec.kind === 'KEPSEK' || spec.jf?.rumpun === 'GURU') return 60;
    return 58;
  }

  /** Age (years) for a PNS who is not about to retire. */
  private pnsAge(spec: PersonSpec, minAge: number, maxAge: number): number {
    const r = this.rng;
    let lo = minAge;
    if (spec.kind === 'STRUKTURAL') {
      const es = spec.node.spec.eselon;
      lo = Math.max(lo, [0, 50, 46, 40, 34][eselonLevel(es)] ?? 34);
    } else if (spec.kind === 'KEPSEK') {
      lo = Math.max(lo, 42);
    }
    if (lo >= maxAge) return maxAge;
    if (spec.kind === 'STRUKTURAL' || spec.kind === 'KEPSEK') return r.range(lo, maxAge);
    const band = r.weighted<number>([[0, 32], [1, 26], [2, 42]]);
    const edges = [lo, Math.max(lo, 36), Math.max(lo, 46), maxAge];
    const a = edges[band]!;
    const b = Math.max(a, Math.min(maxAge, edges[band + 1]!));
    return r.range(a, b);
  }

  /** TMT CPNS of a PNS; position holders need `minService` years of service. */
  private tmtCpnsFor(birthYm: number, entryEdu: Pendidikan, ageYears: number, minService: number): number {
    const r = this.rng;
    const latest = Math.min(ym(2025, 6), REF_YM - Math.round(minService * 12));
    const minAge = MIN_ENTRY_AGE[entryEdu];
    const maxEntry = ageYears - Math.max(1.45, minService);
    let entryAge = minAge + 11 * Math.min(r.float(), r.float());
    if (entryAge > maxEntry) entryAge = Math.max(18.2, maxEntry);
    let year = yearOf(birthYm + Math.round(entryAge * 12));
    // No appointments during the 2015-2018 moratorium; the 2021 and 2023 formations started a year later.
    if (year >= 2015 && year <= 2018) year = 2019;
    else if (year === 2021) year = 2022;
    else if (year === 2023) year = 2024;
    let month = r.weighted(TMT_CPNS_MONTH);
    if (year >= 2025) {
      year = 2025;
      month = r.weighted(TMT_CPNS_MONTH.filter(([m]) => m <= 6));
    }
    let t = ym(year, month);
    if (t > latest) t = latest;
    if (t < birthYm + 18 * 12 + 1) t = birthYm + 18 * 12 + 1;
    return t;
  }

  /** Rank history: regular KP every 4 years (with delays), PI after a higher diploma, KP pilihan for eselon holders. */
  private career(tmtCpns: number, entryEdu: Pendidikan, edu: Pendidikan, piYm: number | null, eselon: string | null): Career {
    const r = this.rng;
    let idx = entryIndex(entryEdu);
    let at = tmtCpns;
    const events: Career['events'] = [{ at, idx, kind: 'START' }];
    const minForEselon = eselon ? (ESELON_MIN_GOL[eselon] ?? 0) : 0;
    let stuck = false;
    const regular = (cap: number, until: number) => {
      while (idx < cap) {
        const fast = minForEselon > idx; // KP pilihan struktural closes the gap faster
        const delay = fast ? 0 : r.weighted<number>([[0, 62], [6, 14], [12, 14], [24, 7], [48, 3]]);
        const next = kpPeriodOnOrAfter(at + (fast ? 24 : 48) + delay);
        if (next > until) return;
        if (idx === G.IId && !fast) {
          if (stuck || r.chance(STUCK_AT_IID_RATE)) {
            stuck = true;
            return;
          }
        }
        idx++;
        at = next;
        events.push({ at, idx, kind: 'REG', pilihan: fast });
      }
    };
    const ceilEntry = ceilingIndex(entryEdu);
    const ceilNow = Math.max(ceilEntry, ceilingIndex(edu));
    if (piYm !== null && piYm <= REF_YM) {
      regular(ceilEntry, piYm);
      const piAt = kpPeriodOnOrAfter(Math.max(piYm, at + 12));
      const target = entryIndex(edu);
      if (target > idx && piAt <= REF_YM) {
        idx = target;
        at = piAt;
        events.push({ at, idx, kind: 'PI' });
      }
      regular(ceilNow, REF_YM);
    } else {
      regular(ceilEntry, REF_YM);
    }
    // A due KP still in process: the person stays ≥ 4 years in rank, below the ceiling.
    const last = events[events.length - 1]!;
    const prev = events[events.length - 2];
    if (last.kind === 'REG' && prev && last.at > REF_YM - 24 && idx > minForEselon && r.chance(PENDING_KP_RATE)) {
      events.pop();
      idx = prev.idx;
      at = prev.at;
    }
    return { idx, tmtGol: at, events };
  }

  private jenjangFor(jf: JfDef, edu: Pendidikan, idx: number): Jenjang | null {
    return jenjangForJf(jf, edu, idx);
  }

  private pelaksanaJabatan(edu: Pendidikan): string {
    return this.rng.weighted(PELAKSANA_JABATAN[pelaksanaBand(edu)]);
  }

  /** Fills contact data and the birthplace, shared by all kinds of people. */
  private contact(nama: string, status: Status): { email: string | null; noHp: string | null; tempatLahir: string } {
    const r = this.rng;
    const tempatLahir = r.weighted(BIRTHPLACES);
    const email = r.chance(status === 'KONTRAK' ? 0.5 : 0.88) ? emailFor(r, nama, this.emails) : null;
    const noHp = r.chance(status === 'KONTRAK' ? 0.8 : 0.94) ? phoneNumber(r) : null;
    return { email, noHp, tempatLahir };
  }

  person(id: number, spec: PersonSpec): EmployeeRow {
    const r = this.rng;
    const sex = this.sexFor(spec);
    const edu = this.educationFor(spec);
    const major = this.majorFor(spec);
    const status = spec.status;
    const bupGuess = this.assumedBup(spec);
    const gradAge = GRAD_AGE[edu];

    // --- age and appointment dates
    let near = false;
    let ageYears: number;
    if (status === 'PNS') {
      near = r.chance(NEAR_BUP_RATE);
      const minAge = Math.max(22, gradAge + 2.5);
      // Not near: the BUP month must be 12+ months away (retirement TMT after REF + 12 months).
      const maxAge = bupGuess - 1 + 1 / 12 - 1e-6;
      ageYears = near ? bupGuess - 1 : this.pnsAge(spec, minAge, maxAge);
    } else if (status === 'CPNS') {
      ageYears = r.range(Math.max(22, MIN_ENTRY_AGE[edu] + 0.7), 35.5);
    } else if (status === 'PPPK') {
      ageYears = r.range(Math.max(24, gradAge + 3), spec.jf?.rumpun === 'GURU' ? 56 : 52);
    } else {
      ageYears = r.range(Math.max(22, gradAge + 1), 50);
    }
    let birthYm = REF_YM - Math.floor(ageYears * 12);
    const birthYear0 = yearOf(birthYm);

    let entryEdu: Pendidikan = edu;
    let tmtCpns: number | null = null;
    let tmtPns: number | null = null;
    let tmtPppk: number | null = null;
    let contractStart: number | null = null;
    let gradYear = 0;
    let piYm: number | null = null;
    if (status === 'PNS') {
      entryEdu = this.entryEducation(spec, edu, major, birthYear0);
      const minService = spec.kind === 'STRUKTURAL' ? ([0, 25, 18, 12, 8][eselonLevel(spec.node.spec.eselon)] ?? 8) : spec.kind === 'KEPSEK' ? 12 : 0;
      tmtCpns = this.tmtCpnsFor(birthYm, entryEdu, ageYears, minService);
      if (entryEdu !== edu) {
        const lo = Math.max(yearOf(tmtCpns) + 2, birthYear0 + gradAge);
        const hi = REF_YEAR - 2;
        if (lo <= hi) {
          gradYear = r.int(lo, hi);
          piYm = ym(gradYear + 1, r.int(1, 12));
        } else {
          entryEdu = edu;
        }
      }
      tmtPns = Math.min(tmtCpns + 12 + r.weighted<number>([[0, 50], [r.int(1, 11), 30], [12, 20]]), REF_YM);
    } else if (status === 'CPNS') {
      tmtCpns = r.weighted<number>([[ym(2026, 3), 2], [ym(2026, 6), 1]]);
    } else if (status === 'PPPK') {
      tmtPppk = r.weighted(spec.jf?.rumpun === 'GURU' ? PPPK_WAVES_GURU : PPPK_WAVES_OTHER);
    } else {
      contractStart = ym(r.int(2015, 2025), 1);
    }

    // --- rank
    let golongan: string | null = null;
    let golIdx = 0;
    let tmtGol: number | null = null;
    let mkgMonths: number | null = null;
    let events: Career['events'] = [];
    const eselon = spec.kind === 'STRUKTURAL' ? spec.node.spec.eselon : null;
    if (status === 'PNS') {
      const c = this.career(tmtCpns!, entryEdu, edu, piYm, eselon);
      golIdx = c.idx;
      tmtGol = c.tmtGol;
      events = c.events;
    } else if (status === 'CPNS') {
      golIdx = entryIndex(edu);
      tmtGol = tmtCpns;
      events = [{ at: tmtCpns!, idx: golIdx, kind: 'START' }];
    } else if (status === 'PPPK') {
      const [roman, eq] = PPPK_GOL[edu];
      golongan = roman;
      golIdx = eq;
      tmtGol = tmtPppk;
      mkgMonths = 0;
    }
    if (status === 'PNS' || status === 'CPNS') {
      golongan = golAt(golIdx);
      const entryIdx = entryIndex(entryEdu);
      let m = tmtGol! - tmtCpns!;
      if (entryIdx < G.IIa && golIdx >= G.IIa) m -= 72; // MKG drops 6 years from I to II
      if (entryIdx < G.IIIa && golIdx >= G.IIIa) m -= 60; // and 5 years from II to III
      mkgMonths = Math.max(0, m);
    }

    // --- position
    let jenis: JenisJabatan;
    let namaJabatan: string;
    let jenjang: Jenjang | null = null;
    let rumpun: string | null = null;
    let atasanNode: OrgNode | null;
    let unitKerja: string;
    if (spec.kind === 'STRUKTURAL') {
      jenis = 'STRUKTURAL';
      namaJabatan = spec.node.spec.jabatan;
      unitKerja = spec.node.spec.unit;
      atasanNode = spec.node.atasan;
    } else if (spec.kind === 'KEPSEK') {
      jenis = 'FUNGSIONAL';
      jenjang = this.jenjangFor(JF.guru, edu, golIdx) ?? 'AHLI_PERTAMA';
      rumpun = 'GURU';
      namaJabatan = 'Kepala Sekolah';
      unitKerja = spec.node.spec.unit;
      atasanNode = spec.node.atasan;
    } else {
      const jf = spec.kind === 'JF' ? spec.jf! : null;
      jenjang = jf ? this.jenjangFor(jf, edu, golIdx) : null;
      if (jf && jenjang && status !== 'KONTRAK') {
        jenis = 'FUNGSIONAL';
        rumpun = jf.rumpun;
        namaJabatan = `${jf.name} ${JENJANG_LABEL[jenjang]}`;
        const ahli = jenjang.startsWith('AHLI');
        atasanNode = ahli ? divisionOf(spec.node) : spec.node;
        unitKerja = atasanNode.spec.unit;
      } else {
        jenjang = null;
        jenis = 'PELAKSANA';
        namaJabatan = status === 'KONTRAK' ? r.weighted(KONTRAK_JABATAN[EDU_RANK[edu] >= EDU_RANK.D3 ? 'high' : 'low']) : this.pelaksanaJabatan(edu);
        atasanNode = spec.node;
        unitKerja = spec.node.spec.unit;
      }
    }

    // --- birth date, now that the retirement age is known
    if (near) {
      const bup = bupOf({ jenisJabatan: jenis, eselon, jenjang, rumpun });
      birthYm = REF_YM + r.int(0, 11) - bup * 12;
    }
    const birth = this.birthDay(birthYm);
    const birthYear = birth.y;

    // --- identity
    let nip: string;
    if (status === 'PNS' || status === 'CPNS') nip = this.number15(`${dayCompact(birth)}${yyyymm(tmtCpns!)}${sex === 'L' ? 1 : 2}`);
    else if (status === 'PPPK') nip = this.number15(`${dayCompact(birth)}${yearOf(tmtPppk!)}21${sex === 'L' ? 1 : 2}`);
    else nip = `K-${yearOf(contractStart!)}-${String(++this.kontrakSeq).padStart(6, '0')}`;

    let nipLama: string | null = null;
    if (status === 'PNS' && tmtCpns! < ym(2009, 1) && r.chance(0.8)) {
      do nipLama = `5${r.digits(8)}`;
      while (this.oldNips.has(nipLama));
      this.oldNips.add(nipLama);
    }

    const nama = personName(r, sex, birthYear);
    const school = schooling(r, { edu, major, sex, birthYear });
    let gelarDepan = school.gelarDepan;
    if (!gelarDepan && REF_YEAR - birthYear >= 45 && r.chance(0.05)) gelarDepan = sex === 'L' ? 'H.' : 'Hj.';

    // --- dates of position and diploma
    let tmtJabatan: string;
    if (status === 'PPPK') tmtJabatan = firstOf(tmtPppk!);
    else if (status === 'KONTRAK') tmtJabatan = firstOf(contractStart!);
    else if (status === 'CPNS') tmtJabatan = firstOf(tmtCpns!);
    else if (jenis === 'STRUKTURAL' || spec.kind === 'KEPSEK') {
      const from = Math.max(tmtPns!, REF_YM - (spec.kind === 'KEPSEK' ? 60 : 84));
      const t = r.int(Math.min(from, REF_YM - 1), REF_YM - 1);
      tmtJabatan = isoDate(yearOf(t), monthOf(t), r.int(2, 28));
    } else if (jenis === 'FUNGSIONAL') {
      // Appointed to the current jenjang when the rank entered its band (not before PNS).
      let start = events[0]?.at ?? tmtCpns!;
      for (const e of events) if (this.jenjangFor(spec.jf!, edu, e.idx) === jenjang) { start = e.at; break; }
      tmtJabatan = firstOf(Math.max(start, tmtPns!));
    } else {
      tmtJabatan = firstOf(r.int(tmtPns!, REF_YM));
    }

    const startYm = tmtCpns ?? tmtPppk ?? contractStart!;
    // gradYear was only fixed for a later diploma; otherwise shortly before appointment.
    if (piYm === null) {
      const earliest = birthYear + gradAge;
      gradYear = Math.max(earliest, yearOf(startYm) - r.int(status === 'PNS' || status === 'CPNS' ? 0 : 1, 6));
      gradYear = Math.min(gradYear, yearOf(startYm));
    }

    const contact = this.contact(nama, status);
    this.careers[id - 1] = {
      kind: spec.kind,
      jf: spec.kind === 'KEPSEK' ? JF.guru : (spec.jf ?? null),
      major,
      entryEdu,
      events: status === 'PNS' || status === 'CPNS' ? events : [],
      school: spec.node.school ?? null,
      featured: null,
    };
    return {
      id,
      nip,
      nipLama,
      nama,
      gelarDepan,
      gelarBelakang: school.gelarBelakang,
      jenisKelamin: sex,
      tempatLahir: contact.tempatLahir,
      tanggalLahir: dayIso(birth),
      statusKepegawaian: status,
      tmtCpns: tmtCpns === null ? null : firstOf(tmtCpns),
      tmtPns: tmtPns === null ? null : firstOf(tmtPns),
      tmtPppk: tmtPppk === null ? null : firstOf(tmtPppk),
      opdId: spec.opdId,
      unitKerja,
      jenisJabatan: jenis,
      namaJabatan,
      eselon,
      jenjangFungsional: jenjang,
      rumpunFungsional: rumpun,
      tmtJabatan,
      golongan,
      tmtGolongan: tmtGol === null ? null : firstOf(tmtGol),
      mkgTahun: mkgMonths === null ? null : Math.floor(mkgMonths / 12),
      mkgBulan: mkgMonths === null ? null : mkgMonths % 12,
      pendidikanTerakhir: edu,
      jurusan: school.jurusan,
      tahunLulus: gradYear,
      email: contact.email,
      noHp: contact.noHp,
      atasanId: atasanNode?.holderId ?? null,
    };
  }

  featuredPerson(id: number, p: FeaturedPerson, node: OrgNode, division: OrgNode): EmployeeRow {
    let m = p.tmtGolongan - p.tmtCpns;
    if (entryIndex(p.entryEdu) < G.IIIa && p.golIdx >= G.IIIa) m -= 60;
    const jf = p.jf ? JF[p.jf] : null;
    const jenjang = jf ? this.jenjangFor(jf, p.pendidikan, p.golIdx) : null;
    this.careers[id - 1] = {
      kind: jf ? 'JF' : 'STRUKTURAL',
      jf,
      major: p.major,
      entryEdu: p.entryEdu,
      events: featuredEvents(p),
      school: null,
      featured: p.key,
    };
    return {
      id,
      nip: p.nip,
      nipLama: null,
      nama: p.nama,
      gelarDepan: p.gelarDepan,
      gelarBelakang: p.gelarBelakang,
      jenisKelamin: p.sex,
      tempatLahir: p.tempatLahir,
      tanggalLahir: dayIso(p.birth),
      statusKepegawaian: 'PNS',
      tmtCpns: firstOf(p.tmtCpns),
      tmtPns: firstOf(p.tmtPns),
      tmtPppk: null,
      opdId: node.opdId,
      unitKerja: division.spec.unit,
      jenisJabatan: jf ? 'FUNGSIONAL' : 'STRUKTURAL',
      namaJabatan: jf && jenjang ? `${jf.name} ${JENJANG_LABEL[jenjang]}` : node.spec.jabatan,
      eselon: jf ? null : node.spec.eselon,
      jenjangFungsional: jenjang,
      rumpunFungsional: jf ? jf.rumpun : null,
      tmtJabatan: dayIso(p.tmtJabatan),
      golongan: golAt(p.golIdx),
      tmtGolongan: firstOf(p.tmtGolongan),
      mkgTahun: Math.floor(m / 12),
      mkgBulan: m % 12,
      pendidikanTerakhir: p.pendidikan,
      jurusan: p.jurusan,
      tahunLulus: p.tahunLulus,
      email: p.email,
      noHp: p.noHp,
      atasanId: jf ? (division.holderId ?? null) : (node.atasan?.holderId ?? null),
    };
  }
}

/** Rank steps of a featured person: regular KP every 4 years back from the current rank to the entry grade. */
function featuredEvents(p: FeaturedPerson): RankEvent[] {
  const steps: RankEvent[] = [];
  const entry = entryIndex(p.entryEdu);
  let idx = p.golIdx;
  let at = p.tmtGolongan;
  while (idx > entry) {
    steps.push({ at, idx, kind: 'REG' });
    idx--;
    at -= 48;
  }
  if (at < p.tmtCpns) throw new Error(`featured ${p.nip}: rank steps start before TMT CPNS`);
  return [{ at: p.tmtCpns, idx: entry, kind: 'START' }, ...steps.reverse()];
}

// ---------------------------------------------------------------------------

function statusFor(rng: Rng, role: JfDef | null, opd: OpdSpec, area: Area | undefined): Status {
  const u = rng.float();
  if (role === JF.guru) return u < 0.27 ? 'PPPK' : u < 0.3 ? 'CPNS' : 'PNS';
  if (role?.rumpun === 'KESEHATAN') return u < 0.15 ? 'PPPK' : u < 0.185 ? 'CPNS' : 'PNS';
  if (role) return u < 0.05 ? 'PPPK' : u < 0.085 ? 'CPNS' : 'PNS';
  const kontrak = area === 'school' ? 0.03 : (opd.kontrak ?? 0.05);
  if (u < kontrak) return 'KONTRAK';
  if (u < kontrak + 0.09) return 'PPPK';
  if (u < kontrak + 0.12) return 'CPNS';
  return 'PNS';
}

/** Generates the whole regency. Deterministic for a given employee count. */
export function generateDemo(employeeCount: number): DemoData {
  const gen = new Generator();
  const rng = gen.rng;

  const opdIds = new Map<string, number>();
  OPDS.forEach((o, i) => opdIds.set(o.kode, i + 1));
  const opds: OpdRow[] = OPDS.map((o, i) => ({
    id: i + 1,
    kode: o.kode,
    nama: o.nama,
    parentId: o.parent ? opdIds.get(o.parent)! : null,
    alamat: o.alamat,
    latitude: o.lat.toFixed(6),
    longitude: o.lng.toFixed(6),
    radiusM: o.radiusM,
  }));

  const { nodes, byKey } = buildOrg(opdIds, employeeCount);
  const featuredStaff = Object.values(FEATURED_PEOPLE).filter((p) => p.key !== 'atasan');
  const minimum = nodes.length + featuredStaff.length + OPDS.length;
  if (employeeCount < minimum) throw new Error(`the demo regency needs at least ${minimum} employees (org chart alone has ${nodes.length})`);

  const employees: EmployeeRow[] = [];
  const featured = {} as Record<FeaturedPersonKey, number>;

  // 1. Position holders, superiors first.
  const ordered = nodes.map((n, i) => ({ n, i })).sort((a, b) => a.n.depth - b.n.depth || a.i - b.i).map((x) => x.n);
  for (const node of ordered) {
    const id = employees.length + 1;
    node.holderId = id;
    if (node.spec.featured === 'ATASAN') {
      employees.push(gen.featuredPerson(id, FEATURED_PEOPLE.atasan, node, node));
      featured.atasan = id;
      continue;
    }
    employees.push(
      gen.person(id, { opd: node.opd, opdId: node.opdId, kind: node.school ? 'KEPSEK' : 'STRUKTURAL', status: 'PNS', node }),
    );
  }

  // 2. Staff, OPD by OPD.
  const staffTotal = employeeCount - nodes.length;
  const counts = apportion(staffTotal, OPDS.map((o) => o.weight));
  OPDS.forEach((opd, oi) => {
    const opdId = opdIds.get(opd.kode)!;
    const own = nodes.filter((n) => n.opdId === opdId);
    const schools = own.filter((n) => n.school);
    const staffable = own.filter((n) => n.spec.staff);
    const table = (list: OrgNode[], weight: (n: OrgNode) => number) => (list.length ? new WeightedTable(list.map((n) => [n, weight(n)] as const)) : null);
    const pools = {
      teachers: table(schools, (n) => (n.school === 'SMP' ? 28 : 9)),
      schoolStaff: table(schools, (n) => (n.school === 'SMP' ? 3 : 1)),
      admin: table(staffable.filter((n) => n.spec.staff === 'admin'), () => 1),
      tech: table(staffable.filter((n) => n.spec.staff === 'tech'), () => 1),
      any: table(staffable, () => 1),
    };
    const place = (area: Area | undefined, pelaksanaAtSchool: boolean): OrgNode => {
      const pool =
        (area === 'school' ? (pelaksanaAtSchool ? pools.schoolStaff : pools.teachers) : area ? pools[area] : null) ?? pools.any;
      return pool ? rng.fromTable(pool) : own[0]!;
    };

    let remaining = counts[oi] ?? 0;
    for (const p of featuredStaff) {
      const division = byKey.get(p.divisionKey)!;
      if (division.opd !== opd) continue;
      const id = employees.length + 1;
      employees.push(gen.featuredPerson(id, p, division, division));
      featured[p.key] = id;
      remaining--;
    }
    const roleWeights = opd.roles.map((r) => [r, r.weight] as const);
    for (let k = 0; k < remaining; k++) {
      const role = rng.weighted(roleWeights);
      const jf = role.role === 'PELAKSANA' ? null : JF[role.role];
      const area = role.area ?? (jf ? 'tech' : undefined);
      const node = place(area, !jf);
      const status = statusFor(rng, jf, opd, area);
      const id = employees.length + 1;
      employees.push(gen.person(id, { opd, opdId, kind: jf ? 'JF' : 'PELAKSANA', status, node, jf: jf ?? undefined }));
    }
  });

  for (const e of employees) if (e.atasanId !== null && e.atasanId >= e.id) throw new Error(`superior of ${e.nip} is generated after them`);
  const units: OrgUnit[] = nodes.map((n) => ({
    opdId: n.opdId,
    jabatan: n.spec.jabatan,
    eselon: n.spec.eselon,
    unit: n.spec.unit,
    division: !!n.spec.division,
    staff: !!n.spec.staff,
    school: n.school ?? null,
  }));
  return { opds, employees, featured, careers: gen.careers, units };
}
