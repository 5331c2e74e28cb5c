/** The pension file's details for the request page: DPCP, BUP, TMT, due date, BKN, SK and its summary letter. */
import { appToday, dateToIso } from '@simak/shared';
import { PENSIUN_KIND_LABELS, type PensiunPayload, type PensiunRequestDetails } from '@simak/shared/api/pensiun';
import type { Db } from '../../db.ts';
import type { Req } from '../../workflow/types.ts';
import { letterVerifyPath } from '../letters/format.ts';
import { NOT_SUBMITTED } from './forecast.ts';

export async function presentPensiun(db: Db, req: Req<PensiunPayload>): Promise<PensiunRequestDetails> {
  const p = req.payload;
  const letter = await db.letter.findUnique({ where: { requestId: req.id } });
  return {
    jenis: p.jenis,
    jenisLabel: PENSIUN_KIND_LABELS[p.jenis],
    tmtPensiun: p.sk?.tmt ?? p.tmtPensiun,
    bup: p.bup,
    bupBasis: p.bupBasis,
    dueDate: p.dueDate,
    overdue: !!p.dueDate && NOT_SUBMITTED.includes(req.state) && p.dueDate < appToday(),
    openedBy: p.openedBy,
    dpcp: p.dpcp,
    bkn: p.bkn ?? null,
    // The document routes check the reader's rights themselves.
    sk: p.sk ? { ...p.sk, documentUrl: `/api/documents/${p.sk.documentId}/view` } : null,
    handedOverAt: p.handedOverAt ?? null,
    exitRecordedAt: p.exitRecordedAt ?? null,
    letter: letter
      ? {
          id: letter.id,
          number: letter.number,
          date: dateToIso(letter.date),
          sha256: letter.sha256,
          ready: !!letter.documentId,
          downloadUrl: letter.documentId ? `/api/documents/${letter.documentId}/download` : null,
          viewUrl: letter.documentId ? `/api/documents/${letter.documentId}/view` : null,
          verifyUrl: letterVerifyPath(letter.token),
        }
      : null,
  };
}
