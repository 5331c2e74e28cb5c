import type { Db } from '../../db.ts';
import type { Req } from '../../workflow/engine.ts';
import { presentLetter } from '../letters/format.ts';
import type { KgbPayload } from './scan.ts';

/** KGB figures for the request page, plus the letter when issued. */
export async function presentKgb(db: Db, req: Req<KgbPayload & { letter?: { id: number; number: string; date: string } }>) {
  const letter = await db.letter.findUnique({ where: { requestId: req.id } });
  return {
    ...req.payload,
    letter: letter ? presentLetter(letter) : null,
  };
}
