/**
 * Frozen indicator results (for the LKj of record): the full JSON of a computation,
 * stored once and never changed (a trigger forbids UPDATE and DELETE), audited.
 */
import type { IndicatorResult, SnapshotCreateBody, SnapshotSummary } from '@simak/shared/api/indicators';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db } from '../../db.ts';
import { NotFound } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type SnapshotRow = Prisma.IndicatorSnapshotGetPayload<{ include: { opd: { select: { id: true; kode: true; nama: true } } } }>;

const includeOpd = { opd: { select: { id: true, kode: true, nama: true } } } as const;

async function creatorNames(db: Db, rows: { createdById: number | null }[]) {
  const ids = [...new Set(rows.map((r) => r.createdById).filter((x): x is number => x != null))];
  if (!ids.length) return new Map<number, string>();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function summarize(row: SnapshotRow, names: Map<number, string>): SnapshotSummary {
  const result = row.result as unknown as IndicatorResult;
  const v = (k: keyof IndicatorResult['indicators']) => result.indicators?.[k]?.value ?? null;
  return {
    id: row.id,
    year: row.year,
    opd: row.opd,
    asOf: row.asOf.toISOString().slice(0, 10),
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById != null ? (names.get(row.createdById) ?? null) : null,
    population: result.population ?? 0,
    values: { ikp: v('ikp'), ikom: v('ikom'), ikin: v('ikin'), idis: v('idis'), ip: v('ip') },
  };
}

export async function latestSnapshot(db: Db, year: number, opdId: number | null): Promise<SnapshotSummary | null> {
  const row = await db.indicatorSnapshot.findFirst({ where: { year, opdId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: includeOpd });
  return row ? summarize(row, await creatorNames(db, [row])) : null;
}

export async function listSnapshots(db: Db, year: number, opdId: number | null | undefined): Promise<SnapshotSummary[]> {
  const rows = await db.indicatorSnapshot.findMany({
    where: { year, ...(opdId !== undefined ? { opdId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: includeOpd,
    take: 200,
  });
  const names = await creatorNames(db, rows);
  return rows.map((r) => summarize(r, names));
}

export async function getSnapshot(db: Db, id: number) {
  const row = await db.indicatorSnapshot.findUnique({ where: { id }, include: includeOpd });
  if (!row) throw NotFound('Snapshot indikator');
  return { summary: summarize(row, await creatorNames(db, [row])), result: row.result as unknown as IndicatorResult };
}

/** Stores a computed result (its own `snapshot` field dropped) with the note; audited. */
export async function storeSnapshot(db: Db, meta: RequestMeta, body: SnapshotCreateBody, result: IndicatorResult): Promise<SnapshotSummary> {
  const frozen: IndicatorResult = { ...result, snapshot: null };
  const row = await db.$transaction(async (tx) => {
    const created = await tx.indicatorSnapshot.create({
      data: {
        year: result.year,
        opdId: result.opd?.id ?? null,
        asOf: new Date(`${result.asOf}T00:00:00Z`),
        note: body.note,
        result: JSON.parse(JSON.stringify(frozen)) as Prisma.InputJsonValue,
        createdById: meta.actorUserId,
      },
      include: includeOpd,
    });
    await writeAudit(tx, meta, {
      action: 'indicator_snapshot.created',
      entityType: 'indicator_snapshot',
      entityId: created.id,
      after: {
        year: created.year,
        opd: result.opd?.kode ?? null,
        asOf: result.asOf,
        note: body.note,
        population: result.population,
        values: Object.fromEntries(Object.entries(result.indicators).map(([k, x]) => [k, x.value])),
      },
    });
    return created;
  });
  return summarize(row, await creatorNames(db, [row]));
}
