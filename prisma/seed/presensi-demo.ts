/**
 * Attendance demo data (issue 12 part 5): the last month of check-ins and check-outs for every
 * active employee of the demo regency, relative to the app clock, so the monthly recap, the TPP
 * basis and the discipline warning list are alive on first login. Realistic and deterministic
 * (a hash of employee and day, no Math.random): most arrive on time, about one in eight is late
 * (mostly TL1), a few leave early or forget to check out, about 2 % of working days are missed
 * without reason, a few per cent of employees take 1–3 days of approved leave (riwayat_cuti rows
 * as e-Cuti writes them), and some days are official duty. Set-based: a handful of INSERT …
 * SELECT statements whatever the headcount, then ANALYZE of the touched tables.
 */
import { addDays, appToday, type IsoDate } from '@simak/shared';
import type { Db } from '../../server/src/db.ts';
import { analyzeTables } from '../../server/src/lib/planner-stats.ts';

export interface PresensiDemoResult {
  from: IsoDate;
  to: IsoDate;
  readings: number;
  leave: number;
  dinasLuar: number;
}

/** A hash of (employee, day, salt) in [0, 1). */
const H = (salt: number) => `((hashtextextended(e.id::text || ':' || d::text, ${salt}) & 1048575)::float8 / 1048576)`;

export async function seedPresensiDemo(opts: { db: Db; today?: IsoDate; days?: number; log?: (m: string) => void }): Promise<PresensiDemoResult | null> {
  const { db } = opts;
  const today = opts.today ?? appToday();
  const log = opts.log ?? (() => undefined);
  const from = addDays(today, -(opts.days ?? 31));
  const to = addDays(today, -1);
  // Once: a database with attendance keeps it.
  if ((await db.$queryRaw<{ x: number }[]>`SELECT 1 AS x FROM presensi LIMIT 1`).length) {
    log('Presensi: attendance already present; no demo attendance added.');
    return null;
  }
  const workingDays = `
    wd AS (
      SELECT g::date AS d, j.jam_masuk, j.jam_pulang
      FROM generate_series('${from}'::date, '${to}'::date, interval '1 day') g
      JOIN jadwal_kerja j ON j.hari = extract(isodow FROM g)::int
      WHERE NOT EXISTS (SELECT 1 FROM hari_libur h WHERE h.tanggal = g::date)
    ),
    emp AS (SELECT e.id, e.opd_id FROM employee e WHERE e.tmt_berhenti IS NULL)`;

  return db.$transaction(
    async (tx) => {
      // Leave: ~3 % of employees, 1–3 days from a working day; annual mostly, some sick leave.
      const leave = await tx.$executeRawUnsafe(`
        WITH ${workingDays},
        pick AS (
          SELECT DISTINCT ON (e.id) e.id, wd.d, ((hashtextextended(e.id::text || ':' || wd.d::text, 7) & 1048575)::float8 / 1048576) AS r
          FROM emp e CROSS JOIN wd
          WHERE (hashtextextended(e.id::text, 5) & 1023) < 31
          ORDER BY e.id, hashtextextended(e.id::text || wd.d::text, 6)
        )
        INSERT INTO riwayat_cuti (employee_id, jenis_cuti, tanggal_mulai, tanggal_selesai, lama_hari, nomor_surat, keterangan)
        SELECT id, CASE WHEN r < 0.8 THEN 'TAHUNAN' ELSE 'SAKIT' END, d, d + (floor(r * 10)::int % 3), 1 + (floor(r * 10)::int % 3),
               '800.1.11.4/' || lpad(id::text, 4, '0') || '/427.45/' || extract(year FROM d)::int, 'Data contoh presensi'
        FROM pick`);
      // Official duty: ~0.5 % of employee working days.
      const dinasLuar = await tx.$executeRawUnsafe(`
        WITH ${workingDays}
        INSERT INTO dinas_luar (employee_id, tanggal, nomor_surat, keterangan)
        SELECT e.id, d, '094/' || lpad((e.id % 10000)::text, 4, '0') || '/427.45/' || extract(year FROM d)::int, 'Data contoh: tugas luar kantor'
        FROM emp e CROSS JOIN wd
        WHERE ${H(11)} < 0.005
          AND NOT EXISTS (SELECT 1 FROM riwayat_cuti c WHERE c.employee_id = e.id AND d BETWEEN c.tanggal_mulai AND c.tanggal_selesai)`);
      // Readings: r1 < 0.02 absent; r1 < 0.14 late (minutes skewed small); r2 < 0.05 early, r2 < 0.07 no check-out.
      const readings = await tx.$executeRawUnsafe(`
        WITH ${workingDays},
        day AS (
          SELECT e.id, e.opd_id, d, jam_masuk, jam_pulang, ${H(1)} AS r1, ${H(2)} AS r2, ${H(3)} AS r3, ${H(4)} AS r4
          FROM emp e CROSS JOIN wd
          WHERE NOT EXISTS (SELECT 1 FROM riwayat_cuti c WHERE c.employee_id = e.id AND d BETWEEN c.tanggal_mulai AND c.tanggal_selesai)
            AND NOT EXISTS (SELECT 1 FROM dinas_luar x WHERE x.employee_id = e.id AND x.tanggal = d)
        ),
        present AS (
          SELECT *, CASE WHEN r1 < 0.14 THEN 1 + floor(r3 * r3 * 110)::int ELSE 0 END AS telat,
                    CASE WHEN r2 < 0.05 THEN 1 + floor(r4 * r4 * 100)::int ELSE 0 END AS cepat
          FROM day WHERE r1 >= 0.02
        ),
        stamped AS (
          SELECT p.*, o.latitude AS lat, o.longitude AS lon,
                 ((p.d + p.jam_masuk::time) AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'UTC' AS t_masuk,
                 ((p.d + p.jam_pulang::time) AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'UTC' AS t_pulang
          FROM present p JOIN opd o ON o.id = p.opd_id
        )
        INSERT INTO presensi (employee_id, opd_id, tanggal, jenis, "at", latitude, longitude, accuracy_m, distance_m, accepted, menit)
        SELECT id, opd_id, d, 'MASUK',
               CASE WHEN telat > 0 THEN t_masuk + telat * interval '1 minute' ELSE t_masuk - floor(r3 * 40) * interval '1 minute' END,
               coalesce(lat, -8.133500), coalesce(lon, 113.224800), 5 + floor(r4 * 25)::int, floor(r3 * 80)::int, true, telat
        FROM stamped
        UNION ALL
        SELECT id, opd_id, d, 'PULANG',
               CASE WHEN cepat > 0 THEN t_pulang - cepat * interval '1 minute' ELSE t_pulang + floor(r4 * 70) * interval '1 minute' END,
               coalesce(lat, -8.133500), coalesce(lon, 113.224800), 5 + floor(r3 * 25)::int, floor(r4 * 80)::int, true, cepat
        FROM stamped WHERE NOT (r2 >= 0.05 AND r2 < 0.07)`);
      await analyzeTables((s) => tx.$executeRawUnsafe(s), ['presensi', 'riwayat_cuti', 'dinas_luar']);
      log(`Presensi: ${readings} readings, ${leave} leave rows and ${dinasLuar} official-duty days from ${from} to ${to}.`);
      return { from, to, readings, leave, dinasLuar };
    },
    { timeout: 300_000 },
  );
}
