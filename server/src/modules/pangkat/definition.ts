/**
 * The KP request type of the verification engine (e-Pangkat parts 3–4): a proposal for one PNS
 * at one period, made by the OPD admin in a batch, checked by BKD document by document.
 *
 *   DRAFT (OPD admin) ──submit──▶ DIAJUKAN (BKD verifiers) ──approve──▶ DISETUJUI ──record_pertek──▶ PERTEK
 *        ▲                          │  │                                   └──────record_sk──────┴──▶ SK_TERBIT (final)
 *        │                          │  │
 *        └──submit── DIKEMBALIKAN ◀─┘  └──reject_tms──▶ TMS (final, with the reason)
 *                    (berkas tidak lengkap: the invalid items)
 *   withdraw (DRAFT, DIKEMBALIKAN, DIAJUKAN) ──▶ DIBATALKAN (final; frees the dedupe key)
 *
 * Submission is refused outside the period's submission window (the reason names its dates) and
 * when the employee is no longer eligible for the proposed kind and rank.
 */
import { appToday, formatTanggal, JENIS_KP_LABELS, kpSkRoute, requiresUjianDinas, type Golongan } from '@simak/shared';
import { KpPertekInput, KpProposalPayload, KpSkInput } from '@simak/shared/api/pangkat';
import { KP_KINDS, type KpKind } from '@simak/shared/rules/kp-eligibility';
import { kpPeriodWindow } from '@simak/shared/rules/kp-periods';
import { isBkd, managesOpd } from '../../lib/authz.ts';
import type { Actor } from '../../auth/actor.ts';
import { notifyRequestParties, returnIncomplete } from '../../workflow/presets.ts';
import { defineWorkflow, inputOf, type Assignee, type ChecklistItemSpec, type GuardBlock, type Req } from '../../workflow/types.ts';
import { judgeEmployees } from './eligibility.ts';
import { loadCalendar, submissionWindowCheck } from './periods.ts';
import { applySk } from './sk.ts';

export const KP = 'KP';
const VERIFIERS = ['BKD_VERIFIER', 'BKD_ADMIN'] as const;
const PROPOSERS = ['OPD_ADMIN', 'BKD_ADMIN'] as const;

/** With the OPD admin of the employee's unit (BKD admins may act too, see `mayPropose`). */
const OPD_TASK: Assignee = { roles: ['OPD_ADMIN:OPD'] };
const VERIFIER_TASK: Assignee = { roles: VERIFIERS };

const mayPropose = (actor: Actor, req: { opdId: number }) => isBkd(actor) || managesOpd(actor, req.opdId);

const isKind = (v: string | null): v is KpKind => v != null && (KP_KINDS as readonly string[]).includes(v);
const atLeastIVa = (g: Golongan) => g.startsWith('IV/');

/**
 * The documents of a KP proposal per kind (DOMAIN-RULES §4, typical BKD lists). Items whose
 * document has no type of its own in the vault (letters, PAK, STLUPI, …) accept any type.
 */
export function kpChecklist(p: KpProposalPayload, variant: string | null): ChecklistItemSpec[] {
  const kind: KpKind = isKind(variant) ? variant : p.jenis;
  const [y1, y2] = p.skpYears;
  const items: ChecklistItemSpec[] = [
    { key: 'SK_CPNS', docType: 'SK_CPNS', label: 'SK CPNS', required: true },
    { key: 'SK_PNS', docType: 'SK_PNS', label: 'SK PNS', required: true },
    { key: 'SK_PANGKAT', docType: 'SK_PANGKAT', label: 'SK kenaikan pangkat terakhir', required: true },
    { key: `SKP_${y1}`, docType: 'SKP', label: `SKP tahun ${y1}`, required: true },
    { key: `SKP_${y2}`, docType: 'SKP', label: `SKP tahun ${y2}`, required: true },
    { key: 'IJAZAH', docType: 'IJAZAH', label: kind === 'PENYESUAIAN_IJAZAH' ? 'Ijazah baru' : 'Ijazah pendidikan terakhir', required: true },
    { key: 'TRANSKRIP', docType: 'TRANSKRIP', label: 'Transkrip nilai', required: kind === 'PENYESUAIAN_IJAZAH', hint: 'Wajib bila pendidikan ditingkatkan.' },
  ];
  if (kind !== 'PENYESUAIAN_IJAZAH' && requiresUjianDinas(p.from, p.to)) {
    items.push({ key: 'UJIAN_DINAS', docType: 'SERTIFIKAT_DIKLAT', label: 'Sertifikat ujian dinas / diklat kepemimpinan', required: true, hint: `Melewati ${p.from} → ${p.to}.`, anyType: true });
  }
  if (kind === 'PILIHAN_STRUKTURAL') {
    items.push(
      { key: 'SK_JABATAN', docType: 'SK_JABATAN', label: 'SK jabatan struktural terakhir', required: true },
      { key: 'PELANTIKAN', docType: 'SURAT', label: 'Surat pernyataan pelantikan', required: true, anyType: true },
    );
  }
  if (kind === 'PILIHAN_FUNGSIONAL') {
    items.push(
      { key: 'PAK', docType: 'SURAT', label: 'PAK (penetapan angka kredit) asli', required: true, anyType: true },
      { key: 'SK_JABATAN', docType: 'SK_JABATAN', label: 'SK jabatan fungsional pertama/terakhir', required: true },
    );
  }
  if (kind === 'PENYESUAIAN_IJAZAH') {
    items.push(
      { key: 'IZIN_BELAJAR', docType: 'SURAT', label: 'Surat izin belajar / SK tugas belajar', required: true, anyType: true },
      { key: 'STLUPI', docType: 'SERTIFIKAT_DIKLAT', label: 'STLUPI (surat tanda lulus ujian penyesuaian ijazah)', required: true, anyType: true },
      { key: 'URAIAN_TUGAS', docType: 'SURAT', label: 'Surat keterangan uraian tugas sesuai ijazah', required: true, anyType: true },
    );
  }
  items.push(
    { key: 'SK_MUTASI', docType: 'SURAT', label: 'SK mutasi (bila pernah pindah instansi)', required: false, anyType: true },
    { key: 'KARPEG', docType: 'LAINNYA', label: 'Kartu pegawai / konversi NIP', required: false, anyType: true },
  );
  if (atLeastIVa(p.to)) items.push({ key: 'DRH', docType: 'LAINNYA', label: 'Daftar riwayat hidup', required: false, anyType: true });
  return items;
}

/**
 * Is the employee still eligible at the period, for the kind and rank proposed? Judged with the
 * records as they are now (the same rules as the eligibility list).
 */
async function eligibilityBlock(db: Parameters<typeof loadCalendar>[0], req: Req<KpProposalPayload>): Promise<GuardBlock | null> {
  const p = req.payload;
  const cal = await loadCalendar(db);
  const window = kpPeriodWindow(p.period, cal.regimes, cal.overrides);
  if (!window) return { code: 'not_a_kp_period', reason: `${formatTanggal(p.period)} bukan periode KP menurut aturan periode yang berlaku.` };
  const v = (await judgeEmployees(db, window, cal.regimes, [req.employeeId], appToday())).get(req.employeeId);
  if (!v) return { code: 'kp_not_eligible', reason: 'Pegawai bukan lagi PNS aktif.', details: { reasons: ['Pegawai bukan lagi PNS aktif.'] } };
  if (!v.result.eligible) {
    return {
      code: 'kp_not_eligible',
      reason: `Pegawai tidak lagi memenuhi syarat KP periode ${formatTanggal(p.period)}: ${v.result.reasons.join(' ')}`,
      details: { reasons: v.result.reasons },
    };
  }
  if (v.result.jenis !== p.jenis || v.result.to !== p.to || v.result.from !== p.from) {
    const now = v.result.jenis ? `${JENIS_KP_LABELS[v.result.jenis]} ${v.result.from} → ${v.result.to}` : '-';
    return {
      code: 'kp_changed',
      reason: `Data pegawai berubah: kini memenuhi syarat ${now}, bukan ${JENIS_KP_LABELS[p.jenis]} ${p.from} → ${p.to}. Batalkan usulan ini dan buat usulan baru.`,
      details: { jenis: v.result.jenis, from: v.result.from, to: v.result.to },
    };
  }
  return null;
}

const what = (p: KpProposalPayload) => `Usulan ${JENIS_KP_LABELS[p.jenis]} ${p.from} → ${p.to} periode ${formatTanggal(p.period)}`;

type KpState = 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'TMS' | 'DISETUJUI' | 'PERTEK' | 'SK_TERBIT' | 'DIBATALKAN';

export const kpWorkflow = defineWorkflow<KpProposalPayload, KpState>({
  type: KP,
  label: 'Kenaikan pangkat',
  payload: KpProposalPayload,
  initial: 'DRAFT',
  states: {
    DRAFT: { label: 'Draf usulan', tone: 'gray', assignee: OPD_TASK, editable: true },
    DIAJUKAN: { label: 'Menunggu verifikasi BKD', tone: 'blue', assignee: VERIFIER_TASK },
    DIKEMBALIKAN: { label: 'Berkas tidak lengkap', tone: 'yellow', assignee: OPD_TASK, editable: true },
    TMS: { label: 'Tidak memenuhi syarat', tone: 'red', final: true },
    DISETUJUI: { label: 'Berkas lengkap — menunggu pertek BKN', tone: 'blue', assignee: { roles: VERIFIERS } },
    PERTEK: { label: 'Pertek BKN terbit — menunggu SK', tone: 'blue', assignee: { roles: ['BKD_ADMIN'] } },
    SK_TERBIT: { label: 'SK terbit', tone: 'green', final: true },
    DIBATALKAN: { label: 'Dibatalkan', tone: 'gray', final: true },
  },
  checklist: kpChecklist,
  transitions: [
    {
      action: 'submit',
      label: 'Ajukan ke BKD',
      intent: 'primary',
      from: ['DRAFT', 'DIKEMBALIKAN'],
      roles: PROPOSERS,
      allow: mayPropose,
      submits: true,
      to: 'DIAJUKAN',
      // Inside the period's submission window (the reason names its dates), and still eligible.
      guard: async ({ db, request }) => {
        const w = await submissionWindowCheck(db, request.payload.period);
        if ('block' in w) return w.block;
        return eligibilityBlock(db, request);
      },
    },
    returnIncomplete({
      from: ['DIAJUKAN'],
      to: 'DIKEMBALIKAN',
      roles: VERIFIERS,
      notice: { kind: 'kp.returned', title: 'Usulan KP dikembalikan: berkas tidak lengkap', body: (request, list) => `${what(request.payload)} untuk ${request.title} dikembalikan. Perbaiki: ${list}.` },
    }),
    {
      action: 'reject_tms',
      label: 'Tidak memenuhi syarat',
      intent: 'danger',
      from: ['DIAJUKAN'],
      roles: VERIFIERS,
      notSelf: true,
      requiresNote: true,
      to: 'TMS',
      effect: async ({ tx, request, input }) => {
        await notifyRequestParties(tx, request, {
          kind: 'kp.tms',
          title: 'Usulan KP tidak memenuhi syarat',
          body: `${what(request.payload)} untuk ${request.title} dinyatakan tidak memenuhi syarat. Alasan: ${input.note ?? '-'}`,
        });
      },
    },
    {
      action: 'approve',
      label: 'Berkas lengkap dan sah',
      intent: 'primary',
      from: ['DIAJUKAN'],
      roles: VERIFIERS,
      notSelf: true,
      to: 'DISETUJUI',
      // Every document on the checklist judged valid (required ones are all there since submission).
      requiresValidDocuments: true,
      effect: async ({ tx, request }) => {
        await notifyRequestParties(tx, request, {
          kind: 'kp.approved',
          title: 'Usulan KP disetujui BKD',
          body: `${what(request.payload)} untuk ${request.title} telah diverifikasi dan menunggu penetapan SK.`,
        });
      },
    },
    {
      action: 'record_pertek',
      label: 'Catat pertek BKN',
      intent: 'primary',
      from: ['DISETUJUI'],
      roles: VERIFIERS,
      input: KpPertekInput,
      to: 'PERTEK',
      effect: async ({ tx, request, input }) => {
        const pertek = inputOf(KpPertekInput, input);
        await notifyRequestParties(tx, request, {
          kind: 'kp.pertek',
          title: 'Pertek BKN untuk usulan KP terbit',
          body: `${what(request.payload)} untuk ${request.title}: ${kpSkRoute(request.payload.to).pertekLabel} nomor ${pertek.nomor} tanggal ${formatTanggal(pertek.tanggal)}. SK sedang ditetapkan.`,
        });
        return { payload: { ...request.payload, pertek } };
      },
    },
    {
      action: 'record_sk',
      label: 'Catat SK kenaikan pangkat',
      intent: 'primary',
      from: ['DISETUJUI', 'PERTEK'],
      roles: ['BKD_ADMIN'],
      notSelf: true,
      input: KpSkInput,
      to: 'SK_TERBIT',
      // The rank history, current rank, salary, summary letter and notifications in this one transaction.
      effect: async ({ tx, request, input, meta }) => {
        const payload = await applySk(tx, request, inputOf(KpSkInput, input), meta);
        const sk = payload.sk!;
        await notifyRequestParties(tx, request, {
          kind: 'kp.sk_recorded',
          title: 'SK kenaikan pangkat terbit',
          body: `${what(request.payload)} untuk ${request.title}: SK nomor ${sk.nomorSk} tanggal ${formatTanggal(sk.tanggalSk)}, golongan ${sk.golongan} TMT ${formatTanggal(sk.tmt)}. Data kepegawaian telah diperbarui.`,
        });
        return { payload };
      },
    },
    {
      action: 'withdraw',
      label: 'Batalkan usulan',
      intent: 'danger',
      from: ['DRAFT', 'DIKEMBALIKAN', 'DIAJUKAN'],
      roles: PROPOSERS,
      allow: mayPropose,
      to: 'DIBATALKAN',
      // A withdrawn proposal no longer holds the employee's place for the period: a new one may be made.
      effect: async ({ tx, request }) => {
        await tx.workflowRequest.update({ where: { id: request.id }, data: { dedupeKey: null } });
      },
    },
  ],
});
