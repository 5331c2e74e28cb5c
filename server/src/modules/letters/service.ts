/** Issuing letters of any kind (number, token, render job) and reading them for the public page. */
import { dateToIso, isoToDate, type IsoDate } from '@simak/shared';
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { enqueue } from '../../jobs/outbox.ts';
import type { Logger } from '../../logger.ts';
import { LetterNumberPattern } from '../settings/service.ts';
import { dateField, isPrivateField, numberField } from './fields.ts';
import { formatLetterNumber, LETTER_TOKEN } from './format.ts';
import { letterKind, type RegisteredLetterKind } from './registry.ts';
import type { PublicField } from './types.ts';

export function requireLetterKind(kind: string): RegisteredLetterKind {
  const k = letterKind(kind);
  if (!k) throw new Error(`unknown letter kind ${kind}`);
  return k;
}

/** The kind's pattern setting, validated; its default when unset or invalid. */
async function numberPatternOf(tx: Tx, k: RegisteredLetterKind): Promise<string> {
  const row = await tx.appSetting.findUnique({ where: { key: k.numberPattern.setting } });
  const parsed = LetterNumberPattern.safeParse(row?.value);
  return parsed.success ? parsed.data : k.numberPattern.default;
}

/** Next number of the kind's yearly sequence; the counter row stays locked until the caller commits. */
async function nextSeq(tx: Tx, kind: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO letter_counter (kind, year, last) VALUES (${kind}, ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last = letter_counter.last + 1
    RETURNING last`;
  return rows[0]!.last;
}

export interface IssueLetterInput {
  kind: string;
  requestId: number;
  employeeId: number;
  /** The kind's data (validated by its schema). */
  data: unknown;
  /** The letter's date: its year picks the number sequence. */
  date: IsoDate;
}

/**
 * Issues a letter in the caller's transaction: the next number of the kind and year from its
 * pattern, a random public token, and one render job (letters.render, deterministic id).
 */
export async function issueLetter(tx: Tx, input: IssueLetterInput) {
  const k = requireLetterKind(input.kind);
  const data = k.validate(input.data);
  const year = Number(input.date.slice(0, 4));
  const pattern = await numberPatternOf(tx, k);
  const number = formatLetterNumber(pattern, await nextSeq(tx, k.kind, year), year);
  const letter = await tx.letter.create({
    data: {
      kind: k.kind,
      requestId: input.requestId,
      employeeId: input.employeeId,
      number,
      date: isoToDate(input.date),
      token: randomBytes(16).toString('base64url'),
      data: data as Prisma.InputJsonValue,
    },
  });
  await enqueue(tx, 'letters.render', { letterId: letter.id });
  return { id: letter.id, number, date: dateToIso(letter.date), token: letter.token };
}

export interface PublicLetter {
  kind: string;
  label: string;
  number: string;
  date: IsoDate;
  status: 'ISSUED' | 'PENDING';
  sha256: string | null;
  fields: PublicField[];
}

/** What anyone holding the token may see; null for an unknown or malformed token. */
export async function publicLetter(db: Db, token: string, logger?: Logger): Promise<PublicLetter | null> {
  if (!LETTER_TOKEN.test(token)) return null;
  const row = await db.letter.findUnique({ where: { token } });
  if (!row) return null;
  const k = letterKind(row.kind);
  const base = { number: row.number, date: dateToIso(row.date) };
  let fields: PublicField[] = [numberField(base), dateField(base)];
  if (k) {
    try {
      fields = k.bind(row).publicFields();
    } catch (err) {
      // Stored data that no longer fits the kind's schema: the page still confirms number and date.
      logger?.error({ err, letterId: row.id }, 'letter data does not match its kind');
    }
  } else {
    logger?.error({ letterId: row.id, kind: row.kind }, 'letter of an unregistered kind');
  }
  return {
    kind: row.kind,
    label: k?.label ?? row.kind,
    ...base,
    status: row.renderedAt ? 'ISSUED' : 'PENDING',
    sha256: row.sha256,
    fields: fields.filter((f) => !isPrivateField(f)),
  };
}
