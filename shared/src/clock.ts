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
