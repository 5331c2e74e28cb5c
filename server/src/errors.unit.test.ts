import { describe, expect, it } from 'vitest';
import { toAppError } from './errors.ts';

/** The shape of a Prisma 7 error raised through the pg driver adapter. */
const prismaError = (code: string, sqlState?: string) =>
  Object.assign(new Error('db error'), {
    code,
    clientVersion: '7.10.1',
    meta: sqlState ? { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: sqlState, kind: 'postgres', code: sqlState } } } : {},
  });

describe('toAppError: the database refusing input is a 422, never a 500', () => {
  it.each([
    ['int past int4 (P2020 / 22003)', prismaError('P2020', '22003')],
    ['NUL in text (22021)', prismaError('P2039', '22021')],
    ['NUL in jsonb (22P05, raw query)', prismaError('P2010', '22P05')],
    ['date out of range (22008)', prismaError('P2039', '22008')],
    ['numeric field overflow (22003)', prismaError('P2039', '22003')],
    ['value too long (P2000)', prismaError('P2000')],
    ['raw pg error', Object.assign(new Error('invalid input syntax'), { code: '22P02' })],
  ])('%s', (_name, err) => {
    const e = toAppError(err);
    expect(e.status).toBe(422);
    expect(e.code).toBe('invalid_value');
    // Still reported: a route schema should have caught it.
    expect(e.isReportable).toBe(true);
  });

  it.each([
    ['unique violation', prismaError('P2002'), 409],
    ['record not found', prismaError('P2025'), 404],
    ['a trigger refusing a change (P0001)', prismaError('P2039', 'P0001'), 500],
    ['a lost connection', prismaError('P1001'), 500],
    ['a plain bug', new TypeError('x is undefined'), 500],
  ])('%s → %s', (_name, err, status) => {
    expect(toAppError(err).status).toBe(status);
  });
});
