import { JENIS_CUTI, type JenisCuti } from '@simak/shared';
import type { Db } from '../../db.ts';
import type { Req } from '../../workflow/engine.ts';
import { presentLetter } from '../letters/format.ts';
import type { CutiPayload } from './definition.ts';

/** The leave period and its letter (when granted) for the request page. */
export async function presentCuti(db: Db, req: Req<CutiPayload>) {
  const letter = await db.letter.findUnique({ where: { requestId: req.id } });
  const { alamatSelamaCuti: _private, ...rest } = req.payload;
  return {
    ...rest,
    jenisLabel: JENIS_CUTI[req.payload.jenis as JenisCuti].label,
    letter: letter ? presentLetter(letter) : null,
  };
}
