// Dated histories of every generated employee, consistent with the cached
// current values on the employee row (the latest rank, position and education
// rows equal them). Pure and deterministic: one seeded stream of its own
// (HISTORY_SEED), consumed employee by employee in id order, so the employee,
// OPD and account data do not change when histories are added or tuned.
import { rankHistory } from './career.ts';
import { pendidikanHistory } from './diplomas.ts';
import type { DemoData } from './employees.ts';
import { NikRegistry, cutiHistory, familyOf, personalOf } from './family.ts';
import { featuredHistories } from './featured-histories.ts';
import { historyContext, type Histories } from './history-types.ts';
import { hukdisHistory, skpHistory } from './performance.ts';
import { jabatanHistory } from './positions.ts';
import { diklatHistory } from './trainings.ts';

export type { Histories } from './history-types.ts';

export interface HistoryChunk extends Histories {
  /** Employee ids first..last (1-based, inclusive); extras[k] belongs to employee first + k. */
  first: number;
  last: number;
}

/**
 * The histories in chunks of `chunkSize` employees (in id order), so a writer can
 * insert and drop them as it goes; the rows do not depend on the chunk size.
 */
export function* historyChunks(data: DemoData, chunkSize = 5000): Generator<HistoryChunk> {
  const ctx = historyContext(data);
  const nik = new NikRegistry();
  const opdByKode = new Map(data.opds.map((o) => [o.kode, o.id]));
  const opdId = (kode: string) => {
    const id = opdByKode.get(kode);
    if (id === undefined) throw new Error(`unknown OPD ${kode}`);
    return id;
  };
  const empty = (first: number): HistoryChunk => ({
    first, last: first - 1, pangkat: [], kgb: [], jabatan: [], pendidikan: [], diklat: [], skp: [], hukdis: [], cuti: [], keluarga: [], extras: [],
  });
  let out = empty(1);
  const append = <T>(target: T[], rows: readonly T[]) => {
    for (const r of rows) target.push(r);
  };

  for (const e of data.employees) {
    if (e.id - out.first >= chunkSize) {
      yield out;
      out = empty(e.id);
    }
    const c = data.careers[e.id - 1];
    if (!c) throw new Error(`no career info for employee ${e.id}`);
    // Fixed order of the draws per employee: rank, penalties, positions, education, trainings, SKP, family, leave.
    const rank = rankHistory(e, c, ctx);
    const penalties = hukdisHistory(e, c, rank, ctx);
    const jabatan = jabatanHistory(e, c, ctx, penalties.demotion);
    const pendidikan = pendidikanHistory(e, c, ctx);
    const diklat = diklatHistory(e, c, jabatan, ctx);
    const skp = skpHistory(e, c, rank, penalties, ctx);
    const family = familyOf(e, ctx);
    const cuti = cutiHistory(e, family.births, ctx);
    let personal = personalOf(e, family.statusPerkawinan, ctx, nik);

    const featured = c.featured ? featuredHistories(c.featured, e, ctx, opdId) : null;
    if (featured) {
      append(out.jabatan, featured.jabatan);
      append(out.pendidikan, featured.pendidikan);
      append(out.diklat, featured.diklat);
      append(out.skp, featured.skp);
      append(out.keluarga, featured.keluarga);
      append(out.cuti, featured.cuti);
      personal = { ...personal, ...featured.personal };
    } else {
      append(out.jabatan, jabatan);
      append(out.pendidikan, pendidikan);
      append(out.diklat, diklat);
      append(out.skp, skp);
      append(out.keluarga, family.keluarga);
      append(out.cuti, cuti);
    }
    append(out.pangkat, rank.pangkat);
    append(out.kgb, rank.kgb);
    append(out.hukdis, penalties.rows);
    out.extras.push({ ...personal, gajiPokok: rank.gajiPokok, tmtKgbTerakhir: rank.tmtKgbTerakhir });
    out.last = e.id;
  }
  if (out.last >= out.first) yield out;
}

