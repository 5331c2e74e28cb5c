/**
 * Every letter kind, one entry each: KGB, the KP SK summary and the leave letter (CUTI); the pension
 * SK summary plugs in the same way (a `defineLetterKind` in its module, one line below).
 */
import { dateToIso } from '@simak/shared';
import type { Tx } from '../../db.ts';
import type { Letter } from '../../generated/prisma/client.ts';
import { kgbLetterKind } from '../berkala/letter.ts';
import { cutiLetterKind } from '../cuti/letter.ts';
import { kpSkLetterKind } from '../pangkat/letter.ts';
import { pensiunSkLetterKind } from '../pensiun/letter.ts';
import type { LetterKind, LetterRecord, LetterRenderCtx, PublicField } from './types.ts';

/** A stored letter bound to its kind, with `data` validated once. */
export interface BoundLetter {
  record: LetterRecord<unknown>;
  render(ctx: LetterRenderCtx): Promise<Buffer>;
  publicFields(): PublicField[];
  onRendered(tx: Tx, documentId: number): Promise<void>;
}

/** A registered kind with its data type erased: everything typed goes through the kind's schema. */
export interface RegisteredLetterKind {
  kind: string;
  label: string;
  shortLabel: string;
  documentType: LetterKind<unknown>['documentType'];
  numberPattern: LetterKind<unknown>['numberPattern'];
  /** Validates data about to be stored (throws a ZodError). */
  validate(data: unknown): unknown;
  /** Binds a stored letter of this kind (throws a ZodError when its data does not fit the schema). */
  bind(row: Letter): BoundLetter;
}

function erase<D>(k: LetterKind<D>): RegisteredLetterKind {
  return {
    kind: k.kind,
    label: k.label,
    shortLabel: k.shortLabel ?? k.label,
    documentType: k.documentType,
    numberPattern: k.numberPattern,
    validate: (data) => k.data.parse(data),
    bind: (row) => {
      const record: LetterRecord<D> = {
        id: row.id,
        kind: row.kind,
        requestId: row.requestId,
        employeeId: row.employeeId,
        number: row.number,
        date: dateToIso(row.date),
        token: row.token,
        data: k.data.parse(row.data),
        sha256: row.sha256,
      };
      return {
        record,
        render: (ctx) => k.render(record.data, ctx),
        publicFields: () => k.publicFields(record),
        onRendered: async (tx, documentId) => {
          await k.onRendered?.(tx, record, documentId);
        },
      };
    },
  };
}

const KINDS = new Map<string, RegisteredLetterKind>();

/** Adds a kind (the built-in ones below; tests add their own). A kind is registered once. */
export function registerLetterKind<D>(k: LetterKind<D>) {
  if (KINDS.has(k.kind)) throw new Error(`letter kind ${k.kind} is already registered`);
  if (!/^[A-Z][A-Z0-9_]{0,31}$/.test(k.kind)) throw new Error(`letter kind ${k.kind}: use A-Z, 0-9 and _`);
  KINDS.set(k.kind, erase(k));
}

export function letterKind(kind: string): RegisteredLetterKind | undefined {
  return KINDS.get(kind);
}

registerLetterKind(kgbLetterKind);
registerLetterKind(kpSkLetterKind);
registerLetterKind(pensiunSkLetterKind);
registerLetterKind(cutiLetterKind);
