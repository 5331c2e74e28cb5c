/**
 * e-Pangkat demo data (issue 10 part 7): proposals in every state for the current period and the
 * previous one, made through the platform's own services (the engine's transitions, checklists,
 * the SK recording), so timelines, audit rows, notifications and letters are real. The clock is
 * moved into each period's submission window while its proposals are made and submitted, then
 * put back. Documents are small generated PDFs stored like uploads.
 */
import { addDays, addMonths, appToday, compareDates, fixedClock, formatTanggal, getClock, setClock, type Clock, type IsoDate } from '@simak/shared';
import type { KpProposalResult } from '@simak/shared/api/pangkat';
import { kpPeriodWindow, type KpPeriodWindow } from '@simak/shared/rules/kp-periods';
// The registry first: it imports every request type (importing a definition first would start an import cycle there).
import '../../server/src/workflow/registry.ts';
import { systemMeta } from '../../server/src/audit/audit.ts';
import { type Actor } from '../../server/src/auth/actor.ts';
import type { Db } from '../../server/src/db.ts';
import type { DocumentType } from '../../server/src/generated/prisma/enums.ts';
import { createLogger } from '../../server/src/logger.ts';
import { uploadDocument } from '../../server/src/modules/documents/service.ts';
import { kpWorkflow } from '../../server/src/modules/pangkat/definition.ts';
import { currentPeriod, loadCalendar } from '../../server/src/modules/pangkat/periods.ts';
import { createProposals } from '../../server/src/modules/pangkat/proposals.ts';
import { skForm } from '../../server/src/modules/pangkat/sk.ts';
import { judgePeriod } from '../../server/src/modules/pangkat/service.ts';
import type { Storage } from '../../server/src/storage/storage.ts';
import { attachItemDocument } from '../../server/src/workflow/checklist.ts';
import { loadRequest } from '../../server/src/workflow/engine.ts';
import { demoPdfs, demoStaff, demoSteps } from './demo-workflow.ts';
import { DEMO_USERNAMES } from './featured.ts';

type Target = 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DISETUJUI' | 'PERTEK' | 'SK_TERBIT' | 'TMS' | 'DIBATALKAN';

const meta = systemMeta('seed.kp-demo');

/** The latest KP period before `period` (months back, within a year). */
function previousPeriod(period: IsoDate, cal: Awaited<ReturnType<typeof loadCalendar>>): KpPeriodWindow | null {
  for (let m = 1; m <= 12; m++) {
    const w = kpPeriodWindow(addMonths(period, -m), cal.regimes, cal.overrides);
    if (w) return w;
  }
  return null;
}

/** A day inside the window: today when it is open, else a few days after it opened. */
function dayInWindow(w: KpPeriodWindow, today: IsoDate): IsoDate {
  if (compareDates(today, w.opens) >= 0 && compareDates(today, w.closes) <= 0) return today;
  const d = addDays(w.opens, 3);
  return compareDates(d, w.closes) <= 0 ? d : w.opens;
}

export interface KpDemoResult {
  current: IsoDate | null;
  previous: IsoDate | null;
  proposals: number;
  states: Record<string, number>;
}

export async function seedKpDemo(opts: { db: Db; storage: Storage; today?: IsoDate; log?: (m: string) => void }): Promise<KpDemoResult> {
  const { db, storage } = opts;
  const today = opts.today ?? appToday();
  const log = opts.log ?? (() => undefined);
  const cal = await loadCalendar(db);
  const current = currentPeriod(cal, today);
  const previous = current ? previousPeriod(current.period, cal) : null;
  const result: KpDemoResult = { current: current?.period ?? null, previous: previous?.period ?? null, proposals: 0, states: {} };
  if (!current) return result;
  // Once: a database that already has KP proposals keeps them.
  if (await db.workflowRequest.count({ where: { type: kpWorkflow.type } })) {
    log('e-Pangkat: proposals already present; no demo proposals added.');
    return result;
  }

  const { dinkes, disdik, verifier, bkdAdmin } = await demoStaff(db);
  const docCtx = { db, storage, logger: createLogger('silent') };
  const featured = new Set(
    (await db.user.findMany({ where: { username: { in: [DEMO_USERNAMES.asn, DEMO_USERNAMES.atasan, DEMO_USERNAMES.bkdAdmin, DEMO_USERNAMES.bkdVerifier] } }, select: { employeeId: true } }))
      .map((u) => u.employeeId)
      .filter((x): x is number => x != null),
  );
  const used = new Set<number>();
  const pdfFor = demoPdfs();

  const { step, judgeAll } = demoSteps(db, kpWorkflow, meta, verifier, 'Tidak terbaca jelas; unggah ulang hasil pindai yang lebih jelas.');

  async function run(window: KpPeriodWindow, admin: Actor, targets: Target[], clock: Clock) {
    setClock(fixedClock(dayInWindow(window, today)));
    try {
      const verdicts = await judgePeriod(db, cal, window, { opdIds: admin.scopeOpdIds }, appToday());
      // A batch holds one OPD's employees: the unit with the most candidates.
      const byUnit = new Map<number, number[]>();
      for (const v of verdicts) {
        if (!v.result.eligible || v.result.jenis !== 'REGULER' || used.has(v.row.id) || featured.has(v.row.id)) continue;
        byUnit.set(v.row.opd_id, [...(byUnit.get(v.row.opd_id) ?? []), v.row.id]);
      }
      // Filled from the units with the most candidates, one batch per unit.
      const groups: number[][] = [];
      let left = targets.length;
      for (const ids of [...byUnit.values()].sort((a, b) => b.length - a.length)) {
        if (left <= 0) break;
        groups.push(ids.slice(0, left));
        left -= Math.min(left, ids.length);
      }
      const items: KpProposalResult['items'] = [];
      for (const g of groups) {
        g.forEach((p) => used.add(p));
        const made = await createProposals(db, admin, meta, { period: window.period, employeeIds: g, title: `Usulan KP periode ${formatTanggal(window.period)}` });
        items.push(...made.items);
      }
      for (const [i, item] of items.entries()) {
        const target = targets[i]!;
        const id = item.requestId;
        result.proposals++;
        result.states[target] = (result.states[target] ?? 0) + 1;
        // Fill what the vault did not have (generated PDFs, stored like uploads).
        const req = (await loadRequest(db, kpWorkflow, id))!;
        const specs = kpWorkflow.checklist!(req.payload, req.variant).filter((s) => item.missing.includes(s.key));
        for (const spec of specs) {
          const doc = await uploadDocument(docCtx, admin, meta, item.employeeId, {
            jenis: spec.docType as DocumentType,
            slotKey: `KP:${window.period}:${spec.key}`,
            title: spec.label,
            file: { buffer: await pdfFor(spec.label, item.nama), originalName: `${spec.key.toLowerCase()}.pdf` },
          });
          await db.$transaction(async (tx) => {
            const cur = (await loadRequest(tx, kpWorkflow, id))!;
            await attachItemDocument(tx, kpWorkflow, cur, { key: spec.key, documentId: doc.id, expectedVersion: cur.version, actor: admin, meta });
          });
        }
        if (target === 'DRAFT') continue;
        if (target === 'DIBATALKAN') {
          await step(id, 'withdraw', admin);
          continue;
        }
        await step(id, 'submit', admin);
        if (target === 'DIAJUKAN') continue;
        if (target === 'TMS') {
          await step(id, 'reject_tms', verifier, { note: 'SKP tahun terakhir belum dinilai oleh pejabat penilai kinerja.' });
          continue;
        }
        if (target === 'DIKEMBALIKAN') {
          await judgeAll(id, `SKP_${req.payload.skpYears[1]}`);
          await step(id, 'return_incomplete', verifier, { note: 'Mohon dilengkapi sebelum batas jadwal pengusulan.' });
          continue;
        }
        await judgeAll(id);
        await step(id, 'approve', verifier);
        if (target === 'DISETUJUI') continue;
        // BKN's pertek and the SK come after the window, two and one weeks before the TMT, never after today.
        const earliest = (a: IsoDate, b: IsoDate) => (compareDates(a, b) <= 0 ? a : b);
        const pertekDay = earliest(addDays(window.period, -14), addDays(today, -2));
        setClock(fixedClock(pertekDay));
        await step(id, 'record_pertek', verifier, { data: { nomor: `PT-${id}/KR.II/KP/${window.period.slice(0, 4)}`, tanggal: pertekDay } });
        if (target === 'SK_TERBIT') {
          const skDay = earliest(addDays(window.period, -7), addDays(today, -1));
          setClock(fixedClock(skDay));
          const cur = (await loadRequest(db, kpWorkflow, id))!;
          const form = await skForm(db, cur);
          const sk = await uploadDocument(docCtx, bkdAdmin, meta, item.employeeId, {
            jenis: 'SK_PANGKAT',
            slotKey: `SK_PANGKAT:KP:${window.period}`,
            title: `SK kenaikan pangkat ${form.golongan}`,
            file: { buffer: await pdfFor('Surat Keputusan Kenaikan Pangkat', item.nama), originalName: 'sk-kenaikan-pangkat.pdf' },
          });
          await step(id, 'record_sk', bkdAdmin, {
            data: { nomorSk: `800.1.3.1/${id}/427.45/${skDay.slice(0, 4)}`, tanggalSk: skDay, mkgTahun: form.mkgTahun, mkgBulan: form.mkgBulan, documentId: sk.id },
          });
        }
        setClock(fixedClock(dayInWindow(window, today)));
      }
    } finally {
      setClock(clock);
    }
  }

  const clock = getClock();
  if (previous) await run(previous, dinkes, ['SK_TERBIT', 'SK_TERBIT', 'PERTEK', 'DISETUJUI', 'TMS', 'DIBATALKAN'], clock);
  await run(current, dinkes, ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI', 'DIAJUKAN'], clock);
  await run(current, disdik, ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN'], clock);
  log(
    `e-Pangkat: ${result.proposals} demo proposals for ${[result.previous, result.current].filter(Boolean).map((p) => formatTanggal(p!)).join(' and ')} (${Object.entries(result.states)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}).`,
  );
  return result;
}
