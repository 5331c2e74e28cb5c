/**
 * Daily activity log (aktivitas harian): the employee records what they did; the direct superior
 * approves or returns it with a note. Every change in one transaction with its audit row;
 * concurrent decisions are settled by the row's version (one wins, the other 409).
 */
import { dateToIso, isoToDate } from '@simak/shared';
import type { AktivitasBody, AktivitasReviewBody } from '@simak/shared/api/presensi-lokasi';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db } from '../../db.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { abilities, authorize } from '../../lib/authz.ts';
import { assertDocumentsBelongTo } from '../documents/service.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { aktivitasPolicy } from './policy.ts';

const INCLUDE = { employee: { select: { id: true, nip: true, nama: true, atasanId: true } }, document: { select: { id: true, originalName: true } } } as const;

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

const loadRow = (db: Db, id: number) => db.aktivitasHarian.findUnique({ where: { id }, include: INCLUDE });

const refOf = (r: Row) => ({ employeeId: r.employeeId, atasanId: r.employee.atasanId, status: r.status });

export function presentAktivitas(actor: Actor, r: Row) {
  const can = abilities(aktivitasPolicy, actor, refOf(r));
  return {
    id: r.id,
    employee: { id: r.employee.id, nip: r.employee.nip, nama: r.employee.nama },
    tanggal: dateToIso(r.tanggal),
    jamMulai: r.jamMulai,
    jamSelesai: r.jamSelesai,
    uraian: r.uraian,
    output: r.output,
    document: r.document ? { id: r.document.id, name: r.document.originalName, downloadUrl: `/api/documents/${r.document.id}/download` } : null,
    status: r.status,
    catatan: r.catatan,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    version: r.version,
    actions: [...(can.edit ? ['edit'] : []), ...(can.review ? ['approve', 'return'] : [])],
  };
}

const ownEmployee = (actor: Actor) => {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  return actor.employeeId;
};

/** The actor's own activities in a date range (newest first). */
export async function myAktivitas(db: Db, actor: Actor, from: string, to: string) {
  const employeeId = ownEmployee(actor);
  const rows = await db.aktivitasHarian.findMany({
    where: { employeeId, tanggal: { gte: isoToDate(from), lte: isoToDate(to) } },
    include: INCLUDE,
    orderBy: [{ tanggal: 'desc' }, { jamMulai: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  return { from, to, items: rows.map((r) => presentAktivitas(actor, r)) };
}

export async function createAktivitas(db: Db, actor: Actor, body: AktivitasBody, meta: RequestMeta) {
  const employeeId = ownEmployee(actor);
  const id = await db.$transaction(async (tx) => {
    if (body.documentId) await assertDocumentsBelongTo(tx, employeeId, [body.documentId]);
    const row = await tx.aktivitasHarian.create({
      data: { employeeId, tanggal: isoToDate(body.tanggal), jamMulai: body.jamMulai, jamSelesai: body.jamSelesai, uraian: body.uraian, output: body.output || null, documentId: body.documentId ?? null },
    });
    await writeAudit(tx, meta, { action: 'aktivitas.created', entityType: 'aktivitas_harian', entityId: row.id, employeeId, after: body });
    return row.id;
  });
  return presentAktivitas(actor, (await loadRow(db, id))!);
}

/** Edits an own activity not yet approved; a returned one goes back to the atasan. */
export async function updateAktivitas(db: Db, actor: Actor, id: number, body: AktivitasBody & { version: number }, meta: RequestMeta) {
  const before = await loadRow(db, id);
  if (!before || !(before.employeeId === actor.employeeId || before.employee.atasanId === actor.employeeId)) throw NotFound('Aktivitas');
  authorize(aktivitasPolicy, 'edit', actor, refOf(before), 'Aktivitas yang sudah disetujui tidak dapat diubah.');
  await db.$transaction(async (tx) => {
    if (body.documentId) await assertDocumentsBelongTo(tx, before.employeeId, [body.documentId]);
    const n = await tx.aktivitasHarian.updateMany({
      where: { id, version: body.version, status: { not: 'DISETUJUI' } },
      data: { tanggal: isoToDate(body.tanggal), jamMulai: body.jamMulai, jamSelesai: body.jamSelesai, uraian: body.uraian, output: body.output || null, documentId: body.documentId ?? null, status: 'DIAJUKAN', version: { increment: 1 } },
    });
    if (n.count !== 1) throw Conflict('version_conflict', 'Aktivitas telah berubah; muat ulang halaman.');
    await writeAudit(tx, meta, { action: 'aktivitas.updated', entityType: 'aktivitas_harian', entityId: id, employeeId: before.employeeId, before: presentAktivitas(actor, before), after: body });
  });
  return presentAktivitas(actor, (await loadRow(db, id))!);
}

/** The atasan's queue: subordinates' activities waiting for review (scoped in the query). */
export async function reviewQueue(db: Db, actor: Actor) {
  const atasanId = ownEmployee(actor);
  const where = { status: 'DIAJUKAN', employee: { atasanId }, employeeId: { not: atasanId } };
  const [rows, total] = await Promise.all([
    db.aktivitasHarian.findMany({ where, include: INCLUDE, orderBy: [{ tanggal: 'asc' }, { employeeId: 'asc' }, { jamMulai: 'asc' }], take: 200 }),
    db.aktivitasHarian.count({ where }),
  ]);
  return { total, items: rows.map((r) => presentAktivitas(actor, r)) };
}

/** Approve or return (with a note) one activity; the loser of a concurrent decision gets 409. */
export async function reviewAktivitas(db: Db, actor: Actor, id: number, body: AktivitasReviewBody, meta: RequestMeta) {
  const before = await loadRow(db, id);
  // Outside the atasan's team the activity does not exist for them (404 hides it).
  if (!before || !(before.employee.atasanId === actor.employeeId || before.employeeId === actor.employeeId)) throw NotFound('Aktivitas');
  if (before.status !== 'DIAJUKAN' && before.employee.atasanId === actor.employeeId) throw Conflict('already_reviewed', 'Aktivitas ini sudah diputuskan.');
  authorize(aktivitasPolicy, 'review', actor, refOf(before), 'Hanya atasan langsung yang menilai aktivitas.');
  const status = body.decision === 'SETUJUI' ? 'DISETUJUI' : 'DIKEMBALIKAN';
  await db.$transaction(async (tx) => {
    const n = await tx.aktivitasHarian.updateMany({
      where: { id, version: body.version, status: 'DIAJUKAN' },
      data: { status, catatan: body.note || null, reviewerId: actor.employeeId, reviewedAt: new Date(), version: { increment: 1 } },
    });
    if (n.count !== 1) throw Conflict('version_conflict', 'Aktivitas telah berubah atau sudah diputuskan; muat ulang halaman.');
    await writeAudit(tx, meta, {
      action: status === 'DISETUJUI' ? 'aktivitas.approved' : 'aktivitas.returned',
      entityType: 'aktivitas_harian',
      entityId: id,
      employeeId: before.employeeId,
      before: { status: before.status, version: before.version },
      after: { status, catatan: body.note ?? null },
    });
    if (status === 'DIKEMBALIKAN') {
      await notifyEmployee(tx, before.employeeId, { kind: 'aktivitas.returned', title: 'Aktivitas dikembalikan', body: `Aktivitas ${dateToIso(before.tanggal)} ${before.jamMulai}: ${body.note}`, link: '/aktivitas' });
    }
  });
  return presentAktivitas(actor, (await loadRow(db, id))!);
}
