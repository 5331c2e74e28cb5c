import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Distinct statements kept prepared per process (each connection prepares those it runs); past it, unnamed. */
const MAX_PREPARED = 2000;
/** Longer texts stay unnamed: a statement built with its data inline would only fill the server's memory. */
const MAX_PREPARED_CHARS = 16_384;

/**
 * Names for Prisma's statements, so each pooled connection parses and plans a statement once and
 * then only binds and executes it (unnamed statements are parsed and planned on every run: for the
 * larger reads that was as much PostgreSQL time as running them). Only plain DML/queries are named
 * (never DDL, SET, ANALYZE…), up to MAX_PREPARED_CHARS long, and at most MAX_PREPARED distinct texts
 * per process.
 */
export function preparedStatementNames(max = MAX_PREPARED) {
  const names = new Map<string, string>();
  return (query: { sql: string }): string => {
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    if (names.size >= max || query.sql.length > MAX_PREPARED_CHARS || !/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(query.sql)) return undefined as unknown as string;
    const name = `s${createHash('sha1').update(query.sql).digest('base64url')}`;
    names.set(query.sql, name);
    return name;
  };
}

const pools = new WeakMap<Db, pg.Pool>();

/** A Prisma client on a pg pool; a new connection that takes longer than connectTimeoutMs fails (0 = wait forever). */
export function createDb(databaseUrl: string, max = 10, connectTimeoutMs = 0): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection's error (the server restarting) must not crash the process before Prisma
  // attaches its own listener; queries report their errors themselves.
  pool.on('error', () => undefined);
  const db = new PrismaClient({
    adapter: new PrismaPg(pool, { statementNameGenerator: preparedStatementNames(), disposeExternalPool: true }),
  });
  pools.set(db, pool);
  return db;
}

/**
 * The pg pool under a client made by createDb (the same connections), for the hottest reads (the
 * actor on every signed-in request, the profile): a prepared statement through pg costs a fraction
 * of a raw query through Prisma's client. Undefined for any other client, and once the client has
 * disconnected (then use Prisma, which connects anew).
 */
export function poolOf(db: Db): pg.Pool | undefined {
  const pool = pools.get(db);
  return pool && !pool.ended && !pool.ending ? pool : undefined;
}

/** The rows of `sql` ($1… parameters) as the named prepared statement `name` on poolOf(db), else through Prisma. */
export async function preparedRows<T>(db: Db, name: string, sql: string, values: unknown[]): Promise<T[]> {
  const pool = poolOf(db);
  return pool ? ((await pool.query({ name, text: sql, values })).rows as T[]) : db.$queryRawUnsafe<T[]>(sql, ...values);
}

export { Prisma } from './generated/prisma/client.ts';
