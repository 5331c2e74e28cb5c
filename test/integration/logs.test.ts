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
});
