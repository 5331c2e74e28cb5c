/**
 * Workforce statistics of a scope (the agency, an OPD with its sub-units, or an OPD admin's
 * OPDs): every count is a GROUP BY in SQL restricted to the scope's OPDs; only the retirement
 * year needs the BUP rule of each position (the bup_rule table), applied to the few employees who can
 * reach a BUP (58–70) in the years counted.
 */
import { bupOf, bupRange, loadBupRules } from '../pensiun/rules.ts';
import {
  addMonths,
  addYears,
  ASN_STATUSES,
  dateToIso,
  GOLONGAN,
  GOLONGAN_PPPK,
  JENIS_JABATAN_LABELS,
  JENIS_KELAMIN_LABELS,
  PANGKAT,
  PENDIDIKAN,
  PENDIDIKAN_LABELS,
  STATUS_KEPEGAWAIAN_LABELS,
  tmtPensiun,
  type IsoDate,
} from '@simak/shared';
import { KGB_MONTHS, RETIREMENT_YEARS, type StatisticsChart, type StatisticsCount, type StatisticsResponse } from '@simak/shared/api/statistics';
import type { Db } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';

const sql = Prisma.sql;

/** The OPDs counted: null = every OPD. */
export type OpdScope = number[] | null;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Age bands of the pyramid: [from, to) in years. */
const AGE_BANDS: { key: string; label: string; from: number; to: number }[] = [
  { key: '<25', label: '< 25', from: 0, to: 25 },
  ...[25, 30, 35, 40, 45, 50, 55].map((a) => ({ key: `${a}-${a + 4}`, label: `${a}–${a + 4}`, from: a, to: a + 5 })),
  { key: '60+', label: '≥ 60', from: 60, to: 200 },
];

/** Active ASN in the scope (alias e). */
function activeIn(scope: OpdScope) {
  return sql`e.status_kepegawaian::text IN (${Prisma.join([...ASN_STATUSES])}) AND e.tmt_berhenti IS NULL
    ${scope ? sql`AND e.opd_id = ANY(${scope}::int[])` : Prisma.empty}`;
}

type Row = { key: string | null; n: number };

async function countBy(db: Db, scope: OpdScope, column: Prisma.Sql): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Row[]>`SELECT ${column} AS key, count(*)::int AS n FROM employee e WHERE ${activeIn(scope)} GROUP BY 1`;
  return new Map(rows.map((r) => [r.key ?? '', r.n]));
}

/** Counts in a fixed order of codes with their labels; codes outside the list (and blanks) follow as they come. */
function ordered(counts: Map<string, number>, order: readonly string[], label: (code: string) => string, keepZero = false): StatisticsCount[] {
  const known = order.filter((k) => keepZero || counts.has(k)).map((k) => ({ key: k, label: label(k), count: counts.get(k) ?? 0 }));
  const rest = [...counts.entries()]
    .filter(([k]) => !order.includes(k))
    .map(([k, n]) => ({ key: k || '-', label: k ? label(k) : 'Tidak diisi', count: n }));
  return [...known, ...rest];
}

async function retirements(db: Db, scope: OpdScope, today: IsoDate): Promise<{ byYear: StatisticsCount[]; next12Months: number }> {
  const year = Number(today.slice(0, 4));
  const years = Array.from({ length: RETIREMENT_YEARS }, (_, i) => year + i);
  const end = `${year + RETIREMENT_YEARS - 1}-12-31`;
  // Whoever can reach the highest BUP (70) by the end, but has not passed the lowest (58) before this year began.
  // The BUP table in force (bup_rule, configuration), not built-in rules.
  const rules = await loadBupRules(db);
  const range = bupRange(rules);
  const bornFrom = addYears(`${year}-01-01`, -(range.max + 1));
  const bornTo = addYears(end, -range.min);
  const candidates = await db.$queryRaw<
    { tanggal_lahir: Date; jenis_jabatan: string; eselon: string | null; jenjang_fungsional: string | null; rumpun_fungsional: string | null }[]
  >`SELECT e.tanggal_lahir, e.jenis_jabatan::text, e.eselon, e.jenjang_fungsional::text, e.rumpun_fungsional::text
      FROM employee e WHERE ${activeIn(scope)} AND e.tanggal_lahir BETWEEN ${bornFrom}::date AND ${bornTo}::date`;
  const counts = new Map<string, number>();
  const horizon = addMonths(today, 12);
  let next12Months = 0;
  for (const e of candidates) {
    const bup = bupOf({ jenisJabatan: e.jenis_jabatan, eselon: e.eselon, jenjangFungsional: e.jenjang_fungsional, rumpunFungsional: e.rumpun_fungsional }, rules);
    const tmt = tmtPensiun(dateToIso(e.tanggal_lahir), bup.bup);
    if (tmt >= today && tmt <= horizon) next12Months++;
    const y = tmt.slice(0, 4);
    // This year's count keeps those whose pension TMT is still ahead or already passed this year (still active).
    if (Number(y) >= year && Number(y) <= year + RETIREMENT_YEARS - 1) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return { byYear: years.map((y) => ({ key: String(y), label: String(y), count: counts.get(String(y)) ?? 0 })), next12Months };
}

async function kgbByMonth(db: Db, scope: OpdScope, today: IsoDate): Promise<{ months: StatisticsCount[]; overdue: number }> {
  const first = `${today.slice(0, 7)}-01`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT CASE WHEN s.next_tmt < ${first}::date THEN 'overdue' ELSE to_char(s.next_tmt, 'YYYY-MM') END AS key, count(*)::int AS n
      FROM kgb_schedule s JOIN employee e ON e.id = s.employee_id
     WHERE ${activeIn(scope)} AND s.next_tmt < (${first}::date + make_interval(months => ${KGB_MONTHS}))
     GROUP BY 1`;
  const counts = new Map(rows.map((r) => [r.key ?? '', r.n]));
  const y0 = Number(today.slice(0, 4));
  const m0 = Number(today.slice(5, 7)) - 1;
  const months = Array.from({ length: KGB_MONTHS }, (_, i) => {
    const y = y0 + Math.floor((m0 + i) / 12);
    const m = (m0 + i) % 12;
    const key = `${y}-${String(m + 1).padStart(2, '0')}`;
    return { key, label: `${MONTHS[m]!.slice(0, 3)} ${y}`, count: counts.get(key) ?? 0 };
  });
  return { months, overdue: counts.get('overdue') ?? 0 };
}

async function ageBands(db: Db, scope: OpdScope, today: IsoDate) {
  const rows = await db.$queryRaw<{ age: number; sex: string; n: number }[]>`
    SELECT date_part('year', age(${today}::date, e.tanggal_lahir))::int AS age, e.jenis_kelamin::text AS sex, count(*)::int AS n
      FROM employee e WHERE ${activeIn(scope)} GROUP BY 1, 2`;
  return AGE_BANDS.map((b) => {
    const inBand = rows.filter((r) => r.age >= b.from && r.age < b.to);
    return {
      key: b.key,
      label: b.label,
      laki: inBand.filter((r) => r.sex === 'L').reduce((n, r) => n + r.n, 0),
      perempuan: inBand.filter((r) => r.sex === 'P').reduce((n, r) => n + r.n, 0),
    };
  });
}

async function byOpd(db: Db, scope: OpdScope): Promise<StatisticsCount[]> {
  const rows = await db.$queryRaw<{ kode: string; nama: string; n: number }[]>`
    SELECT o.kode, o.nama, count(*)::int AS n FROM employee e JOIN opd o ON o.id = e.opd_id
     WHERE ${activeIn(scope)} GROUP BY o.id, o.kode, o.nama ORDER BY n DESC, o.nama`;
  return rows.map((r) => ({ key: r.kode, label: r.nama, count: r.n }));
}

export async function workforceStatistics(
  db: Db,
  scope: OpdScope,
  opd: StatisticsResponse['opd'],
  today: IsoDate,
): Promise<StatisticsResponse> {
  const golonganOrder = [...GOLONGAN, ...GOLONGAN_PPPK];
  const [golongan, pendidikan, jabatan, sex, status, usia, pensiun, kgb, opds] = await Promise.all([
    countBy(db, scope, sql`e.golongan`),
    countBy(db, scope, sql`e.pendidikan_terakhir`),
    countBy(db, scope, sql`e.jenis_jabatan::text`),
    countBy(db, scope, sql`e.jenis_kelamin::text`),
    countBy(db, scope, sql`e.status_kepegawaian::text`),
    ageBands(db, scope, today),
    retirements(db, scope, today),
    kgbByMonth(db, scope, today),
    byOpd(db, scope),
  ]);
  const pangkat = PANGKAT as Record<string, string>;
  return {
    asOf: today,
    opd,
    total: [...status.values()].reduce((n, c) => n + c, 0),
    byOpd: opds,
    golongan: ordered(golongan, golonganOrder, (g) => (pangkat[g] ? `${g} (${pangkat[g]})` : `PPPK ${g}`)),
    pendidikan: ordered(pendidikan, PENDIDIKAN, (p) => (PENDIDIKAN_LABELS as Record<string, string>)[p] ?? p),
    jenisJabatan: ordered(jabatan, Object.keys(JENIS_JABATAN_LABELS), (j) => (JENIS_JABATAN_LABELS as Record<string, string>)[j] ?? j, true),
    jenisKelamin: ordered(sex, Object.keys(JENIS_KELAMIN_LABELS), (s) => (JENIS_KELAMIN_LABELS as Record<string, string>)[s] ?? s, true),
    status: ordered(status, ASN_STATUSES, (s) => STATUS_KEPEGAWAIAN_LABELS[s as keyof typeof STATUS_KEPEGAWAIAN_LABELS] ?? s, true),
    usia,
    pensiun: pensiun.byYear,
    pensiun12Bulan: pensiun.next12Months,
    kgb: kgb.months,
    kgbOverdue: kgb.overdue,
  };
}

/** One chart's figures as a table (the download of the chart). */
export function chartTable(stats: StatisticsResponse, chart: StatisticsChart): { title: string; columns: string[]; rows: (string | number)[][] } {
  const simple = (title: string, first: string, items: StatisticsCount[]) => ({
    title,
    columns: [first, 'Jumlah pegawai'],
    rows: [...items.map((i) => [i.label, i.count] as (string | number)[]), ['Jumlah', items.reduce((n, i) => n + i.count, 0)]],
  });
  switch (chart) {
    case 'opd':
      return simple('Pegawai per OPD', 'Perangkat daerah', stats.byOpd);
    case 'golongan':
      return simple('Pegawai per golongan', 'Golongan', stats.golongan);
    case 'pendidikan':
      return simple('Pegawai per pendidikan terakhir', 'Pendidikan', stats.pendidikan);
    case 'jenisJabatan':
      return simple('Pegawai per jenis jabatan', 'Jenis jabatan', stats.jenisJabatan);
    case 'jenisKelamin':
      return simple('Pegawai per jenis kelamin', 'Jenis kelamin', stats.jenisKelamin);
    case 'status':
      return simple('Pegawai per status kepegawaian', 'Status', stats.status);
    case 'pensiun':
      return simple('Pegawai mencapai batas usia pensiun per tahun', 'Tahun', stats.pensiun);
    case 'kgb':
      return simple('KGB jatuh tempo per bulan', 'Bulan', [{ key: 'overdue', label: 'TMT sudah lewat', count: stats.kgbOverdue }, ...stats.kgb]);
    case 'usia':
      return {
        title: 'Piramida usia',
        columns: ['Kelompok usia', 'Laki-laki', 'Perempuan', 'Jumlah'],
        rows: [
          ...stats.usia.map((b) => [b.label, b.laki, b.perempuan, b.laki + b.perempuan]),
          ['Jumlah', ...(['laki', 'perempuan'] as const).map((k) => stats.usia.reduce((n, b) => n + b[k], 0)), stats.usia.reduce((n, b) => n + b.laki + b.perempuan, 0)],
        ],
      };
  }
}
