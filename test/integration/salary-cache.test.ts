/**
 * The basic-salary tables kept in memory (salaryTables): checked against gaji_pokok_version on
 * every read, so a write is seen at once, inside its transaction and after commit, and a
 * rolled-back write never lingers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allSalaryTables, salaryTables } from '../../server/src/modules/berkala/salary.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(async () => {
  await t.db.gajiPokokTable.deleteMany({ where: { regulation: { startsWith: 'TEST cache' } } });
  await t.close();
});

const effective = (ts: { effectiveFrom: string; regulation: string }[]) => ts.map((x) => `${x.effectiveFrom} ${x.regulation}`);

it('equal to a fresh read after every kind of write; a rolled-back write is never served', async () => {
  const before = await salaryTables(t.db);
  expect(before.length).toBeGreaterThan(0);
  expect(await salaryTables(t.db)).toBe(before); // kept: the same object
  expect(effective(before)).toEqual(effective(await allSalaryTables(t.db)));

  // Inside a transaction: its own write is seen; after the rollback, the old tables again.
  const Rollback = new Error('rollback');
  await expect(
    t.db.$transaction(async (tx) => {
      await tx.gajiPokokTable.create({ data: { regulation: 'TEST cache rolled back', effectiveFrom: new Date('2091-01-01'), rows: { create: [{ golongan: 'III/a', mkg: 0, gajiPokok: 1 }] } } });
      expect(effective(await salaryTables(tx))).toContain('2091-01-01 TEST cache rolled back');
      throw Rollback;
    }),
  ).rejects.toBe(Rollback);
  expect(effective(await salaryTables(t.db))).not.toContain('2091-01-01 TEST cache rolled back');
  expect(effective(await salaryTables(t.db))).toEqual(effective(before));

  // Committed: a new table, then one of its rows changed, then deleted.
  const created = await t.db.gajiPokokTable.create({
    data: { regulation: 'TEST cache committed', effectiveFrom: new Date('2092-01-01'), rows: { create: [{ golongan: 'III/a', mkg: 0, gajiPokok: 2 }] } },
  });
  const added = await salaryTables(t.db);
  expect(effective(added)).toContain('2092-01-01 TEST cache committed');
  await t.db.gajiPokokRow.update({ where: { tableId_golongan_mkg: { tableId: created.id, golongan: 'III/a', mkg: 0 } }, data: { gajiPokok: 3 } });
  const changed = await salaryTables(t.db);
  expect(changed.find((x) => x.id === created.id)!.rows).toEqual([{ golongan: 'III/a', mkg: 0, gajiPokok: 3 }]);
  expect(changed).toEqual(await allSalaryTables(t.db));
  await t.db.gajiPokokTable.delete({ where: { id: created.id } });
  expect(effective(await salaryTables(t.db))).toEqual(effective(before));
});
