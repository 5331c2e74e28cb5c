/** The data-change request type of the verification engine (SIMAK self-service). */
import { CHANGE_TARGET_SPECS, ChangeRequestPayload, ResubmitData, changesSchema, type ChangeRequestPayload as Payload } from '@simak/shared/api/change-requests';
import { z } from 'zod';
import { DOCUMENT_TYPE_LABELS } from '@simak/shared/api/documents';
import type { DocumentType } from '../../generated/prisma/enums.ts';
import { writeAudit } from '../../audit/audit.ts';
import { validationError } from '../../errors.ts';
import { isSelf, managesOpd } from '../../lib/authz.ts';
import { defineWorkflow, inputOf, setting, type Assignee, type ChecklistItemSpec, type EffectCtx } from '../../workflow/types.ts';
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
async function approveAndApply({ tx, request, meta, input }: Pick<EffectCtx<Payload, Settings>, 'tx' | 'request' | 'meta' | 'input'>) {
  const appliedRecordId = await applyChange(tx, request, meta);
  await notifyEmployee(tx, request.employeeId, outcome(request, true, input.note));
  return { payload: { ...request.payload, appliedRecordId } };
}

const VERIFIER_TASK: Assignee = { roles: VERIFIERS };
/** Back with the submitter: the employee themself or their OPD's admin. */
const SUBMITTER_TASK: Assignee = { roles: ['OPD_ADMIN:OPD'], person: 'employee' };
const mayResubmit = (actor: Parameters<typeof isSelf>[0], req: { employeeId: number; opdId: number }) => isSelf(actor, req.employeeId) || managesOpd(actor, req.opdId);

type Settings = {
  /** Targets that need a second verification by another verifier (change_request.second_step_types). */
  secondStepTypes: string[];
};

/** The supporting document a change needs (none for contact fields). */
export function dataChangeChecklist(p: Payload): ChecklistItemSpec[] {
  if (p.target === 'profile' && Object.keys(p.changes).every((k) => k === 'email' || k === 'noHp')) return [];
  const docType = CHANGE_TARGET_SPECS[p.target].documentType as DocumentType;
  return [{ key: 'PENDUKUNG', docType, label: `Dokumen pendukung (${DOCUMENT_TYPE_LABELS[docType]})`, required: true, anyType: true }];
}

export const dataChangeWorkflow = defineWorkflow<Payload, 'DIAJUKAN' | 'VERIFIKASI_2' | 'DISETUJUI' | 'DITOLAK' | 'DIKEMBALIKAN' | 'DIBATALKAN', Settings>({
  type: DATA_CHANGE,
  label: 'Perubahan data',
  payload: ChangeRequestPayload,
  initial: 'DIAJUKAN',
  states: {
    DIAJUKAN: { label: 'Diajukan', tone: 'blue', assignee: VERIFIER_TASK },
    VERIFIKASI_2: { label: 'Verifikasi tahap 2', tone: 'yellow', assignee: VERIFIER_TASK },
    DISETUJUI: { label: 'Disetujui', tone: 'green', final: true },
    DITOLAK: { label: 'Ditolak', tone: 'red', assignee: SUBMITTER_TASK, editable: true },
    DIKEMBALIKAN: { label: 'Dikembalikan — berkas tidak lengkap', tone: 'yellow', assignee: SUBMITTER_TASK, editable: true },
    DIBATALKAN: { label: 'Dibatalkan', tone: 'gray', final: true },
  },
  settings: { secondStepTypes: setting('change_request.second_step_types', z.array(z.string()), []) },
  checklist: dataChangeChecklist,
  transitions: [
    {
      action: 'approve',
      label: 'Setujui',
      intent: 'primary',
      from: ['DIAJUKAN'],
      roles: VERIFIERS,
      notSelf: true,
      to: 'DISETUJUI',
      // An optional second verification step, configured per target (change_request.second_step_types).
      next: (req, settings) => (settings.secondStepTypes.includes(req.payload.target) ? 'VERIFIKASI_2' : 'DISETUJUI'),
      guard: async ({ db, request }) => {
        const invalid = await db.requestItem.count({ where: { requestId: request.id, verdict: 'INVALID' } });
        return invalid ? 'Ada dokumen yang ditandai tidak valid: kembalikan usulan atau ubah penilaiannya.' : null;
      },
      effect: async (ctx) => (ctx.to === 'DISETUJUI' ? approveAndApply(ctx) : undefined),
    },
    {
      action: 'approve_final',
      label: 'Setujui (tahap 2)',
      intent: 'primary',
      from: ['VERIFIKASI_2'],
      roles: VERIFIERS,
      notSelf: true,
      to: 'DISETUJUI',
      // The second verifier must be someone else than the first.
      guard: async ({ db, request, actor }) => {
        const first = await db.requestEvent.findFirst({ where: { requestId: request.id, action: 'approve' }, orderBy: { at: 'desc' } });
        return actor && first?.actorUserId === actor.userId
          ? { reason: 'Verifikasi tahap 2 harus dilakukan oleh verifikator lain.', status: 403, code: 'same_verifier' }
          : null;
      },
      effect: (ctx) => approveAndApply(ctx),
    },
    {
      action: 'return_incomplete',
      label: 'Kembalikan: berkas tidak lengkap',
      intent: 'danger',
      from: ['DIAJUKAN', 'VERIFIKASI_2'],
      roles: VERIFIERS,
      notSelf: true,
      returnsInvalidItems: true,
      to: 'DIKEMBALIKAN',
      effect: async ({ tx, request }) => {
        await notifyEmployee(tx, request.employeeId, {
          kind: 'change_request.returned',
          title: 'Usulan perubahan data dikembalikan',
          body: `${request.title} dikembalikan karena berkas tidak lengkap: ganti dokumen yang ditandai tidak valid, lalu ajukan ulang.`,
          link: `/usulan/${request.id}`,
          email: true,
        });
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
      from: ['DITOLAK', 'DIKEMBALIKAN'],
      allow: mayResubmit,
      input: ResubmitData,
      submits: true,
      to: 'DIAJUKAN',
      effect: async ({ tx, request, input, meta }) => {
        const data = inputOf(ResubmitData, input);
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
      from: ['DIAJUKAN', 'DITOLAK', 'DIKEMBALIKAN'],
      allow: mayResubmit,
      to: 'DIBATALKAN',
    },
  ],
});

/**
 * Contact fields configured as needing no verification are applied at once, through the same
 * engine: the system takes this approval (timeline "approve", note saying why).
 */
export const directApproval = {
  ...dataChangeWorkflow,
  transitions: [{ action: 'approve', label: 'Diterapkan langsung', from: ['DIAJUKAN'] as const, to: 'DISETUJUI' as const, systemOnly: true, effect: approveAndApply }],
};
