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

let kept: { version: string; tables: Promise<(GajiPokokTable & { id: number })[]> } | null = null;

/**
 * Every table, kept in memory and checked against gaji_pokok_version (one tiny read) instead of
 * reloading the tables with their rows on every read. Any write to the tables takes a new version
 * from a sequence (never reused, even after a rollback), so a kept copy is never stale; read
 * inside a transaction, the version is the one that transaction sees. (Keyed by database too: a
 * process may talk to several, whose sequences start alike.)
 */
export async function salaryTables(db: Db | Tx): Promise<(GajiPokokTable & { id: number })[]> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT current_database() || ':' || version AS version FROM gaji_pokok_version WHERE id = 1`;
  if (!row) return allSalaryTables(db);
  if (kept?.version !== row.version) {
    const tables = allSalaryTables(db);
    kept = { version: row.version, tables };
    tables.catch(() => {
      if (kept?.tables === tables) kept = null;
    });
  }
  return kept.tables;
}

export const gajiOf = (table: GajiPokokTable, golongan: Golongan, mkg: number) => lookupGajiPokok(table, golongan, mkg, { clampToFirstRow: true });
