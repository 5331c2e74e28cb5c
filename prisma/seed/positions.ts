// Position history (riwayat_jabatan): the current position exactly as on the
// employee row, preceded (when the person was appointed earlier) by the positions
// held since appointment: the entry position, earlier JF levels, earlier eselon
// posts, and for some a mutation from another OPD.
import { REF_YM, firstOf, isoDate, isoOfNum, monthOf, numOfIso, yearOf, ymOfIso } from './dates.ts';
import { jenjangForJf, pelaksanaBand, type CareerInfo, type EmployeeRow } from './employees.ts';
import { eselonLevel, type HistoryContext, type JabatanRow } from './history-types.ts';
import { JF, KONTRAK_JABATAN, PELAKSANA_JABATAN, type JfDef } from './jabatan.ts';
import { EDU_RANK, JENJANG_LABEL, type Jenjang, type Pendidikan } from './rules.ts';

/**
 * Chance that a person's earlier position was in another OPD: a recent start in the
 * current position is more often a transfer. Teachers move between schools of one OPD instead.
 */
const MUTATION_RATE = { recent: 0.7, older: 0.28, recentMonths: 48 };
const TEACHER_OTHER_SCHOOL_RATE = 0.35;

/** A demotion to plan into the history (BERAT penalty): a pelaksana position from `from` until the current TMT. */
export interface Demotion {
  from: number;
  namaJabatan: string;
  jenis: 'PENURUNAN_JABATAN' | 'PEMBEBASAN_JABATAN';
}

type Draft = Omit<JabatanRow, 'employeeId' | 'nomorSk' | 'tanggalSk'> & { at: number; structural?: boolean };

function lowerPelaksana(edu: Pendidikan, current: string): string | null {
  const band = pelaksanaBand(edu);
  const lower = band === 's1' ? 'd3' : band === 'd3' ? 'sma' : band === 'sma' ? 'low' : null;
  if (!lower) return null;
  const names = PELAKSANA_JABATAN[lower].map(([n]) => n).filter((n) => n !== current);
  return names[0] ?? null;
}

/**
 * Whether a BERAT penalty can be placed just before the current position (which then
 * is the restoration after 12 months): a pelaksana demoted one level, or a JF holder
 * relieved to a pelaksana position. Returns the plan or null.
 */
export function demotionPlan(e: EmployeeRow, c: CareerInfo): Demotion | null {
  if (e.statusKepegawaian !== 'PNS' || c.featured || c.kind === 'KEPSEK') return null;
  if (e.jenisJabatan !== 'PELAKSANA' && e.jenisJabatan !== 'FUNGSIONAL') return null;
  const cur = ymOfIso(e.tmtJabatan!);
  const start = ymOfIso(e.tmtCpns!);
  const from = cur - 12;
  if (from < start + 24 || from < 2021 * 12 + 2 || cur > REF_YM - 1) return null;
  if (e.jenisJabatan === 'FUNGSIONAL') {
    return { from, jenis: 'PEMBEBASAN_JABATAN', namaJabatan: PELAKSANA_JABATAN[pelaksanaBand(e.pendidikanTerakhir)][0]![0] };
  }
  const name = lowerPelaksana(e.pendidikanTerakhir, e.namaJabatan);
  return name ? { from, jenis: 'PENURUNAN_JABATAN', namaJabatan: name } : null;
}

export function jabatanHistory(e: EmployeeRow, c: CareerInfo, ctx: HistoryContext, demotion: Demotion | null): JabatanRow[] {
  const { rng, org } = ctx;
  const cur = ymOfIso(e.tmtJabatan!);
  const start = ymOfIso(e.tmtCpns ?? e.tmtPppk ?? e.tmtJabatan!);
  const current: Draft = {
    jenisJabatan: e.jenisJabatan, namaJabatan: e.namaJabatan, eselon: e.eselon, jenjangFungsional: e.jenjangFungsional,
    rumpunFungsional: e.rumpunFungsional, opdId: e.opdId, unitKerja: e.unitKerja, tmtJabatan: e.tmtJabatan!, at: cur,
    structural: e.jenisJabatan === 'STRUKTURAL',
  };
  const drafts: Draft[] = [];
  const teacher = c.jf === JF.guru;
  const mutated = !teacher && rng.chance(cur >= REF_YM - MUTATION_RATE.recentMonths ? MUTATION_RATE.recent : MUTATION_RATE.older);
  const entryEdu = c.entryEdu;

  const pelaksana = (at: number, opdId: number, edu: Pendidikan, name?: string): Draft => ({
    jenisJabatan: 'PELAKSANA',
    namaJabatan: name ?? (e.statusKepegawaian === 'KONTRAK'
      ? rng.weighted(KONTRAK_JABATAN[EDU_RANK[edu] >= EDU_RANK.D3 ? 'high' : 'low'])
      : rng.weighted(PELAKSANA_JABATAN[pelaksanaBand(edu)])),
    eselon: null, jenjangFungsional: null, rumpunFungsional: null, opdId,
    unitKerja: org.unitIn(rng, opdId, false), tmtJabatan: firstOf(at), at,
  });
  const fungsional = (at: number, jf: JfDef, j: Jenjang, opdId: number, unit: string): Draft => ({
    jenisJabatan: 'FUNGSIONAL', namaJabatan: `${jf.name} ${JENJANG_LABEL[j]}`, eselon: null, jenjangFungsional: j,
    rumpunFungsional: jf.rumpun, opdId, unitKerja: unit, tmtJabatan: firstOf(at), at,
  });
  const earlierOpd = (jf: JfDef | null) => (mutated ? (org.otherOpd(rng, e.opdId, jf) ?? e.opdId) : e.opdId);

  if (cur > start) {
    if (e.jenisJabatan === 'STRUKTURAL') {
      structuralPath(e, c, ctx, start, cur, mutated, drafts, pelaksana);
    } else if (c.kind === 'KEPSEK' || (e.jenisJabatan === 'FUNGSIONAL' && c.jf)) {
      const jf = c.jf!;
      // Earlier levels of the JF, by the rank steps (the band of the current level starts the current row).
      const steps = c.events.length ? c.events : [{ at: start, idx: 0, kind: 'START' as const }];
      const opdId = teacher ? e.opdId : earlierOpd(jf);
      const ahli = jf.ahli && EDU_RANK[e.pendidikanTerakhir] >= EDU_RANK.D4;
      let unit: string;
      if (teacher) {
        const pool = org.schools[c.school ?? 'SD'];
        unit = c.kind === 'KEPSEK' || rng.chance(TEACHER_OTHER_SCHOOL_RATE) ? (pool.length ? rng.pick(pool) : e.unitKerja) : e.unitKerja;
      } else {
        unit = opdId === e.opdId ? e.unitKerja : org.unitIn(rng, opdId, ahli);
      }
      let prev: string | null = null;
      for (const s of steps) {
        const at = Math.max(s.at, start);
        if (at >= cur) break;
        const j = s.idx ? jenjangForJf(jf, e.pendidikanTerakhir, s.idx) : null;
        const key = j ?? 'PELAKSANA';
        if (key === prev) continue;
        // Principals are compared by their teaching level; others stop at the current level's band.
        if (c.kind !== 'KEPSEK' && j === e.jenjangFungsional && at !== start) break;
        prev = key;
        if (j) drafts.push(fungsional(at, jf, j, opdId, unit));
        else if (teacher) {
          // Teachers below III/a (SPG/D2 era) taught without a jenjang of today's JF.
          drafts.push({ ...fungsional(at, jf, 'AHLI_PERTAMA', opdId, unit), namaJabatan: jf.name, jenjangFungsional: null });
        } else drafts.push(pelaksana(at, opdId, entryEdu));
      }
    } else {
      // Pelaksana (and JF people without a level): the entry position, sometimes elsewhere, sometimes a second one.
      const first = pelaksana(start, demotion ? e.opdId : earlierOpd(null), entryEdu, demotion || rng.chance(0.45) ? e.namaJabatan : undefined);
      if (first.opdId === e.opdId && first.namaJabatan === e.namaJabatan) first.unitKerja = e.unitKerja;
      drafts.push(first);
      if (cur - start >= 72 && rng.chance(0.3)) {
        const mid = start + Math.floor((cur - start) / 2);
        drafts.push(pelaksana(mid, e.opdId, e.pendidikanTerakhir));
      }
    }
  }
  if (demotion) {
    // BERAT: the earlier positions, a pelaksana position for 12 months, then restored (the current row).
    while (drafts.length && drafts[drafts.length - 1]!.at >= demotion.from) drafts.pop();
    drafts.push({ ...pelaksana(demotion.from, e.opdId, e.pendidikanTerakhir, demotion.namaJabatan), unitKerja: e.unitKerja });
  }

  // Keep strictly increasing dates before the current TMT.
  const rows: JabatanRow[] = [];
  let lastAt = -Infinity;
  for (const d of [...drafts, current]) {
    if (d !== current && (d.at >= cur || d.at <= lastAt)) continue;
    lastAt = d.at;
    // SK pelantikan on the day or a few days before for eselon posts; other SKs some weeks before the TMT.
    const tmt = numOfIso(d.tmtJabatan);
    const tanggalSk = isoOfNum(tmt - (d.structural ? rng.int(0, 7) : rng.int(3, 30)));
    const { at: _at, structural: _s, ...rest } = d;
    rows.push({ employeeId: e.id, ...rest, nomorSk: ctx.letters.next('821.2', Number(tanggalSk.slice(0, 4))), tanggalSk });
  }
  return rows;
}

function structuralPath(
  e: EmployeeRow,
  c: CareerInfo,
  ctx: HistoryContext,
  start: number,
  cur: number,
  mutated: boolean,
  drafts: Draft[],
  pelaksana: (at: number, opdId: number, edu: Pendidikan, name?: string) => Draft,
): void {
  const { rng, org } = ctx;
  const level = eselonLevel(e.eselon);
  // Earlier eselon posts, newest first: III before a JPT post, IV before III.
  const chain: { level: number; years: [number, number] }[] = [];
  if (level === 2) chain.push({ level: 3, years: [3, 6] }, { level: 4, years: [3, 6] });
  else if (level === 3) chain.push({ level: 4, years: [3, 7] });
  const posts: Draft[] = [];
  let end = cur;
  for (const step of chain) {
    const at = end - rng.int(step.years[0] * 12, step.years[1] * 12);
    if (at < start + 36) break;
    const sameOpd = !(mutated || (step.level === 3 && rng.chance(0.4)));
    const pool = (org.posts.get(step.level) ?? []).filter((u) => (sameOpd ? u.opdId === e.opdId : u.opdId !== e.opdId) && u.jabatan !== e.namaJabatan);
    const fallback = org.posts.get(step.level) ?? [];
    const u = pool.length ? rng.pick(pool) : fallback.length ? rng.pick(fallback) : null;
    if (!u) break;
    const d = Math.min(28, rng.int(2, 28));
    posts.push({
      jenisJabatan: 'STRUKTURAL', namaJabatan: u.jabatan, eselon: u.eselon, jenjangFungsional: null, rumpunFungsional: null,
      opdId: u.opdId, unitKerja: u.unit, tmtJabatan: isoDate(yearOf(at), monthOf(at), d), at, structural: true,
    });
    end = at;
  }
  const firstOpd = posts.length ? posts[posts.length - 1]!.opdId : mutated ? (org.otherOpd(rng, e.opdId, null) ?? e.opdId) : e.opdId;
  drafts.push(pelaksana(start, firstOpd, c.entryEdu));
  drafts.push(...posts.reverse());
}
