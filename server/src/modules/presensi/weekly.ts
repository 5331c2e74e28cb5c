/** The weekly working hours of a unit (read by attendance and by leave's working-day count). */
import { opdWeekly, type WeekdayHours } from '@simak/shared';
import type { Db, Tx } from '../../db.ts';

/** The weekly hours of an OPD: its own rows (jadwal_kerja_opd) when it has any, else the regency's. */
export async function weeklyOf(db: Db | Tx, opdId: number): Promise<readonly WeekdayHours[]> {
  const [regency, own] = await Promise.all([
    db.jadwalKerja.findMany({ orderBy: { hari: 'asc' }, select: { hari: true, jamMasuk: true, jamPulang: true } }),
    db.jadwalKerjaOpd.findMany({ where: { opdId }, orderBy: { hari: 'asc' }, select: { hari: true, jamMasuk: true, jamPulang: true } }),
  ]);
  return opdWeekly(regency, own);
}
