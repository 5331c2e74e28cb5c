/** e-Pensiun use cases: the scoped forecast (routes and CLI) and the ASN's own BUP, TMT and file. */
import { appToday, dateToIso, diffMonths, pensiunFileDueDate, pensiunFileOpensOn, tmtPensiun, type IsoDate } from '@simak/shared';
import type { ForecastQuery, ForecastResult, PensiunMe } from '@simak/shared/api/pensiun';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { NotFound } from '../../errors.ts';
import { isBkd } from '../../lib/authz.ts';
import { checklistState } from '../../workflow/checklist.ts';
import { loadRequest } from '../../workflow/engine.ts';
import { loadOpdTree } from '../indicators/scope.ts';
import { getSetting } from '../settings/service.ts';
import { PENSIUN, pensiunWorkflow } from './definition.ts';
import { forecast } from './forecast.ts';
import { authorizeForecast } from './policy.ts';
import { bupOf, loadBupRules } from './rules.ts';

async function unitsOf(db: Db, kode: string) {
  const tree = await loadOpdTree(db);
  const node = tree.byKode.get(kode);
  if (!node) throw NotFound(`OPD dengan kode ${kode}`, 'opd_not_found');
  return { id: node.id, units: tree.subtree(node.id) };
}

export async function listForecast(db: Db, actor: Actor, q: ForecastQuery, today: IsoDate = appToday()): Promise<ForecastResult> {
  const unit = q.opd ? await unitsOf(db, q.opd) : null;
  authorizeForecast(actor, unit?.id ?? null);
  const opdIds = unit ? unit.units : isBkd(actor) ? null : actor.scopeOpdIds;
  const out = await forecast(db, { asOf: q.asOf ?? today, months: q.months, opdIds });
  const byState: Record<string, number> = {};
  for (const i of out.items) byState[i.file?.state ?? 'NONE'] = (byState[i.file?.state ?? 'NONE'] ?? 0) + 1;
  const needle = q.q?.toLowerCase();
  const rows = out.items.filter(
    (i) =>
      (!q.state || (q.state === 'NONE' ? !i.file : q.state === 'OVERDUE' ? i.overdue : i.file?.state === q.state)) &&
      (!q.month || i.tmtPensiun.startsWith(q.month)) &&
      (!needle || i.nama.toLowerCase().includes(needle) || i.nip.includes(needle)),
  );
  if (q.sort === '-tmt') rows.reverse();
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return { ...out, byState, total: rows.length, items: page.map(({ opdId: _o, ...i }) => i) };
}

/** The command line's output: exactly the fields the issue names. */
export async function forecastForCli(db: Db, opts: { asOf: IsoDate; months: number; opd?: string }) {
  const unit = opts.opd ? await unitsOf(db, opts.opd) : null;
  const out = await forecast(db, { asOf: opts.asOf, months: opts.months, opdIds: unit?.units ?? null });
  return {
    asOf: out.asOf,
    months: out.months,
    count: out.count,
    items: out.items.map((i) => ({ nip: i.nip, nama: i.nama, opd: i.opd.kode, bup: i.bup, tmtPensiun: i.tmtPensiun, dueDate: i.dueDate })),
  };
}

/** The timeline steps the retiring ASN follows. */
const STEPS: { key: string; label: string; actions: string[] }[] = [
  { key: 'opened', label: 'Berkas dibuka', actions: ['create'] },
  { key: 'submitted', label: 'Diajukan ke BKD', actions: ['submit'] },
  { key: 'verified', label: 'Diverifikasi BKD', actions: ['approve'] },
  { key: 'proposed', label: 'Diusulkan ke BKN', actions: ['propose_bkn'] },
  { key: 'pertek', label: 'Pertek BKN', actions: ['record_pertek'] },
  { key: 'sk', label: 'SK pensiun dicatat', actions: ['record_sk'] },
  { key: 'handed_over', label: 'SK diserahkan', actions: ['hand_over'] },
];

export async function myPensiun(db: Db, actor: Actor, today: IsoDate = appToday()): Promise<PensiunMe> {
  const none = (reason: string): PensiunMe => ({ applicable: false, reason, bup: null, bupRule: null, bupBasis: null, bupDescription: null, tmtPensiun: null, dueDate: null, opensOn: null, monthsLeft: null, file: null });
  if (actor.employeeId == null) return none('Akun ini tidak terhubung dengan data pegawai.');
  const e = await db.employee.findUnique({ where: { id: actor.employeeId } });
  if (!e) return none('Data pegawai tidak ditemukan.');
  if (e.statusKepegawaian !== 'PNS' && e.statusKepegawaian !== 'CPNS') return none('Perkiraan pensiun hanya untuk PNS/CPNS.');
  const [rules, lead, ahead] = await Promise.all([loadBupRules(db), getSetting(db, 'pensiun.lead_months'), getSetting(db, 'pensiun.open_ahead_months')]);
  const bup = bupOf(e, rules);
  const tmt = tmtPensiun(dateToIso(e.tanggalLahir), bup.bup);
  const row = await db.workflowRequest.findFirst({ where: { type: PENSIUN, employeeId: e.id, state: { not: 'DIBATALKAN' } }, orderBy: { id: 'desc' } });
  let file: PensiunMe['file'] = null;
  if (row) {
    const req = (await loadRequest(db, pensiunWorkflow, row.id))!;
    const [rows, events] = await Promise.all([checklistState(db, pensiunWorkflow, req), db.requestEvent.findMany({ where: { requestId: row.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })]);
    file = {
      requestId: row.id,
      jenis: req.payload.jenis,
      state: row.state,
      stateLabel: pensiunWorkflow.states[row.state as keyof typeof pensiunWorkflow.states]?.label ?? row.state,
      missing: rows.filter((r) => r.required && !r.document).map((r) => r.label),
      steps: STEPS.map((s) => {
        const ev = [...events].reverse().find((x) => s.actions.includes(x.action));
        return { key: s.key, label: s.label, done: !!ev, at: ev?.at.toISOString() ?? null };
      }),
    };
  }
  return {
    applicable: true,
    reason: null,
    bup: bup.bup,
    bupRule: bup.ruleId,
    bupBasis: bup.basis,
    bupDescription: bup.description,
    tmtPensiun: row ? (((row.payload as { sk?: { tmt: string } }).sk?.tmt) ?? (row.payload as { tmtPensiun: string }).tmtPensiun) : tmt,
    dueDate: pensiunFileDueDate(tmt, lead),
    opensOn: pensiunFileOpensOn(pensiunFileDueDate(tmt, lead), ahead),
    monthsLeft: diffMonths(today, tmt),
    file,
  };
}
