// `--stats` for the history tables: the indicator inputs (INDICATORS.md), rule checks
// (DOMAIN-RULES §3, §4, §7) and the CONSISTENCY CHECK that the latest history rows
// equal the values cached on the employee row.
import {
  GAJI_POKOK_PP_5_2024, PENDIDIKAN, isHukdisActive, isKgbMkg, lookupGajiPokok, nextKgb as sharedNextKgb,
  type Golongan, type TingkatHukdis,
} from '@simak/shared';
import type pg from 'pg';
import { firstOf, ymOfIso } from './dates.ts';
import { GOLONGAN, golIndex, nextKgb } from './rules.ts';
import { shiftBy, type SeedShift } from './shift.ts';

const pct = (n: number, d: number) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '0.0'}%)`;
const num = (v: unknown) => Number(v ?? 0);

/** ASN aktif on a date (INDICATORS.md "Population"); `d` is an SQL date expression. */
const activeOnSql = (d: string, a = 'e') =>
  `${a}.status_kepegawaian IN ('PNS', 'CPNS', 'PPPK')
   AND COALESCE(CASE WHEN ${a}.status_kepegawaian = 'PPPK' THEN ${a}.tmt_pppk ELSE ${a}.tmt_cpns END, DATE '1900-01-01') <= ${d}
   AND (${a}.tmt_berhenti IS NULL OR ${a}.tmt_berhenti > ${d})`;
const activeOn = (iso: string) => activeOnSql(`DATE '${iso}'`);

const EDU_ORDER = `ARRAY[${PENDIDIKAN.map((p) => `'${p}'`).join(',')}]`;

const HISTORY_TABLES = [
  'riwayat_pangkat', 'riwayat_kgb', 'riwayat_jabatan', 'riwayat_pendidikan', 'riwayat_diklat', 'riwayat_skp', 'riwayat_hukdis', 'riwayat_cuti', 'keluarga',
] as const;

/**
 * `shift` is the one the database was seeded with: the figures are as of its reference
 * date; years of SKP, graduation and letter numbers moved by `shift.years` (`Y` below).
 */
export async function historyStats(client: pg.ClientBase, shift: SeedShift = shiftBy(0)): Promise<{ lines: string[]; problems: string[] }> {
  const refDate = shift.refDate;
  const refYm = ymOfIso(refDate);
  const refYear = Number(refDate.slice(0, 4));
  /** A year of the generator's SKP calendar (SKP `tahun`) as seeded. */
  const Y = (y: number) => shift.year(y);
  /** The calendar year (as seeded) of a generator date. */
  const yearOfGen = (iso: string) => Number(shift.date(iso).slice(0, 4));
  /** SQL: the SKP-calendar year (as seeded) of a dated column, i.e. the generator's year of it moved by `shift.years`. */
  const skpYearOf = (col: string) =>
    shift.months ? `(EXTRACT(YEAR FROM ${col} - INTERVAL '${shift.months} months')::int + ${shift.years})` : `EXTRACT(YEAR FROM ${col})`;
  /** The as-of date of year Y: 31 December, or the reference date in the reference year. */
  const asOf = (y: number) => (y === refYear ? refDate : `${y}-12-31`);
  const lines: string[] = [];
  const problems: string[] = [];
  const q = async <T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;

  const counts = await q(HISTORY_TABLES.map((t) => `SELECT '${t}' AS t, COUNT(*)::int AS n FROM "${t}"`).join(' UNION ALL '));
  lines.push(`History rows: ${counts.map((r) => `${String(r.t).replace('riwayat_', '')} ${num(r.n)}`).join(', ')}`);

  // --- competency development (IKom c and d)
  const years = [refYear - 3, refYear - 2, refYear - 1, refYear];
  const dev = await q(
    `WITH y(y, d) AS (VALUES ${years.map((y) => `(${y}, DATE '${asOf(y)}')`).join(', ')}),
     agg AS (SELECT employee_id, EXTRACT(YEAR FROM tanggal_selesai)::int AS y, SUM(jp) AS jp,
                    COUNT(*) FILTER (WHERE jenis = 'WORKSHOP') AS ws
               FROM riwayat_diklat GROUP BY 1, 2)
     SELECT y.y, COUNT(*)::int AS n, COUNT(*) FILTER (WHERE a.jp >= 20)::int AS jp20, COUNT(*) FILTER (WHERE a.ws > 0)::int AS ws
       FROM y JOIN employee e ON ${activeOnSql('y.d')}
       LEFT JOIN agg a ON a.employee_id = e.id AND a.y = y.y
      GROUP BY y.y ORDER BY y.y`,
  );
  lines.push(`ASN with ≥ 20 JP in the year (on 31 Dec; ${refYear} on ${refDate}): ${dev.map((r) => `${r.y} ${pct(num(r.jp20), num(r.n))}`).join(', ')}`);
  lines.push(`ASN with at least one WORKSHOP in the year: ${dev.map((r) => `${r.y} ${pct(num(r.ws), num(r.n))}`).join(', ')}`);

  // --- leadership / functional training by the position held on D (IKom a and b)
  for (const d of [`${refYear - 1}-12-31`, refDate]) {
    const [r] = await q(
      `WITH cur AS (SELECT DISTINCT ON (employee_id) employee_id, jenis_jabatan, eselon FROM riwayat_jabatan
                     WHERE tmt_jabatan <= DATE '${d}' ORDER BY employee_id, tmt_jabatan DESC, id DESC)
       SELECT COUNT(*) FILTER (WHERE c.jenis_jabatan = 'STRUKTURAL' AND c.eselon IS NOT NULL)::int AS es,
              COUNT(*) FILTER (WHERE c.jenis_jabatan = 'STRUKTURAL' AND c.eselon IS NOT NULL AND EXISTS (
                SELECT 1 FROM riwayat_diklat k WHERE k.employee_id = e.id AND k.jenis = 'KEPEMIMPINAN' AND k.tanggal_selesai <= DATE '${d}'))::int AS es_t,
              COUNT(*) FILTER (WHERE c.jenis_jabatan = 'FUNGSIONAL')::int AS jft,
              COUNT(*) FILTER (WHERE c.jenis_jabatan = 'FUNGSIONAL' AND EXISTS (
                SELECT 1 FROM riwayat_diklat k WHERE k.employee_id = e.id AND k.jenis = 'FUNGSIONAL' AND k.tanggal_selesai <= DATE '${d}'))::int AS jft_t
         FROM employee e JOIN cur c ON c.employee_id = e.id WHERE ${activeOn(d)}`,
    );
    lines.push(
      `On ${d}: eselon holders with leadership training ${pct(num(r!.es_t), num(r!.es))}; JFT with functional training ${pct(num(r!.jft_t), num(r!.jft))}`,
    );
  }

  // --- SKP (IKin)
  const skp = await q(
    `WITH y(y) AS (VALUES ${[2021, 2022, 2023, 2024, 2025].map((y) => `(${Y(y)})`).join(', ')})
     SELECT y.y, COUNT(*)::int AS n, COUNT(s.id)::int AS have,
            COUNT(*) FILTER (WHERE s.predikat = 'SANGAT_BAIK')::int AS sb, COUNT(*) FILTER (WHERE s.predikat = 'BAIK')::int AS b,
            COUNT(*) FILTER (WHERE s.predikat = 'BUTUH_PERBAIKAN')::int AS bp, COUNT(*) FILTER (WHERE s.predikat = 'KURANG')::int AS k,
            COUNT(*) FILTER (WHERE s.predikat = 'SANGAT_KURANG')::int AS sk, ROUND(AVG(s.nilai), 2)::float AS nilai
       FROM y JOIN employee e ON ${activeOnSql('make_date(y.y, 12, 31)')}
       LEFT JOIN riwayat_skp s ON s.employee_id = e.id AND s.tahun = y.y
      GROUP BY y.y ORDER BY y.y`,
  );
  lines.push(`SKP missing (ASN aktif on 31 Dec without an SKP): ${skp.map((r) => `${r.y} ${pct(num(r.n) - num(r.have), num(r.n))}`).join(', ')}`);
  const s25 = skp.find((r) => r.y === Y(2025))!;
  lines.push(
    `SKP ${Y(2025)} predicates: SANGAT_BAIK ${num(s25.sb)}, BAIK ${num(s25.b)}, BUTUH_PERBAIKAN ${num(s25.bp)}, KURANG ${num(s25.k)}, SANGAT_KURANG ${num(s25.sk)}; ` +
      `${Y(2021)} mean legacy score ${skp.find((r) => r.y === Y(2021))?.nilai ?? '-'}`,
  );
  const [skp2026] = await q(`SELECT COUNT(*)::int AS n FROM riwayat_skp WHERE tahun >= ${refYear}`);
  if (num(skp2026!.n)) problems.push(`${num(skp2026!.n)} SKP rows for a year that is not over`);

  // --- discipline (IDis) and penalties in effect on the reference date
  const hk = await q<{ employee_id: number; tingkat: TingkatHukdis; jenis: string | null; tanggal_sk: string; tmt: string | null; tmt_selesai: string | null; asn: boolean }>(
    `SELECT h.employee_id, h.tingkat, h.jenis, to_char(h.tanggal_sk, 'YYYY-MM-DD') AS tanggal_sk, to_char(h.tmt, 'YYYY-MM-DD') AS tmt,
            to_char(h.tmt_selesai, 'YYYY-MM-DD') AS tmt_selesai, e.status_kepegawaian <> 'KONTRAK' AS asn
       FROM riwayat_hukdis h JOIN employee e ON e.id = h.employee_id ORDER BY h.id`,
  );
  const [{ total }] = (await q<{ total: number }>(`SELECT COUNT(*)::int AS total FROM employee`)) as [{ total: number }];
  const people = new Set(hk.map((h) => h.employee_id));
  const byLevel = (l: TingkatHukdis) => hk.filter((h) => h.tingkat === l).length;
  const rec = (h: (typeof hk)[number]) => ({ tingkat: h.tingkat, jenis: h.jenis, tanggalSk: h.tanggal_sk, tmt: h.tmt, tmtSelesai: h.tmt_selesai });
  const active = hk.filter((h) => isHukdisActive(rec(h), refDate));
  const hkYears = Array.from({ length: refYear - yearOfGen('2021-01-01') + 1 }, (_, i) => yearOfGen('2021-01-01') + i);
  lines.push(
    `Penalties ${hkYears[0]}–${refYear}: ${hk.length} (RINGAN ${byLevel('RINGAN')}, SEDANG ${byLevel('SEDANG')}, BERAT ${byLevel('BERAT')}) on ${pct(people.size, total)} employees; ` +
      `by SK year ${hkYears.map((y) => `${y}:${hk.filter((h) => h.tanggal_sk.startsWith(String(y))).length}`).join(' ')}`,
  );
  lines.push(`Penalties in effect on ${refDate}: ${active.length} (${new Set(active.map((h) => h.employee_id)).size} employees)`);
  const hkByEmp = new Map<number, (typeof hk)[number][]>();
  for (const h of hk) hkByEmp.set(h.employee_id, [...(hkByEmp.get(h.employee_id) ?? []), h]);

  // --- positions: mutations and as-of-date OPDs
  const [mut] = await q(
    `SELECT COUNT(DISTINCT j.employee_id)::int AS moved, (SELECT COUNT(*) FROM employee)::int AS n,
            (SELECT COUNT(*) FROM (SELECT employee_id FROM riwayat_jabatan GROUP BY 1 HAVING COUNT(*) > 1) x)::int AS multi
       FROM riwayat_jabatan j JOIN employee e ON e.id = j.employee_id WHERE j.opd_id <> e.opd_id`,
  );
  lines.push(`Position history: ${pct(num(mut!.multi), num(mut!.n))} employees with earlier positions; ${pct(num(mut!.moved), num(mut!.n))} with one in another OPD`);
  const asof: string[] = [];
  for (const d of [2021, 2023, 2025].map((y) => `${Y(y)}-12-31`)) {
    const [r] = await q(
      `WITH cur AS (SELECT DISTINCT ON (employee_id) employee_id, opd_id FROM riwayat_jabatan
                     WHERE tmt_jabatan <= DATE '${d}' ORDER BY employee_id, tmt_jabatan DESC, id DESC)
       SELECT COUNT(*)::int AS n, COUNT(c.employee_id)::int AS covered,
              COUNT(*) FILTER (WHERE c.opd_id <> e.opd_id)::int AS diff,
              COUNT(*) FILTER (WHERE COALESCE(oc.parent_id, oc.id) <> COALESCE(oe.parent_id, oe.id))::int AS diff_top
         FROM employee e LEFT JOIN cur c ON c.employee_id = e.id
         LEFT JOIN opd oc ON oc.id = c.opd_id JOIN opd oe ON oe.id = e.opd_id
        WHERE ${activeOn(d)}`,
    );
    asof.push(`${d} ${pct(num(r!.diff), num(r!.n))} (top-level OPD ${num(r!.diff_top)}; ${num(r!.n) - num(r!.covered)} without a position row)`);
    if (num(r!.n) !== num(r!.covered)) problems.push(`${num(r!.n) - num(r!.covered)} ASN aktif on ${d} have no position row on that date`);
  }
  lines.push(`ASN aktif whose OPD on the date differs from the current one: ${asof.join('; ')}`);

  // --- education
  const [edu] = await q(
    `SELECT COUNT(*)::int AS n, COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM riwayat_pendidikan p
              WHERE p.employee_id = e.id AND p.tahun_lulus > EXTRACT(YEAR FROM e.tmt_cpns)))::int AS later
       FROM employee e WHERE e.status_kepegawaian = 'PNS'`,
  );
  lines.push(`PNS with a degree completed after TMT CPNS: ${pct(num(edu!.later), num(edu!.n))}`);

  // --- family
  const [fam] = await q(
    `SELECT COUNT(*)::int AS n,
            COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM keluarga k WHERE k.employee_id = e.id AND k.hubungan IN ('SUAMI', 'ISTRI')))::int AS spouse,
            (SELECT COUNT(*) FROM keluarga WHERE hubungan = 'ANAK')::int AS children,
            COUNT(*) FILTER (WHERE e.status_perkawinan = 'KAWIN')::int AS kawin,
            COUNT(*) FILTER (WHERE e.status_perkawinan = 'BELUM_KAWIN')::int AS belum,
            COUNT(*) FILTER (WHERE e.status_perkawinan LIKE 'CERAI%')::int AS cerai,
            COUNT(*) FILTER (WHERE e.agama = 'ISLAM')::int AS islam,
            COUNT(*) FILTER (WHERE e.nik ~ '^3508[0-9]{12}$')::int AS nik_ok,
            COUNT(DISTINCT e.nik)::int AS nik_distinct
       FROM employee e`,
  );
  lines.push(
    `Family: spouse ${pct(num(fam!.spouse), num(fam!.n))}, ${num(fam!.children)} children (${(num(fam!.children) / num(fam!.n)).toFixed(2)} per employee); ` +
      `KAWIN ${num(fam!.kawin)}, BELUM_KAWIN ${num(fam!.belum)}, CERAI ${num(fam!.cerai)}; ISLAM ${pct(num(fam!.islam), num(fam!.n))}`,
  );
  if (num(fam!.nik_ok) !== num(fam!.n) || num(fam!.nik_distinct) !== num(fam!.n)) problems.push('NIK missing, malformed or not unique');
  const [cuti] = await q(`SELECT COUNT(*)::int AS n, COUNT(DISTINCT employee_id)::int AS people FROM riwayat_cuti`);
  lines.push(`Leave records ${yearOfGen('2025-01-01')}–${refYear}: ${num(cuti!.n)} for ${num(cuti!.people)} employees`);

  // --- KGB: the next one as replayed from the histories, vs. the employee row; due-soon postponements
  const kgbRows = await q<{ id: number; nip: string; golongan: string; tmt_golongan: string; mkg_tahun: number; mkg_bulan: number; p_tmt: string; p_th: number; p_bl: number; k_tmt: string | null; k_th: number | null; k_bl: number | null; skp25: string | null }>(
    `WITH p AS (SELECT DISTINCT ON (employee_id) employee_id, golongan, to_char(tmt_golongan, 'YYYY-MM-DD') AS tmt, mkg_tahun, mkg_bulan
                  FROM riwayat_pangkat ORDER BY employee_id, tmt_golongan DESC, id DESC),
          k AS (SELECT DISTINCT ON (employee_id) employee_id, to_char(tmt, 'YYYY-MM-DD') AS tmt, mkg_tahun, mkg_bulan
                  FROM riwayat_kgb ORDER BY employee_id, tmt DESC, id DESC)
     SELECT e.id, e.nip, e.golongan, to_char(e.tmt_golongan, 'YYYY-MM-DD') AS tmt_golongan, e.mkg_tahun, e.mkg_bulan,
            p.tmt AS p_tmt, p.mkg_tahun AS p_th, p.mkg_bulan AS p_bl, k.tmt AS k_tmt, k.mkg_tahun AS k_th, k.mkg_bulan AS k_bl,
            (SELECT s.predikat::text FROM riwayat_skp s WHERE s.employee_id = e.id AND s.tahun = ${Y(2025)}) AS skp25
       FROM employee e JOIN p ON p.employee_id = e.id LEFT JOIN k ON k.employee_id = e.id
      WHERE e.status_kepegawaian IN ('PNS', 'CPNS')`,
  );
  let nextMismatch = 0;
  let due = 0;
  let dueHukdis = 0;
  let dueSkp = 0;
  for (const r of kgbRows) {
    const useKgb = r.k_tmt !== null && r.k_tmt >= r.p_tmt;
    const base = useKgb ? { tmtBase: r.k_tmt!, mkgTahun: r.k_th!, mkgBulan: r.k_bl! } : { tmtBase: r.p_tmt, mkgTahun: r.p_th, mkgBulan: r.p_bl };
    let t = ymOfIso(sharedNextKgb({ golongan: r.golongan as Golongan, ...base }).tmt);
    while (t <= refYm) t += 24;
    const local = nextKgb(golIndex(r.golongan as (typeof GOLONGAN)[number]), ymOfIso(r.tmt_golongan), r.mkg_tahun * 12 + r.mkg_bulan, refYm);
    if (t !== local) nextMismatch++;
    if (t <= refYm + 3) {
      due++;
      if ((hkByEmp.get(r.id) ?? []).some((h) => isHukdisActive(rec(h), firstOf(t)))) dueHukdis++;
      if (r.skp25 === null || !['SANGAT_BAIK', 'BAIK'].includes(r.skp25)) dueSkp++;
    }
  }
  lines.push(
    `KGB due within 3 months (from the histories): ${due}; of them with a penalty in effect on the KGB TMT ${dueHukdis}, ` +
      `with SKP ${Y(2025)} missing or below Baik ${dueSkp} (both are postponed by e-Berkala)`,
  );

  // --- rule checks on the histories
  const [rules] = await q(
    `SELECT
       (SELECT COUNT(*) FROM riwayat_kgb k WHERE ${skpYearOf('k.tmt')} BETWEEN ${Y(2022)} AND ${Y(2026)} AND NOT EXISTS (
          SELECT 1 FROM riwayat_skp s WHERE s.employee_id = k.employee_id AND s.tahun = ${skpYearOf('k.tmt')} - 1
             AND s.predikat IN ('SANGAT_BAIK', 'BAIK')))::int AS kgb_skp,
       (SELECT COUNT(*) FROM riwayat_pangkat p WHERE p.jenis_kp NOT IN ('CPNS', 'PNS') AND ${skpYearOf('p.tmt_golongan')} BETWEEN ${Y(2022)} AND ${Y(2026)}
          AND EXISTS (SELECT 1 FROM generate_series(1, 2) g(k) WHERE ${skpYearOf('p.tmt_golongan')} - g.k >= ${Y(2021)} AND NOT EXISTS (
            SELECT 1 FROM riwayat_skp s WHERE s.employee_id = p.employee_id AND s.tahun = ${skpYearOf('p.tmt_golongan')} - g.k
               AND s.predikat IN ('SANGAT_BAIK', 'BAIK'))))::int AS kp_skp,
       (SELECT COUNT(*) FROM (
          SELECT jenis_kp, tmt_golongan, lag(tmt_golongan) OVER (PARTITION BY employee_id ORDER BY tmt_golongan) AS prev
            FROM riwayat_pangkat WHERE jenis_kp IS DISTINCT FROM 'PNS') x
         WHERE x.jenis_kp = 'REGULER' AND x.tmt_golongan < x.prev + INTERVAL '4 years')::int AS kp_gap,
       (SELECT COUNT(*) FROM riwayat_pangkat WHERE EXTRACT(DAY FROM tmt_golongan) <> 1)::int AS kp_day,
       (SELECT COUNT(*) FROM riwayat_kgb WHERE EXTRACT(DAY FROM tmt) <> 1)::int AS kgb_day`,
  );
  const kpKgb = await q<{ employee_id: number; t: string }>(
    `SELECT employee_id, to_char(tmt_golongan, 'YYYY-MM-DD') AS t FROM riwayat_pangkat WHERE jenis_kp NOT IN ('CPNS', 'PNS') AND employee_id = ANY($1)
     UNION ALL SELECT employee_id, to_char(tmt, 'YYYY-MM-DD') FROM riwayat_kgb WHERE employee_id = ANY($1)`,
    [[...people]],
  );
  const blockedGrant = kpKgb.filter((g) => (hkByEmp.get(g.employee_id) ?? []).some((h) => isHukdisActive(rec(h), g.t))).length;
  const tableRows = await q<{ g: string; m: number; b: number; gp: number | null; src: string }>(
    `SELECT DISTINCT golongan AS g, mkg_tahun AS m, mkg_bulan AS b, gaji_pokok AS gp, 'kp' AS src FROM riwayat_pangkat WHERE gaji_pokok IS NOT NULL
     UNION SELECT DISTINCT golongan, mkg_tahun, mkg_bulan, gaji_pokok, 'kgb' FROM riwayat_kgb`,
  );
  const badGaji = tableRows.filter((r) => lookupGajiPokok(GAJI_POKOK_PP_5_2024, r.g as Golongan, r.m, { clampToFirstRow: true }) !== r.gp).length;
  const badRhythm = tableRows.filter((r) => r.src === 'kgb' && (r.b !== 0 || !isKgbMkg(r.g as Golongan, r.m))).length;
  lines.push(
    `Rule checks: KGB without SKP ≥ Baik the year before ${num(rules!.kgb_skp)}; KP without SKP ≥ Baik in the 2 years before ${num(rules!.kp_skp)}; ` +
      `regular KP < 4 years after the previous rank ${num(rules!.kp_gap)}; KP/KGB granted during a penalty ${blockedGrant}; ` +
      `gaji pokok ≠ PP 5/2024 table ${badGaji}; KGB off the MKG rhythm ${badRhythm}; TMT not on the 1st ${num(rules!.kp_day) + num(rules!.kgb_day)}`,
  );
  for (const [label, n] of [
    ['KGB rows without SKP ≥ Baik the year before', num(rules!.kgb_skp)], ['KP rows without SKP ≥ Baik in the 2 years before', num(rules!.kp_skp)],
    ['regular KP less than 4 years after the previous rank', num(rules!.kp_gap)], ['KP/KGB granted during a penalty', blockedGrant],
    ['gaji pokok not from the PP 5/2024 table', badGaji], ['KGB rows off the MKG rhythm', badRhythm],
    ['rank/KGB TMT not on the 1st of a month', num(rules!.kp_day) + num(rules!.kgb_day)],
  ] as const) {
    if (n) problems.push(`${n} ${label}`);
  }

  // --- nothing dated after the reference date (a penalty's end may be: it is still in effect)
  const dated: [string, string[]][] = [
    ['riwayat_pangkat', ['tmt_golongan', 'tanggal_sk']], ['riwayat_kgb', ['tmt', 'tanggal_surat']], ['riwayat_jabatan', ['tmt_jabatan', 'tanggal_sk']],
    ['riwayat_diklat', ['tanggal_mulai', 'tanggal_selesai']], ['riwayat_hukdis', ['tanggal_sk', 'tmt']], ['riwayat_cuti', ['tanggal_mulai', 'tanggal_selesai']],
    ['keluarga', ['tanggal_lahir', 'tanggal_nikah']],
  ];
  const late = await q(
    dated.map(([t, cols]) => `SELECT '${t}' AS t, COUNT(*)::int AS n FROM "${t}" WHERE ${cols.map((c) => `${c} > DATE '${refDate}'`).join(' OR ')}`).join(' UNION ALL ') +
      ` UNION ALL SELECT 'riwayat_pendidikan', COUNT(*)::int FROM riwayat_pendidikan WHERE tahun_lulus > ${refYear}`,
  );
  for (const r of late) if (num(r.n)) problems.push(`${num(r.n)} ${String(r.t)} rows dated after ${refDate}`);

  // --- CONSISTENCY CHECK: latest history row = cached current value, for every employee
  const [c] = await q(
    `WITH p AS (SELECT DISTINCT ON (employee_id) * FROM riwayat_pangkat ORDER BY employee_id, tmt_golongan DESC, id DESC),
          j AS (SELECT DISTINCT ON (employee_id) * FROM riwayat_jabatan ORDER BY employee_id, tmt_jabatan DESC, id DESC),
          h AS (SELECT DISTINCT ON (employee_id) * FROM riwayat_pendidikan
                 ORDER BY employee_id, array_position(${EDU_ORDER}, jenjang) DESC, tahun_lulus DESC NULLS LAST, id DESC),
          l AS (SELECT DISTINCT ON (employee_id) * FROM riwayat_pendidikan
                 ORDER BY employee_id, tahun_lulus DESC NULLS LAST, array_position(${EDU_ORDER}, jenjang) DESC, id DESC),
          k AS (SELECT DISTINCT ON (employee_id) * FROM riwayat_kgb ORDER BY employee_id, tmt DESC, id DESC),
          s AS (SELECT employee_id, COUNT(*) AS n, bool_and((hubungan = 'ISTRI') = (e.jenis_kelamin = 'L')) AS sex_ok
                  FROM keluarga f JOIN employee e ON e.id = f.employee_id WHERE hubungan IN ('SUAMI', 'ISTRI') GROUP BY employee_id)
     SELECT
       COUNT(*) FILTER (WHERE (e.golongan IS NOT NULL AND (p.id IS NULL OR p.golongan <> e.golongan OR p.tmt_golongan <> e.tmt_golongan
                                OR p.mkg_tahun <> e.mkg_tahun OR p.mkg_bulan <> e.mkg_bulan))
                           OR (e.golongan IS NULL AND p.id IS NOT NULL))::int AS pangkat,
       COUNT(*) FILTER (WHERE j.id IS NULL OR j.jenis_jabatan <> e.jenis_jabatan OR j.nama_jabatan IS DISTINCT FROM e.nama_jabatan
                           OR j.eselon IS DISTINCT FROM e.eselon OR j.jenjang_fungsional IS DISTINCT FROM e.jenjang_fungsional
                           OR j.rumpun_fungsional IS DISTINCT FROM e.rumpun_fungsional OR j.tmt_jabatan IS DISTINCT FROM e.tmt_jabatan
                           OR j.opd_id <> e.opd_id OR j.unit_kerja IS DISTINCT FROM e.unit_kerja)::int AS jabatan,
       COUNT(*) FILTER (WHERE h.id IS NULL OR h.jenjang <> e.pendidikan_terakhir OR h.jurusan IS DISTINCT FROM e.jurusan
                           OR h.tahun_lulus IS DISTINCT FROM e.tahun_lulus OR l.jenjang <> e.pendidikan_terakhir)::int AS pendidikan,
       COUNT(*) FILTER (WHERE e.gaji_pokok IS DISTINCT FROM (CASE WHEN k.id IS NOT NULL AND (p.id IS NULL OR k.tmt >= p.tmt_golongan) THEN k.gaji_pokok ELSE p.gaji_pokok END)
                           OR e.tmt_kgb_terakhir IS DISTINCT FROM k.tmt)::int AS gaji,
       COUNT(*) FILTER (WHERE (e.status_perkawinan = 'KAWIN') <> (COALESCE(s.n, 0) = 1) OR s.sex_ok = false)::int AS keluarga
       FROM employee e LEFT JOIN p ON p.employee_id = e.id LEFT JOIN j ON j.employee_id = e.id LEFT JOIN h ON h.employee_id = e.id
       LEFT JOIN l ON l.employee_id = e.id LEFT JOIN k ON k.employee_id = e.id LEFT JOIN s ON s.employee_id = e.id`,
  );
  const mismatches: [string, number][] = [
    ['pangkat (golongan, TMT, MKG)', num(c!.pangkat)],
    ['jabatan (jenis, nama, eselon, jenjang, rumpun, TMT, OPD, unit)', num(c!.jabatan)],
    ['pendidikan (highest and latest = pendidikan_terakhir, jurusan, tahun_lulus)', num(c!.pendidikan)],
    ['gaji pokok / TMT KGB terakhir', num(c!.gaji)],
    ['status perkawinan / spouse', num(c!.keluarga)],
    ['next KGB (histories vs employee row)', nextMismatch],
  ];
  const totalMismatch = mismatches.reduce((a, [, n]) => a + n, 0);
  lines.push(`CONSISTENCY CHECK (latest history row = cached current value): ${totalMismatch} mismatches — ${mismatches.map(([k, n]) => `${k} ${n}`).join('; ')}`);
  for (const [k, n] of mismatches) if (n) problems.push(`${n} employees whose ${k} disagree with their histories`);
  return { lines, problems };
}
