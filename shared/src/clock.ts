/**
 * The one clock of the platform: every "today" the server, the worker, the scans,
 * the command-line tools and the web compute comes from here.
 *
 * By default it follows the machine (the calendar date in Asia/Jakarta). A process may
 * fix it to one date (`APP_TODAY`), e.g. for tests and demos that must not age: the
 * server and the worker install it from their configuration at start, the web takes
 * the server's date from `/api/auth/me`. Timestamps (created, submitted, logged in)
 * stay real instants; only calendar decisions (due dates, windows, years) use it.
 */
import { isValidDate, todayJakarta, type IsoDate } from './rules/dates.ts';

export interface Clock {
  /** Today's calendar date (Asia/Jakarta) for every business decision. */
  today(): IsoDate;
  /** The fixed date, or null when the clock follows the machine. */
  readonly fixedDate: IsoDate | null;
}

export const systemClock: Clock = Object.freeze({
  fixedDate: null,
  today: () => todayJakarta(new Date()),
});

/** A clock whose date never moves (APP_TODAY). */
export function fixedClock(date: IsoDate): Clock {
  if (!isValidDate(date)) throw new RangeError(`not a real date: ${JSON.stringify(date)}`);
  return Object.freeze({ fixedDate: date, today: () => date });
}

let current: Clock = systemClock;

/** Installs the process's clock (the server and the worker do it once, from their configuration). */
export function setClock(clock: Clock): Clock {
  current = clock;
  return clock;
}

/** The process's clock. */
export function getClock(): Clock {
  return current;
}

/** Today by the process's clock. */
export function appToday(): IsoDate {
  return current.today();
}

/** The current year by the process's clock. */
export function appYear(): number {
  return Number(current.today().slice(0, 4));
}

const WIB_MS = 7 * 3600_000;

/**
 * The instant "now" for decisions tied to a time of day (attendance): the real instant, or, when
 * the clock is fixed (APP_TODAY, demos and tests), the fixed date at the real WIB time of day, so
 * a check-in and "today's team" agree with the app's today. Timestamps of records stay real.
 */
export function appNow(real: Date = new Date()): Date {
  const fixed = current.fixedDate;
  if (!fixed) return real;
  const wib = new Date(real.getTime() + WIB_MS);
  const [y, m, d] = fixed.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, wib.getUTCHours(), wib.getUTCMinutes(), wib.getUTCSeconds(), wib.getUTCMilliseconds()) - WIB_MS);
}
