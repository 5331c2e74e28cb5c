/**
 * Searching people by name the way users type them: with or without academic and religious
 * titles ("Siti Rahmawati", "Siti Rahmawati, S.Kom.", "dr. Bambang Sutrisno M.Kes").
 * Names are stored without titles (employee.nama, gelar_depan, gelar_belakang), so a query is
 * split into words: plain words must each occur in the name (served by the trigram index on
 * nama); a word that looks like a title (it has a period, or it follows a comma) may occur in
 * the name or in either title column.
 */
import type { Prisma } from '../generated/prisma/client.ts';

export interface NameQuery {
  /** Words that must each occur in the name. */
  words: string[];
  /** Title-like words: in the name ("Moh.") or in a title column ("S.Kom."). */
  titles: string[];
}

export function parseNameQuery(q: string): NameQuery {
  const words: string[] = [];
  const titles: string[] = [];
  const comma = q.indexOf(',');
  const head = comma < 0 ? q : q.slice(0, comma);
  const tail = comma < 0 ? '' : q.slice(comma + 1);
  for (const raw of head.split(/\s+/)) {
    const w = raw.replace(/^[,;]+|[,;]+$/g, '');
    if (!w) continue;
    (w.includes('.') ? titles : words).push(w);
  }
  for (const raw of tail.split(/[\s,;]+/)) if (raw) titles.push(raw);
  return { words, titles };
}

/** Prisma condition on an employee for a name query (every word must match). */
export function employeeNameWhere(q: string): Prisma.EmployeeWhereInput {
  const { words, titles } = parseNameQuery(q.trim());
  const contains = (s: string) => ({ contains: s, mode: 'insensitive' as const });
  return {
    AND: [
      ...words.map((w) => ({ nama: contains(w) })),
      ...titles.map((w) => ({ OR: [{ nama: contains(w) }, { gelarDepan: contains(w) }, { gelarBelakang: contains(w) }] })),
    ],
  };
}
