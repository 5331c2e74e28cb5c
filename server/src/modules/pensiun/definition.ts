/**
 * The pension request type of the verification engine (e-Pensiun / Mantun, DOMAIN-RULES §5).
 * A BUP file opens itself when the lead time starts (jobs.ts, pre-filled, checklist from the
 * vault); the other kinds (APS, janda/duda, yatim, tidak cakap) are opened by the OPD admin.
 *
 *   DRAFT (OPD admin) ──submit──▶ DIAJUKAN (BKD verifiers) ──approve──▶ DIVERIFIKASI ──propose_bkn──▶ DIUSULKAN_BKN
 *     ▲                             │                                                                    │ record_bkn
 *     └──submit── DIKEMBALIKAN ◀────┘ (berkas tidak lengkap: the invalid items)          approved ◀──────┴──▶ DITOLAK_BKN (final)
 *                                                                                          PERTEK_BKN ──record_sk──▶ SK_TERBIT ──hand_over──▶ SK_DISERAHKAN (final)
 *   withdraw (DRAFT, DIKEMBALIKAN, DIAJUKAN) ──▶ DIBATALKAN (final; the dedupe key stays: the job does not reopen it)
 *
 * At the SK's TMT the daily job records the exit (exit.ts).
 */
import { appToday, formatTanggal } from '@simak/shared';
import { PENSIUN_KIND_LABELS, PensiunBknInput, PensiunPayload, PensiunSkInput, type PensiunKind } from '@simak/shared/api/pensiun';
import type { Actor } from '../../auth/actor.ts';
import { isBkd, managesOpd } from '../../lib/authz.ts';
import { notifyRequestParties, returnIncomplete } from '../../workflow/presets.ts';
import { defineWorkflow, inputOf, type Assignee, type ChecklistItemSpec, type Req } from '../../workflow/types.ts';
import { applyPensiunSk } from './sk.ts';

export const PENSIUN = 'PENSIUN';
const VERIFIERS = ['BKD_VERIFIER', 'BKD_ADMIN'] as const;
const PROPOSERS = ['OPD_ADMIN', 'BKD_ADMIN'] as const;
const OPD_TASK: Assignee = { roles: ['OPD_ADMIN:OPD'] };
const VERIFIER_TASK: Assignee = { roles: VERIFIERS };

const mayPropose = (actor: Actor, req: { opdId: number }) => isBkd(actor) || managesOpd(actor, req.opdId);
const isKind = (v: string | null): v is PensiunKind => v === 'BUP' || v === 'APS' || v === 'JANDA_DUDA' || v === 'YATIM' || v === 'TIDAK_CAKAP';

/** The SKP years a file asks for: the two calendar years before the TMT's year. */
export const skpYearsOf = (tmt: string) => {
  const y = Number(tmt.slice(0, 4));
  return [y - 2, y - 1] as const;
};

/** The documents of a pension file per kind (DOMAIN-RULES §5 documents list). */
export function pensiunChecklist(p: PensiunPayload, variant: string | null): ChecklistItemSpec[] {
  const kind: PensiunKind = isKind(variant) ? variant : p.jenis;
  const heir = kind === 'JANDA_DUDA' || kind === 'YATIM';
  const [y1, y2] = skpYearsOf(p.tmtPensiun);
  const any = (key: string, label: string, required = true, hint?: string): ChecklistItemSpec => ({ key, docType: 'SURAT', label, required, anyType: true, ...(hint ? { hint } : {}) });
  const items: ChecklistItemSpec[] = [
    any('PENGANTAR', 'Surat permohonan dan surat pengantar OPD'),
    { key: 'DPCP', docType: 'LAINNYA', label: heir ? 'DPCP ditandatangani ahli waris' : 'DPCP ditandatangani kepala OPD', required: true, anyType: true, hint: 'Data Perorangan Calon Penerima Pensiun; isian awal tersedia pada berkas ini.' },
    { key: 'SK_CPNS', docType: 'SK_CPNS', label: 'SK CPNS', required: true },
    { key: 'SK_PNS', docType: 'SK_PNS', label: 'SK PNS', required: true },
    { key: 'SK_PANGKAT', docType: 'SK_PANGKAT', label: 'SK pangkat terakhir', required: true },
    { key: 'SK_JABATAN', docType: 'SK_JABATAN', label: 'SK jabatan terakhir', required: false, hint: 'Bila menduduki jabatan struktural/fungsional.' },
    { key: 'SK_KGB', docType: 'SK_KGB', label: 'SK KGB terakhir', required: true },
    any('SK_PMK', 'SK peninjauan masa kerja (bila ada)', false),
    { key: `SKP_${y1}`, docType: 'SKP', label: `SKP tahun ${y1}`, required: !heir },
    { key: `SKP_${y2}`, docType: 'SKP', label: `SKP tahun ${y2}`, required: !heir },
    any('PERNYATAAN_HUKDIS', 'Surat pernyataan tidak pernah dijatuhi hukuman disiplin sedang/berat dalam 1 tahun terakhir', !heir),
    any('PERNYATAAN_PIDANA', 'Surat pernyataan tidak sedang menjalani proses pidana', !heir),
    { key: 'AKTA_NIKAH', docType: 'AKTA_NIKAH', label: 'Akta nikah (atau akta cerai/kematian pasangan)', required: false, hint: 'Wajib bila menikah.' },
    { key: 'AKTA_ANAK', docType: 'AKTA_KELAHIRAN', label: 'Akta kelahiran anak di bawah 25 tahun', required: false },
    { key: 'KK', docType: 'KK', label: 'Kartu keluarga', required: true },
    any('SUSUNAN_KELUARGA', 'Daftar susunan keluarga', true),
    any('KARPEG', 'Kartu pegawai (Karpeg)', false),
    any('KARIS_KARSU', 'Karis/Karsu', false),
    { key: 'KTP', docType: 'KTP', label: 'KTP', required: true },
    any('TASPEN', 'Kartu Taspen', false),
    { key: 'PAS_FOTO', docType: 'PAS_FOTO', label: 'Pas foto', required: true },
    any('SKPP', 'SKPP (surat keterangan penghentian pembayaran gaji)', true),
  ];
  if (kind === 'APS') items.unshift(any('PERMOHONAN_APS', 'Surat permohonan berhenti atas permintaan sendiri'));
  if (heir) items.unshift(any('AKTA_KEMATIAN', 'Akta/surat keterangan kematian'));
  if (kind === 'TIDAK_CAKAP') items.unshift(any('TIM_PENGUJI', 'Surat keterangan Tim Penguji Kesehatan (tidak cakap jasmani/rohani)'));
  return items;
}

const what = (req: Req<PensiunPayload>) => `Berkas ${PENSIUN_KIND_LABELS[req.payload.jenis].toLowerCase()} ${req.title} (TMT ${formatTanggal(req.payload.tmtPensiun)})`;

type PensiunState = 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DIVERIFIKASI' | 'DIUSULKAN_BKN' | 'PERTEK_BKN' | 'DITOLAK_BKN' | 'SK_TERBIT' | 'SK_DISERAHKAN' | 'DIBATALKAN';

export const pensiunWorkflow = defineWorkflow<PensiunPayload, PensiunState>({
  type: PENSIUN,
  label: 'Pensiun',
  payload: PensiunPayload,
  initial: 'DRAFT',
  states: {
    DRAFT: { label: 'Berkas dibuka — dilengkapi admin OPD', tone: 'gray', assignee: OPD_TASK, editable: true },
    DIAJUKAN: { label: 'Menunggu verifikasi BKD', tone: 'blue', assignee: VERIFIER_TASK },
    DIKEMBALIKAN: { label: 'Berkas tidak lengkap', tone: 'yellow', assignee: OPD_TASK, editable: true },
    DIVERIFIKASI: { label: 'Berkas lengkap — siap diusulkan ke BKN', tone: 'blue', assignee: VERIFIER_TASK },
    DIUSULKAN_BKN: { label: 'Diusulkan ke BKN — menunggu pertek', tone: 'blue', assignee: VERIFIER_TASK },
    PERTEK_BKN: { label: 'Pertek BKN terbit — menunggu SK', tone: 'blue', assignee: { roles: ['BKD_ADMIN'] } },
    DITOLAK_BKN: { label: 'Ditolak BKN', tone: 'red', final: true },
    SK_TERBIT: { label: 'SK pensiun terbit — menunggu diserahkan', tone: 'green', assignee: { roles: ['OPD_ADMIN:OPD', 'BKD_ADMIN'] } },
    SK_DISERAHKAN: { label: 'SK pensiun diserahkan', tone: 'green', final: true },
    DIBATALKAN: { label: 'Dibatalkan', tone: 'gray', final: true },
  },
  checklist: pensiunChecklist,
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
      effect: async ({ tx, request }) => {
        await notifyRequestParties(tx, request, { kind: 'pensiun.submitted', title: 'Berkas pensiun diajukan ke BKD', body: `${what(request)} telah diajukan ke BKD untuk diverifikasi.` });
        // The first submission's day (app clock) decides whether the file came on time (reports).
        return { payload: { ...request.payload, submittedOn: request.payload.submittedOn ?? appToday() } };
      },
    },
    returnIncomplete({
      from: ['DIAJUKAN'],
      to: 'DIKEMBALIKAN',
      roles: VERIFIERS,
      notice: { kind: 'pensiun.returned', title: 'Berkas pensiun dikembalikan: tidak lengkap', body: (request, list) => `${what(request)} dikembalikan. Perbaiki: ${list}.` },
    }),
    {
      action: 'approve',
      label: 'Berkas lengkap dan sah',
      intent: 'primary',
      from: ['DIAJUKAN'],
      roles: VERIFIERS,
      notSelf: true,
      to: 'DIVERIFIKASI',
      // Every document on the checklist judged valid (required ones are all there since submission).
      requiresValidDocuments: true,
      effect: async ({ tx, request }) => {
        await notifyRequestParties(tx, request, { kind: 'pensiun.verified', title: 'Berkas pensiun diverifikasi BKD', body: `${what(request)} lengkap dan sah; BKD akan mengusulkannya ke BKN.` });
      },
    },
    {
      action: 'propose_bkn',
      label: 'Tandai diusulkan ke BKN',
      intent: 'primary',
      from: ['DIVERIFIKASI'],
      roles: VERIFIERS,
      to: 'DIUSULKAN_BKN',
      effect: async ({ tx, request }) => {
        await notifyRequestParties(tx, request, { kind: 'pensiun.proposed_bkn', title: 'Berkas pensiun diusulkan ke BKN', body: `${what(request)} telah diusulkan ke BKN (layanan pemberhentian SIASN) dan menunggu pertimbangan teknis.` });
      },
    },
    {
      action: 'record_pertek',
      label: 'Catat pertek BKN',
      intent: 'primary',
      from: ['DIUSULKAN_BKN'],
      roles: VERIFIERS,
      input: PensiunBknInput,
      to: 'PERTEK_BKN',
      effect: async ({ tx, request, input }) => {
        const d = inputOf(PensiunBknInput, input);
        const bkn = { approved: true, nomor: d.nomor, tanggal: d.tanggal, note: input.note ?? null };
        await notifyRequestParties(tx, request, {
          kind: 'pensiun.pertek',
          title: 'Pertek BKN untuk pensiun terbit',
          body: `${what(request)}: pertek BKN nomor ${bkn.nomor} tanggal ${formatTanggal(bkn.tanggal)}. SK pensiun sedang ditetapkan.`,
        });
        return { payload: { ...request.payload, bkn } };
      },
    },
    {
      action: 'reject_bkn',
      label: 'Catat penolakan BKN',
      intent: 'danger',
      from: ['DIUSULKAN_BKN'],
      roles: VERIFIERS,
      requiresNote: true,
      to: 'DITOLAK_BKN',
      effect: async ({ tx, request, input }) => {
        await notifyRequestParties(tx, request, { kind: 'pensiun.bkn_rejected', title: 'Usulan pensiun ditolak BKN', body: `${what(request)} ditolak BKN. Alasan: ${input.note ?? '-'}` });
        return { payload: { ...request.payload, bkn: { approved: false, nomor: null, tanggal: appToday(), note: input.note ?? null } } };
      },
    },
    {
      action: 'record_sk',
      label: 'Catat SK pensiun',
      intent: 'primary',
      from: ['PERTEK_BKN'],
      roles: ['BKD_ADMIN'],
      notSelf: true,
      input: PensiunSkInput,
      to: 'SK_TERBIT',
      effect: async ({ tx, request, input, meta }) => {
        const payload = await applyPensiunSk(tx, request, inputOf(PensiunSkInput, input), meta);
        const sk = payload.sk!;
        await notifyRequestParties(tx, request, {
          kind: 'pensiun.sk_recorded',
          title: 'SK pensiun terbit',
          body: `${what(request)}: SK nomor ${sk.nomorSk} tanggal ${formatTanggal(sk.tanggalSk)}, TMT ${formatTanggal(sk.tmt)}. SK akan diserahkan melalui OPD.`,
        });
        return { payload };
      },
    },
    {
      action: 'hand_over',
      label: 'Tandai SK telah diserahkan',
      intent: 'primary',
      from: ['SK_TERBIT'],
      roles: PROPOSERS,
      allow: mayPropose,
      to: 'SK_DISERAHKAN',
      effect: async ({ tx, request }) => {
        await notifyRequestParties(tx, request, { kind: 'pensiun.handed_over', title: 'SK pensiun diserahkan', body: `SK pensiun ${request.title} telah diserahkan. Selamat memasuki masa purnabakti.` });
        return { payload: { ...request.payload, handedOverAt: appToday() } };
      },
    },
    {
      action: 'withdraw',
      label: 'Batalkan berkas',
      intent: 'danger',
      from: ['DRAFT', 'DIKEMBALIKAN', 'DIAJUKAN'],
      roles: PROPOSERS,
      allow: mayPropose,
      requiresNote: true,
      to: 'DIBATALKAN',
    },
  ],
});
