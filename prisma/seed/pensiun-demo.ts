/**
 * e-Pensiun demo data (issue 11 part 7): the daily job's first run opens the BUP files whose lead
 * time has started (pre-filled, checklist from the vault), and the platform's own services move
 * some of them through every state (submitted, returned incomplete, verified, proposed to BKN,
 * pertek, rejected by BKN, SK recorded, SK handed over, cancelled), so timelines, audit rows,
 * notifications and the SK summary letters are real. The files left open past their due date are
 * the overdue ones. Documents are small generated PDFs stored like uploads.
 */
import { addDays, appToday, compareDates, type IsoDate } from '@simak/shared';
// The registry first: it imports every request type (importing a definition first would start an import cycle there).
import '../../server/src/workflow/registry.ts';
import { systemMeta } from '../../server/src/audit/audit.ts';
import type { Db } from '../../server/src/db.ts';
import type { DocumentType } from '../../server/src/generated/prisma/enums.ts';
import { createLogger } from '../../server/src/logger.ts';
import { uploadDocument } from '../../server/src/modules/documents/service.ts';
import { PENSIUN, pensiunWorkflow } from '../../server/src/modules/pensiun/definition.ts';
import { openDueFiles } from '../../server/src/modules/pensiun/open.ts';
import type { Storage } from '../../server/src/storage/storage.ts';
import { attachItemDocument } from '../../server/src/workflow/checklist.ts';
import { loadRequest } from '../../server/src/workflow/engine.ts';
import { demoPdfs, demoStaff, demoSteps } from './demo-workflow.ts';

/** The states the demo files are moved to (one file each); the other opened files stay DRAFT. */
export const PENSIUN_DEMO_TARGETS = ['SK_DISERAHKAN', 'SK_TERBIT', 'PERTEK_BKN', 'DITOLAK_BKN', 'DIUSULKAN_BKN', 'DIVERIFIKASI', 'DIKEMBALIKAN', 'DIAJUKAN', 'DIBATALKAN'] as const;

const meta = systemMeta('seed.pensiun-demo');

export interface PensiunDemoResult {
  opened: number;
  states: Record<string, number>;
}

export async function seedPensiunDemo(opts: { db: Db; storage: Storage; today?: IsoDate; log?: (m: string) => void }): Promise<PensiunDemoResult> {
  const { db, storage } = opts;
  const today = opts.today ?? appToday();
  const log = opts.log ?? (() => undefined);
  const result: PensiunDemoResult = { opened: 0, states: {} };
  // Once: a database that already has pension files keeps them.
  if (await db.workflowRequest.count({ where: { type: PENSIUN } })) {
    log('e-Pensiun: files already present; no demo files added.');
    return result;
  }
  const { dinkes, disdik, verifier, bkdAdmin } = await demoStaff(db);
  const opened = await openDueFiles(db, today, meta);
  result.opened = opened.opened;
  const files = await db.workflowRequest.findMany({ where: { id: { in: opened.requestIds } }, orderBy: { id: 'asc' }, select: { id: true, opdId: true, employeeId: true, title: true } });
  // The demo OPD admins' files first (their own admin proposes), then any other with the BKD admin.
  const adminOf = (opdId: number) => [dinkes, disdik].find((a) => a.scopeOpdIds.includes(opdId)) ?? null;
  const staff = new Set([dinkes, disdik, verifier, bkdAdmin].map((a) => a.employeeId).filter((x) => x != null));
  const ordered = [...files.filter((f) => adminOf(f.opdId)), ...files.filter((f) => !adminOf(f.opdId))].filter((f) => !staff.has(f.employeeId));

  const docCtx = { db, storage, logger: createLogger('silent') };
  const pdfFor = demoPdfs();
  const { step, judgeAll } = demoSteps(db, pensiunWorkflow, meta, verifier, 'Pindaian tidak terbaca; unggah ulang yang lebih jelas.');
  const earliest = (a: IsoDate, b: IsoDate) => (compareDates(a, b) <= 0 ? a : b);

  for (const [i, target] of PENSIUN_DEMO_TARGETS.entries()) {
    const f = ordered[i];
    if (!f) break;
    const admin = adminOf(f.opdId) ?? bkdAdmin;
    const id = f.id;
    result.states[target] = (result.states[target] ?? 0) + 1;
    if (target === 'DIBATALKAN') {
      await step(id, 'withdraw', admin, { note: 'Pegawai mengajukan pensiun atas permintaan sendiri; berkas BUP dibatalkan.' });
      continue;
    }
    // Complete the required documents the vault did not have (generated PDFs, stored like uploads).
    const req = (await loadRequest(db, pensiunWorkflow, id))!;
    const have = new Set((await db.requestItem.findMany({ where: { requestId: id, documentId: { not: null } }, select: { key: true } })).map((x) => x.key));
    for (const spec of pensiunWorkflow.checklist!(req.payload, req.variant).filter((s) => s.required && !have.has(s.key))) {
      const doc = await uploadDocument(docCtx, admin, meta, f.employeeId, {
        jenis: spec.docType as DocumentType,
        slotKey: `PENSIUN:${req.payload.tmtPensiun}:${spec.key}`,
        title: spec.label,
        file: { buffer: await pdfFor(spec.label, f.title), originalName: `${spec.key.toLowerCase()}.pdf` },
      });
      await db.$transaction(async (tx) => {
        const cur = (await loadRequest(tx, pensiunWorkflow, id))!;
        await attachItemDocument(tx, pensiunWorkflow, cur, { key: spec.key, documentId: doc.id, expectedVersion: cur.version, actor: admin, meta });
      });
    }
    await step(id, 'submit', admin);
    if (target === 'DIAJUKAN') continue;
    if (target === 'DIKEMBALIKAN') {
      await judgeAll(id, 'KTP');
      await step(id, 'return_incomplete', verifier, { note: 'Mohon segera dilengkapi.' });
      continue;
    }
    await judgeAll(id);
    await step(id, 'approve', verifier);
    if (target === 'DIVERIFIKASI') continue;
    await step(id, 'propose_bkn', verifier);
    if (target === 'DIUSULKAN_BKN') continue;
    if (target === 'DITOLAK_BKN') {
      await step(id, 'reject_bkn', verifier, { note: 'Data masa kerja tidak sesuai dengan data SIASN; perbaiki data lalu usulkan kembali.' });
      continue;
    }
    const pertekDay = addDays(today, -5);
    await step(id, 'record_pertek', verifier, { data: { nomor: `PERTEK-${id}/KR.II/PENS/${today.slice(0, 4)}`, tanggal: pertekDay } });
    if (target === 'PERTEK_BKN') continue;
    const skDay = earliest(addDays(today, -2), today);
    const sk = await uploadDocument(docCtx, bkdAdmin, meta, f.employeeId, {
      jenis: 'SK_PENSIUN',
      slotKey: `SK_PENSIUN:${req.payload.tmtPensiun}`,
      title: 'SK pensiun',
      file: { buffer: await pdfFor('Surat Keputusan Pemberhentian dengan Hormat dengan Hak Pensiun', f.title), originalName: 'sk-pensiun.pdf' },
    });
    await step(id, 'record_sk', bkdAdmin, { data: { nomorSk: `800.1.6.4/${id}/PENS/${skDay.slice(0, 4)}`, tanggalSk: skDay, tmt: req.payload.tmtPensiun, documentId: sk.id } });
    if (target === 'SK_TERBIT') continue;
    await step(id, 'hand_over', admin);
  }
  const draft = opened.opened - Object.values(result.states).reduce((a, b) => a + b, 0);
  if (draft > 0) result.states.DRAFT = draft;
  log(`e-Pensiun: ${opened.opened} BUP files opened (${Object.entries(result.states).map(([s, n]) => `${s} ${n}`).join(', ')}).`);
  return result;
}
