import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** A Prisma client on a pg pool; a new connection that takes longer than connectTimeoutMs fails (0 = wait forever). */
export function createDb(databaseUrl: string, max = 10, connectTimeoutMs = 0): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max, connectionTimeoutMillis: connectTimeoutMs }) });
}

export { Prisma } from './generated/prisma/client.ts';
