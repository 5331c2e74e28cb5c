/**
 * What a letter kind declares (one registry entry per kind, see registry.ts). No imports of
 * kinds here: a kind's module imports these types, the registry imports the kinds.
 */
import type { IsoDate } from '@simak/shared';
import type { ZodType } from 'zod';
import type { Tx } from '../../db.ts';
import type { DocumentType } from '../../generated/prisma/enums.ts';
import type { Letterhead } from '../../pdf/index.ts';

/** A letter as its kind sees it: the stored row with `data` validated by the kind's schema. */
export interface LetterRecord<D> {
  id: number;
  kind: string;
  requestId: number;
  employeeId: number;
  number: string;
  date: IsoDate;
  token: string;
  data: D;
  sha256: string | null;
}

/** What the renderer gets besides the kind's data. */
export interface LetterRenderCtx {
  number: string;
  date: IsoDate;
  /** `${PUBLIC_URL}/verifikasi/surat/<token>`: printed under the QR code. */
  verifyUrl: string;
  letterhead: Letterhead;
}

/** The machine value of a public field (the JSON answer carries it under the field's key). */
export type PublicValue = string | number | null | { [k: string]: string };

/** One line of the public verification page: never NIK, address or birth date. */
export interface PublicField {
  key: string;
  label: string;
  /** As shown on the page. */
  value: string;
  /** As given in the JSON answer (the value when absent). */
  raw?: PublicValue;
}

export interface LetterKind<D> {
  /** Also the key of the yearly number sequence (letter_counter.kind). */
  kind: string;
  /** Full name shown on the public page, e.g. 'Surat Pemberitahuan Kenaikan Gaji Berkala'. */
  label: string;
  /** Title of the stored document before the number (default: label). */
  shortLabel?: string;
  /** Vault document type of the rendered PDF. */
  documentType: DocumentType;
  /** Setting holding the number pattern ({seq}, {year}), and its value when the setting is unset or invalid. */
  numberPattern: { setting: string; default: string };
  /** Validates the letter's stored data: on issue and whenever it is read. */
  data: ZodType<D>;
  render(data: D, ctx: LetterRenderCtx): Promise<Buffer>;
  /** The kind's key data for the public page: number, date, name, masked NIP, key figures, signer. */
  publicFields(letter: LetterRecord<D>): PublicField[];
  /** Runs in the transaction that links the rendered document (history rows, notifications). */
  onRendered?(tx: Tx, letter: LetterRecord<D>, documentId: number): Promise<void>;
}

/** Keeps a kind's functions tied to its data schema. */
export const defineLetterKind = <D>(k: LetterKind<D>): LetterKind<D> => k;
