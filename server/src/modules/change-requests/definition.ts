/** The data-change request type of the verification engine (SIMAK self-service). */
import { CHANGE_TARGET_SPECS, ChangeRequestPayload, ResubmitData, changesSchema, type ChangeRequestPayload as Payload } from '@simak/shared/api/change-requests';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import { Forbidden, validationError } from '../../errors.ts';
import { isSelf, managesOpd } from '../../lib/authz.ts';
import type { EffectCtx, WorkflowDefinition } from '../../workflow/types.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { applyChange } from './apply.ts';

export const DATA_CHANGE = 'DATA_CHANGE';
const VERIFIERS = ['BKD_VERIFIER', 'BKD_ADMIN'] as const;

const outcome = (req: { id: number; title: string }, approved: boolean, note?: string | null) => ({
  kind: approved ? 'change_request.approved' : 'change_request.rejected',
  title: approved ? 'Usulan perubahan data disetujui' : 'Usulan perubahan data ditolak',
  body: approved ? `${req.title} telah disetujui dan diterapkan.` : `${req.title} ditolak. Alasan: ${note ?? '-'}`,
  link: `/usulan/${req.id}`,
  email: true,
});

/** Applies the approved change and tells the employee; the created record's id goes into the payload. */
async function approveAndApply({ tx, request, meta, input }: Pick<EffectCtx<Payload>, 'tx' | 'request' | 'meta' | 'input'>) {
  const appliedRecordId = await applyChange(tx, request, meta);
  await notifyEmployee(tx, request.employeeId, outcome(request, true, input.note));
  return { payload: { ...request.payload, appliedRecordId } };
}

export const dataChangeWorkflow: WorkflowDefinition<Payload> = {
  type: DATA_CHANGE,
  label: 'Perubahan data',
  payload: ChangeRequestPayload,
  initial: 'DIAJUKAN',
  states: {
    DIAJUKAN: { label: 'Diajukan', tone: 'blue' },
    VERIFIKASI_2: { label: 'Verifikasi tahap 2', tone: 'yellow' },
    DISETUJUI: { label: 'Disetujui', tone: 'green', final: true },
    DITOLAK: { label: 'Ditolak', tone: 'red' },
    DIBATALKAN: { label: 'Dibatalkan', tone: 'gray', final: true },
  },
  requiredDocuments: (p) => (p.target === 'profile' && Object.keys(p.changes).every((k) => k === 'email' || k === 'noHp') ? [] : [CHANGE_TARGET_SPECS[p.target].documentType]),
  transitions: [
    {
      action: 'approve',
      label: 'Setujui',
      intent: 'primary',
      from: ['DIAJUKAN'],
      roles: VERIFIERS,
      notSelf: true,
      // An optional second verification step, configured per target (change_request.second_step_types).
      to: (req, settings) => (settings.secondStepTypes.includes(req.payload.target) ? 'VERIFIKASI_2' : 'DISETUJUI'),
      effect: async (ctx) => (ctx.to === 'DISETUJUI' ? approveAndApply(ctx) : undefined),
    },
    {
      action: 'approve_final',
      label: 'Setujui (tahap 2)',
      intent: 'primary',
      from: ['VERIFIKASI_2'],
      roles: VERIFIERS,
      notSelf: true,
      // The second verifier must be someone else than the first.
      to: 'DISETUJUI',
      effect: async ({ tx, request, meta, input, actor }) => {
        const first = await tx.requestEvent.findFirst({ where: { requestId: request.id, action: 'approve' }, orderBy: { at: 'desc' } });
        if (actor && first?.actorUserId === actor.userId) {
          throw Forbidden('Verifikasi tahap 2 harus dilakukan oleh verifikator lain.', 'same_verifier');
        }
        return approveAndApply({ tx, request, meta, input });
      },
    },
    {
      action: 'reject',
      label: 'Tolak',
      intent: 'danger',
      from: ['DIAJUKAN', 'VERIFIKASI_2'],
      roles: VERIFIERS,
      notSelf: true,
      requiresNote: true,
      to: 'DITOLAK',
      effect: async ({ tx, request, input }) => {
        await notifyEmployee(tx, request.employeeId, outcome(request, false, input.note));
      },
    },
    {
      action: 'resubmit',
      label: 'Ajukan ulang',
      intent: 'primary',
      from: ['DITOLAK'],
      allow: (actor, req) => isSelf(actor, req.employeeId) || managesOpd(actor, req.opdId),
      input: ResubmitData,
      to: 'DIAJUKAN',
      effect: async ({ tx, request, input, meta }) => {
        const data = (input.data ?? {}) as z.infer<typeof ResubmitData>;
        let payload = request.payload;
        if (data.changes) {
          const r = changesSchema(payload.target, payload.op).safeParse(data.changes);
          if (!r.success) throw validationError(r.error);
          payload = { ...payload, changes: data.changes };
        }
        if (data.documentIds?.length) {
          const { attachDocuments } = await import('./service.ts');
          await attachDocuments(tx, request.id, request.employeeId, data.documentIds);
        }
        await writeAudit(tx, meta, { action: 'data_change.resubmitted', entityType: 'workflow_request', entityId: request.id, employeeId: request.employeeId, after: payload });
        return { payload };
      },
    },
    {
      action: 'withdraw',
      label: 'Batalkan',
      intent: 'danger',
      from: ['DIAJUKAN', 'DITOLAK'],
      allow: (actor, req) => isSelf(actor, req.employeeId) || managesOpd(actor, req.opdId),
      to: 'DIBATALKAN',
    },
  ],
};
