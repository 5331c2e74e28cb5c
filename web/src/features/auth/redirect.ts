import type { Location } from 'react-router';

export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/ganti-sandi';

/** Router state carried to /login and /ganti-sandi so the user lands where they were going. */
export interface RedirectState {
  from?: string;
  /** The user was signed in and the session ended (expired, or ended by a password change elsewhere). */
  sessionEnded?: boolean;
}

export function redirectStateFor(location: Pick<Location, 'pathname' | 'search' | 'hash'>, sessionEnded = false): RedirectState {
  return { from: `${location.pathname}${location.search}${location.hash}`, ...(sessionEnded ? { sessionEnded } : {}) };
}

/** Router state as a RedirectState (its fields still unchecked); empty for anything else. */
const redirectState = (state: unknown): RedirectState => (typeof state === 'object' && state !== null ? (state as RedirectState) : {});

/** Whether the router state says the session ended under the user (see RedirectState). */
export function sessionEndedIn(state: unknown): boolean {
  return redirectState(state).sessionEnded === true;
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}?`) || path.startsWith(`${prefix}#`) || path.startsWith(`${prefix}/`);
}

/**
 * Safe in-app target from router state: a same-origin path that is not one of
 * `exclude` (by default the login page itself), else `fallback`.
 */
export function redirectTarget(state: unknown, fallback = '/', exclude: readonly string[] = [LOGIN_PATH]): string {
  const from = redirectState(state).from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return fallback;
  if (exclude.some((prefix) => isUnder(from, prefix))) return fallback;
  return from;
}
