/**
 * Daily-activity demo data (issue 12): the featured atasan's team has recorded what they did on
 * each working day of the last month — older days approved, the latest waiting for the atasan, one
 * returned with a note — so "Tim hari ini", the review queue and the home queue are alive on first login.
 * A few set-based inserts (fast); skipped when the team already has activities.
 */
import { addDays, appToday, isoToDate, type IsoDate } from '@simak/shared';
import type { Db } from '../../server/src/db.ts';
import { analyzeTables } from '../../server/src/lib/planner-stats.ts';
import { DEMO_USERNAMES } from './featured.ts';

const TASKS: [start: string, end: string, uraian: string, output: string | null][] = [
  ['07:45', '09:30', 'Memverifikasi usulan kenaikan gaji berkala pegawai puskesmas', '12 berkas diverifikasi'],
  ['09:30', '11:30', 'Rapat koordinasi perencanaan kebutuhan tenaga kesehatan', 'Notulen rapat'],
  ['12:30', '14:00', 'Memperbarui data riwayat jabatan di SIMAK', '25 data diperbarui'],
  ['14:00', '15:45', 'Menyusun laporan bulanan kepegawaian bidang', 'Draf laporan bulanan'],
  ['08:00', '10:00', 'Pendampingan aplikasi presensi di puskesmas', null],
  ['10:00', '12:00', 'Mengarsipkan surat masuk dan keluar', '40 surat diarsipkan'],
];

/** About a month of working days. */
const DAYS = 22;

/** The last `n` Monday–Friday dates up to and including `today`. */
function lastWorkdays(today: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = today; out.length < n; d = addDays(d, -1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d);
  }
  return out.reverse();
}

export async function seedAktivitasDemo(db: Db, log: (m: string) => void = () => undefined, today: IsoDate = appToday()) {
  const atasan = await db.user.findUnique({ where: { username: DEMO_USERNAMES.atasan }, select: { employeeId: true } });
  if (!atasan?.employeeId) return;
  const team = await db.employee.findMany({ where: { atasanId: atasan.employeeId, tmtBerhenti: null }, select: { id: true }, orderBy: { id: 'asc' }, take: 8 });
  if (!team.length || (await db.aktivitasHarian.count({ where: { employeeId: { in: team.map((t) => t.id) } } }))) return;
  const days = lastWorkdays(today, DAYS);
  const rows = [];
  for (const [i, member] of team.entries()) {
    for (const [k, day] of days.entries()) {
      const latest = k === days.length - 1;
      for (const j of [0, 1]) {
        const [jamMulai, jamSelesai, uraian, output] = TASKS[(i + k * 2 + j) % TASKS.length]!;
        const returned = i === 1 && k === days.length - 2 && j === 0;
        rows.push({
          employeeId: member.id,
          tanggal: isoToDate(day),
          jamMulai,
          jamSelesai,
          uraian,
          output,
          status: latest ? 'DIAJUKAN' : returned ? 'DIKEMBALIKAN' : 'DISETUJUI',
          catatan: returned ? 'Sebutkan jumlah berkas dan puskesmas yang diverifikasi.' : null,
          reviewerId: latest ? null : atasan.employeeId,
          reviewedAt: latest ? null : new Date(`${addDays(day, 1)}T02:00:00Z`),
          version: latest ? 1 : 2,
          // Recorded at the end of that working day (16:00 WIB), not when the seed runs.
          createdAt: new Date(`${day}T09:00:00Z`),
          updatedAt: new Date(`${day}T09:00:00Z`),
        });
      }
    }
  }
  await db.aktivitasHarian.createMany({ data: rows });
  await analyzeTables((sql) => db.$executeRawUnsafe(sql), ['aktivitas_harian']);
  log(`Daily activities: ${rows.length} for the featured atasan's team of ${team.length} (${rows.filter((r) => r.status === 'DIAJUKAN').length} waiting for review).`);
}
