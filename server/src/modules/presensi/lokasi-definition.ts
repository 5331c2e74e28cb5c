/**
 * The work-location request type (LOKASI_TUGAS) of the verification engine: an employee asks
 * to check in from another place (work from home, or field duty / dinas luar) for given dates;
 * the direct superior (atasan; the OPD admin when none is on record) approves. Approval writes
 * the lokasi_tugas row in the same transaction, after which a check-in there on those dates is
 * accepted (DOMAIN-RULES §11: approved WFH and official duty are excused).
 */
import { formatTanggal, isoToDate } from '@simak/shared';
import { JENIS_LOKASI_TUGAS } from '@simak/shared/api/presensi-lokasi';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../audit/audit.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { isSelf, managesOpd } from '../../lib/authz.ts';
import { defineWorkflow, type Req } from '../../workflow/types.ts';
import { notifyEmployee } from '../notifications/service.ts';

export const LOKASI_TUGAS = 'LOKASI_TUGAS';
export const JENIS_LOKASI_LABEL: Record<(typeof JENIS_LOKASI_TUGAS)[number], string> = { WFH: 'Bekerja dari rumah (WFH)', DINAS_LUAR: 'Dinas luar' };

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const LokasiTugasPayloadSchema = z.object({
  jenis: z.enum(JENIS_LOKASI_TUGAS),
  nama: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  radiusM: z.number().int(),
  mulai: Iso,
  selesai: Iso,
  alasan: z.string(),
  lokasiTugasId: z.number().int().positive().optional(),
});
export type LokasiTugasPayload = z.infer<typeof LokasiTugasPayloadSchema>;

type State = 'DIAJUKAN' | 'DISETUJUI' | 'DITOLAK' | 'DIBATALKAN';

/** The atasan decides (the OPD admin when the employee has none on record). */
export function mayDecide(actor: Actor, req: Pick<Req<unknown>, 'state' | 'assigneeEmployeeId' | 'opdId'>): boolean {
  if (req.state !== 'DIAJUKAN') return false;
  return req.assigneeEmployeeId != null ? isSelf(actor, req.assigneeEmployeeId) : managesOpd(actor, req.opdId);
}

export const periodLabel = (p: Pick<LokasiTugasPayload, 'mulai' | 'selesai'>) => (p.mulai === p.selesai ? formatTanggal(p.mulai) : `${formatTanggal(p.mulai)} s.d. ${formatTanggal(p.selesai)}`);

export const lokasiTugasWorkflow = defineWorkflow<LokasiTugasPayload, State, Record<string, never>>({
  type: LOKASI_TUGAS,
  label: 'Lokasi kerja (WFH/dinas luar)',
  payload: LokasiTugasPayloadSchema,
  initial: 'DIAJUKAN',
  states: {
    DIAJUKAN: { label: 'Menunggu persetujuan atasan', tone: 'blue', assignee: { person: 'atasan', roles: [] } },
    DISETUJUI: { label: 'Disetujui', tone: 'green', final: true },
    DITOLAK: { label: 'Ditolak', tone: 'red', final: true },
    DIBATALKAN: { label: 'Dibatalkan', tone: 'gray', final: true },
  },
  settings: {},
  transitions: [
    {
      action: 'approve',
      label: 'Setujui lokasi',
      intent: 'primary',
      from: ['DIAJUKAN'],
      allow: mayDecide,
      notSelf: true,
      to: 'DISETUJUI',
      effect: async ({ tx, request, meta }) => {
        const p = request.payload;
        const row = await tx.lokasiTugas.create({
          data: {
            employeeId: request.employeeId,
            requestId: request.id,
            jenis: p.jenis,
            nama: p.nama,
            mulai: isoToDate(p.mulai),
            selesai: isoToDate(p.selesai),
            latitude: new Prisma.Decimal(p.latitude.toFixed(6)),
            longitude: new Prisma.Decimal(p.longitude.toFixed(6)),
            radiusM: p.radiusM,
          },
        });
        await writeAudit(tx, meta, { action: 'lokasi_tugas.granted', entityType: 'lokasi_tugas', entityId: row.id, employeeId: request.employeeId, after: { ...p, requestId: request.id } });
        await notifyEmployee(tx, request.employeeId, {
          kind: 'lokasi_tugas.approved',
          title: 'Lokasi kerja disetujui',
          body: `${JENIS_LOKASI_LABEL[p.jenis]} di ${p.nama}, ${periodLabel(p)}: presensi dari lokasi ini diterima.`,
          link: '/presensi',
        });
        return { payload: { ...p, lokasiTugasId: row.id } };
      },
    },
    {
      action: 'reject',
      label: 'Tolak',
      intent: 'danger',
      from: ['DIAJUKAN'],
      allow: mayDecide,
      notSelf: true,
      requiresNote: true,
      to: 'DITOLAK',
      effect: async ({ tx, request, input }) => {
        await notifyEmployee(tx, request.employeeId, {
          kind: 'lokasi_tugas.rejected',
          title: 'Lokasi kerja ditolak',
          body: `${JENIS_LOKASI_LABEL[request.payload.jenis]} ${periodLabel(request.payload)} ditolak. Alasan: ${input.note ?? '-'}`,
          link: `/usulan/${request.id}`,
        });
      },
    },
    {
      action: 'cancel',
      label: 'Batalkan',
      intent: 'danger',
      from: ['DIAJUKAN'],
      allow: (actor, req) => isSelf(actor, req.employeeId),
      to: 'DIBATALKAN',
    },
  ],
});
