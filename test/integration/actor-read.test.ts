/**
 * The actor (read on every signed-in request) through the pg pool under Prisma: the same actor as
 * through Prisma's own client, and a password change judged in UTC whatever the server's time zone.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadActor, loadSessionActor } from '../../server/src/auth/actor.ts';
import { createDb, poolOf, type Db } from '../../server/src/db.ts';
import { PrismaClient } from '../../server/src/generated/prisma/client.ts';
import { createEmployee, createOpd, createUser } from '../support/factories.ts';

const url = inject('databaseUrl');
const db = createDb(url, 2);
// A client not made by createDb: the actor is read through Prisma.
const plain = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) }) as unknown as Db;
afterAll(() => Promise.all([db.$disconnect(), plain.$disconnect()]));

describe('the actor read', () => {
  it('goes through the pool under a client made by createDb, and equals what Prisma reads', async () => {
    expect(poolOf(db)).toBeDefined();
    expect(poolOf(plain)).toBeUndefined();
    const parent = await createOpd(db);
    const child = await createOpd(db, { parentId: parent.id });
    const boss = await createEmployee(db, { opdId: parent.id });
    await createEmployee(db, { opdId: child.id, atasanId: boss.id });
    const admin = await createUser(db, { roles: ['OPD_ADMIN', 'BKD_VERIFIER'], opdIds: [parent.id], employeeId: boss.id });

    const viaPool = await loadActor(db, admin.id);
    expect(viaPool).toEqual(await loadActor(plain, admin.id));
    expect(viaPool).toMatchObject({
      userId: admin.id,
      employeeId: boss.id,
      nip: boss.nip,
      roles: ['ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER'],
      opds: [{ id: parent.id, kode: parent.kode, nama: parent.nama }],
      scopeOpdIds: [parent.id, child.id].sort((a, b) => a - b),
    });
    expect(await loadActor(db, 2_000_000_000)).toBeNull();
  });

  it('goes through Prisma once the client has disconnected (its pool ended; Prisma connects anew)', async () => {
    const other = createDb(url, 1);
    const u = await createUser(other, { roles: ['BKD_ADMIN'] });
    expect(poolOf(other)).toBeDefined();
    await other.$disconnect();
    expect(poolOf(other)).toBeUndefined();
    expect(await loadActor(other, u.id)).toMatchObject({ userId: u.id, roles: ['BKD_ADMIN'] });
    await other.$disconnect();
  });

  it('ends a session that started before a password change, in any time zone of the server', async () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Asia/Jakarta', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        const u = await createUser(db, { roles: ['BKD_VERIFIER'] });
        const changedAt = new Date(Date.now() - 60_000);
        await db.user.update({ where: { id: u.id }, data: { passwordChangedAt: changedAt } });
        for (const client of [db, plain]) {
          expect(await loadSessionActor(client, u.id, changedAt.getTime() + 1)).not.toBeNull();
          expect(await loadSessionActor(client, u.id, changedAt.getTime() - 1)).toBeNull();
        }
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
