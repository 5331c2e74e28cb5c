/**
 * e-Berkala detection: finds every employee whose next KGB TMT falls within the
 * lead time and creates exactly one KGB draft per employee and TMT, with no OPD
 * action. Idempotent: the (employee, TMT) unique key and the request's dedupe key
 * make a rerun create nothing twice; each batch commits on its own, so a run that
 * dies midway leaves only whole batches and the next run creates the rest.
 */
import {
  addDays,
  formatTanggal,
  addMonths,
  dateToIso,
  isGolongan,
  isoToDate,
  kgbPostponement,
  nextKgb,
  selectGajiPokokTable,
  appToday,
  type Golongan,
  type HukdisRecord,
  type IsoDate,
} from '@simak/shared';
import { systemMeta, type RequestMeta } from '../../audit/audit.ts';
import type { Db } from '../../db.ts';
import { createRequests } from '../../workflow/engine.ts';
import { getSetting } from '../settings/service.ts';
import { kgbChecklist, kgbWorkflow } from './definition.ts';
import { allSalaryTables, gajiOf } from './salary.ts';

export interface ScanResult {
  scanned: number;
  created: number;
  alreadyPresent: number;
  postponed: number;
}

export interface ScanOptions {
  today?: IsoDate;
  batchSize?: number;
  meta?: RequestMeta;
  /** Called after each committed batch (progress; tests use it to simulate a crash). */
  onBatch?: (batchNo: number, soFar: ScanResult) => void | Promise<void>;
}

interface Row {
  id: number;
  opd_id: number;
  nama: string;
  nip: string;
  status: string;
  golongan: string;
  tmt_golongan: Date;
  mkg_tahun: number;
  mkg_bulan: number;
  tmt_cpns: Date | null;
  kgb_tmt: Date | null;
  kgb_mkg_tahun: number | null;
  kgb_mkg_bulan: number | null;
  next_kgb_tmt: Date | null;
}

export interface KgbPayload {
  tmt: IsoDate;
  golongan: string;
  mkgTahun: number;
  mkgBulan: number;
  gajiPokokLama: number | null;
  gajiPokokBaru: number | null;
  regulation: string | null;
  basis: { kind: 'KP' | 'KGB'; tmt: IsoDate; mkgTahun: number; mkgBulan: number };
  postponed: boolean;
  reasons: string[];
  warnings: string[];
  lastSkp: { tahun: number; predikat: string | null; nilai: number | null } | null;
  missingDocuments: string[];
  /** The letter, once the KGB is finalized. */
  letter?: { id: number; number: string; date: IsoDate };
}

/** Computes the KGB due for one employee row (pure apart from the tables). */
export function computeKgb(
  r: Pick<Row, 'golongan' | 'tmt_golongan' | 'mkg_tahun' | 'mkg_bulan' | 'tmt_cpns' | 'kgb_tmt' | 'kgb_mkg_tahun' | 'kgb_mkg_bulan'>,
  tables: Parameters<typeof selectGajiPokokTable>[0],
) {
  const golongan = r.golongan as Golongan;
  const fromKgb = r.kgb_tmt != null && r.kgb_mkg_tahun != null;
  const basis = fromKgb
    ? { kind: 'KGB' as const, tmt: dateToIso(r.kgb_tmt!), mkgTahun: r.kgb_mkg_tahun!, mkgBulan: r.kgb_mkg_bulan ?? 0 }
    : { kind: 'KP' as const, tmt: dateToIso(r.tmt_golongan), mkgTahun: r.mkg_tahun, mkgBulan: r.mkg_bulan };
  const next = nextKgb({
    golongan,
    mkgTahun: basis.mkgTahun,
    mkgBulan: basis.mkgBulan,
    tmtBase: basis.tmt,
    tmtCpns: r.tmt_cpns ? dateToIso(r.tmt_cpns) : null,
    lastKgbTmt: fromKgb ? basis.tmt : null,
  });
  const table = selectGajiPokokTable(tables, next.tmt);
  // The old salary is the one paid the day before the TMT (a new regulation may start on the TMT itself).
  const lamaTable = selectGajiPokokTable(tables, addDays(next.tmt, -1)) ?? table;
  return {
    next,
    basis,
    regulation: table?.regulation ?? null,
    gajiPokokLama: lamaTable ? gajiOf(lamaTable, golongan, basis.mkgTahun) : null,
    gajiPokokBaru: table ? gajiOf(table, golongan, next.mkgTahun) : null,
  };
}

export async function runKgbScan(db: Db, opts: ScanOptions = {}): Promise<ScanResult> {
  const today = opts.today ?? appToday();
  const meta = opts.meta ?? systemMeta('berkala.scan');
  const batchSize = opts.batchSize ?? 2000;
  const [lead, threshold, includePppk, tables] = await Promise.all([
    getSetting(db, 'berkala.lead_months'),
    getSetting(db, 'berkala.skp_threshold'),
    getSetting(db, 'berkala.include_pppk'),
    allSalaryTables(db),
  ]);
  const horizon = addMonths(today, lead);
  const oldest = addMonths(today, -12);
  const statuses = includePppk ? ['PNS', 'CPNS', 'PPPK'] : ['PNS', 'CPNS'];
  const result: ScanResult = { scanned: 0, created: 0, alreadyPresent: 0, postponed: 0 };
  // Batches are id ranges (not LIMIT): each batch's work stays bounded whatever the planner estimates.
  const maxRow = await db.$queryRaw<{ max: number | null }[]>`SELECT max(id) AS max FROM employee`;
  const maxId = maxRow[0]?.max ?? 0;
  let lastId = 0;
  let batchNo = 0;

  while (lastId < maxId) {
    const upTo = lastId + batchSize;
    const rows = await db.$queryRaw<Row[]>`
      SELECT e.id, e.opd_id, e.nama, e.nip, e.status_kepegawaian::text AS status, e.golongan, e.tmt_golongan, e.mkg_tahun, e.mkg_bulan,
             e.tmt_cpns, ks.next_tmt AS next_kgb_tmt, k.tmt AS kgb_tmt, k.mkg_tahun AS kgb_mkg_tahun, k.mkg_bulan AS kgb_mkg_bulan
      FROM employee e
      LEFT JOIN LATERAL (
        SELECT tmt, mkg_tahun, mkg_bulan FROM riwayat_kgb
        WHERE employee_id = e.id AND tmt >= e.tmt_golongan ORDER BY tmt DESC LIMIT 1
      ) k ON true
      LEFT JOIN kgb_schedule ks ON ks.employee_id = e.id
      WHERE e.id > ${lastId} AND e.id <= ${upTo}
        AND e.status_kepegawaian = ANY(${statuses}::"StatusKepegawaian"[])
        AND (e.tmt_berhenti IS NULL OR e.tmt_berhenti > ${isoToDate(today)}::date)
        AND e.golongan IS NOT NULL AND e.tmt_golongan IS NOT NULL AND e.mkg_tahun IS NOT NULL
      ORDER BY e.id`;
    lastId = upTo;
    if (!rows.length) continue;
    batchNo++;
    result.scanned += rows.length;

    const computed = rows
      .filter((r) => isGolongan(r.golongan))
      .map((r) => {
        try {
          return { r, k: computeKgb(r, tables) };
        } catch {
          return null; // inconsistent MKG data: left for BKD to correct, never crashes the scan
        }
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);

    // Keep each employee's next TMT (dashboards, the ASN's view); only changed rows are written.
    const changed = computed.filter(({ r, k }) => (r.next_kgb_tmt ? dateToIso(r.next_kgb_tmt) : null) !== k.next.tmt);
    if (changed.length) {
      await db.$executeRaw`
        INSERT INTO kgb_schedule (employee_id, next_tmt, updated_at)
        SELECT v.id, v.tmt, now() FROM unnest(${changed.map((c) => c.r.id)}::int[], ${changed.map((c) => c.k.next.tmt)}::date[]) AS v(id, tmt)
        ON CONFLICT (employee_id) DO UPDATE SET next_tmt = EXCLUDED.next_tmt, updated_at = now()`;
    }

    const due = computed.filter(({ k }) => k.next.tmt <= horizon && k.next.tmt >= oldest);
    if (!due.length) {
      await opts.onBatch?.(batchNo, { ...result });
      continue;
    }
    const ids = due.map((d) => d.r.id);
    const present = await db.kgbDraft.findMany({ where: { employeeId: { in: ids } }, select: { employeeId: true, tmt: true } });
    const presentKeys = new Set(present.map((p) => `${p.employeeId}:${dateToIso(p.tmt)}`));
    const fresh = due.filter(({ r, k }) => !presentKeys.has(`${r.id}:${k.next.tmt}`));
    result.alreadyPresent += due.length - fresh.length;

    if (fresh.length) {
      const freshIds = fresh.map((f) => f.r.id);
      const [skps, penalties, docs] = await Promise.all([
        db.riwayatSkp.findMany({ where: { employeeId: { in: freshIds } }, orderBy: { tahun: 'desc' } }),
        db.riwayatHukdis.findMany({ where: { employeeId: { in: freshIds } } }),
        db.document.findMany({ where: { employeeId: { in: freshIds }, isCurrent: true, jenis: { in: ['SK_PANGKAT', 'SK_KGB', 'SKP'] } }, select: { id: true, employeeId: true, jenis: true } }),
      ]);
      const skpBy = groupBy(skps, (s) => s.employeeId);
      const penBy = groupBy(penalties, (p) => p.employeeId);
      const docBy = groupBy(docs, (d) => d.employeeId);

      const drafts = fresh.map(({ r, k }) => {
        const tmtYear = Number(k.next.tmt.slice(0, 4));
        const lastSkp = (skpBy.get(r.id) ?? []).find((s) => s.tahun <= tmtYear - 1) ?? null;
        const pens: HukdisRecord[] = (penBy.get(r.id) ?? []).map((p) => ({
          tingkat: p.tingkat,
          jenis: p.jenis,
          tanggalSk: dateToIso(p.tanggalSk),
          tmt: p.tmt ? dateToIso(p.tmt) : null,
          tmtSelesai: p.tmtSelesai ? dateToIso(p.tmtSelesai) : null,
        }));
        const post = kgbPostponement({
          lastSkpPredicate: lastSkp?.predikat ?? null,
          lastSkpScore: lastSkp?.nilai != null ? Number(lastSkp.nilai) : null,
          threshold,
          penalties: pens,
          onDate: k.next.tmt,
        });
        const myDocs = docBy.get(r.id) ?? [];
        const missing = (['SK_PANGKAT', 'SK_KGB', 'SKP'] as const).filter(
          (t) => !myDocs.some((d) => d.jenis === t) && !(t === 'SK_KGB' && k.basis.kind === 'KP'),
        );
        const payload: KgbPayload = {
          tmt: k.next.tmt,
          golongan: r.golongan,
          mkgTahun: k.next.mkgTahun,
          mkgBulan: k.next.mkgBulan,
          gajiPokokLama: k.gajiPokokLama,
          gajiPokokBaru: k.gajiPokokBaru,
          regulation: k.regulation,
          basis: k.basis,
          postponed: post.postponed,
          reasons: post.reasons,
          warnings: [...k.next.warnings, ...(k.next.tmt < today ? ['TMT KGB sudah lewat: segera diproses.'] : [])],
          lastSkp: lastSkp ? { tahun: lastSkp.tahun, predikat: lastSkp.predikat, nilai: lastSkp.nilai != null ? Number(lastSkp.nilai) : null } : null,
          missingDocuments: missing,
        };
        // The checklist pre-filled from the vault: the latest current document of each type it asks for.
        const items = kgbChecklist(payload).flatMap((c) => {
          const doc = myDocs.filter((d) => d.jenis === c.docType).sort((a, b) => b.id - a.id)[0];
          return doc ? [{ key: c.key, documentId: doc.id }] : [];
        });
        return { r, payload, items, docIds: myDocs.map((d) => d.id) };
      });

      const created = await db.$transaction(
        async (tx) => {
          // Through the engine, set-based: requests, timeline events, checklist items pre-filled from the vault,
          // document links and audit rows in one statement each; the dedupe key makes a rerun create nothing.
          const made = await createRequests(
            tx,
            kgbWorkflow,
            drafts.map((d) => ({
              employeeId: d.r.id,
              opdId: d.r.opd_id,
              title: `KGB TMT ${formatTanggal(d.payload.tmt)} — ${d.r.nama}`,
              payload: d.payload,
              state: d.payload.postponed ? 'DITUNDA' : 'DRAFT',
              dedupeKey: `KGB:${d.r.id}:${d.payload.tmt}`,
              note: d.payload.postponed ? `Ditunda: ${d.payload.reasons.join(' ')}` : 'Draf KGB dibuat otomatis.',
              items: d.items,
              attachments: d.docIds.map((documentId) => ({ documentId, role: 'DASAR' })),
            })),
            { actor: null, meta, systemName: 'Sistem (e-Berkala)' },
          );
          if (!made.length) return [];
          const byKey = new Map(drafts.map((d) => [`KGB:${d.r.id}:${d.payload.tmt}`, d]));
          const rows = made.map((q) => ({ q, d: byKey.get(q.dedupeKey!)! }));
          await tx.kgbDraft.createMany({
            data: rows.map(({ q, d }) => ({
              requestId: q.id,
              employeeId: q.employeeId,
              tmt: isoToDate(d.payload.tmt),
              golongan: d.payload.golongan,
              mkgTahun: d.payload.mkgTahun,
              mkgBulan: d.payload.mkgBulan,
              gajiPokokLama: d.payload.gajiPokokLama,
              gajiPokokBaru: d.payload.gajiPokokBaru,
              postponed: d.payload.postponed,
              reasons: d.payload.reasons,
            })),
          });
          return rows;
        },
        { timeout: 120_000 },
      );
      result.created += created.length;
      result.alreadyPresent += fresh.length - created.length;
      result.postponed += created.filter((c) => c.d.payload.postponed).length;
    }
    await opts.onBatch?.(batchNo, { ...result });
  }
  return result;
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
