/**
 * Opening pension files: the daily job opens a BUP file for everyone whose lead time has started
 * (idempotent: the engine's dedupe key is one file per employee and TMT, so a second run or a run
 * after a crash skips what exists), and the OPD admin opens the other kinds. Each file is pre-filled
 * (DPCP from the profile and family, service history, last rank, salary and position) and its
 * checklist pre-attached from the vault. Also the daily exits at the SK's TMT.
 */
import { addYears, appToday, dateToIso, pensiunFileDueDate, pensiunFileOpensOn, tmtPensiun, type IsoDate } from '@simak/shared';
import { PENSIUN_KIND_LABELS, type Dpcp, type PensiunOpenBody, type PensiunPayload } from '@simak/shared/api/pensiun';
import type { Actor } from '../../auth/actor.ts';
import { systemMeta, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { Forbidden, NotFound, Unprocessable } from '../../errors.ts';
import { isBkd, managesOpd } from '../../lib/authz.ts';
import { createRequest, createRequests, loadRequest, type NewRequest } from '../../workflow/engine.ts';
import { fullName } from '../requests/presenter.ts';
import { getSetting } from '../settings/service.ts';
import { PENSIUN, pensiunChecklist, pensiunWorkflow, skpYearsOf } from './definition.ts';
import { notifyRequestParties } from '../../workflow/presets.ts';
import { dedupeKeyOf, forecast } from './forecast.ts';
import { bupOf, loadBupRules } from './rules.ts';
import { recordExit } from './sk.ts';

const iso = (d: Date | null) => (d ? dateToIso(d) : null);

/** DPCP and checklist documents of employees, loaded set-based. */
async function prefill(db: Db | Tx, employeeIds: number[]) {
  const rows = await db.employee.findMany({
    where: { id: { in: employeeIds } },
    include: {
      opd: { select: { nama: true } },
      keluarga: { orderBy: [{ tanggalLahir: 'asc' }, { id: 'asc' }] },
      riwayatPangkat: { orderBy: [{ tmtGolongan: 'asc' }, { id: 'asc' }] },
      riwayatJabatan: { orderBy: [{ tmtJabatan: 'asc' }, { id: 'asc' }] },
      riwayatSkp: { select: { tahun: true, documentId: true } },
      riwayatKgb: { orderBy: { tmt: 'desc' }, take: 1 },
      documents: { where: { isCurrent: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, jenis: true } },
    },
  });
  return new Map(rows.map((e) => [e.id, e]));
}
type Loaded = NonNullable<Awaited<ReturnType<typeof prefill>> extends Map<number, infer V> ? V : never>;

function dpcpOf(e: Loaded, tmt: IsoDate): Dpcp {
  const cutoff = addYears(tmt, -25);
  return {
    nip: e.nip,
    nama: fullName(e),
    tempatLahir: e.tempatLahir,
    tanggalLahir: dateToIso(e.tanggalLahir),
    jenisKelamin: e.jenisKelamin,
    alamat: e.alamat,
    statusKepegawaian: e.statusKepegawaian,
    tmtCpns: iso(e.tmtCpns),
    tmtPns: iso(e.tmtPns),
    opd: e.opd.nama,
    jabatan: { jenis: e.jenisJabatan, nama: e.namaJabatan, eselon: e.eselon, tmt: iso(e.tmtJabatan) },
    pangkat: { golongan: e.golongan, tmt: iso(e.tmtGolongan), mkgTahun: e.mkgTahun, mkgBulan: e.mkgBulan },
    gajiPokok: e.gajiPokok,
    pasangan: e.keluarga
      .filter((k) => k.hubungan === 'SUAMI' || k.hubungan === 'ISTRI')
      .map((k) => ({ hubungan: k.hubungan, nama: k.nama, tanggalLahir: iso(k.tanggalLahir), tanggalNikah: iso(k.tanggalNikah) })),
    // Children under 25 at the TMT (an unknown birth date is listed, for the OPD admin to check).
    anak: e.keluarga.filter((k) => k.hubungan === 'ANAK' && (!k.tanggalLahir || dateToIso(k.tanggalLahir) > cutoff)).map((k) => ({ nama: k.nama, tanggalLahir: iso(k.tanggalLahir) })),
    riwayatPangkat: e.riwayatPangkat.map((r) => ({ golongan: r.golongan, tmt: dateToIso(r.tmtGolongan), nomorSk: r.nomorSk })),
    riwayatJabatan: e.riwayatJabatan.map((r) => ({ nama: r.namaJabatan, tmt: dateToIso(r.tmtJabatan) })),
  };
}

/** Checklist items filled from the vault: the newest current document of each type; SKP by year; the last SK pangkat/KGB from the histories. */
function vaultItems(e: Loaded, payload: PensiunPayload, variant: string): { key: string; documentId: number }[] {
  const latest = new Map<string, number>();
  for (const d of e.documents) if (!latest.has(d.jenis)) latest.set(d.jenis, d.id);
  const lastPangkat = [...e.riwayatPangkat].reverse().find((r) => r.documentId != null)?.documentId;
  const lastKgb = e.riwayatKgb[0]?.documentId;
  const years = skpYearsOf(payload.tmtPensiun);
  const out: { key: string; documentId: number }[] = [];
  for (const spec of pensiunChecklist(payload, variant)) {
    if (spec.anyType) continue;
    let id: number | null | undefined;
    if (spec.key.startsWith('SKP_')) id = e.riwayatSkp.find((s) => s.tahun === Number(spec.key.slice(4)) && years.includes(s.tahun as never))?.documentId;
    else if (spec.key === 'SK_PANGKAT') id = lastPangkat ?? latest.get('SK_PANGKAT');
    else if (spec.key === 'SK_KGB') id = lastKgb ?? latest.get('SK_KGB');
    else id = latest.get(spec.docType);
    if (id != null) out.push({ key: spec.key, documentId: id });
  }
  return out;
}

export interface OpenResult {
  opened: number;
  /** Files already open (a rerun). */
  existing: number;
  requestIds: number[];
}

/**
 * Opens a BUP file for everyone whose TMT is ahead and whose file is due (TMT − pensiun.lead_months)
 * within pensiun.open_ahead_months of `today`: the OPD admin gets those months to complete it on time.
 */
export async function openDueFiles(db: Db, today: IsoDate = appToday(), meta: RequestMeta = systemMeta(`pensiun.open/${today}`)): Promise<OpenResult> {
  const [lead, ahead] = await Promise.all([getSetting(db, 'pensiun.lead_months'), getSetting(db, 'pensiun.open_ahead_months')]);
  const f = await forecast(db, { asOf: today, months: lead + ahead, opdIds: null });
  const due = f.items.filter((i) => pensiunFileOpensOn(i.dueDate, ahead) <= today && !i.file);
  if (!due.length) return { opened: 0, existing: f.items.length - due.length, requestIds: [] };
  const requestIds: number[] = [];
  // Batches of 200, each in one transaction with the engine's set-based creation: a crash loses at most the batch in flight, and the rerun skips what exists.
  for (let i = 0; i < due.length; i += 200) {
    const chunk = due.slice(i, i + 200);
    const created = await db.$transaction(async (tx) => {
      const loaded = await prefill(tx, chunk.map((c) => c.employeeId));
      const items: NewRequest<PensiunPayload>[] = chunk.flatMap((c) => {
        const e = loaded.get(c.employeeId);
        if (!e) return [];
        const payload: PensiunPayload = { jenis: 'BUP', tmtPensiun: c.tmtPensiun, bup: c.bup, bupBasis: c.bupBasis, dueDate: c.dueDate, openedBy: 'SYSTEM', dpcp: dpcpOf(e, c.tmtPensiun) };
        return [{ employeeId: c.employeeId, opdId: c.opdId, title: c.nama, payload, variant: 'BUP', dedupeKey: dedupeKeyOf(c.employeeId, c.tmtPensiun), items: vaultItems(e, payload, 'BUP'), note: `Dibuka otomatis: tenggang ${lead} bulan sebelum TMT pensiun ${c.tmtPensiun}.` }];
      });
      const made = await createRequests(tx, pensiunWorkflow, items, { actor: null, meta, systemName: 'Sistem (Mantun)' });
      for (const m of made) {
        const it = items.find((x) => x.dedupeKey === m.dedupeKey)!;
        await notifyRequestParties(tx, { id: m.id, employeeId: m.employeeId, opdId: it.opdId }, {
          kind: 'pensiun.opened',
          title: 'Berkas pensiun dibuka',
          body: `Berkas pensiun BUP ${it.title} (TMT ${it.payload.tmtPensiun}) telah dibuka dan diisi dari data kepegawaian. Admin OPD melengkapi dan mengajukannya ke BKD paling lambat ${it.payload.dueDate}.`,
        });
      }
      return made;
    }, { timeout: 60_000 });
    requestIds.push(...created.map((c) => c.id));
  }
  return { opened: requestIds.length, existing: f.items.length - requestIds.length, requestIds };
}

/** The OPD admin (or a BKD admin) opens a file of any kind; a BUP file's TMT follows from the rules. */
export async function openFile(db: Db, actor: Actor, meta: RequestMeta, body: PensiunOpenBody) {
  const emp = await db.employee.findUnique({ where: { id: body.employeeId }, select: { id: true, opdId: true, tanggalLahir: true, statusKepegawaian: true, tmtBerhenti: true, jenisJabatan: true, eselon: true, jenjangFungsional: true, rumpunFungsional: true } });
  if (!emp) throw NotFound('Pegawai');
  if (!isBkd(actor) && !managesOpd(actor, emp.opdId)) throw Forbidden('Pegawai ini di luar lingkup OPD Anda.');
  if (emp.statusKepegawaian !== 'PNS' && emp.statusKepegawaian !== 'CPNS') throw Unprocessable('not_pns', 'Berkas pensiun hanya untuk PNS/CPNS.');
  if (emp.tmtBerhenti) throw Unprocessable('already_left', 'Pegawai sudah tercatat berhenti.');
  const rules = await loadBupRules(db);
  const bup = bupOf(emp, rules);
  const bupTmt = tmtPensiun(dateToIso(emp.tanggalLahir), bup.bup);
  const tmt = body.jenis === 'BUP' ? bupTmt : body.tmt;
  if (!tmt) throw Unprocessable('validation_failed', 'TMT pensiun wajib diisi.', [{ location: 'body', path: 'tmt', message: 'TMT pensiun wajib diisi.', code: 'required' }]);
  const lead = await getSetting(db, 'pensiun.lead_months');
  return db.$transaction(async (tx) => {
    const e = (await prefill(tx, [emp.id])).get(emp.id)!;
    const payload: PensiunPayload = {
      jenis: body.jenis,
      tmtPensiun: tmt,
      bup: body.jenis === 'BUP' ? bup.bup : null,
      bupBasis: body.jenis === 'BUP' ? bup.basis : null,
      dueDate: body.jenis === 'BUP' ? pensiunFileDueDate(tmt, lead) : null,
      openedBy: 'OPD',
      dpcp: dpcpOf(e, tmt),
    };
    const made = await createRequest(tx, pensiunWorkflow, {
      employeeId: emp.id,
      opdId: emp.opdId,
      title: fullName(e),
      payload,
      variant: body.jenis,
      dedupeKey: dedupeKeyOf(emp.id, tmt),
      items: vaultItems(e, payload, body.jenis),
      note: body.note ?? null,
    }, { actor, meta });
    await notifyRequestParties(tx, { id: made.id, employeeId: emp.id, opdId: emp.opdId }, {
      kind: 'pensiun.opened',
      title: 'Berkas pensiun dibuka',
      body: `Berkas ${PENSIUN_KIND_LABELS[body.jenis].toLowerCase()} ${fullName(e)} (TMT ${tmt}) telah dibuka oleh ${actor.displayName}.`,
    });
    return { requestId: made.id, state: made.state };
  });
}

/** Records the exit of everyone whose SK pensiun has reached its TMT (idempotent). */
export async function recordDueExits(db: Db, today: IsoDate = appToday()): Promise<number> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM workflow_request
    WHERE type = ${PENSIUN} AND state IN ('SK_TERBIT', 'SK_DISERAHKAN')
      AND payload->'sk'->>'tmt' <= ${today} AND payload->>'exitRecordedAt' IS NULL
    ORDER BY id`;
  let n = 0;
  for (const r of rows) {
    await db.$transaction(async (tx) => {
      const req = await loadRequest(tx, pensiunWorkflow, r.id);
      if (!req || req.payload.exitRecordedAt) return;
      const payload = await recordExit(tx, req, systemMeta(`pensiun.exit/${r.id}`), today);
      await tx.workflowRequest.update({ where: { id: req.id }, data: { payload: JSON.parse(JSON.stringify(payload)) } });
      await tx.requestEvent.create({ data: { requestId: req.id, actorName: 'Sistem (Mantun)', action: 'exit_recorded', fromState: req.state, toState: req.state, note: `Pemberhentian dengan hak pensiun berlaku TMT ${payload.sk!.tmt}.` } });
      n++;
    });
  }
  return n;
}
