/**
 * KP periods as data: the regimes (kp_period_regime) and the windows set per period (kp_period),
 * read into the shared rules' shapes, edited by a BKD admin (each change audited in its
 * transaction), and the window check every KP proposal goes through.
 */
import { appToday, compareDates, dateToIso, firstOfNextMonth, formatTanggal, isoToDate, type IsoDate } from '@simak/shared';
import {
  checkKpSubmissionWindow,
  kpPeriodWindow,
  kpPeriodsFrom,
  kpWindowStatus,
  regimesOverlap,
  type KpPeriodWindow,
  type KpRegimeWithWindow,
  type KpWindowOverride,
} from '@simak/shared/rules/kp-periods';
import type { KpPeriodInfo, KpRegime, KpRegimeBody, KpWindowBody } from '@simak/shared/api/pangkat';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { AppError, Conflict, NotFound, Unprocessable } from '../../errors.ts';
import type { KpPeriodRegime as RegimeRow, KpPeriod as PeriodRow } from '../../generated/prisma/client.ts';

export interface KpCalendar {
  regimes: (KpRegimeWithWindow & { id: number })[];
  overrides: KpWindowOverride[];
}

const iso = (d: Date | null) => (d ? dateToIso(d) : null);

function regimeOf(r: RegimeRow): KpRegimeWithWindow & { id: number } {
  return {
    id: r.id,
    regulation: r.regulation,
    effectiveFrom: iso(r.effectiveFrom),
    effectiveUntil: iso(r.effectiveUntil),
    months: [...r.months].sort((a, b) => a - b),
    window: {
      opensMonthsBefore: r.windowOpensMonthsBefore,
      opensDay: r.windowOpensDay,
      closesMonthsBefore: r.windowClosesMonthsBefore,
      closesDay: r.windowClosesDay,
    },
  };
}

const overrideOf = (p: PeriodRow): KpWindowOverride => ({
  period: dateToIso(p.period),
  opens: dateToIso(p.windowOpens),
  closes: dateToIso(p.windowCloses),
  note: p.note,
});

/** Every regime and explicit window (two small tables). */
export async function loadCalendar(db: Db | Tx): Promise<KpCalendar> {
  const [regimes, periods] = await Promise.all([
    db.kpPeriodRegime.findMany({ orderBy: [{ effectiveFrom: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }] }),
    db.kpPeriod.findMany({ orderBy: { period: 'asc' } }),
  ]);
  return { regimes: regimes.map(regimeOf), overrides: periods.map(overrideOf) };
}

/** Every regime, oldest first. */
export async function listRegimes(db: Db): Promise<{ items: KpRegime[] }> {
  const rows = await db.kpPeriodRegime.findMany({ orderBy: [{ effectiveFrom: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }] });
  return { items: rows.map(presentRegime) };
}

export function presentRegime(r: RegimeRow): KpRegime {
  const x = regimeOf(r);
  return { ...x, months: [...x.months], note: r.note, updatedAt: r.updatedAt.toISOString() };
}

export function presentPeriod(w: KpPeriodWindow, today: IsoDate = appToday()): KpPeriodInfo {
  return { period: w.period, regulation: w.regulation, opens: w.opens, closes: w.closes, source: w.source, note: w.note, status: kpWindowStatus(w, today) };
}

/** The window of a period, or 422 when the date is not a KP period under the regimes. */
export function windowOrFail(cal: KpCalendar, period: IsoDate): KpPeriodWindow {
  const w = kpPeriodWindow(period, cal.regimes, cal.overrides);
  if (!w) throw Unprocessable('not_a_kp_period', `${formatTanggal(period)} bukan periode KP menurut aturan periode yang berlaku.`, { period });
  return w;
}

/** The next `count` periods from a date (default today), with their windows. */
export function upcomingPeriods(cal: KpCalendar, from: IsoDate, count: number): KpPeriodWindow[] {
  return kpPeriodsFrom(from, count, cal.regimes).map((p) => kpPeriodWindow(p, cal.regimes, cal.overrides)!);
}

/** The periods from a date (default today) with their windows and where today stands in them. */
export async function listPeriods(db: Db, from: IsoDate | undefined, count: number, today: IsoDate = appToday()) {
  const cal = await loadCalendar(db);
  return { today, items: upcomingPeriods(cal, from ?? today, count).map((w) => presentPeriod(w, today)) };
}

/** How many periods ahead an OPD admin may look at (BKD: any period). */
export const OPD_PERIODS_AHEAD = 12;

/** The periods after today (the next ones), at most `count`. */
export function nextPeriods(cal: KpCalendar, count: number, today: IsoDate = appToday()): KpPeriodWindow[] {
  return upcomingPeriods(cal, firstOfNextMonth(today), count);
}

/**
 * The period being prepared: the first period after today whose submission window has not
 * closed (open now or still to open); null when no regime gives one.
 */
export function currentPeriod(cal: KpCalendar, today: IsoDate = appToday()): KpPeriodWindow | null {
  return nextPeriods(cal, 24, today).find((w) => compareDates(w.closes, today) >= 0) ?? null;
}

/**
 * Refuses a KP proposal for `period` on `date` outside the period's submission window: 422
 * `outside_submission_window` whose message and details carry the window's dates (or
 * `not_a_kp_period`). Every KP proposal (e-Pangkat part 3) goes through it.
 */
export async function assertSubmissionWindow(db: Db | Tx, period: IsoDate, date: IsoDate = appToday()): Promise<KpPeriodWindow> {
  const r = await submissionWindowCheck(db, period, date);
  if ('window' in r) return r.window;
  throw new AppError(422, r.block.code, r.block.reason, r.block.details);
}

/** The same check as a guard's answer: the window, or why a proposal cannot go now (code, reason naming the dates, details). */
export async function submissionWindowCheck(
  db: Db | Tx,
  period: IsoDate,
  date: IsoDate = appToday(),
): Promise<{ window: KpPeriodWindow } | { block: { code: string; reason: string; details: Record<string, unknown> } }> {
  const cal = await loadCalendar(db);
  const r = checkKpSubmissionWindow(period, date, cal.regimes, cal.overrides);
  if (r.ok) return { window: r.window };
  if (r.code === 'BUKAN_PERIODE') return { block: { code: 'not_a_kp_period', reason: r.message, details: { period } } };
  return { block: { code: 'outside_submission_window', reason: r.message, details: { period, date, opens: r.window.opens, closes: r.window.closes, status: r.code } } };
}

// ---------------------------------------------------------------------------
// Editing (BKD_ADMIN), audited in the same transaction

function regimeData(body: KpRegimeBody, actorUserId: number | null) {
  return {
    regulation: body.regulation,
    effectiveFrom: body.effectiveFrom ? isoToDate(body.effectiveFrom) : null,
    effectiveUntil: body.effectiveUntil ? isoToDate(body.effectiveUntil) : null,
    months: [...body.months].sort((a, b) => a - b),
    windowOpensMonthsBefore: body.window.opensMonthsBefore,
    windowOpensDay: body.window.opensDay,
    windowClosesMonthsBefore: body.window.closesMonthsBefore,
    windowClosesDay: body.window.closesDay,
    note: body.note ?? null,
    updatedById: actorUserId,
  };
}

/** 409 naming the regime in force on a common day (the exclusion constraint would refuse it too). */
async function assertNoOverlap(tx: Tx, body: KpRegimeBody, exceptId: number | null) {
  // Lock the table against a concurrent edit that would pass the same check.
  await tx.$executeRaw`LOCK TABLE kp_period_regime IN SHARE ROW EXCLUSIVE MODE`;
  const others = (await tx.kpPeriodRegime.findMany()).filter((r) => r.id !== exceptId).map(regimeOf);
  const clash = others.find((o) => regimesOverlap(o, body));
  if (clash) {
    const span = (r: { effectiveFrom: string | null; effectiveUntil: string | null }) =>
      `${r.effectiveFrom ? formatTanggal(r.effectiveFrom) : 'awal'} – ${r.effectiveUntil ? formatTanggal(r.effectiveUntil) : 'seterusnya'}`;
    throw Conflict(
      'regime_overlap',
      `Masa berlaku bertumpang tindih dengan ${clash.regulation} (${span(clash)}); akhiri aturan itu lebih dulu.`,
      { regimeId: clash.id, regulation: clash.regulation, effectiveFrom: clash.effectiveFrom, effectiveUntil: clash.effectiveUntil },
    );
  }
}

export async function createRegime(db: Db, meta: RequestMeta, body: KpRegimeBody): Promise<KpRegime> {
  return db.$transaction(async (tx) => {
    await assertNoOverlap(tx, body, null);
    const row = await tx.kpPeriodRegime.create({ data: regimeData(body, meta.actorUserId) });
    await writeAudit(tx, meta, { action: 'kp_period_regime.created', entityType: 'kp_period_regime', entityId: row.id, after: presentRegime(row) });
    return presentRegime(row);
  });
}

export async function updateRegime(db: Db, meta: RequestMeta, id: number, body: KpRegimeBody): Promise<KpRegime> {
  return db.$transaction(async (tx) => {
    const before = await tx.kpPeriodRegime.findUnique({ where: { id } });
    if (!before) throw NotFound('Aturan periode KP', 'regime_not_found');
    await assertNoOverlap(tx, body, id);
    const row = await tx.kpPeriodRegime.update({ where: { id }, data: regimeData(body, meta.actorUserId) });
    const { updatedAt: _a, ...b } = presentRegime(before);
    const { updatedAt: _b, ...a } = presentRegime(row);
    await writeAudit(tx, meta, { action: 'kp_period_regime.updated', entityType: 'kp_period_regime', entityId: id, before: b, after: a });
    return presentRegime(row);
  });
}

export async function deleteRegime(db: Db, meta: RequestMeta, id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.kpPeriodRegime.findUnique({ where: { id } });
    if (!before) throw NotFound('Aturan periode KP', 'regime_not_found');
    await tx.kpPeriodRegime.delete({ where: { id } });
    await writeAudit(tx, meta, { action: 'kp_period_regime.deleted', entityType: 'kp_period_regime', entityId: id, before: presentRegime(before) });
  });
}

/** Sets the window of one period (BKN's announcement); the period must be a KP period under the regimes. */
export async function setPeriodWindow(db: Db, meta: RequestMeta, period: IsoDate, body: KpWindowBody): Promise<KpPeriodInfo> {
  if (compareDates(body.opens, period) > 0) {
    throw Unprocessable('window_after_period', 'Jadwal pengusulan harus dibuka paling lambat pada tanggal periode.', { period, opens: body.opens });
  }
  return db.$transaction(async (tx) => {
    windowOrFail(await loadCalendar(tx), period);
    const before = await tx.kpPeriod.findUnique({ where: { period: isoToDate(period) } });
    const data = { windowOpens: isoToDate(body.opens), windowCloses: isoToDate(body.closes), note: body.note ?? null, updatedById: meta.actorUserId };
    await tx.kpPeriod.upsert({ where: { period: isoToDate(period) }, create: { period: isoToDate(period), ...data }, update: data });
    await writeAudit(tx, meta, {
      action: 'kp_period.window_set',
      entityType: 'kp_period',
      entityId: period,
      before: before ? overrideOf(before) : null,
      after: { period, opens: body.opens, closes: body.closes, note: body.note ?? null },
    });
    return presentPeriod(windowOrFail(await loadCalendar(tx), period));
  });
}

/** Removes the window set for a period: the regime's rule applies again. */
export async function clearPeriodWindow(db: Db, meta: RequestMeta, period: IsoDate): Promise<KpPeriodInfo | null> {
  return db.$transaction(async (tx) => {
    const before = await tx.kpPeriod.findUnique({ where: { period: isoToDate(period) } });
    if (!before) throw NotFound('Jadwal yang ditetapkan untuk periode ini', 'window_not_found');
    await tx.kpPeriod.delete({ where: { period: isoToDate(period) } });
    await writeAudit(tx, meta, { action: 'kp_period.window_cleared', entityType: 'kp_period', entityId: period, before: overrideOf(before) });
    const w = kpPeriodWindow(period, (await loadCalendar(tx)).regimes, []);
    return w ? presentPeriod(w) : null;
  });
}
