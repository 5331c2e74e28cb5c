/**
 * Announces a request's change to live subscribers (modules/events): pg_notify inside the
 * transaction, so the notice goes out only when the change commits.
 */
import type { Tx } from '../db.ts';

export const REQUEST_CHANNEL = 'simak_request_changed';

export interface RequestChange {
  id: number;
  type: string;
  employeeId: number;
  opdId: number;
  state: string;
  version: number;
}

export async function announceRequestChange(tx: Tx, c: RequestChange) {
  await tx.$executeRaw`SELECT pg_notify(${REQUEST_CHANNEL}, ${JSON.stringify(c)})`;
}
