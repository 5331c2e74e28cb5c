import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFParse } from 'pdf-parse';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cliEnv, loginAgent, type TestApp } from '../support/app.ts';
import { createOpd, createUser, PASSWORD } from '../support/factories.ts';
import {
  createPerson,
  seedWorkedExample,
  WORKED_AS_OF,
  WORKED_EXPECTED,
  WORKED_YEAR,
  type PersonSpec,
  type SeededPerson,
} from '../fixtures/indicators/worked-example.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

let t: TestApp;
type Agent = Awaited<ReturnType<typeof loginAgent>>;
let admin: Agent;
let verifier: Agent;
let opdAdmin: Agent;
let asn: Agent;
let main: { id: number; kode: string };
let child: { id: number; kode: string };
let other: { id: number; kode: string };
let people: Record<string, SeededPerson>;

const binary = (req: supertest.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** A dedicated top-level OPD (and units) for one test, with people from specs. */
async function world(specs: PersonSpec[]) {
  const top = await createOpd(t.db);
  const sub = await createOpd(t.db, { parentId: top.id });
  const elsewhere = await createOpd(t.db);
  const units = { main: top.id, child: sub.id, other: elsewhere.id };
  const seeded: Record<string, SeededPerson> = {};
  for (const s of specs) seeded[s.key] = await createPerson(t.db, s, units);
  return { top, sub, elsewhere, people: seeded };
}

const get = (agent: Agent, query: string) => agent.get(`/api/indicators?${query}`);

beforeAll(async () => {
  t = buildTestApp();
  const top = await createOpd(t.db, { nama: 'Dinas Contoh Perhitungan' });
  const sub = await createOpd(t.db, { parentId: top.id, nama: 'UPT Contoh' });
  const elsewhere = await createOpd(t.db, { nama: 'Dinas Lain' });
  main = top;
  child = sub;
  other = elsewhere;
  people = await seedWorkedExample(t.db, { main: top.id, child: sub.id, other: elsewhere.id });
  admin = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
  verifier = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
  opdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [top.id] })).username, PASSWORD);
  asn = await loginAgent(t.app, (await createUser(t.db, { roles: ['ASN'] })).username, PASSWORD);
});
afterAll(() => t.close());

describe('the worked example of INDICATORS.md', () => {
  it('GET /api/indicators gives IKP 73.333…, IKom 53.75, IKin 85.2, IDis 40, IP 67.393… with every numerator and denominator', async () => {
    const res = await get(verifier, `year=${WORKED_YEAR}&opd=${main.kode}`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ year: 2025, asOf: WORKED_AS_OF, opd: { id: main.id, kode: main.kode }, population: 10, breakdown: null });
    expect(r.populationByStatus).toEqual({ PNS: 10, CPNS: 0, PPPK: 0 });
    const i = r.indicators;
    expect(i.ikp.value).toBeCloseTo(WORKED_EXPECTED.ikp, 12);
    expect(i.ikom.value).toBeCloseTo(53.75, 12);
    expect(i.ikin.value).toBeCloseTo(85.2, 12);
    expect(i.idis.value).toBeCloseTo(40, 12);
    expect(i.ip.value).toBeCloseTo(WORKED_EXPECTED.ip, 12);
    expect(i.ip.value).toBeCloseTo(67.393333, 5);
    // unrounded: 220/3 is not cut to 73.33
    expect(i.ikp.value).not.toBe(73.33);

    expect(i.ikp.components).toMatchObject(WORKED_EXPECTED.components.ikp);
    expect(i.ikp.components.byLevel).toEqual(WORKED_EXPECTED.components.ikp.byLevel);
    expect(i.ikom.components).toMatchObject(WORKED_EXPECTED.components.ikom);
    expect(i.ikom.components.a.value).toBe(0.5);
    expect(i.ikin.components).toMatchObject({ ...WORKED_EXPECTED.components.ikin, fromNilai: 6, fromPredikat: 4 });
    expect(i.idis.components).toMatchObject({ ...WORKED_EXPECTED.components.idis, weighted: 4 });
    expect(i.ip.components.weights).toEqual({ ikp: 25, ikom: 40, ikin: 30, idis: 5 });

    expect(i.ikp.formula).toBe('22 / (10 × 3) × 100');
    expect(i.ikom.formula).toBe('(1/2 + 3/4 + 6/10 + 3/10) / 4 × 100');
    expect(i.ikin.formula).toBe('852 / (100 × 10) × 100');
    expect(i.idis.formula).toBe('(1 × 1 + 0 × 2 + 1 × 3) / 10 × 100');
    expect(i.ip.formula).toMatch(/^25% × 73\.3333.* \+ 40% × 53\.75 \+ 30% × 85\.2 \+ 5% × 40$/);
    for (const k of ['ikp', 'ikom', 'ikin', 'idis', 'ip']) {
      expect(i[k]).toMatchObject({ target: null, capaian: null });
      expect(i[k].flags).toEqual(['MISSING_TARGET']);
    }
    expect(i.idis.polarity).toBe('LOWER_IS_BETTER');
    expect(i.ip.polarity).toBe('HIGHER_IS_BETTER');
    expect(r.previous).toMatchObject({ year: 2024, asOf: '2024-12-31' });
    expect(r.counters.flags).toEqual([]);
    expect(r.counters).toMatchObject({ promotionSks: 0, pensionSks: 0 });
  });

  it('the CLI prints the same JSON', async () => {
    const { stdout } = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/indicators.ts', '--year', String(WORKED_YEAR), '--opd', main.kode, '--json'], {
      cwd: ROOT,
      env: cliEnv(t.config.DATABASE_URL),
    });
    const cli = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const api = (await get(verifier, `year=${WORKED_YEAR}&opd=${main.kode}`)).body;
    const strip = (x: Record<string, unknown>) => ({ ...x, computedAt: undefined });
    expect(strip(cli)).toEqual(strip(api));
    expect(cli.indicators.ip.value).toBeCloseTo(WORKED_EXPECTED.ip, 12);

    const table = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/indicators.ts', '--year', String(WORKED_YEAR), '--opd', main.kode], {
      cwd: ROOT,
      env: cliEnv(t.config.DATABASE_URL),
    });
    expect(table.stdout).toContain('Indeks Profesionalitas ASN');
    expect(table.stdout).toContain('67.39');

    await expect(
      run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/indicators.ts', '--year', '2025', '--as-of', '2024-06-30', '--json'], {
        cwd: ROOT,
        env: cliEnv(t.config.DATABASE_URL),
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('di dalam tahun 2025') });
    await expect(run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/indicators.ts', '--json'], { cwd: ROOT })).rejects.toMatchObject({ code: 2 });
  });

  it('opd=KODE covers the units under it; the unit below alone, and an earlier as-of date, give their own figures', async () => {
    const sub = (await get(verifier, `year=2025&opd=${child.kode}`)).body;
    // P7, P8, P9 and P10 (by position history; their employee row points elsewhere)
    expect(sub.population).toBe(4);
    expect(sub.indicators.ikp.components.byLevel).toEqual({ SMP: 1, SMA: 2, S1: 1 });
    expect(sub.indicators.idis.components).toMatchObject({ ringan: 1, berat: 0 });
    // before X-retired left (1 June) they count; the appointments after D never do
    const may = (await get(verifier, `year=2025&opd=${main.kode}&asOf=2025-05-31`)).body;
    expect(may.asOf).toBe('2025-05-31');
    expect(may.population).toBe(11);
    // trainings and the S1 of P4 (2025-08-01) are read on D
    expect(may.indicators.ikp.components.byLevel).toMatchObject({ S1: 3, SMA: 3, S3: 1 });
    expect(may.indicators.idis.components).toMatchObject({ ringan: 1, berat: 0 });
  });

  it('drill-down lists the people behind each component, scoped and paginated', async () => {
    const q = (component: string, extra = '') => verifier.get(`/api/indicators/drilldown?year=2025&opd=${main.kode}&component=${component}${extra}`);
    const keys = (body: { items: { employeeId: number }[] }) =>
      body.items.map((x) => Object.values(people).find((p) => p.id === x.employeeId)?.key).sort();
    const esl = await q('eselon_without_leadership');
    expect(esl.status).toBe(200);
    expect(esl.body).toMatchObject({ component: 'eselon_without_leadership', total: 1, page: 1 });
    expect(keys(esl.body)).toEqual(['P2']);
    expect(esl.body.items[0]).toMatchObject({ nip: people.P2!.nip, eselon: 'IV.a', jenisJabatan: 'STRUKTURAL', jpTotal: 10, opd: { kode: main.kode } });
    expect(keys((await q('jft_without_functional')).body)).toEqual(['P6']);
    expect(keys((await q('under_20_jp')).body)).toEqual(['P2', 'P5', 'P6', 'P9']);
    expect(keys((await q('without_workshop')).body)).toEqual(['P10', 'P2', 'P4', 'P5', 'P6', 'P8', 'P9']);
    expect((await q('missing_skp')).body.total).toBe(0);
    const pen = await q('penalties');
    expect(keys(pen.body)).toEqual(['P2', 'P9']);
    expect(pen.body.items.map((x: { hukdis: { tingkat: string } }) => x.hukdis.tingkat).sort()).toEqual(['BERAT', 'RINGAN']);

    const p1 = await q('without_workshop', '&pageSize=3');
    const p3 = await q('without_workshop', '&pageSize=3&page=3');
    expect(p1.body).toMatchObject({ total: 7, pageSize: 3 });
    expect(p1.body.items).toHaveLength(3);
    expect(p3.body.items).toHaveLength(1);
    expect((await q('without_workshop', '&pageSize=3&page=9')).body).toMatchObject({ total: 7, items: [] });

    const csv = await q('under_20_jp', '&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('NIP,Nama,Status,Kode OPD,OPD,Jabatan,Jenis Jabatan,Eselon,Total JP,Workshop,Nilai SKP');
    expect(lines).toHaveLength(5);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'indicators.drilldown_exported', actorUserId: verifier.user.id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ entityId: 'under_20_jp', after: { component: 'under_20_jp', format: 'csv', opd: main.kode } });
    const xlsx = await binary(q('penalties', '&format=xlsx'));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).values).toContain('Tingkat Hukdis');

    expect((await verifier.get(`/api/indicators/drilldown?year=2025&component=nope`)).status).toBe(422);
  });
});

describe('edge cases, each in its own OPD', () => {
  it('no eselon holders: component a counts 0 and is flagged', async () => {
    const w = await world([
      { key: 'a', unit: 'main', jenis: 'FUNGSIONAL', diklat: [{ jenis: 'FUNGSIONAL', mulai: '2025-01-01', selesai: '2025-01-31', jp: 30 }] },
      { key: 'b', unit: 'main', jenis: 'PELAKSANA' },
    ]);
    const r = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(r.population).toBe(2);
    expect(r.indicators.ikom.components.a).toEqual({ num: 0, den: 0, value: 0 });
    expect(r.indicators.ikom.flags).toContain('ZERO_DENOMINATOR_A');
    // (0 + 1/1 + 1/2 + 0/2) / 4 × 100
    expect(r.indicators.ikom.value).toBeCloseTo(37.5, 12);
  });

  it('someone retiring mid-year counts until the TMT of the exit, not after', async () => {
    const w = await world([
      { key: 'stays', unit: 'main' },
      { key: 'retires', unit: 'main', tmtBerhenti: '2025-07-01', pendidikanTerakhir: 'S3' },
    ]);
    const before = (await get(verifier, `year=2025&opd=${w.top.kode}&asOf=2025-06-30`)).body;
    expect(before.population).toBe(2);
    expect(before.indicators.ikp.components.sumWeights).toBe(8);
    const onTmt = (await get(verifier, `year=2025&opd=${w.top.kode}&asOf=2025-07-01`)).body;
    expect(onTmt.population).toBe(1);
    const end = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(end.population).toBe(1);
    expect(end.indicators.ikp.value).toBeCloseTo(100, 12);
  });

  it('someone moving OPD mid-year counts where they were on D', async () => {
    const a = await createOpd(t.db);
    const b = await createOpd(t.db);
    const spec: PersonSpec = {
      key: 'mover',
      unit: 'child',
      jenis: 'FUNGSIONAL',
      jabatan: [
        { tmt: '2015-01-01', unit: 'main', jenis: 'PELAKSANA' },
        { tmt: '2025-07-01', unit: 'child', jenis: 'FUNGSIONAL' },
      ],
    };
    // employee row already points at B; history says A until 30 June
    await createPerson(t.db, spec, { main: a.id, child: b.id, other: b.id });
    const inA = (await get(verifier, `year=2025&opd=${a.kode}&asOf=2025-06-15`)).body;
    const inB = (await get(verifier, `year=2025&opd=${b.kode}&asOf=2025-06-15`)).body;
    expect([inA.population, inB.population]).toEqual([1, 0]);
    expect(inA.indicators.ikom.components.b.den).toBe(0);
    const endA = (await get(verifier, `year=2025&opd=${a.kode}`)).body;
    const endB = (await get(verifier, `year=2025&opd=${b.kode}`)).body;
    expect([endA.population, endB.population]).toEqual([0, 1]);
    expect(endB.indicators.ikom.components.b.den).toBe(1);
  });

  it('penalties: other years ignored; counted when the person was ASN on the decision date, even if dismissed afterwards', async () => {
    const w = await world([
      { key: 'clean', unit: 'main' },
      { key: 'old', unit: 'main', hukdis: [{ tingkat: 'BERAT', tanggalSk: '2024-12-31' }, { tingkat: 'RINGAN', tanggalSk: '2026-01-01' }] },
      { key: 'dismissed', unit: 'main', tmtBerhenti: '2025-05-01', hukdis: [{ tingkat: 'BERAT', tanggalSk: '2025-03-01', jenis: 'Pemberhentian' }] },
      { key: 'two', unit: 'main', hukdis: [{ tingkat: 'SEDANG', tanggalSk: '2025-02-01' }, { tingkat: 'SEDANG', tanggalSk: '2025-08-01' }] },
      // decided before the appointment: not an ASN then
      { key: 'before-appointment', unit: 'main', tmtCpns: '2025-06-01', hukdis: [{ tingkat: 'RINGAN', tanggalSk: '2025-05-01' }] },
    ]);
    const r = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(r.population).toBe(4);
    expect(r.indicators.idis.components).toEqual({ ringan: 0, sedang: 2, berat: 1, weighted: 7, n: 4 });
    expect(r.indicators.idis.value).toBeCloseTo((7 / 4) * 100, 12);
    // penalties up to D only
    const mid = (await get(verifier, `year=2025&opd=${w.top.kode}&asOf=2025-04-30`)).body;
    expect(mid.indicators.idis.components).toMatchObject({ sedang: 1, berat: 1 });
    const list = await verifier.get(`/api/indicators/drilldown?year=2025&opd=${w.top.kode}&component=penalties`);
    expect(list.body.items.map((x: { employeeId: number }) => x.employeeId).sort()).toEqual(
      [w.people.dismissed!.id, w.people.two!.id, w.people.two!.id].sort(),
    );
  });

  it('missing SKP counts 0, is reported and listed', async () => {
    const w = await world([
      { key: 'scored', unit: 'main', skp: [{ tahun: 2025, nilai: 80 }] },
      { key: 'missing', unit: 'main', skp: [{ tahun: 2024, nilai: 90 }] },
      { key: 'empty', unit: 'main', skp: [{ tahun: 2025, nilai: null, predikat: null }] },
    ]);
    const r = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(r.indicators.ikin.components).toMatchObject({ sumScores: 80, n: 3, scored: 1, missing: 2 });
    expect(r.indicators.ikin.value).toBeCloseTo(80 / 3, 12);
    expect(r.indicators.ikin.flags).toContain('MISSING_SKP');
    const list = await verifier.get(`/api/indicators/drilldown?year=2025&opd=${w.top.kode}&component=missing_skp`);
    expect(list.body.items.map((x: { employeeId: number }) => x.employeeId).sort()).toEqual([w.people.missing!.id, w.people.empty!.id].sort());
  });

  it('N = 0: every index is null and flagged', async () => {
    const w = await world([{ key: 'contract', unit: 'main', status: 'KONTRAK', tmtCpns: null }]);
    const r = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(r.population).toBe(0);
    for (const k of ['ikp', 'ikom', 'ikin', 'idis', 'ip']) expect(r.indicators[k].value).toBeNull();
    expect(r.indicators.ikp.flags).toContain('NO_POPULATION');
    expect(r.indicators.ip.flags).toContain('MISSING_COMPONENT');
  });

  it('agency-wide: a breakdown per top-level OPD whose numerators and denominators sum exactly to the agency’s', async () => {
    const res = await get(verifier, 'year=2025&breakdown=full');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.opd).toBeNull();
    const roots = await t.db.opd.findMany({ where: { parentId: null } });
    expect(r.breakdown).toHaveLength(roots.length);
    const mine = r.breakdown.find((b: { opd: { id: number } }) => b.opd.id === main.id);
    expect(mine.population).toBe(10);
    expect(mine.indicators.ip.value).toBeCloseTo(WORKED_EXPECTED.ip, 12);
    expect(r.breakdown.some((b: { opd: { id: number } }) => b.opd.id === child.id)).toBe(false);
    type B = (typeof r.breakdown)[number];
    const sum = (f: (b: B) => number) => r.breakdown.reduce((acc: number, b: B) => acc + f(b), 0);
    const i = r.indicators;
    expect(sum((b) => b.population)).toBe(r.population);
    expect(sum((b) => b.indicators.ikp.components.sumWeights)).toBe(i.ikp.components.sumWeights);
    for (const c of ['a', 'b', 'c', 'd'] as const) {
      expect(sum((b) => b.indicators.ikom.components[c].num)).toBe(i.ikom.components[c].num);
      expect(sum((b) => b.indicators.ikom.components[c].den)).toBe(i.ikom.components[c].den);
    }
    expect(sum((b) => Math.round(b.indicators.ikin.components.sumScores * 100))).toBe(Math.round(i.ikin.components.sumScores * 100));
    expect(sum((b) => b.indicators.ikin.components.missing)).toBe(i.ikin.components.missing);
    for (const k of ['ringan', 'sedang', 'berat'] as const) expect(sum((b) => b.indicators.idis.components[k])).toBe(i.idis.components[k]);
  });

  it('agency-wide by default: the breakdown as figures only (the same values), the agency’s own complete', async () => {
    const [summary, full] = await Promise.all([get(verifier, 'year=2025'), get(verifier, 'year=2025&breakdown=full')]);
    expect(summary.status).toBe(200);
    expect(summary.body.breakdown).toHaveLength(full.body.breakdown.length);
    for (const [i, b] of (summary.body.breakdown as { opd: unknown; population: number; indicators: Record<string, Record<string, unknown>> }[]).entries()) {
      const f = full.body.breakdown[i];
      expect(b.opd).toEqual(f.opd);
      expect(b.population).toBe(f.population);
      for (const k of ['ikp', 'ikom', 'ikin', 'idis', 'ip']) {
        const { components, formula, capaianFormula, ...figures } = f.indicators[k];
        expect([components, formula, capaianFormula].every((x) => x !== undefined)).toBe(true);
        expect(b.indicators[k]).toEqual(figures);
      }
    }
    expect(summary.body.indicators).toEqual(full.body.indicators);
    expect(summary.body.previous).toEqual(full.body.previous);
    expect(JSON.stringify(summary.body).length).toBeLessThan(JSON.stringify(full.body).length);
    expect((await get(verifier, 'year=2025&breakdown=semua')).status).toBe(422);
  });

  it('asOf outside the year → 400; malformed → 422; unknown OPD → 404', async () => {
    const outside = await get(verifier, `year=2025&opd=${main.kode}&asOf=2024-12-31`);
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('as_of_outside_year');
    expect((await get(verifier, `year=2025&asOf=2026-01-01`)).status).toBe(400);
    expect((await get(verifier, `year=2025&asOf=2025-02-30`)).status).toBe(422);
    expect((await get(verifier, `asOf=2025-02-01`)).status).toBe(422);
    expect((await get(verifier, `year=abcd`)).status).toBe(422);
    const unknown = await get(verifier, `year=2025&opd=NOPE-${Date.now()}`);
    expect(unknown.status).toBe(404);
    expect((await verifier.get(`/api/indicators/drilldown?year=2025&component=missing_skp&asOf=2026-01-01`)).status).toBe(400);
  });
});

describe('access', () => {
  const anon = () => supertest(t.app);
  const routes = () => [
    `/api/indicators?year=2025&opd=${main.kode}`,
    `/api/indicators/drilldown?year=2025&opd=${main.kode}&component=missing_skp`,
    `/api/indicators/lkj?year=2025&opd=${main.kode}&format=xlsx`,
    `/api/indicators/snapshots?year=2025&opd=${main.kode}`,
  ];

  it('401 without a session, 403 for an ASN, 200 for BKD on every read route', async () => {
    for (const url of [...routes(), '/api/indicators/config?year=2025']) {
      expect((await anon().get(url)).status, url).toBe(401);
      expect((await asn.get(url)).status, url).toBe(403);
      expect((await verifier.get(url)).status, url).toBe(200);
      expect((await admin.get(url)).status, url).toBe(200);
    }
  });

  it('every route is documented in the OpenAPI document', async () => {
    const doc = (await anon().get('/api/openapi.json')).body;
    for (const p of ['/api/indicators', '/api/indicators/drilldown', '/api/indicators/lkj', '/api/indicators/config', '/api/indicators/snapshots', '/api/indicators/snapshots/{id}']) {
      expect(doc.paths[p], p).toBeTruthy();
    }
    expect(Object.keys(doc.paths['/api/indicators/targets/{year}'])).toEqual(['put']);
  });

  it('an OPD admin sees their OPD and the units under it, never the agency or another OPD', async () => {
    for (const url of routes()) expect((await opdAdmin.get(url)).status, url).toBe(200);
    const sub = await get(opdAdmin, `year=2025&opd=${child.kode}`);
    expect(sub.status).toBe(200);
    const whole = await get(opdAdmin, 'year=2025');
    expect(whole.status).toBe(403);
    expect(whole.body.error.code).toBe('forbidden');
    expect((await get(opdAdmin, `year=2025&opd=${other.kode}`)).status).toBe(403);
    expect((await opdAdmin.get(`/api/indicators/drilldown?year=2025&component=penalties`)).status).toBe(403);
    expect((await opdAdmin.get(`/api/indicators/drilldown?year=2025&opd=${other.kode}&component=penalties`)).status).toBe(403);
    expect((await opdAdmin.get(`/api/indicators/lkj?year=2025&format=pdf`)).status).toBe(403);
    expect((await opdAdmin.get(`/api/indicators/snapshots?year=2025`)).status).toBe(403);
    expect((await opdAdmin.get('/api/indicators/config?year=2025')).status).toBe(403);
  });

  it('only a BKD admin writes targets, weights, predicate scores and snapshots', async () => {
    const writes: [string, string, object][] = [
      ['put', '/api/indicators/targets/2040', { IKP: 70 }],
      ['put', '/api/indicators/weights/2040', { ikp: 25, ikom: 40, ikin: 30, idis: 5 }],
      ['put', '/api/indicators/predicate-scores/2040', { SANGAT_BAIK: 95, BAIK: 83, BUTUH_PERBAIKAN: 68, KURANG: 55, SANGAT_KURANG: 25 }],
      ['post', '/api/indicators/snapshots', { year: 2040, opd: main.kode, note: 'uji akses' }],
    ];
    for (const [method, url, body] of writes) {
      expect((await anon()[method as 'put'](url).send(body)).status, url).toBe(401);
      for (const who of [asn, opdAdmin, verifier]) {
        expect((await who[method as 'put'](url).set('x-csrf-token', who.csrfToken).send(body)).status, url).toBe(403);
      }
      const ok = await admin[method as 'put'](url).set('x-csrf-token', admin.csrfToken).send(body);
      expect(ok.status, url).toBe(method === 'post' ? 201 : 200);
    }
  });
});

describe('targets, weights and predicate scores per year', () => {
  it('targets: edited by a BKD admin, audited in the same transaction, and give capaian (higher/lower is better)', async () => {
    const put = (year: number, body: object) => admin.put(`/api/indicators/targets/${year}`).set('x-csrf-token', admin.csrfToken).send(body);
    const res = await put(2025, { IKP: 70, IKOM: 50, IKIN: 80, IDIS: 50, IP: 0 });
    expect(res.status).toBe(200);
    expect(res.body.targets).toEqual({ IKP: 70, IKOM: 50, IKIN: 80, IDIS: 50, IP: 0 });
    const audit = await t.db.auditLog.findFirst({ where: { action: 'indicator_target.updated', entityId: '2025' }, orderBy: { id: 'desc' } });
    expect(audit?.before).toEqual({ IKP: null, IKOM: null, IKIN: null, IDIS: null, IP: null });
    expect(audit?.after).toEqual({ IKP: 70, IKOM: 50, IKIN: 80, IDIS: 50, IP: 0 });
    expect(audit?.actorUserId).toBe(admin.user.id);

    try {
      const r = (await get(verifier, `year=2025&opd=${main.kode}`)).body;
      expect(r.indicators.ikp).toMatchObject({ target: 70, flags: [] });
      expect(r.indicators.ikp.capaian).toBeCloseTo((WORKED_EXPECTED.ikp / 70) * 100, 12);
      expect(r.indicators.ikom.capaian).toBeCloseTo(107.5, 12);
      // lower is better: (2 × 50 − 40) / 50 × 100
      expect(r.indicators.idis.capaian).toBeCloseTo(120, 12);
      expect(r.indicators.idis.capaianFormula).toBe('(2 × 50 − 40) / 50 × 100');
      expect(r.indicators.ip).toMatchObject({ target: 0, capaian: null });
      expect(r.indicators.ip.flags).toEqual(['ZERO_TARGET']);

      // null removes one target; the others stay
      const cleared = await put(2025, { IKP: null });
      expect(cleared.body.targets).toMatchObject({ IKP: null, IKOM: 50 });
      expect((await put(2025, {})).status).toBe(422);
      expect((await put(2025, { IKP: -1 })).status).toBe(422);
      const cfg = await verifier.get('/api/indicators/config?year=2025');
      expect(cfg.body.targets).toMatchObject({ IKP: null, IKOM: 50, IDIS: 50 });
    } finally {
      await put(2025, { IKP: null, IKOM: null, IKIN: null, IDIS: null, IP: null });
    }
  });

  it('IP weights apply from their year on; they must sum to 100', async () => {
    const w = await world([{ key: 'x', unit: 'main', pendidikanTerakhir: 'S1', skp: [{ tahun: 2035, nilai: 70 }, { tahun: 2036, nilai: 70 }, { tahun: 2034, nilai: 70 }] }]);
    const put = (year: number, body: object) => admin.put(`/api/indicators/weights/${year}`).set('x-csrf-token', admin.csrfToken).send(body);
    expect((await put(2035, { ikp: 50, ikom: 50, ikin: 50, idis: 0 })).status).toBe(422);
    const ok = await put(2035, { ikp: 0, ikom: 0, ikin: 100, idis: 0 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ weights: { ikp: 0, ikom: 0, ikin: 100, idis: 0 }, weightsYear: 2035 });
    expect(await t.db.auditLog.count({ where: { action: 'indicator_weight.updated', entityId: '2035' } })).toBe(1);
    const y2035 = (await get(verifier, `year=2035&opd=${w.top.kode}`)).body;
    expect(y2035.indicators.ip.value).toBeCloseTo(70, 12);
    expect(y2035.indicators.ip.components.weightsYear).toBe(2035);
    const y2036 = (await get(verifier, `year=2036&opd=${w.top.kode}`)).body;
    expect(y2036.indicators.ip.value).toBeCloseTo(70, 12);
    const y2034 = (await get(verifier, `year=2034&opd=${w.top.kode}`)).body;
    expect(y2034.indicators.ip.components.weightsYear).not.toBe(2035);
    expect(y2034.indicators.ip.components.weights.ikin).not.toBe(100);
  });

  it('SKP predicate scores are edited per year; a numeric nilai still wins', async () => {
    const w = await world([
      { key: 'pred', unit: 'main', skp: [{ tahun: 2037, predikat: 'BAIK' }, { tahun: 2036, predikat: 'BAIK' }] },
      { key: 'num', unit: 'main', skp: [{ tahun: 2037, nilai: 90, predikat: 'BAIK' }] },
    ]);
    const before = (await get(verifier, `year=2037&opd=${w.top.kode}`)).body;
    expect(before.indicators.ikin.components.sumScores).toBe(173);
    const res = await admin
      .put('/api/indicators/predicate-scores/2037')
      .set('x-csrf-token', admin.csrfToken)
      .send({ SANGAT_BAIK: 96, BAIK: 80.5, BUTUH_PERBAIKAN: 70, KURANG: 50, SANGAT_KURANG: 20 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ predicateScoresYear: 2037, predicateScores: { BAIK: 80.5 } });
    const after = (await get(verifier, `year=2037&opd=${w.top.kode}`)).body;
    expect(after.indicators.ikin.components).toMatchObject({ sumScores: 170.5, predicateScoresYear: 2037, fromNilai: 1, fromPredikat: 1 });
    expect(after.indicators.ikin.value).toBeCloseTo(85.25, 12);
    // the year before keeps its (default) table
    expect((await get(verifier, `year=2036&opd=${w.top.kode}`)).body.indicators.ikin.components.sumScores).toBe(83);
    expect((await admin.put('/api/indicators/predicate-scores/2037').set('x-csrf-token', admin.csrfToken).send({ BAIK: 80 })).status).toBe(422);
    expect(await t.db.auditLog.count({ where: { action: 'indicator_predicate_score.updated', entityId: '2037' } })).toBe(1);
  });
});

describe('snapshots', () => {
  it('freezes the full result (audited); the main endpoint shows it next to the live values; a later correction changes only the live values', async () => {
    const w = await world([
      { key: 'a', unit: 'main', skp: [{ tahun: 2025, nilai: 80 }] },
      { key: 'b', unit: 'main', skp: [{ tahun: 2025, nilai: 60 }] },
    ]);
    const created = await admin
      .post('/api/indicators/snapshots')
      .set('x-csrf-token', admin.csrfToken)
      .send({ year: 2025, opd: w.top.kode, note: 'LKj 2025 final' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2025, opd: { kode: w.top.kode }, asOf: '2025-12-31', note: 'LKj 2025 final', population: 2 });
    expect(created.body.values.ikin).toBeCloseTo(70, 12);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'indicator_snapshot.created', entityId: String(created.body.id) } });
    expect(audit?.actorUserId).toBe(admin.user.id);

    // correct a record afterwards
    const skp = await t.db.riwayatSkp.findFirstOrThrow({ where: { employeeId: w.people.b!.id, tahun: 2025 } });
    await t.db.riwayatSkp.update({ where: { id: skp.id }, data: { nilai: 100 } });

    const live = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(live.indicators.ikin.value).toBeCloseTo(90, 12);
    expect(live.snapshot).toMatchObject({ id: created.body.id, note: 'LKj 2025 final' });
    expect(live.snapshot.values.ikin).toBeCloseTo(70, 12);

    const list = await verifier.get(`/api/indicators/snapshots?year=2025&opd=${w.top.kode}`);
    expect(list.body.items).toHaveLength(1);
    const one = await verifier.get(`/api/indicators/snapshots/${created.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body.result.indicators.ikin.value).toBeCloseTo(70, 12);
    expect(one.body.result.indicators.ikin.components.sumScores).toBe(140);
    expect(one.body.result.snapshot).toBeNull();
    expect((await verifier.get('/api/indicators/snapshots/999999999')).status).toBe(404);

    // frozen in the database too
    await expect(t.db.indicatorSnapshot.update({ where: { id: created.body.id }, data: { note: 'x' } })).rejects.toThrow();
    await expect(t.db.indicatorSnapshot.delete({ where: { id: created.body.id } })).rejects.toThrow();

    // agency-wide snapshot lists separately; an empty note is refused
    expect((await admin.post('/api/indicators/snapshots').set('x-csrf-token', admin.csrfToken).send({ year: 2025, note: ' ' })).status).toBe(422);
    expect(
      (await admin.post('/api/indicators/snapshots').set('x-csrf-token', admin.csrfToken).send({ year: 2025, opd: w.top.kode, asOf: '2026-01-01', note: 'x' })).status,
    ).toBe(400);
  });
});

describe('LKj export and counters', () => {
  it('XLSX: target / realisasi / capaian / previous year, the formula breakdown and the counters', async () => {
    const res = await binary(verifier.get(`/api/indicators/lkj?year=2025&opd=${main.kode}&format=xlsx`));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/lkj-iku-2025-.*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Capaian IKU', 'Rincian Rumus', 'Keluaran']);
    const ws = wb.getWorksheet('Capaian IKU')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const ip = rows.find((r) => String(r[1]).startsWith('Indeks Profesionalitas'))!;
    expect(ip[4] as number).toBeCloseTo(WORKED_EXPECTED.ip, 12);
    const ikp = rows.find((r) => String(r[1]).startsWith('Indeks Kualifikasi'))!;
    expect(ikp[4] as number).toBeCloseTo(WORKED_EXPECTED.ikp, 12);
    const formulas: unknown[][] = [];
    wb.getWorksheet('Rincian Rumus')!.eachRow((r) => formulas.push((r.values as unknown[]).slice(1)));
    expect(formulas.some((r) => r[5] === '22 / (10 × 3) × 100')).toBe(true);
    expect(formulas.some((r) => r[5] === '(1/2 + 3/4 + 6/10 + 3/10) / 4 × 100')).toBe(true);
  });

  it('PDF: the same tables, readable', async () => {
    const res = await binary(verifier.get(`/api/indicators/lkj?year=2025&opd=${main.kode}&format=pdf`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await new PDFParse({ data: new Uint8Array(res.body as Buffer) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('INDIKATOR KINERJA UTAMA TAHUN 2025');
    expect(text).toContain('Indeks Kualifikasi Pendidikan');
    expect(text).toContain('73,33');
    expect(text).toContain('67,39');
    expect(text).toContain('22 / (10 × 3) × 100');
    // Ready to sign: numbered pages and the head of BKD's signature block.
    expect(text).toMatch(/Halaman 1 dari \d+/);
    expect(text).toContain('Kepala Badan Kepegawaian Daerah');
    mkdirSync(path.resolve(ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.resolve(ROOT, 'test-results', 'lkj.pdf'), res.body as Buffer);
  });

  it('counters: KGB letters, data-change requests verified and days to decision, scoped by OPD', async () => {
    // Well-formed payloads of each type: the rows stay in the shared database, and lists parse every row.
    const PAYLOADS: Record<string, object> = {
      DATA_CHANGE: { target: 'profile', op: 'update', recordId: null, changes: { noHp: '081234567890' }, before: { noHp: null } },
      KGB: {
        tmt: '2025-05-01', golongan: 'III/a', mkgTahun: 6, mkgBulan: 0, gajiPokokLama: null, gajiPokokBaru: null, regulation: null,
        basis: { kind: 'KGB', tmt: '2023-05-01', mkgTahun: 4, mkgBulan: 0 }, postponed: false, reasons: [], warnings: [], lastSkp: null, missingDocuments: [],
      },
    };
    const w = await world([{ key: 'c', unit: 'main' }]);
    const emp = w.people.c!.id;
    const at = (s: string) => new Date(s);
    const mk = async (type: string, state: string, events: [string, string, string | null, string][]) => {
      const r = await t.db.workflowRequest.create({
        data: { type, state, employeeId: emp, opdId: w.top.id, title: `${type} uji`, payload: PAYLOADS[type] ?? {}, submittedAt: at(events[0]![0]) },
      });
      for (const [when, action, from, to] of events) {
        await t.db.requestEvent.create({ data: { requestId: r.id, at: at(when), action, fromState: from, toState: to } });
      }
      return r;
    };
    await mk('DATA_CHANGE', 'DISETUJUI', [
      ['2025-03-01T01:00:00Z', 'create', null, 'DIAJUKAN'],
      ['2025-03-11T01:00:00Z', 'approve', 'DIAJUKAN', 'DISETUJUI'],
    ]);
    await mk('DATA_CHANGE', 'DITOLAK', [
      ['2025-04-01T00:00:00Z', 'create', null, 'DIAJUKAN'],
      ['2025-04-03T00:00:00Z', 'reject', 'DIAJUKAN', 'DITOLAK'],
    ]);
    // decided on 1 January 2026 in Jakarta (31 December 2025, 18:00 UTC): not in 2025
    await mk('DATA_CHANGE', 'DISETUJUI', [
      ['2025-12-20T00:00:00Z', 'create', null, 'DIAJUKAN'],
      ['2025-12-31T18:00:00Z', 'approve', 'DIAJUKAN', 'DISETUJUI'],
    ]);
    await mk('DATA_CHANGE', 'DIBATALKAN', [
      ['2025-05-01T00:00:00Z', 'create', null, 'DIAJUKAN'],
      ['2025-05-02T00:00:00Z', 'withdraw', 'DIAJUKAN', 'DIBATALKAN'],
    ]);
    const kgb = await mk('KGB', 'DITETAPKAN', [
      ['2025-06-01T00:00:00Z', 'create', null, 'DRAFT'],
      ['2025-06-02T00:00:00Z', 'verify', 'DRAFT', 'DIVERIFIKASI'],
      ['2025-06-05T12:00:00Z', 'finalize', 'DIVERIFIKASI', 'DITETAPKAN'],
    ]);
    await t.db.letter.create({
      data: { kind: 'KGB', requestId: kgb.id, employeeId: emp, number: `822.4/${kgb.id}/uji/2025`, date: at('2025-06-05T00:00:00Z'), token: `tok${kgb.id}x${Date.now()}`, data: {} },
    });
    const r = (await get(verifier, `year=2025&opd=${w.top.kode}`)).body;
    expect(r.counters).toMatchObject({ kgbLetters: 1, dataChangeVerified: 2, promotionSks: 0, pensionSks: 0 });
    const dc = r.counters.decisionTimes.find((x: { type: string }) => x.type === 'DATA_CHANGE');
    expect(dc).toMatchObject({ decided: 2, label: 'Perubahan data' });
    expect(dc.averageDays).toBeCloseTo(6, 9);
    const k = r.counters.decisionTimes.find((x: { type: string }) => x.type === 'KGB');
    expect(k).toMatchObject({ decided: 1 });
    expect(k.averageDays).toBeCloseTo(4.5, 9);
    const next = (await get(verifier, `year=2026&opd=${w.top.kode}&asOf=2026-01-01`)).body;
    expect(next.counters.dataChangeVerified).toBe(1);
    // other OPDs do not see them
    expect((await get(verifier, `year=2025&opd=${main.kode}`)).body.counters.dataChangeVerified).toBe(0);
  });
});
