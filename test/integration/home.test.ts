import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

const d = (s: string) => new Date(`${s}T00:00:00Z`);
type Queue = { key: string; kind: string; label: string; count: number; oldest: { id: number; title: string; date: string; dateKind: string; link: { path: string } } | null; link: { path: string; query: Record<string, string> } };
const byKey = (queues: Queue[]) => Object.fromEntries(queues.map((q) => [q.key, q]));

/** A request waiting for someone (the columns the engine keeps), opened `daysAgo` before today. */
async function waiting(opts: { type?: string; employeeId: number; opdId: number; roles?: string[]; person?: number | null; daysAgo?: number; closed?: boolean }) {
  const since = new Date(d(TEST_TODAY).getTime() - (opts.daysAgo ?? 1) * 86_400_000);
  return t.db.workflowRequest.create({
    data: {
      type: opts.type ?? 'DATA_CHANGE',
      state: 'DIKEMBALIKAN',
      employeeId: opts.employeeId,
      opdId: opts.opdId,
      title: `Usulan uji ${opts.daysAgo ?? 1}`,
      // A well-formed payload of the type (lists parse every row's payload).
      payload: (opts.type ?? 'DATA_CHANGE') === 'DATA_CHANGE' ? { target: 'profile', op: 'update', recordId: null, changes: { noHp: '081234567890' }, before: { noHp: null } } : {},
      stateSince: since,
      submittedAt: since,
      closedAt: opts.closed ? since : null,
      assigneeRoles: opts.roles ?? [],
      assigneeEmployeeId: opts.person ?? null,
    },
  });
}

describe('GET /api/home', () => {
  it('401 without a session', async () => {
    const res = await supertest(t.app).get('/api/home');
    expect(res.status).toBe(401);
  });

  it('OPD admin: returned requests, KGB due and retirements of their OPDs only; ASN aktif vs records', async () => {
    const mine = await createOpd(t.db);
    const unit = await createOpd(t.db, { parentId: mine.id });
    const theirs = await createOpd(t.db);
    const a = await createEmployee(t.db, { opdId: mine.id });
    const b = await createEmployee(t.db, { opdId: unit.id });
    await createEmployee(t.db, { opdId: mine.id, status: 'KONTRAK' });
    const x = await createEmployee(t.db, { opdId: theirs.id });

    // KGB: due in 6 weeks (counted), in 7 months (not), and in another OPD (not).
    await t.db.kgbSchedule.create({ data: { employeeId: a.id, nextTmt: d('2027-01-15') } });
    await t.db.kgbSchedule.create({ data: { employeeId: b.id, nextTmt: d('2027-06-01') } });
    await t.db.kgbSchedule.create({ data: { employeeId: x.id, nextTmt: d('2027-01-01') } });
    // Retirement: a pelaksana (BUP 58) born March 1969 retires on 1 April 2027; one born 1975 does not; another OPD's is not counted.
    await t.db.employee.update({ where: { id: b.id }, data: { tanggalLahir: d('1969-03-10') } });
    await t.db.employee.update({ where: { id: a.id }, data: { tanggalLahir: d('1975-03-10') } });
    await t.db.employee.update({ where: { id: x.id }, data: { tanggalLahir: d('1969-05-10') } });

    const old = await waiting({ employeeId: b.id, opdId: unit.id, roles: ['OPD_ADMIN:OPD'], person: b.id, daysAgo: 9 });
    await waiting({ employeeId: a.id, opdId: mine.id, roles: ['OPD_ADMIN:OPD'], person: a.id, daysAgo: 2 });
    await waiting({ employeeId: a.id, opdId: mine.id, roles: ['OPD_ADMIN:OPD'], daysAgo: 30, closed: true });
    await waiting({ employeeId: a.id, opdId: mine.id, roles: ['BKD_VERIFIER'], daysAgo: 40 });
    await waiting({ employeeId: x.id, opdId: theirs.id, roles: ['OPD_ADMIN:OPD'], daysAgo: 50 });

    const admin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [mine.id] });
    const agent = await loginAgent(t.app, admin.username, PASSWORD);
    const res = await agent.get('/api/home');
    expect(res.status).toBe(200);
    expect(res.body.cards.map((c: { key: string; value: number }) => [c.key, c.value])).toEqual([
      ['employees_in_my_opds', 2],
      ['records_in_my_opds', 3],
    ]);
    const q = byKey(res.body.queues);
    expect(Object.keys(q)).toEqual(expect.arrayContaining(['opd_kgb_due', 'opd_retiring', 'tasks:DATA_CHANGE', 'tasks:KGB']));
    expect(q['tasks:KGB']).toMatchObject({ count: 0, oldest: null, link: { path: '/tugas', query: { type: 'KGB' } } });
    expect(q['tasks:DATA_CHANGE']).toMatchObject({ kind: 'tasks', label: expect.any(String), count: 2, link: { path: '/tugas', query: { type: 'DATA_CHANGE' } } });
    expect(q['tasks:DATA_CHANGE']!.oldest).toMatchObject({ id: old.id, dateKind: 'since', link: { path: `/usulan/${old.id}` } });
    expect(q.opd_kgb_due).toMatchObject({ count: 1, oldest: { id: a.id, date: '2027-01-15', dateKind: 'due', link: { path: `/pegawai/${a.id}` } } });
    expect(q.opd_retiring).toMatchObject({ count: 1, oldest: { id: b.id, date: '2027-04-01', dateKind: 'due' } });

    // The home's task counts are those of "Tugas saya".
    const tasks = await agent.get('/api/requests/tasks');
    for (const g of tasks.body.byType as { type: string; count: number }[]) expect(q[`tasks:${g.type}`]?.count).toBe(g.count);
  });

  it('verifier: tasks per type, any type (even one not yet known) appears with its own link', async () => {
    const opd = await createOpd(t.db);
    const e = await createEmployee(t.db, { opdId: opd.id });
    const r = await waiting({ type: 'UJI_JENIS_BARU', employeeId: e.id, opdId: opd.id, roles: ['BKD_VERIFIER'], daysAgo: 3 });
    await waiting({ employeeId: e.id, opdId: opd.id, roles: ['BKD_VERIFIER'], daysAgo: 4 });
    const v = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const agent = await loginAgent(t.app, v.username, PASSWORD);
    const res = await agent.get('/api/home');
    expect(res.status).toBe(200);
    const q = byKey(res.body.queues);
    expect(q['tasks:UJI_JENIS_BARU']).toMatchObject({ count: 1, label: 'UJI_JENIS_BARU', oldest: { id: r.id }, link: { path: '/tugas', query: { type: 'UJI_JENIS_BARU' } } });
    expect(q['tasks:DATA_CHANGE']!.count).toBeGreaterThanOrEqual(1);
    expect(q.opd_kgb_due).toBeUndefined();
    expect(res.body.cards.map((c: { key: string }) => c.key)).toEqual(['employees_total', 'records_total', 'opd_total']);
    const [active, records] = res.body.cards as { value: number }[];
    expect(records!.value).toBeGreaterThanOrEqual(active!.value);
  });

  it('atasan: their team and what waits for them; ASN: their open requests and what waits for them', async () => {
    const opd = await createOpd(t.db);
    const boss = await createAsn(t.db, opd.id);
    const s1 = await createAsn(t.db, opd.id, { atasanId: boss.employee.id });
    await createEmployee(t.db, { opdId: opd.id, atasanId: boss.employee.id });
    await createEmployee(t.db, { opdId: opd.id, atasanId: boss.employee.id, status: 'KONTRAK' });
    await waiting({ employeeId: s1.employee.id, opdId: opd.id, person: boss.employee.id, daysAgo: 5 });
    const own = await waiting({ employeeId: s1.employee.id, opdId: opd.id, roles: ['BKD_VERIFIER'], daysAgo: 6 });
    const back = await waiting({ employeeId: s1.employee.id, opdId: opd.id, roles: ['OPD_ADMIN:OPD'], person: s1.employee.id, daysAgo: 1 });

    await t.db.aktivitasHarian.create({ data: { employeeId: s1.employee.id, tanggal: new Date('2026-12-01'), jamMulai: '08:00', jamSelesai: '09:00', uraian: 'Rapat koordinasi' } });
    await t.db.aktivitasHarian.create({ data: { employeeId: s1.employee.id, tanggal: new Date('2026-12-01'), jamMulai: '09:00', jamSelesai: '10:00', uraian: 'Sudah dinilai', status: 'DISETUJUI' } });

    const bossAgent = await loginAgent(t.app, boss.username, PASSWORD);
    const home = byKey((await bossAgent.get('/api/home')).body.queues);
    expect(home.team).toMatchObject({ count: 2, link: { path: '/bawahan', query: {} } });
    expect(home.aktivitas_review).toMatchObject({ count: 1, link: { path: '/tim', query: { tab: 'aktivitas' } } });
    expect(home.aktivitas_review?.oldest?.title).toContain('Rapat koordinasi');
    expect(home['tasks:DATA_CHANGE']).toMatchObject({ count: 1 });
    expect(home.my_open).toMatchObject({ count: 0, oldest: null });

    const asnAgent = await loginAgent(t.app, s1.username, PASSWORD);
    const mine = byKey((await asnAgent.get('/api/home')).body.queues);
    expect(Object.keys(mine).sort()).toEqual(['my_open', 'tasks:DATA_CHANGE']);
    expect(mine.my_open).toMatchObject({ count: 3, oldest: { id: own.id }, link: { path: '/usulan', query: { status: 'open' } } });
    expect(mine['tasks:DATA_CHANGE']).toMatchObject({ count: 1, oldest: { id: back.id } });
  });
});
