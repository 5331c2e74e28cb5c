/** The KGB request type of the verification engine (e-Berkala). */
import { appToday, dateToIso, IsoDateSchema, isoToDate, kgbPostponement, type HukdisRecord, type IsoDate } from '@simak/shared';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { isBkd, managesOpd } from '../../lib/authz.ts';
import { batchLoader, memoized, type Memo } from '../../lib/batch.ts';
import { defineWorkflow, type Assignee, type ChecklistItemSpec, type GuardBlock } from '../../workflow/types.ts';
import { syncEmployeeCache } from '../employees/histories.ts';
import { issueLetter } from '../letters/service.ts';
import { getSetting } from '../settings/service.ts';
import type { KgbLetterData } from './letter.ts';
import { salaryTables } from './salary.ts';
import { computeKgb, type KgbPayload } from './scan.ts';

export const KGB = 'KGB';
const VERIFIERS = ['BKD_VERIFIER', 'BKD_ADMIN'] as const;

const Iso = IsoDateSchema;
const Skp = z.object({ tahun: z.number().int().min(1950).max(2200), predikat: z.string().nullable(), nilai: z.number().nullable() });
/** Every field of a KGB draft, validated on creation, on every change and when read. */
export const KgbPayloadSchema = z.object({
  tmt: Iso,
  golongan: z.string().min(1).max(10),
  mkgTahun: z.number().int().min(0).max(60),
  mkgBulan: z.number().int().min(0).max(11),
  gajiPokokLama: z.number().int().min(0).nullable(),
  gajiPokokBaru: z.number().int().min(0).nullable(),
  regulation: z.string().nullable(),
  basis: z.object({ kind: z.enum(['KP', 'KGB']), tmt: Iso, mkgTahun: z.number().int().min(0).max(60), mkgBulan: z.number().int().min(0).max(11) }),
  postponed: z.boolean(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  lastSkp: Skp.nullable(),
  missingDocuments: z.array(z.string()),
  letter: z.object({ id: z.number().int().positive(), number: z.string(), date: Iso }).optional(),
}) satisfies z.ZodType<KgbPayload>;

const VERIFIER_TASK: Assignee = { roles: VERIFIERS };
/** Data to fix (postponed, returned): BKD or the employee's OPD admin. */
const FIX_TASK: Assignee = { roles: [...VERIFIERS, 'OPD_ADMIN:OPD'] };

/** The base documents of a KGB: last SK pangkat, last SK KGB (not when the base is a KP), last SKP. */
export function kgbChecklist(p: KgbPayload): ChecklistItemSpec[] {
  return [
    { key: 'SK_PANGKAT', docType: 'SK_PANGKAT', label: 'SK kenaikan pangkat terakhir', required: true },
    ...(p.basis.kind === 'KP' ? [] : [{ key: 'SK_KGB', docType: 'SK_KGB' as const, label: 'SK/surat KGB terakhir', required: true }]),
    { key: 'SKP', docType: 'SKP', label: `SKP tahun ${Number(p.tmt.slice(0, 4)) - 1}`, required: true },
  ];
}

/**
 * Recomputes the figures from the current records (after a data fix) and checks the
 * postponement again: while a reason still holds (SKP below the threshold, an active
 * penalty) the draft stays where it is (422).
 */
async function recompute(tx: Tx, employeeId: number, requestId: number, payload: KgbPayload): Promise<KgbPayload> {
  const r = await evaluateRecompute(tx, employeeId, payload);
  if ('block' in r) throw new AppError(422, r.block.code!, r.block.reason, r.block.details ?? null);
  const next = r.next;
  await tx.kgbDraft.update({
    where: { requestId },
    data: { golongan: next.golongan, mkgTahun: next.mkgTahun, mkgBulan: next.mkgBulan, gajiPokokLama: next.gajiPokokLama, gajiPokokBaru: next.gajiPokokBaru, postponed: false, reasons: [] },
  });
  return next;
}

/** Loaders for what the recompute check reads, shared by the rows of one page (one query per table per page). */
/** What a KGB recompute reads of an employee: the rank fields and the KGB, SKP and penalty histories. */
interface KgbFacts {
  id: number;
  golongan: string | null;
  tmtGolongan: Date | null;
  mkgTahun: number | null;
  mkgBulan: number | null;
  tmtCpns: Date | null;
  kgb: { tmt: IsoDate; mkgTahun: number | null; mkgBulan: number | null }[];
  skp: { tahun: number; predikat: string | null; nilai: number | null }[];
  hukdis: HukdisRecord[];
}

/**
 * One statement per page for every employee the page's KGB guards ask about (rank fields and the
 * three histories as JSON), instead of one per table; the salary tables kept in memory by version.
 */
function recomputeLoaders(db: Db | Tx, memo?: Memo) {
  return memoized(memo, 'kgb.recompute', () => ({
    facts: batchLoader(async (ids: number[]) => {
      const rows = await db.$queryRaw<KgbFacts[]>`
        SELECT e.id, e.golongan, e.tmt_golongan AS "tmtGolongan", e.mkg_tahun AS "mkgTahun", e.mkg_bulan AS "mkgBulan", e.tmt_cpns AS "tmtCpns",
          COALESCE((SELECT json_agg(json_build_object('tmt', k.tmt, 'mkgTahun', k.mkg_tahun, 'mkgBulan', k.mkg_bulan)) FROM riwayat_kgb k WHERE k.employee_id = e.id), '[]') AS kgb,
          COALESCE((SELECT json_agg(json_build_object('tahun', s.tahun, 'predikat', s.predikat, 'nilai', s.nilai)) FROM riwayat_skp s WHERE s.employee_id = e.id), '[]') AS skp,
          COALESCE((SELECT json_agg(json_build_object('tingkat', h.tingkat, 'jenis', h.jenis, 'tanggalSk', h.tanggal_sk, 'tmt', h.tmt, 'tmtSelesai', h.tmt_selesai))
                    FROM riwayat_hukdis h WHERE h.employee_id = e.id), '[]') AS hukdis
        FROM employee e WHERE e.id = ANY(${ids}::int[])`;
      return new Map(rows.map((r) => [r.id, r]));
    }),
    tables: salaryTables(db),
    threshold: getSetting(db, 'berkala.skp_threshold'),
  }));
}

/** The recomputed figures, or why the draft must stay where it is (the guard and the effect share it). */
async function evaluateRecompute(tx: Db | Tx, employeeId: number, payload: KgbPayload, memo?: Memo): Promise<{ next: KgbPayload } | { block: GuardBlock }> {
  const load = recomputeLoaders(tx, memo);
  const e = await load.facts(employeeId);
  if (!e) throw new AppError(404, 'not_found', 'Pegawai tidak ditemukan.');
  if (!e.golongan || !e.tmtGolongan || e.mkgTahun == null) {
    return { block: { code: 'kgb_data_incomplete', reason: 'Data golongan/MKG pegawai belum lengkap; lengkapi dahulu.' } };
  }
  // The last KGB since the current rank and before this one's TMT.
  const from = dateToIso(e.tmtGolongan);
  const k = e.kgb
    .filter((r) => r.tmt >= from && r.tmt < payload.tmt)
    .reduce<KgbFacts['kgb'][number] | null>((best, r) => (!best || r.tmt > best.tmt ? r : best), null);
  const c = computeKgb(
    {
      golongan: e.golongan,
      tmt_golongan: e.tmtGolongan,
      mkg_tahun: e.mkgTahun,
      mkg_bulan: e.mkgBulan ?? 0,
      tmt_cpns: e.tmtCpns,
      kgb_tmt: k ? isoToDate(k.tmt) : null,
      kgb_mkg_tahun: k?.mkgTahun ?? null,
      kgb_mkg_bulan: k?.mkgBulan ?? null,
    },
    await load.tables,
  );
  const tmtYear = Number(payload.tmt.slice(0, 4));
  const threshold = await load.threshold;
  // The latest SKP up to the year before the TMT.
  const lastSkp = e.skp.filter((r) => r.tahun <= tmtYear - 1).reduce<KgbFacts['skp'][number] | null>((best, r) => (!best || r.tahun > best.tahun ? r : best), null);
  const post = kgbPostponement({
    lastSkpPredicate: lastSkp?.predikat ?? null,
    lastSkpScore: lastSkp?.nilai != null ? Number(lastSkp.nilai) : null,
    threshold,
    penalties: e.hukdis,
    onDate: payload.tmt,
  });
  if (post.postponed) {
    return { block: { code: 'kgb_still_postponed', reason: `KGB masih harus ditunda: ${post.reasons.join(' ')}`, details: { reasons: post.reasons } } };
  }
  const next: KgbPayload = {
    ...payload,
    golongan: e.golongan,
    mkgTahun: c.next.mkgTahun,
    mkgBulan: c.next.mkgBulan,
    gajiPokokLama: c.gajiPokokLama,
    gajiPokokBaru: c.gajiPokokBaru,
    regulation: c.regulation,
    basis: c.basis,
    postponed: false,
    reasons: [],
    lastSkp: lastSkp ? { tahun: lastSkp.tahun, predikat: lastSkp.predikat, nilai: lastSkp.nilai != null ? Number(lastSkp.nilai) : null } : null,
    warnings: c.next.tmt !== payload.tmt ? [...c.next.warnings, `Perhitungan ulang menghasilkan TMT ${c.next.tmt}; periksa data dasar.`] : c.next.warnings,
  };
  return { next };
}

export const kgbWorkflow = defineWorkflow<KgbPayload, 'DRAFT' | 'DITUNDA' | 'DIKEMBALIKAN' | 'DIVERIFIKASI' | 'DITETAPKAN'>({
  type: KGB,
  label: 'Kenaikan gaji berkala',
  payload: KgbPayloadSchema,
  initial: 'DRAFT',
  states: {
    DRAFT: { label: 'Menunggu verifikasi', tone: 'blue', assignee: VERIFIER_TASK },
    // While the data is being fixed, the OPD admin (or BKD) may also complete the base documents.
    DITUNDA: { label: 'Ditunda', tone: 'yellow', assignee: FIX_TASK, editable: true },
    DIKEMBALIKAN: { label: 'Dikembalikan', tone: 'red', assignee: FIX_TASK, editable: true },
    DIVERIFIKASI: { label: 'Menunggu penetapan', tone: 'yellow', assignee: { roles: ['BKD_ADMIN'] } },
    DITETAPKAN: { label: 'Ditetapkan', tone: 'green', final: true },
  },
  checklist: kgbChecklist,
  transitions: [
    { action: 'verify', label: 'Verifikasi', intent: 'primary', from: ['DRAFT'], roles: VERIFIERS, notSelf: true, to: 'DIVERIFIKASI' },
    { action: 'return', label: 'Kembalikan', intent: 'danger', from: ['DRAFT', 'DIVERIFIKASI'], roles: VERIFIERS, notSelf: true, requiresNote: true, to: 'DIKEMBALIKAN' },
    {
      action: 'recompute',
      label: 'Hitung ulang & ajukan',
      intent: 'primary',
      from: ['DIKEMBALIKAN', 'DITUNDA'],
      roles: [...VERIFIERS, 'OPD_ADMIN'],
      allow: (actor, req) => isBkd(actor) || managesOpd(actor, req.opdId),
      notSelf: true,
      to: 'DRAFT',
      // Offered only when the recomputation would go through (data complete, no postponement reason left).
      guard: async ({ db, request, memo }) => {
        const r = await evaluateRecompute(db, request.employeeId, request.payload, memo);
        return 'block' in r ? r.block : null;
      },
      effect: async ({ tx, request }) => ({ payload: await recompute(tx, request.employeeId, request.id, request.payload) }),
    },
    {
      action: 'finalize',
      label: 'Tetapkan',
      intent: 'primary',
      from: ['DIVERIFIKASI'],
      roles: ['BKD_ADMIN'],
      notSelf: true,
      to: 'DITETAPKAN',
      effect: async ({ tx, request, meta }) => {
        const p = request.payload;
        const today = appToday();
        const [employee, signer] = await Promise.all([
          tx.employee.findUniqueOrThrow({ where: { id: request.employeeId }, include: { opd: true } }),
          getSetting(tx, 'berkala.signer'),
        ]);
        const letter = await issueLetter(tx, {
          kind: KGB,
          requestId: request.id,
          employeeId: request.employeeId,
          date: today,
          data: {
            nip: employee.nip,
            nama: [employee.gelarDepan, employee.nama].filter(Boolean).join(' ') + (employee.gelarBelakang ? `, ${employee.gelarBelakang}` : ''),
            namaJabatan: employee.namaJabatan,
            opd: employee.opd.nama,
            golongan: p.golongan,
            gajiPokokLama: p.gajiPokokLama,
            gajiPokokBaru: p.gajiPokokBaru,
            mkgTahun: p.mkgTahun,
            mkgBulan: p.mkgBulan,
            tmt: p.tmt,
            basis: p.basis,
            regulation: p.regulation,
            signer,
          } satisfies KgbLetterData,
        });
        const { number } = letter;
        // The dated KGB history row: as-of queries see the new salary from the TMT on.
        await tx.riwayatKgb.upsert({
          where: { employeeId_tmt: { employeeId: request.employeeId, tmt: isoToDate(p.tmt) } },
          create: {
            employeeId: request.employeeId,
            tmt: isoToDate(p.tmt),
            golongan: p.golongan,
            mkgTahun: p.mkgTahun,
            mkgBulan: p.mkgBulan,
            gajiPokokLama: p.gajiPokokLama,
            gajiPokok: p.gajiPokokBaru ?? 0,
            nomorSurat: number,
            tanggalSurat: isoToDate(today),
          },
          update: { nomorSurat: number, tanggalSurat: isoToDate(today), gajiPokok: p.gajiPokokBaru ?? 0, gajiPokokLama: p.gajiPokokLama },
        });
        await writeAudit(tx, meta, {
          action: 'riwayat_kgb.created',
          entityType: 'riwayat_kgb',
          entityId: `${request.employeeId}:${p.tmt}`,
          employeeId: request.employeeId,
          after: { tmt: p.tmt, gajiPokokLama: p.gajiPokokLama, gajiPokok: p.gajiPokokBaru, nomorSurat: number, letterId: letter.id },
        });
        // The cached salary takes the new value at the TMT (now, when it has passed; else the daily job does it).
        if (p.tmt <= today) await syncEmployeeCache(tx, request.employeeId);
        return { payload: { ...p, letter: { id: letter.id, number, date: letter.date } } };
      },
    },
  ],
});
