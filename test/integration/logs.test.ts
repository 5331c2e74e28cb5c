/** Logs carry no personal data: no passwords, NIK, addresses, session cookies or search terms. */
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { createContext } from '../../server/src/bootstrap.ts';
import { createLogger } from '../../server/src/logger.ts';
import { testConfig } from '../support/app.ts';
import { createAsn, createOpd, PASSWORD } from '../support/factories.ts';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    lines.push(String(chunk));
    cb();
  },
});
const config = testConfig({ LOG_LEVEL: 'debug' });
const ctx = createContext(config, { logger: createLogger('debug', 'simak', sink) });
const app = createApp(ctx);
afterAll(() => ctx.close());

const NIK = '3508011501900003';
const ALAMAT = 'Jl. Kenanga Gg. III No. 17';

describe('request logs', () => {
  let asn: Awaited<ReturnType<typeof createAsn>>;
  beforeAll(async () => {
    asn = await createAsn(ctx.db, (await createOpd(ctx.db)).id);
  });

  it('hold neither passwords, cookies, NIK, addresses nor search terms', async () => {
    const agent = supertest.agent(app);
    await agent.post('/api/auth/login').send({ username: asn.username, password: PASSWORD }).expect(200);
    await agent.post('/api/auth/login').send({ username: asn.username, password: 'SalahSekali99' });
    await agent.get(`/api/employees?q=${NIK}&nama=Budi%20Santoso`);
    // Something that logs an object with personal fields (an error path, a job) is redacted too.
    ctx.logger.error({ employee: { nik: NIK, alamat: ALAMAT, nama: 'Budi' }, password: PASSWORD }, 'a log with personal fields');

    const out = lines.join('');
    expect(out).toContain('/api/auth/login');
    expect(out).toContain('q=*');
    expect(out).toContain('[redacted]');
    for (const secret of [PASSWORD, 'SalahSekali99', NIK, ALAMAT, 'Budi%20Santoso', 'connect.sid=', 'simak.sid=']) expect(out).not.toContain(secret);
  });

  it('write one line per request with its id, status and time, at the level its outcome deserves', async () => {
    lines.length = 0;
    const ok = await supertest(app).get('/api/auth/csrf').set('x-request-id', 'req-ok-1');
    const missing = await supertest(app).get('/api/tidak-ada?nip=199001012020121001');
    await supertest(app).get('/api/health');
    const parsed = lines.map((l) => JSON.parse(l) as { level: number; reqId?: string; msg: string; req?: { url: string; method: string }; res?: { statusCode: number }; responseTime?: number });
    const of = (id: string) => parsed.filter((l) => l.reqId === id && /^request (completed|errored|aborted)$/.test(l.msg));
    const [okLine] = of('req-ok-1');
    expect(of('req-ok-1')).toHaveLength(1);
    expect(okLine).toMatchObject({ level: 20, msg: 'request completed', req: { method: 'GET', url: '/api/auth/csrf' }, res: { statusCode: ok.status } });
    expect(okLine!.responseTime).toBeGreaterThanOrEqual(0);
    const [missingLine] = of(String(missing.headers['x-request-id']));
    // A 4xx is info; the query's values are masked.
    expect(missingLine).toMatchObject({ level: 30, res: { statusCode: 404 }, req: { url: '/api/tidak-ada?nip=*' } });
    // Health checks are not logged.
    expect(parsed.some((l) => l.req?.url === '/api/health')).toBe(false);
  });

  it("give each request a logger carrying the request's id", async () => {
    lines.length = 0;
    // A refused login writes nothing by itself; an unhandled error logs through req.log (errors.ts).
    const res = await supertest(app).get('/api/employees/abc').set('x-request-id', 'req-log-2');
    expect(res.status).toBeGreaterThanOrEqual(400);
    const own = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string }).filter((l) => l.reqId === 'req-log-2');
    expect(own.map((l) => l.msg)).toContain('request failed');
  });
});
