/**
 * What an indicator request is about: the year, the as-of date D (inside the year),
 * and the unit (an OPD and every unit under it, or the whole agency), plus the OPD
 * tree used to roll units up to their top-level OPD.
 */
import { isValidDate, appToday, type IsoDate } from '@simak/shared';
import type { OpdRef } from '@simak/shared/api/indicators';
import type { Db, Tx } from '../../db.ts';
import { BadRequest, NotFound } from '../../errors.ts';

export interface OpdNode {
  id: number;
  kode: string;
  nama: string;
  parentId: number | null;
}

export class OpdTree {
  readonly byId = new Map<number, OpdNode>();
  readonly byKode = new Map<string, OpdNode>();
  private readonly children = new Map<number, number[]>();
  private readonly roots = new Map<number, number>();

  constructor(nodes: OpdNode[]) {
    for (const n of nodes) {
      this.byId.set(n.id, n);
      this.byKode.set(n.kode, n);
      if (n.parentId != null) this.children.set(n.parentId, [...(this.children.get(n.parentId) ?? []), n.id]);
    }
  }

  /** Top-level OPDs (no parent), by kode. */
  topLevel(): OpdNode[] {
    return [...this.byId.values()].filter((n) => n.parentId == null || !this.byId.has(n.parentId)).sort((a, b) => a.kode.localeCompare(b.kode));
  }

  /** The top-level OPD above a unit (itself when it has no parent). */
  rootOf(id: number): number {
    const cached = this.roots.get(id);
    if (cached !== undefined) return cached;
    let cur = id;
    const seen = new Set<number>();
    for (;;) {
      const parent = this.byId.get(cur)?.parentId;
      if (parent == null || !this.byId.has(parent) || seen.has(parent)) break;
      seen.add(cur);
      cur = parent;
    }
    this.roots.set(id, cur);
    return cur;
  }

  /** The unit and every unit under it. */
  subtree(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    const seen = new Set<number>();
    while (stack.length) {
      const cur = stack.pop()!;
      if (seen.has(cur)) continue;
      seen.add(cur);
      out.push(cur);
      stack.push(...(this.children.get(cur) ?? []));
    }
    return out.sort((a, b) => a - b);
  }

  ref(id: number): OpdRef {
    const n = this.byId.get(id);
    return { id, kode: n?.kode ?? String(id), nama: n?.nama ?? '-' };
  }
}

export async function loadOpdTree(db: Db | Tx): Promise<OpdTree> {
  return new OpdTree(await db.opd.findMany({ select: { id: true, kode: true, nama: true, parentId: true } }));
}

/** Default as-of date of a year: today (Asia/Jakarta) for the current year, else 31 December. */
export function defaultAsOf(year: number, today: IsoDate = appToday()): IsoDate {
  return Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
}

/** D must be a real date inside Y (INDICATORS.md: otherwise 400). */
export function resolveAsOf(year: number, asOf: string | undefined, today?: IsoDate): IsoDate {
  if (asOf === undefined) return defaultAsOf(year, today);
  if (!isValidDate(asOf) || Number(asOf.slice(0, 4)) !== year) {
    throw BadRequest('as_of_outside_year', `Tanggal posisi (asOf) harus berada di dalam tahun ${year}.`, { year, asOf });
  }
  return asOf;
}

export interface Scope {
  year: number;
  asOf: IsoDate;
  opd: OpdRef | null;
  /** The OPD asked for and every unit under it; null = the whole agency. */
  units: number[] | null;
  tree: OpdTree;
}

export async function resolveScope(db: Db | Tx, q: { year: number; asOf?: string; opd?: string | null }, today?: IsoDate): Promise<Scope> {
  const asOf = resolveAsOf(q.year, q.asOf, today);
  const tree = await loadOpdTree(db);
  if (!q.opd) return { year: q.year, asOf, opd: null, units: null, tree };
  const node = tree.byKode.get(q.opd);
  if (!node) throw NotFound(`OPD dengan kode ${q.opd}`, 'opd_not_found');
  return { year: q.year, asOf, opd: tree.ref(node.id), units: tree.subtree(node.id), tree };
}
