/**
 * Recording the pension SK (the signed PDF already in the vault, type SK pensiun) and the exit at
 * the TMT: the employee leaves the active population (tmt_berhenti, jenis PENSIUN — MENINGGAL for
 * a janda/duda/yatim file) and their account becomes read-only. Both inside the caller's transaction.
 */
import { appToday, dateToIso, isoToDate, type IsoDate } from '@simak/shared';
import type { PensiunPayload, PensiunSkInput } from '@simak/shared/api/pensiun';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Tx } from '../../db.ts';
import { Conflict, Unprocessable } from '../../errors.ts';
import type { Req } from '../../workflow/types.ts';
import { issueSkSummary, signedSkDocument } from '../letters/sk-record.ts';
import { fullName } from '../requests/presenter.ts';
import { getSetting } from '../settings/service.ts';
import { PENSIUN_SK_LETTER, type PensiunSkLetterData } from './letter.ts';

export async function applyPensiunSk(tx: Tx, req: Req<PensiunPayload>, input: PensiunSkInput, meta: RequestMeta): Promise<PensiunPayload> {
  const p = req.payload;
  const doc = await signedSkDocument(tx, req.employeeId, input.documentId, 'SK_PENSIUN', 'SK pensiun');
  if (input.tanggalSk > appToday()) throw Unprocessable('validation_failed', 'Tanggal SK tidak boleh di masa depan.');
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: req.employeeId }, include: { opd: true } });
  const letter = await issueSkSummary(tx, {
    kind: PENSIUN_SK_LETTER,
    requestId: req.id,
    employeeId: req.employeeId,
    date: appToday(),
    data: {
      nip: employee.nip,
      nama: fullName(employee),
      namaJabatan: employee.namaJabatan,
      golongan: employee.golongan,
      opd: employee.opd.nama,
      jenis: p.jenis,
      bup: p.bup,
      tmt: input.tmt,
      nomorSk: input.nomorSk,
      tanggalSk: input.tanggalSk,
      bkn: p.bkn?.approved ? { nomor: p.bkn.nomor, tanggal: p.bkn.tanggal } : null,
      skSha256: doc.sha256,
      signer: await getSetting(tx, 'pensiun.signer'),
    } satisfies PensiunSkLetterData,
  });
  await writeAudit(tx, meta, {
    action: 'pensiun.sk_recorded',
    entityType: 'workflow_request',
    entityId: req.id,
    employeeId: req.employeeId,
    before: null,
    after: { nomorSk: input.nomorSk, tanggalSk: input.tanggalSk, tmt: input.tmt, documentId: doc.id, letterId: letter.id },
  });
  let next: PensiunPayload = {
    ...p,
    sk: { nomorSk: input.nomorSk, tanggalSk: input.tanggalSk, tmt: input.tmt, documentId: doc.id, letter },
  };
  // An SK recorded on or after its TMT takes effect at once.
  if (input.tmt <= appToday()) next = await recordExit(tx, { ...req, payload: next }, meta);
  return next;
}

/**
 * The exit at the TMT: tmt_berhenti and jenis, the account read-only, the audit row. Idempotent:
 * an employee who has left already is left alone.
 */
export async function recordExit(tx: Tx, req: Req<PensiunPayload>, meta: RequestMeta, today: IsoDate = appToday()): Promise<PensiunPayload> {
  const p = req.payload;
  if (!p.sk || p.exitRecordedAt) return p;
  await tx.$queryRaw`SELECT id FROM employee WHERE id = ${req.employeeId} FOR UPDATE`;
  const e = await tx.employee.findUniqueOrThrow({ where: { id: req.employeeId }, select: { tmtBerhenti: true, jenisBerhenti: true } });
  if (e.tmtBerhenti && dateToIso(e.tmtBerhenti) !== p.sk.tmt) {
    throw Conflict('already_left', `Pegawai sudah tercatat berhenti sejak ${dateToIso(e.tmtBerhenti)}.`);
  }
  const jenis = p.jenis === 'JANDA_DUDA' || p.jenis === 'YATIM' ? 'MENINGGAL' : 'PENSIUN';
  await tx.employee.update({ where: { id: req.employeeId }, data: { tmtBerhenti: isoToDate(p.sk.tmt), jenisBerhenti: jenis, version: { increment: 1 } } });
  const users = await tx.user.updateMany({ where: { employeeId: req.employeeId }, data: { readOnly: true } });
  await writeAudit(tx, meta, {
    action: 'employee.exit_recorded',
    entityType: 'employee',
    entityId: req.employeeId,
    employeeId: req.employeeId,
    before: { tmtBerhenti: e.tmtBerhenti ? dateToIso(e.tmtBerhenti) : null, jenisBerhenti: e.jenisBerhenti },
    after: { tmtBerhenti: p.sk.tmt, jenisBerhenti: jenis, requestId: req.id, accountReadOnly: users.count > 0 },
  });
  return { ...p, exitRecordedAt: today };
}
