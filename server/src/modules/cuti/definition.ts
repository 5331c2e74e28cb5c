/**
 * The leave request type of the verification engine (e-Cuti): the ASN asks, the direct
 * superior (atasan) approves, then the configured final step (BKD or the OPD admin; CLTN always
 * BKD) grants it. Granting writes the leave history row (riwayat_cuti) and issues the leave
 * letter in the same transaction. Overlapping leave and an exceeded balance are refused by a
 * guard at every approval (another request may have been granted meanwhile).
 */
import { appToday, formatTanggal, isoToDate, JENIS_CUTI, SAKIT_VARIAN } from '@simak/shared';
import { AlasanPentingSchema, JenisCutiSchema } from '@simak/shared/api/cuti';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../audit/audit.ts';
import { hasRole, isBkd, isSelf, managesOpd } from '../../lib/authz.ts';
import { defineWorkflow, setting, type ChecklistItemSpec, type GuardBlock, type Req } from '../../workflow/types.ts';
import { issueLetter } from '../letters/service.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { getSetting } from '../settings/service.ts';
import type { CutiLetterData } from './letter.ts';
import { checkAgainstHistory } from './history.ts';

export const CUTI = 'CUTI';

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const CutiPayloadSchema = z.object({
  jenis: JenisCutiSchema,
  mulai: Iso,
  selesai: Iso,
  lamaHari: z.number().int().min(0),
  calendarDays: z.number().int().min(0),
  sakitVarian: z.enum(SAKIT_VARIAN).nullable(),
  perpanjanganSakit: z.boolean(),
  anakKe: z.number().int().nullable(),
  alasanPenting: AlasanPentingSchema.nullable(),
  hajiPertama: z.boolean(),
  perpanjanganCltn: z.boolean(),
  alasan: z.string(),
  alamatSelamaCuti: z.string(),
  documents: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  riwayatId: z.number().int().positive().optional(),
  letter: z.object({ id: z.number().int().positive(), number: z.string(), date: Iso }).optional(),
});
export type CutiPayload = z.infer<typeof CutiPayloadSchema>;

type State = 'DIAJUKAN' | 'MENUNGGU_BKD' | 'MENUNGGU_OPD' | 'DISETUJUI' | 'DITOLAK' | 'DIBATALKAN';
type Settings = { finalStep: 'BKD' | 'OPD' };

/** The checklist: the documents the rules ask for (a doctor's letter for sick leave, …). */
export function cutiChecklist(p: CutiPayload): ChecklistItemSpec[] {
  return p.documents.map((d) => ({ key: d.key, docType: 'SURAT', label: d.label, required: d.required, anyType: true }));
}

/**
 * Who decides in the request's current state: the atasan first (the OPD admin when the
 * employee has none on record), then BKD, or the OPD admin of the request's OPD (or a BKD admin).
 */
export function mayDecide(actor: Actor, req: Pick<Req<unknown>, 'state' | 'assigneeEmployeeId' | 'opdId'>): boolean {
  switch (req.state) {
    case 'DIAJUKAN':
      return req.assigneeEmployeeId != null ? isSelf(actor, req.assigneeEmployeeId) : managesOpd(actor, req.opdId);
    case 'MENUNGGU_BKD':
      return isBkd(actor);
    case 'MENUNGGU_OPD':
      return managesOpd(actor, req.opdId) || hasRole(actor, 'BKD_ADMIN');
    default:
      return false;
  }
}

/** Overlap (409) or a rule broken since the request was made (422), against granted and other open leave. */
async function stillValid({ db, request }: { db: Parameters<typeof checkAgainstHistory>[0]; request: Req<CutiPayload> }): Promise<GuardBlock | null> {
  const check = await checkAgainstHistory(db, request.employeeId, request.payload, { excludeRequestId: request.id });
  const overlap = check.issues.find((i) => i.code === 'overlap');
  if (overlap) return { status: 409, code: 'cuti_overlap', reason: overlap.message };
  if (check.issues.length) return { code: 'cuti_rule', reason: check.issues.map((i) => i.message).join(' '), details: { issues: check.issues } };
  return null;
}

const label = (p: CutiPayload) => JENIS_CUTI[p.jenis].label;

export const cutiWorkflow = defineWorkflow<CutiPayload, State, Settings>({
  type: CUTI,
  label: 'Cuti',
  payload: CutiPayloadSchema,
  initial: 'DIAJUKAN',
  states: {
    DIAJUKAN: { label: 'Menunggu persetujuan atasan', tone: 'blue', assignee: { person: 'atasan', roles: [] } },
    MENUNGGU_BKD: { label: 'Menunggu persetujuan BKD', tone: 'yellow', assignee: { roles: ['BKD_VERIFIER', 'BKD_ADMIN'] } },
    MENUNGGU_OPD: { label: 'Menunggu persetujuan OPD', tone: 'yellow', assignee: { roles: ['OPD_ADMIN:OPD'] } },
    DISETUJUI: { label: 'Disetujui', tone: 'green', final: true },
    DITOLAK: { label: 'Ditolak', tone: 'red', final: true },
    DIBATALKAN: { label: 'Dibatalkan', tone: 'gray', final: true },
  },
  settings: { finalStep: setting('cuti.final_step', z.enum(['BKD', 'OPD']), 'BKD') },
  checklist: cutiChecklist,
  transitions: [
    {
      action: 'approve_atasan',
      label: 'Setujui (atasan)',
      intent: 'primary',
      from: ['DIAJUKAN'],
      allow: mayDecide,
      notSelf: true,
      to: 'MENUNGGU_BKD',
      // CLTN involves BKN, so it always goes to BKD.
      next: (req, settings) => (settings.finalStep === 'OPD' && req.payload.jenis !== 'CLTN' ? 'MENUNGGU_OPD' : 'MENUNGGU_BKD'),
      guard: stillValid,
    },
    {
      action: 'approve',
      label: 'Setujui & terbitkan surat cuti',
      intent: 'primary',
      from: ['MENUNGGU_BKD', 'MENUNGGU_OPD'],
      allow: mayDecide,
      notSelf: true,
      to: 'DISETUJUI',
      guard: stillValid,
      effect: async ({ tx, request, meta }) => {
        const p = request.payload;
        const today = appToday();
        const [employee, signer, approvedBy] = await Promise.all([
          tx.employee.findUniqueOrThrow({ where: { id: request.employeeId }, include: { opd: true } }),
          getSetting(tx, 'cuti.signer'),
          tx.requestEvent.findFirst({ where: { requestId: request.id, action: 'approve_atasan' }, orderBy: { at: 'desc' } }),
        ]);
        const letter = await issueLetter(tx, {
          kind: CUTI,
          requestId: request.id,
          employeeId: request.employeeId,
          date: today,
          data: {
            nip: employee.nip,
            nama: [employee.gelarDepan, employee.nama].filter(Boolean).join(' ') + (employee.gelarBelakang ? `, ${employee.gelarBelakang}` : ''),
            namaJabatan: employee.namaJabatan,
            opd: employee.opd.nama,
            jenis: p.jenis,
            jenisLabel: label(p),
            mulai: p.mulai,
            selesai: p.selesai,
            lamaHari: p.lamaHari,
            alasan: p.alasan,
            alamatSelamaCuti: p.alamatSelamaCuti,
            atasan: approvedBy?.actorName ?? null,
            signer,
          } satisfies CutiLetterData,
        });
        // The leave history (the Cuti tab of the profile, and the balance) in the same transaction.
        const row = await tx.riwayatCuti.create({
          data: {
            employeeId: request.employeeId,
            jenisCuti: p.jenis,
            tanggalMulai: isoToDate(p.mulai),
            tanggalSelesai: isoToDate(p.selesai),
            lamaHari: p.lamaHari,
            nomorSurat: letter.number,
            keterangan: p.alasan,
          },
        });
        await writeAudit(tx, meta, {
          action: 'riwayat_cuti.created',
          entityType: 'riwayat_cuti',
          entityId: row.id,
          employeeId: request.employeeId,
          after: { jenisCuti: p.jenis, mulai: p.mulai, selesai: p.selesai, lamaHari: p.lamaHari, nomorSurat: letter.number, letterId: letter.id, requestId: request.id },
        });
        await notifyEmployee(tx, request.employeeId, {
          kind: 'cuti.approved',
          title: 'Cuti disetujui',
          body: `${label(p)} ${formatTanggal(p.mulai)} s.d. ${formatTanggal(p.selesai)} (${p.lamaHari} hari kerja) disetujui; surat izin cuti nomor ${letter.number}.`,
          link: `/usulan/${request.id}`,
          email: true,
        });
        return { payload: { ...p, riwayatId: row.id, letter: { id: letter.id, number: letter.number, date: letter.date } } };
      },
    },
    {
      action: 'reject',
      label: 'Tolak',
      intent: 'danger',
      from: ['DIAJUKAN', 'MENUNGGU_BKD', 'MENUNGGU_OPD'],
      allow: mayDecide,
      notSelf: true,
      requiresNote: true,
      to: 'DITOLAK',
      effect: async ({ tx, request, input }) => {
        await notifyEmployee(tx, request.employeeId, {
          kind: 'cuti.rejected',
          title: 'Permohonan cuti ditolak',
          body: `${label(request.payload)} ${formatTanggal(request.payload.mulai)} s.d. ${formatTanggal(request.payload.selesai)} ditolak. Alasan: ${input.note ?? '-'}`,
          link: `/usulan/${request.id}`,
          email: true,
        });
      },
    },
    {
      action: 'cancel',
      label: 'Batalkan',
      intent: 'danger',
      from: ['DIAJUKAN', 'MENUNGGU_BKD', 'MENUNGGU_OPD'],
      allow: (actor, req) => isSelf(actor, req.employeeId),
      to: 'DIBATALKAN',
    },
  ],
});
