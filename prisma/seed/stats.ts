// Distribution figures of a seeded database, recomputed from the stored rows
// with the same rules (used to check the generator's targets; `--stats`), as of the
// reference date the regency was dated to (app_setting demo.reference_date).
import { parseNip, type StatusKepegawaian } from '@simak/shared';
import pg from 'pg';
import { historyStats } from './history-stats.ts';
import { REF_DATE, firstOf, ym, ymOfIso } from './dates.ts';
import { seedShift, shiftBy, type SeedShift } from './shift.ts';
import {
  GOLONGAN, bupOf, ceilingIndex, golIndex, nextKgb, type Golongan, type Jenjang, type Pendidikan,
} from './rules.ts';

interface Row {
  id: number;
  nip: string;
  jenis_kelamin: 'L' | 'P';
  tanggal_lahir: string;
  status_kepegawaian: StatusKepegawaian;
  tmt_cpns: string | null;
  tmt_pppk: string | null;
  nik: string | null;
  jenis_jabatan: 'STRUKTURAL' | 'FUNGSIONAL' | 'PELAKSANA';
  eselon: string | null;
  jenjang_fungsional: Jenjang | null;
  rumpun_fungsional: string | null;
  golongan: string | null;
  tmt_golongan: string | null;
  mkg_tahun: number | null;
  mkg_bulan: number | null;
  pendidikan_terakhir: Pendidikan;
  atasan_id: number | null;
}

const monthIndex = (iso: string) => ym(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
const pct = (n: number, d: number) => `${n} (${d ? ((100 * n) / d).toFixed(1) : '0.0'}%)`;

export interface DemoStats {
  lines: string[];
  problems: string[];
}

/**
 * The shift the database was seeded with: from its reference date (app_setting
 * demo.reference_date); databases seeded before it was recorded are at REF_DATE.
 */
export async function storedShift(client: pg.ClientBase): Promise<SeedShift> {
  const r = await client.query<{ value: unknown }>(`SELECT value FROM "app_setting" WHERE key = 'demo.reference_date'`);
  const ref = r.rows[0]?.value;
  if (typeof ref !== 'string') return shiftBy(0);
  const shift = seedShift(ref);
  if (shift.refDate !== ref) throw new Error(`app_setting demo.reference_date ${ref} is not a reference date of the demo (REF_DATE ${REF_DATE} moved by whole months)`);
  return shift;
}

export async function demoStats(databaseUrl: string): Promise<DemoStats> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let rows: Row[];
  let history: DemoStats;
  let shift: SeedShift;
  try {
    shift = await storedShift(client);
    rows = (
      await client.query<Row>(
        `SELECT id, nip, jenis_kelamin, to_char(tanggal_lahir, 'YYYY-MM-DD') AS tanggal_lahir, status_kepegawaian,
                to_char(tmt_cpns, 'YYYY-MM-DD') AS tmt_cpns, to_char(tmt_pppk, 'YYYY-MM-DD') AS tmt_pppk, nik, jenis_jabatan, eselon, jenjang_fungsional, rumpun_fungsional,
                golongan, to_char(tmt_golongan, 'YYYY-MM-DD') AS tmt_golongan, mkg_tahun, mkg_bulan, pendidikan_terakhir, atasan_id
           FROM employee ORDER BY id`,
      )
    ).rows;
    history = await historyStats(client, shift);
  } finally {
    await client.end();
  }

  const lines: string[] = [];
  const problems: string[] = [];
  const total = rows.length;
  const count = <K extends string>(f: (r: Row) => K | null) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = f(r) ?? '-';
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${pct(n, total)}`).join(', ');
  };
  const refDate = shift.refDate;
  const refYm = ymOfIso(refDate);
  const refDay = Number(refDate.slice(8, 10));
  lines.push(
    `Reference date ${refDate}${shift.months ? ` (the generator's ${REF_DATE} moved by ${shift.months} months, years by ${shift.years})` : ''}; ${total} employees`,
  );
  lines.push(`Status: ${count((r) => r.status_kepegawaian)}`);
  lines.push(`Sex: ${count((r) => r.jenis_kelamin)}`);
  lines.push(`Education: ${count((r) => r.pendidikan_terakhir)}`);
  lines.push(`Jenis jabatan: ${count((r) => r.jenis_jabatan)}`);
  lines.push(`Eselon: ${count((r) => r.eselon)}`);
  lines.push(`Rumpun: ${count((r) => r.rumpun_fungsional)}`);

  const pns = rows.filter((r) => r.status_kepegawaian === 'PNS' || r.status_kepegawaian === 'CPNS');
  let kgbDue = 0;
  let bupNear = 0;
  let kpEligible = 0;
  let minAge = 999;
  let maxAge = 0;
  for (const r of rows) {
    const birth = monthIndex(r.tanggal_lahir);
    const ageMonths = refYm - birth - (Number(r.tanggal_lahir.slice(8, 10)) > refDay ? 1 : 0);
    minAge = Math.min(minAge, ageMonths / 12);
    maxAge = Math.max(maxAge, ageMonths / 12);
    if (r.status_kepegawaian === 'KONTRAK') continue;
    const bup = bupOf({ jenisJabatan: r.jenis_jabatan, eselon: r.eselon, jenjang: r.jenjang_fungsional, rumpun: r.rumpun_fungsional });
    const pensionTmt = birth + bup * 12 + 1; // 1st of the month after reaching BUP
    if (pensionTmt <= refYm) problems.push(`${r.nip} is past BUP ${bup}`);
    if (r.status_kepegawaian !== 'PPPK' && pensionTmt > refYm && pensionTmt <= refYm + 12) bupNear++;
  }
  for (const r of pns) {
    const g = r.golongan as Golongan;
    if (!GOLONGAN.includes(g) || !r.tmt_golongan || r.mkg_tahun === null || r.mkg_bulan === null) {
      problems.push(`${r.nip} has no valid rank data`);
      continue;
    }
    const idx = golIndex(g);
    const ceiling = ceilingIndex(r.pendidikan_terakhir);
    if (idx > ceiling) problems.push(`${r.nip} ${g} above the ceiling of ${r.pendidikan_terakhir}`);
    const tmtGol = monthIndex(r.tmt_golongan);
    const next = nextKgb(idx, tmtGol, r.mkg_tahun * 12 + r.mkg_bulan, refYm);
    if (next <= refYm + 3) kgbDue++;
    if (r.status_kepegawaian === 'PNS' && tmtGol <= refYm - 48 && idx < ceiling) kpEligible++;
    // NIP (DOMAIN-RULES §1)
    const nip = r.nip;
    if (!/^\d{18}$/.test(nip)) problems.push(`${nip}: not 18 digits`);
    if (nip.slice(0, 8) !== r.tanggal_lahir.replaceAll('-', '')) problems.push(`${nip}: birth date mismatch`);
    if (!r.tmt_cpns || nip.slice(8, 14) !== r.tmt_cpns.slice(0, 7).replace('-', '') || !r.tmt_cpns.endsWith('-01'))
      problems.push(`${nip}: TMT CPNS mismatch`);
    if (nip[14] !== (r.jenis_kelamin === 'L' ? '1' : '2')) problems.push(`${nip}: sex digit mismatch`);
    if (r.tmt_cpns && monthIndex(r.tmt_cpns) - monthIndex(r.tanggal_lahir) < 18 * 12) problems.push(`${nip}: appointed before 18`);
  }
  const pnsOnly = rows.filter((r) => r.status_kepegawaian === 'PNS').length;
  lines.push(`Age range: ${minAge.toFixed(1)}–${maxAge.toFixed(1)} years`);
  lines.push(`KGB due within 3 months (TMT ${firstOf(refYm + 1)} to ${firstOf(refYm + 3)}), PNS+CPNS: ${pct(kgbDue, pns.length)}; of all employees ${pct(kgbDue, total)}`);
  lines.push(`Retirement (BUP) within 12 months, PNS+CPNS: ${pct(bupNear, pns.length)}; of all employees ${pct(bupNear, total)}`);
  lines.push(`Eligible for KP (≥ 4 years in rank, below the diploma ceiling), PNS: ${pct(kpEligible, pnsOnly)}`);
  const ids = new Set(rows.map((r) => r.id));
  const orphan = rows.filter((r) => r.atasan_id !== null && !ids.has(r.atasan_id)).length;
  const noAtasan = rows.filter((r) => r.atasan_id === null).length;
  lines.push(`Without atasan: ${noAtasan}; dangling atasan: ${orphan}`);
  const pppkNumbers = rows.filter((r) => r.status_kepegawaian === 'PPPK');
  const badPppk = pppkNumbers.filter((r) => !/^\d{12}21[12]\d{3}$/.test(r.nip)).length;
  if (badPppk) problems.push(`${badPppk} PPPK numbers not in the yyyymmdd yyyy 21 s nnn form`);
  // The platform's own NIP rules (errors and warnings, as of the reference date), the NI PPPK
  // year against TMT PPPK, and the birth date in the NIK (ddmmyy, day + 40 for women).
  const nipIssues = new Map<string, number>();
  let pppkYear = 0;
  let nikDate = 0;
  for (const r of rows) {
    const b = r.tanggal_lahir;
    const dd = Number(b.slice(8, 10)) + (r.jenis_kelamin === 'P' ? 40 : 0);
    if (!r.nik || r.nik.slice(6, 12) !== `${String(dd).padStart(2, '0')}${b.slice(5, 7)}${b.slice(2, 4)}`) nikDate++;
    if (r.status_kepegawaian === 'KONTRAK') continue;
    const p = parseNip(r.nip, {
      statusKepegawaian: r.status_kepegawaian, tanggalLahir: r.tanggal_lahir, tmtCpns: r.tmt_cpns, jenisKelamin: r.jenis_kelamin, asOf: refDate,
    });
    for (const i of [...p.errors, ...p.warnings]) nipIssues.set(i.code, (nipIssues.get(i.code) ?? 0) + 1);
    if (r.status_kepegawaian === 'PPPK' && (!r.tmt_pppk || p.pppkYear !== Number(r.tmt_pppk.slice(0, 4)))) pppkYear++;
  }
  const issueText = [...nipIssues].map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  lines.push(`NIP rules (shared parseNip, as of ${refDate}): ${issueText}; NI PPPK year ≠ TMT PPPK ${pppkYear}; NIK birth date ≠ tanggal lahir ${nikDate}`);
  if (nipIssues.size) problems.push(`NIP errors/warnings: ${issueText}`);
  if (pppkYear) problems.push(`${pppkYear} NI PPPK numbers whose year is not the year of TMT PPPK`);
  if (nikDate) problems.push(`${nikDate} NIKs whose birth date differs from tanggal_lahir`);
  lines.push('', ...history.lines);
  problems.push(...history.problems);
  return { lines, problems };
}
