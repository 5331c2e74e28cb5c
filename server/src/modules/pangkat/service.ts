/**
 * e-Pangkat use cases: the eligibility list of a period (scoped in the query), the ASN's own
 * view (next period, earliest period and what is missing), the command line's list, and the
 * angka kredit records of functional positions.
 */
import { appToday, dateToIso, isoToDate, type IsoDate } from '@simak/shared';
import type { AngkaKreditBody, EligibleQuery, EligibleResult, MyKpResult } from '@simak/shared/api/pangkat';
import { kpEarliest } from '@simak/shared/rules/kp-eligibility';
import { kpPeriodWindow, type KpPeriodWindow } from '@simak/shared/rules/kp-periods';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { NotFound, Unprocessable } from '../../errors.ts';
import { authorize, isBkd } from '../../lib/authz.ts';
import { loadOpdTree } from '../indicators/scope.ts';
import { fullName } from '../../lib/names.ts';
import { judge, kpInputOf, loadKpInputs, skpFromFor, type KpVerdict } from './eligibility.ts';
import {
  currentPeriod,
  loadCalendar,
  nextPeriods,
  OPD_PERIODS_AHEAD,
  presentPeriod,
  upcomingPeriods,
  windowOrFail,
  type KpCalendar,
} from './periods.ts';
import { angkaKreditPolicy, authorizeList } from './policy.ts';
import { kpWorkflow } from './definition.ts';
import { kpDedupeKey } from './proposals.ts';
import { stateOf } from '../../workflow/types.ts';
import { presentCli, presentEligibleRow } from './presenter.ts';

/** The period asked for, or the one being prepared (its window not yet closed). */
function periodOrCurrent(cal: KpCalendar, period: IsoDate | undefined, today: IsoDate): KpPeriodWindow {
  if (period) return windowOrFail(cal, period);
  const w = currentPeriod(cal, today);
  if (!w) throw Unprocessable('no_kp_period', 'Tidak ada periode KP mendatang menurut aturan periode yang berlaku.');
  return w;
}

/** Resolves an OPD code to the unit and every unit under it (404 when unknown). */
async function unitsOf(db: Db, kode: string) {
  const tree = await loadOpdTree(db);
  const node = tree.byKode.get(kode);
  if (!node) throw NotFound(`OPD dengan kode ${kode}`, 'opd_not_found');
  return { opd: tree.ref(node.id), units: tree.subtree(node.id) };
}

/** Every active PNS of a scope judged at a period (the list's and the CLI's one computation). */
export async function judgePeriod(db: Db, cal: KpCalendar, window: KpPeriodWindow, scope: { opdIds: number[] | null; q?: string }, today: IsoDate) {
  const rows = await loadKpInputs(db, scope, today, skpFromFor(window));
  return judge(rows, window, cal.regimes);
}

export async function listEligible(db: Db, actor: Actor, query: EligibleQuery, today: IsoDate = appToday()): Promise<EligibleResult> {
  const cal = await loadCalendar(db);
  const window = periodOrCurrent(cal, query.period, today);
  const upcoming = nextPeriods(cal, OPD_PERIODS_AHEAD, today).some((w) => w.period === window.period);
  const unit = query.opd ? await unitsOf(db, query.opd) : null;
  authorizeList(actor, { opdId: unit?.opd.id ?? null, upcoming });
  // Scoped in the query: BKD sees every unit; an OPD admin only the units of their grants.
  const opdIds = unit ? unit.units : isBkd(actor) ? null : actor.scopeOpdIds;
  const verdicts = await judgePeriod(db, cal, window, { opdIds, q: query.q }, today);

  const byJenis: Record<string, number> = {};
  let eligible = 0;
  for (const v of verdicts) {
    if (!v.result.eligible) continue;
    eligible++;
    if (v.result.jenis) byJenis[v.result.jenis] = (byJenis[v.result.jenis] ?? 0) + 1;
  }
  const matching = verdicts.filter(
    (v) =>
      (query.status === 'all' || v.result.eligible === (query.status === 'eligible')) &&
      (query.jenis === undefined || v.result.jenis === query.jenis),
  );
  const start = (query.page - 1) * query.pageSize;
  const page = matching.slice(start, start + query.pageSize);
  const proposals = await proposalsOf(db, page.map((v) => v.row.id), window.period);
  return {
    period: presentPeriod(window, today),
    opd: unit?.opd ?? null,
    totals: { all: verdicts.length, eligible, ineligible: verdicts.length - eligible, byJenis },
    page: query.page,
    pageSize: query.pageSize,
    total: matching.length,
    items: page.map((v) => presentEligibleRow(v, proposals.get(v.row.id) ?? null)),
  };
}

/** The proposals (withdrawn ones excluded: they free the dedupe key) of these employees for the period. */
async function proposalsOf(db: Db, employeeIds: number[], period: IsoDate) {
  const rows = employeeIds.length
    ? await db.workflowRequest.findMany({ where: { dedupeKey: { in: employeeIds.map((id) => kpDedupeKey(id, period)) } }, select: { id: true, employeeId: true, state: true } })
    : [];
  return new Map(
    rows.map((r) => {
      const s = stateOf(kpWorkflow.states, r.state);
      return [r.employeeId, { requestId: r.id, state: r.state, stateLabel: s?.label ?? r.state, tone: s?.tone ?? 'gray' }] as const;
    }),
  );
}

/** The command line's list: every active PNS of the agency or of one OPD (with the units under it). */
export async function eligibleForCli(db: Db, period: IsoDate, opd: string | undefined, today: IsoDate = appToday()) {
  const cal = await loadCalendar(db);
  const window = windowOrFail(cal, period);
  const opdIds = opd ? (await unitsOf(db, opd)).units : null;
  return presentCli(period, await judgePeriod(db, cal, window, { opdIds }, today));
}

/** How far ahead the ASN's earliest period is searched. */
const EARLIEST_HORIZON_PERIODS = 120;

export async function myKp(db: Db, employeeId: number, today: IsoDate = appToday()): Promise<MyKpResult> {
  const e = await db.employee.findUnique({
    where: { id: employeeId },
    select: { nip: true, nama: true, gelarDepan: true, gelarBelakang: true, golongan: true, tmtGolongan: true, namaJabatan: true, statusKepegawaian: true, tmtBerhenti: true },
  });
  if (!e) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  const cal = await loadCalendar(db);
  const current = currentPeriod(cal, today);
  const employee = {
    nip: e.nip,
    nama: fullName(e),
    golongan: e.golongan,
    tmtGolongan: e.tmtGolongan ? dateToIso(e.tmtGolongan) : null,
    jabatan: e.namaJabatan ?? '-',
  };
  const notApplicable = (reason: string): MyKpResult => ({ applicable: false, reason, employee, next: null, earliest: null });
  if (e.statusKepegawaian !== 'PNS') return notApplicable(`Kenaikan pangkat hanya untuk PNS; status Anda ${e.statusKepegawaian}.`);
  if (e.tmtBerhenti && dateToIso(e.tmtBerhenti) <= today) return notApplicable('Anda sudah tidak aktif sebagai PNS.');
  if (!current) return notApplicable('Belum ada periode KP mendatang.');

  const [row] = await loadKpInputs(db, { opdIds: null, employeeId }, today, skpFromFor(current));
  if (!row) return notApplicable('Anda sudah tidak aktif sebagai PNS.');
  const [verdict] = judge([row], current, cal.regimes) as [KpVerdict];
  if (verdict.result.codes.includes('DATA_TIDAK_LENGKAP') && !verdict.result.candidates.length) {
    return notApplicable(verdict.result.reasons.join(' '));
  }
  const windows = new Map(upcomingPeriods(cal, current.period, EARLIEST_HORIZON_PERIODS).map((w) => [w.period, w]));
  const earliest = kpEarliest([...windows.keys()], (p) => kpInputOf(row, windows.get(p)!, cal.regimes).input!);
  return {
    applicable: true,
    reason: null,
    employee,
    next: {
      period: presentPeriod(current, today),
      eligible: verdict.result.eligible,
      jenis: verdict.result.jenis,
      to: verdict.result.to,
      reasons: verdict.result.reasons,
      flags: verdict.result.flags,
    },
    earliest: earliest
      ? {
          period: presentPeriod(windows.get(earliest.period) ?? kpPeriodWindow(earliest.period, cal.regimes, cal.overrides)!, today),
          eligible: earliest.eligible,
          jenis: earliest.jenis,
          to: earliest.to,
          missing: earliest.missing,
          flags: earliest.flags,
        }
      : null,
  };
}

// ---------------------------------------------------------------------------
// Angka kredit (PAK)

async function employeeRef(db: Db, id: number) {
  const e = await db.employee.findUnique({ where: { id }, select: { id: true, opdId: true, atasanId: true } });
  if (!e) throw NotFound('Pegawai');
  return e;
}

const presentAk = (a: { id: number; employeeId: number; nilai: unknown; tanggalPak: Date; nomorPak: string; documentId: number | null }) => ({
  id: a.id,
  employeeId: a.employeeId,
  nilai: Number(a.nilai),
  tanggalPak: dateToIso(a.tanggalPak),
  nomorPak: a.nomorPak,
  documentId: a.documentId,
});

export async function listAngkaKredit(db: Db, actor: Actor, employeeId: number) {
  authorize(angkaKreditPolicy, 'read', actor, await employeeRef(db, employeeId));
  const rows = await db.angkaKredit.findMany({ where: { employeeId }, orderBy: [{ tanggalPak: 'desc' }, { id: 'desc' }] });
  return { items: rows.map(presentAk) };
}

export async function recordAngkaKredit(db: Db, actor: Actor, meta: RequestMeta, employeeId: number, body: AngkaKreditBody) {
  authorize(angkaKreditPolicy, 'record', actor, await employeeRef(db, employeeId));
  return db.$transaction(async (tx) => {
    if (body.documentId != null) {
      const doc = await tx.document.findUnique({ where: { id: body.documentId }, select: { employeeId: true } });
      if (!doc || doc.employeeId !== employeeId) throw Unprocessable('document_not_owned', 'Dokumen PAK harus dokumen milik pegawai ini.', { documentId: body.documentId });
    }
    const row = await tx.angkaKredit.create({
      data: { employeeId, nilai: body.nilai, tanggalPak: isoToDate(body.tanggalPak), nomorPak: body.nomorPak, documentId: body.documentId ?? null },
    });
    await writeAudit(tx, meta, { action: 'angka_kredit.created', entityType: 'angka_kredit', entityId: row.id, employeeId, after: presentAk(row) });
    return presentAk(row);
  });
}
