/**
 * Drill-down: the people behind a component (eselon holders without leadership
 * training, JFT without functional training, under 20 JP, without a workshop,
 * without an SKP score) and the penalties counted — from the same SQL as the
 * indicators, so the lists always match the numbers. JSON pages, or a CSV/XLSX
 * export streamed in batches from a temporary table (constant memory).
 */
import {
  DRILLDOWN_LABELS,
  type DrilldownComponent,
  type DrilldownResult,
  type DrilldownRow,
} from '@simak/shared/api/indicators';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Db, Tx } from '../../db.ts';
import { Prisma } from '../../db.ts';
import { loadYearConfig } from './config.ts';
import { isMaterialized, loadLevels } from './compute.ts';
import type { Scope } from './scope.ts';
import { asnOn, factSkpCents, factsCte, jabatanOn, skpCents, type ScopeParams } from './sql.ts';

const sql = Prisma.sql;

const CONDITIONS: Record<Exclude<DrilldownComponent, 'penalties'>, Prisma.Sql> = {
  eselon_without_leadership: sql`f.eselon_holder AND NOT f.has_lead`,
  jft_without_functional: sql`f.jft AND NOT f.has_func`,
  under_20_jp: sql`f.jp < 20`,
  without_workshop: sql`f.workshops = 0`,
  missing_skp: sql`f.skp_cents IS NULL`,
};

interface RawRow {
  id: number;
  nip: string;
  nama: string;
  gelar_depan: string | null;
  gelar_belakang: string | null;
  status: string;
  unit_id: number;
  nama_jabatan: string | null;
  jenis_jabatan: string | null;
  eselon: string | null;
  jp: number;
  workshops: number;
  skp_cents: number | null;
  tingkat: string | null;
  hukdis_jenis: string | null;
  nomor_sk: string | null;
  tanggal_sk: Date | null;
}

/**
 * The rows of a component from a materialized year's facts (the same rows the counts
 * come from), unordered, with the sort keys opd_kode, nama, id. Without the position
 * columns: those are looked up for the rows actually sent (withPosition), not for the
 * whole list.
 */
function factBaseSql(component: Exclude<DrilldownComponent, 'penalties'>, p: ScopeParams): Prisma.Sql {
  const d = sql`${p.asOf}::date`;
  return sql`
    WITH f AS (
      SELECT x.employee_id AS id, x.status, x.opd_id AS unit_id, x.eselon_holder, x.jft,
        x.leadership AS has_lead, x.functional AS has_func, x.jp, x.workshops, ${factSkpCents('x', p.predicateScores)} AS skp_cents
      FROM indicator_fact x
      WHERE x.year = ${p.year}::int AND x.valid_from <= ${d} AND x.valid_to > ${d}
        ${p.units ? sql`AND x.opd_id = ANY(${[...p.units]}::int[])` : Prisma.empty}
    )
    SELECT f.id, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, f.status::text AS status, f.unit_id, o.kode AS opd_kode,
      f.jp, f.workshops, f.skp_cents,
      NULL::text AS tingkat, NULL::text AS hukdis_jenis, NULL::text AS nomor_sk, NULL::date AS tanggal_sk
    FROM f JOIN employee e ON e.id = f.id JOIN opd o ON o.id = f.unit_id
    WHERE ${CONDITIONS[component]}`;
}

/** The order of a list (as rowsSql's): OPD code, name, id, of rows named `b`. */
const byOpdName = (b: string) => Prisma.raw(`${b}.opd_kode, ${b}.nama, ${b}.id`);

/** The whole list, numbered (rn) in that order. */
const factRowsSql = (base: Prisma.Sql) => sql`SELECT b.*, row_number() OVER (ORDER BY ${byOpdName('b')})::int AS rn FROM (${base}) b`;

/**
 * One page of the list with the total: the page is picked by a top-N sort (no full sort
 * of a list that may hold most of the agency), then numbered like factRowsSql.
 */
const factPageSql = (base: Prisma.Sql, offset: number, limit: number) => sql`
  SELECT b.*, (${offset}::int + row_number() OVER (ORDER BY ${byOpdName('b')}))::int AS rn FROM (
    SELECT b0.*, count(*) OVER ()::int AS total FROM (${base}) b0
    ORDER BY ${byOpdName('b0')} OFFSET ${offset} LIMIT ${limit}
  ) b`;

/** The position shown for a person: from `j` (jabatanOn with POSITION_JABATAN), else from the employee row `e`. */
const POSITION_JABATAN = ['nama_jabatan', 'jenis_jabatan', 'eselon'] as const;
const POSITION_COLUMNS = sql`
  CASE WHEN j.employee_id IS NULL THEN e.nama_jabatan ELSE j.nama_jabatan END AS nama_jabatan,
  (CASE WHEN j.employee_id IS NULL THEN e.jenis_jabatan ELSE j.jenis_jabatan END)::text AS jenis_jabatan,
  CASE WHEN j.employee_id IS NULL THEN e.eselon ELSE j.eselon END AS eselon`;

/** Adds the position on D (riwayat_jabatan in force, else the employee row) to fact rows `q`, kept in rn order. */
function withPosition(q: Prisma.Sql, asOf: string): Prisma.Sql {
  return sql`
    SELECT q.*, ${POSITION_COLUMNS}
    FROM (${q}) q
    JOIN employee e ON e.id = q.id
    ${jabatanOn('q.id', sql`${asOf}::date`, POSITION_JABATAN)}
    ORDER BY q.rn`;
}

/** The rows of a component from the histories, ordered by OPD code, name and id (one row per penalty for `penalties`). */
function rowsSql(component: DrilldownComponent, p: ScopeParams): Prisma.Sql {
  if (component !== 'penalties') {
    return sql`${factsCte(p, true)}
      SELECT f.id, f.nip, f.nama, f.gelar_depan, f.gelar_belakang, f.status::text AS status, f.unit_id,
        f.nama_jabatan, f.jenis_jabatan::text AS jenis_jabatan, f.eselon, f.jp, f.workshops, f.skp_cents,
        NULL::text AS tingkat, NULL::text AS hukdis_jenis, NULL::text AS nomor_sk, NULL::date AS tanggal_sk,
        row_number() OVER (ORDER BY o.kode, f.nama, f.id)::int AS rn
      FROM f JOIN opd o ON o.id = f.unit_id
      WHERE ${CONDITIONS[component]}`;
  }
  const d = sql`${p.asOf}::date`;
  const y0 = sql`make_date(${p.year}::int, 1, 1)`;
  const unit = p.units ? sql`AND x.unit_id = ANY(${[...p.units]}::int[])` : Prisma.empty;
  return sql`
    WITH x AS (
      SELECT h.id AS hukdis_id, e.id, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, e.status_kepegawaian::text AS status,
        CASE WHEN j.employee_id IS NULL THEN e.opd_id ELSE j.opd_id END AS unit_id,
        ${POSITION_COLUMNS},
        h.tingkat::text AS tingkat, h.jenis AS hukdis_jenis, h.nomor_sk, h.tanggal_sk
      FROM riwayat_hukdis h
      JOIN employee e ON e.id = h.employee_id
      ${jabatanOn('e.id', d, ['opd_id', ...POSITION_JABATAN])}
      WHERE h.tanggal_sk >= ${y0} AND h.tanggal_sk <= ${d} AND ${asnOn('e', sql`h.tanggal_sk`)}
    )
    SELECT x.id, x.nip, x.nama, x.gelar_depan, x.gelar_belakang, x.status, x.unit_id, x.nama_jabatan, x.jenis_jabatan, x.eselon,
      COALESCE((SELECT sum(k.jp) FROM riwayat_diklat k WHERE k.employee_id = x.id AND k.tanggal_selesai >= ${y0} AND k.tanggal_selesai <= ${d}), 0)::int AS jp,
      (SELECT count(*) FROM riwayat_diklat k WHERE k.employee_id = x.id AND k.jenis = 'WORKSHOP' AND k.tanggal_selesai >= ${y0} AND k.tanggal_selesai <= ${d})::int AS workshops,
      (SELECT ${skpCents('s', p.predicateScores)} FROM riwayat_skp s WHERE s.employee_id = x.id AND s.tahun = ${p.year}::int) AS skp_cents,
      x.tingkat, x.hukdis_jenis, x.nomor_sk, x.tanggal_sk,
      row_number() OVER (ORDER BY o.kode, x.tanggal_sk, x.nama, x.hukdis_id)::int AS rn
    FROM x JOIN opd o ON o.id = x.unit_id
    WHERE true ${unit}`;
}

async function scopeParams(db: Db, scope: Scope): Promise<ScopeParams> {
  const [levels, config] = await Promise.all([loadLevels(db), loadYearConfig(db, scope.year)]);
  return { year: scope.year, asOf: scope.asOf, levels: levels.codes, predicateScores: config.predicateScores, units: scope.units };
}

/**
 * How a component's list is read: from the year's facts when it is materialized (as
 * the counts are), else from the histories. `rows`: the whole list numbered by rn (for
 * exports); `page`: one page with a `total` column; `send` turns rows into the columns
 * sent (adding the position where the facts lack it).
 */
async function listSource(db: Db, component: DrilldownComponent, p: ScopeParams, opts: { direct?: boolean } = {}) {
  if (component !== 'penalties' && !opts.direct && (await isMaterialized(db, p.year))) {
    const base = factBaseSql(component, p);
    return {
      rows: factRowsSql(base),
      page: (offset: number, limit: number) => factPageSql(base, offset, limit),
      send: (q: Prisma.Sql) => withPosition(q, p.asOf),
    };
  }
  const rows = rowsSql(component, p);
  return {
    rows,
    page: (offset: number, limit: number) => sql`
      SELECT r.*, count(*) OVER ()::int AS total FROM (${rows}) r
      ORDER BY r.rn OFFSET ${offset} LIMIT ${limit}`,
    send: (q: Prisma.Sql) => q,
  };
}

const fullName = (r: Pick<RawRow, 'nama' | 'gelar_depan' | 'gelar_belakang'>) =>
  [r.gelar_depan, r.nama].filter(Boolean).join(' ') + (r.gelar_belakang ? `, ${r.gelar_belakang}` : '');

function present(r: RawRow, scope: Scope): DrilldownRow {
  return {
    employeeId: r.id,
    nip: r.nip,
    nama: fullName(r),
    status: r.status,
    opd: scope.tree.ref(r.unit_id),
    jabatan: r.nama_jabatan,
    jenisJabatan: r.jenis_jabatan,
    eselon: r.eselon,
    jpTotal: r.jp,
    workshops: r.workshops,
    skpScore: r.skp_cents == null ? null : r.skp_cents / 100,
    hukdis: r.tingkat
      ? { tingkat: r.tingkat, jenis: r.hukdis_jenis, nomorSk: r.nomor_sk ?? '', tanggalSk: r.tanggal_sk ? r.tanggal_sk.toISOString().slice(0, 10) : '' }
      : null,
  };
}

/** The session settings of the counting queries (compute.ts): agency-wide, merge joins in employee order. */
async function withSettings<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      if (!scope.units) await tx.$executeRawUnsafe(`SET LOCAL enable_hashjoin = off`);
      return fn(tx);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

export async function drilldownPage(
  db: Db,
  scope: Scope,
  component: DrilldownComponent,
  page: number,
  pageSize: number,
  opts: { direct?: boolean } = {},
): Promise<DrilldownResult> {
  const p = await scopeParams(db, scope);
  const src = await listSource(db, component, p, opts);
  const rows = await withSettings(db, scope, (tx) =>
    tx.$queryRaw<(RawRow & { rn: number; total: number })[]>(
      src.send(src.page((page - 1) * pageSize, pageSize)),
    ),
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    // An empty page: count the rows (a page past the end, or nothing to list).
    const c = page > 1 ? await withSettings(db, scope, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${src.rows}) r`) : [{ n: 0 }];
    total = c[0]?.n ?? 0;
  }
  return {
    year: scope.year,
    asOf: scope.asOf,
    opd: scope.opd,
    component,
    label: DRILLDOWN_LABELS[component],
    total,
    page,
    pageSize,
    items: rows.map((r) => present(r, scope)),
  };
}

// ---------------------------------------------------------------------------
// Export

const COLUMNS: { header: string; key: string; width: number; value: (r: DrilldownRow) => string | number | null }[] = [
  { header: 'NIP', key: 'nip', width: 22, value: (r) => r.nip },
  { header: 'Nama', key: 'nama', width: 36, value: (r) => r.nama },
  { header: 'Status', key: 'status', width: 9, value: (r) => r.status },
  { header: 'Kode OPD', key: 'opdKode', width: 14, value: (r) => r.opd.kode },
  { header: 'OPD', key: 'opdNama', width: 36, value: (r) => r.opd.nama },
  { header: 'Jabatan', key: 'jabatan', width: 36, value: (r) => r.jabatan },
  { header: 'Jenis Jabatan', key: 'jenisJabatan', width: 14, value: (r) => r.jenisJabatan },
  { header: 'Eselon', key: 'eselon', width: 8, value: (r) => r.eselon },
  { header: 'Total JP', key: 'jpTotal', width: 9, value: (r) => r.jpTotal },
  { header: 'Workshop', key: 'workshops', width: 10, value: (r) => r.workshops },
  { header: 'Nilai SKP', key: 'skpScore', width: 10, value: (r) => r.skpScore },
];
const PENALTY_COLUMNS: typeof COLUMNS = [
  { header: 'Tingkat Hukdis', key: 'tingkat', width: 14, value: (r) => r.hukdis?.tingkat ?? null },
  { header: 'Jenis Hukdis', key: 'hukdisJenis', width: 30, value: (r) => r.hukdis?.jenis ?? null },
  { header: 'Nomor SK', key: 'nomorSk', width: 24, value: (r) => r.hukdis?.nomorSk ?? null },
  { header: 'Tanggal SK', key: 'tanggalSk', width: 12, value: (r) => r.hukdis?.tanggalSk ?? null },
];

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  // Guard against formula injection in spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function exportDrilldown(db: Db, scope: Scope, component: DrilldownComponent, format: 'csv' | 'xlsx', res: Response) {
  const p = await scopeParams(db, scope);
  const src = await listSource(db, component, p);
  const columns = component === 'penalties' ? [...COLUMNS, ...PENALTY_COLUMNS] : COLUMNS;
  const name = `indikator-${component}-${scope.year}${scope.opd ? `-${scope.opd.kode}` : ''}-${scope.asOf}`.replace(/[^\w.-]/g, '_');
  await withSettings(db, scope, async (tx) => {
    // Materialise the list once, then stream it in keyset batches.
    await tx.$executeRaw`CREATE TEMP TABLE indicator_drill ON COMMIT DROP AS ${src.rows}`;
    async function* batches() {
      let last = 0;
      for (;;) {
        const rows = await tx.$queryRaw<(RawRow & { rn: number })[]>(
          src.send(sql`SELECT * FROM indicator_drill WHERE rn > ${last} ORDER BY rn LIMIT 2000`),
        );
        if (!rows.length) return;
        last = rows[rows.length - 1]!.rn;
        yield rows.map((r) => present(r, scope));
      }
    }
    res.setHeader('Cache-Control', 'private, no-store');
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
      res.write('\uFEFF' + columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
      for await (const rows of batches()) {
        const chunk = rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(',')).join('\r\n') + '\r\n';
        if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
      }
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
    const ws = wb.addWorksheet('Rincian');
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const rows of batches()) {
      for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r)]))).commit();
    }
    ws.commit();
    await wb.commit();
  });
}
