/**
 * KP proposals (e-Pangkat part 3): the OPD admin (or a BKD admin) proposes employees from the
 * eligibility list for one period, as one batch of KP requests on the verification engine.
 *
 * All or nothing: every employee must be in the proposer's scope (403), an active PNS eligible at
 * the period (422 `not_eligible` listing each refused one with the reasons), and not proposed
 * for the period already (409 `duplicate_proposal`; dedupe key `KP:<employee>:<period>`). A batch
 * that is created holds exactly the employees asked for, so what the admin picked from the list
 * is what goes to BKD. Each checklist is pre-filled from the vault (SK CPNS/PNS, last SK pangkat,
 * the SKP of the two years, diploma, SK jabatan, the PAK of the angka kredit record), so only what
 * is missing is uploaded. Submitting is the batch's `submit` action (inside the window).
 */
import { appToday, dateToIso, formatTanggal, type Golongan, type IsoDate } from '@simak/shared';
import type { KpProposalBody, KpProposalPayload, KpProposalResult } from '@simak/shared/api/pangkat';
import { kpSkpYears, type KpPeriodWindow } from '@simak/shared/rules/kp-periods';
import type { Actor } from '../../auth/actor.ts';
import type { RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { AppError, Conflict, Forbidden, NotFound, Unprocessable } from '../../errors.ts';
import type { DocumentType } from '../../generated/prisma/enums.ts';
import { isBkd, managesOpd } from '../../lib/authz.ts';
import { createBatch } from '../../workflow/batch.ts';
import type { NewRequest } from '../../workflow/engine.ts';
import { loadOpdTree, type OpdTree } from '../indicators/scope.ts';
import { fullName } from '../../lib/names.ts';
import { KP, kpChecklist, kpWorkflow } from './definition.ts';
import { judgeEmployees, type KpVerdict } from './eligibility.ts';
import { loadCalendar, nextPeriods, OPD_PERIODS_AHEAD, presentPeriod, windowOrFail } from './periods.ts';

export const kpDedupeKey = (employeeId: number, period: IsoDate) => `${KP}:${employeeId}:${period}`;

/** The payload of an eligible verdict (the figures the eligibility was judged on). */
function payloadOf(v: KpVerdict, window: KpPeriodWindow): KpProposalPayload {
  const { row, result } = v;
  return {
    period: window.period,
    jenis: result.jenis!,
    from: result.from as Golongan,
    to: result.to!,
    tmtGolongan: dateToIso(row.tmt_golongan!),
    window: { opens: window.opens, closes: window.closes },
    skpYears: kpSkpYears(window),
    basis: {
      pendidikan: row.pendidikan_terakhir,
      jenisJabatan: row.jenis_jabatan as KpProposalPayload['basis']['jenisJabatan'],
      namaJabatan: row.nama_jabatan,
      eselon: row.eselon,
      jenjang: row.jenjang_fungsional,
      tmtJabatan: row.tmt_jabatan ? dateToIso(row.tmt_jabatan) : null,
      skp: (row.skp_tahun ?? []).map((tahun, i) => ({ tahun, predikat: row.skp_predikat?.[i] ?? null, nilai: row.skp_nilai?.[i] ?? null })),
      angkaKredit:
        row.ak_nilai != null && row.ak_tanggal ? { nilai: row.ak_nilai, tanggalPak: dateToIso(row.ak_tanggal), nomorPak: row.ak_nomor } : null,
    },
    flags: result.flags.map((f) => ({ code: f.code, message: f.message })),
  };
}

/** The unit a batch belongs to: the members' unit, else the proposer's grant covering them all, else their common top-level OPD. */
function batchOpd(tree: OpdTree, actor: Actor, opdIds: number[]): number {
  const unique = [...new Set(opdIds)];
  if (unique.length === 1) return unique[0]!;
  if (!isBkd(actor)) {
    const grant = actor.opds.find((o) => {
      const sub = new Set(tree.subtree(o.id));
      return unique.every((id) => sub.has(id));
    });
    if (grant) return grant.id;
  }
  const roots = new Set(unique.map((id) => tree.rootOf(id)));
  if (roots.size === 1) return [...roots][0]!;
  throw Unprocessable('mixed_opd', 'Satu kelompok usulan hanya untuk pegawai dari satu OPD; buat usulan terpisah per OPD.');
}

/** Document types taken as "the latest current document of the type" from the vault. */
const LATEST_OF_TYPE: ReadonlySet<DocumentType> = new Set(['SK_CPNS', 'SK_PNS', 'SK_PANGKAT', 'IJAZAH', 'TRANSKRIP', 'SK_JABATAN']);

/**
 * The checklist items filled from each employee's vault: the latest current document of each
 * type asked for (the last SK pangkat by its rank history first), the SKP document recorded for
 * each of the two years, and the PAK of the angka kredit record the eligibility used. Items that
 * accept any type (letters) are never guessed.
 */
async function prefill(tx: Tx, requests: { employeeId: number; payload: KpProposalPayload; akDocumentId: number | null }[]) {
  const ids = requests.map((r) => r.employeeId);
  const years = [...new Set(requests.flatMap((r) => r.payload.skpYears))];
  const [docs, skp, pangkat] = await Promise.all([
    tx.document.findMany({
      where: { employeeId: { in: ids }, isCurrent: true, jenis: { in: [...LATEST_OF_TYPE] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, employeeId: true, jenis: true },
    }),
    tx.riwayatSkp.findMany({ where: { employeeId: { in: ids }, tahun: { in: years }, documentId: { not: null } }, select: { employeeId: true, tahun: true, documentId: true } }),
    tx.riwayatPangkat.findMany({
      where: { employeeId: { in: ids }, documentId: { not: null } },
      orderBy: [{ tmtGolongan: 'desc' }, { id: 'desc' }],
      select: { employeeId: true, documentId: true },
    }),
  ]);
  const latest = new Map<string, number>();
  for (const d of docs) if (!latest.has(`${d.employeeId}:${d.jenis}`)) latest.set(`${d.employeeId}:${d.jenis}`, d.id);
  for (const p of pangkat) if (!latest.has(`${p.employeeId}:rank`)) latest.set(`${p.employeeId}:rank`, p.documentId!);
  const skpDoc = new Map(skp.map((s) => [`${s.employeeId}:${s.tahun}`, s.documentId!]));

  return requests.map((r) =>
    kpChecklist(r.payload, r.payload.jenis).flatMap((spec) => {
      let documentId: number | undefined;
      if (spec.docType === 'SKP') documentId = skpDoc.get(`${r.employeeId}:${spec.key.slice('SKP_'.length)}`);
      else if (spec.key === 'PAK') documentId = r.akDocumentId ?? undefined;
      else if (spec.key === 'SK_PANGKAT') documentId = latest.get(`${r.employeeId}:rank`) ?? latest.get(`${r.employeeId}:SK_PANGKAT`);
      else if (!spec.anyType && LATEST_OF_TYPE.has(spec.docType)) documentId = latest.get(`${r.employeeId}:${spec.docType}`);
      return documentId ? [{ key: spec.key, documentId }] : [];
    }),
  );
}

export async function createProposals(db: Db, actor: Actor, meta: RequestMeta, body: KpProposalBody, today: IsoDate = appToday()): Promise<KpProposalResult> {
  const cal = await loadCalendar(db);
  const window = windowOrFail(cal, body.period);
  if (!isBkd(actor) && !nextPeriods(cal, OPD_PERIODS_AHEAD, today).some((w) => w.period === window.period)) {
    throw Forbidden('Admin OPD hanya dapat mengusulkan untuk periode-periode mendatang.');
  }
  if (window.closes < today) {
    throw Unprocessable(
      'submission_window_closed',
      `Jadwal pengusulan periode ${formatTanggal(window.period)} sudah ditutup (${formatTanggal(window.opens)} – ${formatTanggal(window.closes)}).`,
      { period: window.period, opens: window.opens, closes: window.closes },
    );
  }

  // Scope: an OPD admin proposes only their units' employees (unknown ids look the same: no probing).
  const employees = await db.employee.findMany({ where: { id: { in: body.employeeIds } }, select: { id: true, opdId: true, nip: true, nama: true, gelarDepan: true, gelarBelakang: true } });
  const byId = new Map(employees.map((e) => [e.id, e]));
  const unknown = body.employeeIds.filter((id) => !byId.has(id));
  if (!isBkd(actor)) {
    const outside = body.employeeIds.filter((id) => !managesOpd(actor, byId.get(id)?.opdId));
    if (outside.length) throw new AppError(403, 'outside_scope', `Pegawai dengan ID ${outside.join(', ')} di luar lingkup OPD Anda.`, { employeeIds: outside });
  }
  if (unknown.length) throw NotFound(`Pegawai dengan ID ${unknown.join(', ')}`, 'employee_not_found');

  const verdicts = await judgeEmployees(db, window, cal.regimes, body.employeeIds, today);
  const refused = body.employeeIds.flatMap((id) => {
    const v = verdicts.get(id);
    const e = byId.get(id)!;
    if (v?.result.eligible && v.result.jenis && v.result.to) return [];
    return [{ employeeId: id, nip: e.nip, nama: fullName(e), reasons: v ? v.result.reasons : ['Bukan PNS aktif.'] }];
  });
  if (refused.length) {
    throw Unprocessable(
      'not_eligible',
      `${refused.length} pegawai tidak memenuhi syarat KP periode ${formatTanggal(window.period)}: ${refused.map((r) => `${r.nama} (${r.reasons.join(' ')})`).join('; ')}`,
      { ineligible: refused },
    );
  }

  const keys = body.employeeIds.map((id) => kpDedupeKey(id, window.period));
  const existing = await db.workflowRequest.findMany({ where: { dedupeKey: { in: keys } }, select: { id: true, employeeId: true } });
  if (existing.length) {
    throw Conflict(
      'duplicate_proposal',
      `Sudah ada usulan KP periode ${formatTanggal(window.period)} untuk ${existing.map((x) => fullName(byId.get(x.employeeId)!)).join(', ')}.`,
      { existing: existing.map((x) => ({ employeeId: x.employeeId, requestId: x.id })) },
    );
  }

  const tree = await loadOpdTree(db);
  const opdId = batchOpd(tree, actor, employees.map((e) => e.opdId));
  const title = body.title ?? `Usulan KP periode ${formatTanggal(window.period)} — ${tree.ref(opdId).nama}`;
  const members = body.employeeIds.map((id) => {
    const v = verdicts.get(id)!;
    return { id, v, payload: payloadOf(v, window) };
  });

  const { batchId, created, items } = await db.$transaction(async (tx) => {
    const filled = await prefill(tx, members.map((m) => ({ employeeId: m.id, payload: m.payload, akDocumentId: m.v.row.ak_document_id })));
    const news: NewRequest<KpProposalPayload>[] = members.map((m, i) => ({
      employeeId: m.id,
      opdId: m.v.row.opd_id,
      title: `KP ${m.payload.from} → ${m.payload.to} — ${m.v.nama}`,
      payload: m.payload,
      variant: m.payload.jenis,
      dedupeKey: kpDedupeKey(m.id, window.period),
      items: filled[i],
    }));
    const out = await createBatch(tx, kpWorkflow, { opdId, period: window.period, title, data: { kind: 'KP' } }, news, { actor, meta });
    // A proposal made concurrently for the same employee and period: nothing of this batch is kept.
    if (out.created.length !== news.length) throw Conflict('duplicate_proposal', `Sudah ada usulan KP periode ${formatTanggal(window.period)} untuk sebagian pegawai ini.`);
    return { ...out, items: filled };
  });

  const byEmployee = new Map(created.map((c) => [c.employeeId, c]));
  return {
    batchId,
    title,
    period: presentPeriod(window, today),
    items: members.map((m, i) => {
      const c = byEmployee.get(m.id)!;
      const prefilled = items[i]!.map((x) => x.key);
      return {
        requestId: c.id,
        employeeId: m.id,
        nip: m.v.row.nip,
        nama: m.v.nama,
        jenis: m.payload.jenis,
        from: m.payload.from,
        to: m.payload.to,
        state: c.state,
        prefilled,
        missing: kpChecklist(m.payload, m.payload.jenis).filter((s) => s.required && !prefilled.includes(s.key)).map((s) => s.key),
      };
    }),
  };
}
