/** e-Cuti operations: the ASN's balance and history, a preview, the request, the holiday calendar. */
import { JENIS_CUTI, JENIS_CUTI_CODES, appToday, dateToIso, formatTanggal, isoToDate, type JenisCuti } from '@simak/shared';
import type { CutiCreateBody, CutiPeriodBody, HolidayBody } from '@simak/shared/api/cuti';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { AppError, Unprocessable } from '../../errors.ts';
import { authorize } from '../../lib/authz.ts';
import { createRequest } from '../../workflow/engine.ts';
import { assertDocumentsBelongTo } from '../documents/service.ts';
import { cutiWorkflow, type CutiPayload } from './definition.ts';
import { annualBalanceOf, checkAgainstHistory, cutiSubject } from './history.ts';
import { cutiPolicy } from './policy.ts';

/** The balance before asking: annual leave of the year, and per type the days taken this year. */
export async function myCuti(db: Db, actor: Actor, employeeId: number, year = Number(appToday().slice(0, 4))) {
  const { balance, subject, records } = await annualBalanceOf(db, employeeId, year);
  authorize(cutiPolicy, 'read', actor, subject);
  const inYear = (r: { jenis: string; mulai: string }) => Number(r.mulai.slice(0, 4)) === year;
  const types = JENIS_CUTI_CODES.map((jenis: JenisCuti) => ({
    jenis,
    label: JENIS_CUTI[jenis].label,
    takenDays: records.grantedRecords.filter((r) => r.jenis === jenis && inYear(r)).reduce((s, r) => s + r.lamaHari, 0),
    pendingDays: records.pending.filter((r) => r.jenis === jenis && inYear(r)).reduce((s, r) => s + r.lamaHari, 0),
  }));
  return {
    employeeId,
    year,
    annual: balance,
    types,
    history: records.granted.map((r) => ({
      id: r.id,
      jenisCuti: r.jenisCuti,
      tanggalMulai: dateToIso(r.tanggalMulai),
      tanggalSelesai: dateToIso(r.tanggalSelesai),
      lamaHari: r.lamaHari,
      nomorSurat: r.nomorSurat,
      keterangan: r.keterangan,
    })),
    open: records.pending,
  };
}

const periodInput = (p: CutiPeriodBody) => ({
  jenis: p.jenis as JenisCuti,
  mulai: p.mulai,
  selesai: p.selesai,
  sakitVarian: p.sakitVarian ?? null,
  perpanjanganSakit: p.perpanjanganSakit ?? false,
  anakKe: p.anakKe ?? null,
  alasanPenting: p.alasanPenting ?? null,
  hajiPertama: p.hajiPertama ?? false,
  perpanjanganCltn: p.perpanjanganCltn ?? false,
});

export async function previewCuti(db: Db, actor: Actor, employeeId: number, period: CutiPeriodBody) {
  authorize(cutiPolicy, 'read', actor, await cutiSubject(db, employeeId));
  return checkAgainstHistory(db, employeeId, periodInput(period));
}

/**
 * Creates the leave request of the actor. The employee row is locked first, so two requests of
 * the same employee are checked one after the other (no overlap slips through concurrently).
 */
export async function requestCuti(db: Db, actor: Actor, employeeId: number, body: CutiCreateBody, meta: RequestMeta) {
  const subject = await cutiSubject(db, employeeId);
  authorize(cutiPolicy, 'request', actor, subject, 'Permohonan cuti diajukan oleh pegawai yang bersangkutan.');
  const input = periodInput(body.period);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM employee WHERE id = ${employeeId} FOR UPDATE`;
    const check = await checkAgainstHistory(tx, employeeId, input);
    const overlap = check.issues.find((i) => i.code === 'overlap');
    if (overlap) throw new AppError(409, 'cuti_overlap', overlap.message, { issues: check.issues });
    if (check.issues.length) throw Unprocessable('cuti_rule', check.issues.map((i) => i.message).join(' '), { issues: check.issues });
    const docs = await assertDocumentsBelongTo(tx, employeeId, body.documentIds);
    const missing = check.documents.filter((d) => d.required).slice(docs.length);
    if (missing.length) {
      throw Unprocessable('document_required', `Lampirkan: ${missing.map((m) => m.label).join(', ')}.`, [
        { location: 'body', path: 'documentIds', message: `${missing.map((m) => m.label).join(', ')} wajib dilampirkan.`, code: 'required' },
      ]);
    }
    const payload: CutiPayload = { ...input, lamaHari: check.lamaHari, calendarDays: check.calendarDays, alasan: body.alasan, alamatSelamaCuti: body.alamatSelamaCuti, documents: check.documents };
    // The attached documents fill the checklist in order.
    const items = check.documents.slice(0, body.documentIds.length).map((d, i) => ({ key: d.key, documentId: body.documentIds[i]! }));
    const jenisLabel = JENIS_CUTI[input.jenis].label;
    return createRequest(
      tx,
      cutiWorkflow,
      {
        employeeId,
        opdId: subject.opdId,
        title: `${jenisLabel} ${formatTanggal(input.mulai)} s.d. ${formatTanggal(input.selesai)} (${check.lamaHari} hari kerja) — ${subject.nama}`.slice(0, 250),
        payload,
        note: body.alasan,
        items,
        attachments: body.documentIds.slice(items.length).map((documentId) => ({ documentId })),
      },
      { actor, meta },
    );
  });
}

export async function holidays(db: Db | Tx, year: number) {
  const rows = await db.hariLibur.findMany({ where: { tanggal: { gte: isoToDate(`${year}-01-01`), lte: isoToDate(`${year}-12-31`) } }, orderBy: { tanggal: 'asc' } });
  return { year, items: rows.map((r) => ({ tanggal: dateToIso(r.tanggal), jenis: r.jenis, keterangan: r.keterangan })) };
}

/** Replaces a year's calendar (national holidays and cuti bersama) in one transaction with its audit row. */
export async function replaceHolidays(db: Db, year: number, body: HolidayBody, meta: RequestMeta) {
  const outside = body.items.filter((i) => Number(i.tanggal.slice(0, 4)) !== year);
  if (outside.length) {
    throw Unprocessable('validation_failed', `Semua tanggal harus pada tahun ${year}.`, outside.map((o) => ({ location: 'body', path: 'items', message: `${o.tanggal} bukan tahun ${year}.`, code: 'custom' })));
  }
  const dates = body.items.map((i) => i.tanggal);
  if (new Set(dates).size !== dates.length) throw Unprocessable('validation_failed', 'Tanggal tidak boleh berulang.');
  await db.$transaction(async (tx) => {
    const before = await holidays(tx, year);
    await tx.hariLibur.deleteMany({ where: { tanggal: { gte: isoToDate(`${year}-01-01`), lte: isoToDate(`${year}-12-31`) } } });
    await tx.hariLibur.createMany({ data: body.items.map((i) => ({ tanggal: isoToDate(i.tanggal), jenis: i.jenis, keterangan: i.keterangan })) });
    await writeAudit(tx, meta, { action: 'hari_libur.replaced', entityType: 'hari_libur', entityId: String(year), before: before.items, after: body.items });
  });
  return holidays(db, year);
}
