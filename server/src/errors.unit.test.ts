import { describe, expect, it } from 'vitest';
import { toAppError, unreachableDependency } from './errors.ts';

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
    ['a deadlock (40P01): rolled back, try again', prismaError('P2039', '40P01'), 409],
    ['a serialization failure (40001)', prismaError('P2039', '40001'), 409],
    ['a write conflict or deadlock (P2034)', prismaError('P2034'), 409],
    ['a plain bug', new TypeError('x is undefined'), 500],
  ])('%s → %s', (_name, err, status) => {
    expect(toAppError(err).status).toBe(status);
  });
});

const adapterDown = (kind: string, code = 'P2010') =>
  Object.assign(new Error('db error'), { code, clientVersion: '7.10.1', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind } } } });

describe('toAppError: an unreachable dependency is a 503 service_unavailable naming it', () => {
  it.each([
    ['database not reachable (driver adapter)', adapterDown('DatabaseNotReachable'), 'database'],
    ['connection closed (driver adapter)', adapterDown('ConnectionClosed'), 'database'],
    ['socket timeout (driver adapter)', adapterDown('SocketTimeout'), 'database'],
    ["can't reach the server (P1001)", prismaError('P1001'), 'database'],
    ['pool timeout (P2024)', prismaError('P2024'), 'database'],
    ['backend terminated (57P01)', prismaError('P2010', '57P01'), 'database'],
    ['connection exception (08006)', prismaError('P2010', '08006'), 'database'],
    ['pg connect timeout', new Error('Connection terminated due to connection timeout'), 'database'],
    ['ioredis retries exhausted', Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' }), 'redis'],
    ['ioredis closed', new Error('Connection is closed.'), 'redis'],
  ] as const)('%s', (_name, err, dependency) => {
    expect(unreachableDependency(err)).toBe(dependency);
    const e = toAppError(err);
    expect(e).toMatchObject({ status: 503, code: 'service_unavailable', details: { dependency } });
    expect(e.isReportable).toBe(false);
  });

  it.each([
    ['a unique violation', prismaError('P2002')],
    ['a trigger refusing a change', prismaError('P2039', 'P0001')],
    ['a plain bug', new TypeError('x is undefined')],
    ['a string', 'boom'],
  ])('%s is not an outage', (_name, err) => {
    expect(unreachableDependency(err)).toBeNull();
  });
});
