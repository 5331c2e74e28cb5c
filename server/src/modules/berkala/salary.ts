/** The basic-salary table in force on a date, read from the reference tables (loaded as data, not code). */
import { dateToIso, lookupGajiPokok, type GajiPokokTable, type Golongan } from '@simak/shared';
import type { Db, Tx } from '../../db.ts';

export async function salaryTableOn(db: Db | Tx, date: Date): Promise<GajiPokokTable & { id: number }> {
  const t = await db.gajiPokokTable.findFirst({
    where: { effectiveFrom: { lte: date } },
    orderBy: { effectiveFrom: 'desc' },
    include: { rows: true },
  });
  if (!t) throw new Error(`no basic-salary table in force on ${dateToIso(date)}`);
  return {
    id: t.id,
    regulation: t.regulation,
    effectiveFrom: dateToIso(t.effectiveFrom),
    rows: t.rows.map((r) => ({ golongan: r.golongan as Golongan, mkg: r.mkg, gajiPokok: r.gajiPokok })),
  };
}

/** Every table, for scans that look up salaries on many dates. */
export async function allSalaryTables(db: Db | Tx): Promise<(GajiPokokTable & { id: number })[]> {
  const ts = await db.gajiPokokTable.findMany({ include: { rows: true }, orderBy: { effectiveFrom: 'asc' } });
  return ts.map((t) => ({
    id: t.id,
    regulation: t.regulation,
    effectiveFrom: dateToIso(t.effectiveFrom),
    rows: t.rows.map((r) => ({ golongan: r.golongan as Golongan, mkg: r.mkg, gajiPokok: r.gajiPokok })),
  }));
}

export const gajiOf = (table: GajiPokokTable, golongan: Golongan, mkg: number) => lookupGajiPokok(table, golongan, mkg, { clampToFirstRow: true });
