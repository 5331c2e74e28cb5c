// BASELINE ONLY: the KGB scan as it was before it went through the engine (hand-written set-based
// INSERTs around it), kept so bench/kgb-engine.ts can measure the engine path against it in the same run.
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
import { systemMeta, type RequestMeta } from '../../server/src/audit/audit.ts';
import type { Db } from '../../server/src/db.ts';
import { getSetting } from '../../server/src/modules/settings/service.ts';
import { allSalaryTables, gajiOf } from '../../server/src/modules/berkala/salary.ts';

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
        return { r, payload, docIds: myDocs.map((d) => d.id) };
      });

      const created = await db.$transaction(
        async (tx) => {
          const now = new Date();
          // Set-based insert (one statement per batch); the dedupe key makes a rerun insert nothing.
          const reqs = await tx.$queryRaw<{ id: number; employeeId: number; dedupeKey: string; state: string }[]>`
            INSERT INTO workflow_request (type, state, employee_id, opd_id, title, payload, submitted_at, state_since, dedupe_key, created_at, updated_at)
            SELECT 'KGB', x.state, x.employee_id, x.opd_id, x.title, x.payload::jsonb, ${now}, ${now}, x.dedupe_key, ${now}, ${now}
            FROM unnest(
              ${drafts.map((d) => (d.payload.postponed ? 'DITUNDA' : 'DRAFT'))}::text[],
              ${drafts.map((d) => d.r.id)}::int[],
              ${drafts.map((d) => d.r.opd_id)}::int[],
              ${drafts.map((d) => `KGB TMT ${formatTanggal(d.payload.tmt)} — ${d.r.nama}`)}::text[],
              ${drafts.map((d) => JSON.stringify(d.payload))}::text[],
              ${drafts.map((d) => `KGB:${d.r.id}:${d.payload.tmt}`)}::text[]
            ) AS x(state, employee_id, opd_id, title, payload, dedupe_key)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id, employee_id AS "employeeId", dedupe_key AS "dedupeKey", state`;
          const byKey = new Map(drafts.map((d) => [`KGB:${d.r.id}:${d.payload.tmt}`, d]));
          const made = reqs.map((q) => ({ q, d: byKey.get(q.dedupeKey!)! }));
          if (!made.length) return made;
          // The rest of the batch, set-based as well: drafts, timeline events, base documents, audit rows.
          const ids = made.map(({ q }) => q.id);
          await tx.$executeRaw`
            INSERT INTO kgb_draft (request_id, employee_id, tmt, golongan, mkg_tahun, mkg_bulan, gaji_pokok_lama, gaji_pokok_baru, postponed, reasons)
            SELECT x.request_id, x.employee_id, x.tmt, x.golongan, x.mkg_tahun, x.mkg_bulan, x.lama, x.baru, x.postponed,
                   ARRAY(SELECT jsonb_array_elements_text(x.reasons::jsonb))
            FROM unnest(
              ${ids}::int[], ${made.map(({ q }) => q.employeeId)}::int[], ${made.map(({ d }) => d.payload.tmt)}::date[],
              ${made.map(({ d }) => d.payload.golongan)}::text[], ${made.map(({ d }) => d.payload.mkgTahun)}::int[],
              ${made.map(({ d }) => d.payload.mkgBulan)}::int[], ${made.map(({ d }) => d.payload.gajiPokokLama)}::int[],
              ${made.map(({ d }) => d.payload.gajiPokokBaru)}::int[], ${made.map(({ d }) => d.payload.postponed)}::boolean[],
              ${made.map(({ d }) => JSON.stringify(d.payload.reasons))}::text[]
            ) AS x(request_id, employee_id, tmt, golongan, mkg_tahun, mkg_bulan, lama, baru, postponed, reasons)`;
          await tx.$executeRaw`
            INSERT INTO request_event (request_id, at, actor_name, action, to_state, note)
            SELECT x.request_id, ${now}, 'Sistem (e-Berkala)', 'create', x.state, x.note
            FROM unnest(
              ${ids}::int[], ${made.map(({ q }) => q.state)}::text[],
              ${made.map(({ d }) => (d.payload.postponed ? `Ditunda: ${d.payload.reasons.join(' ')}` : 'Draf KGB dibuat otomatis.'))}::text[]
            ) AS x(request_id, state, note)`;
          const links = made.flatMap(({ q, d }) => d.docIds.map((documentId) => [q.id, documentId] as const));
          if (links.length) {
            await tx.$executeRaw`
              INSERT INTO request_document (request_id, document_id, role)
              SELECT x.r, x.d, 'DASAR' FROM unnest(${links.map((l) => l[0])}::int[], ${links.map((l) => l[1])}::int[]) AS x(r, d)
              ON CONFLICT DO NOTHING`;
          }
          await tx.$executeRaw`
            INSERT INTO audit_log (at, action, entity_type, entity_id, employee_id, after, actor_user_id, request_id, ip)
            SELECT ${now}, 'kgb.created', 'workflow_request', x.id::text, x.employee_id, x.after::jsonb, ${meta.actorUserId}::int, ${meta.requestId ?? null}, ${meta.ip ?? null}
            FROM unnest(${ids}::int[], ${made.map(({ q }) => q.employeeId)}::int[], ${made.map(({ d }) => JSON.stringify(d.payload))}::text[]) AS x(id, employee_id, after)`;
          return made;
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
