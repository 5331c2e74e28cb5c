/**
 * Live status updates (`GET /api/events`, server-sent events): a committed transition or checklist
 * change reaches the people who follow the request (the OPD admin of its unit, the ASN, BKD) at
 * once, and nobody else; a rolled-back change announces nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createOpd, createUser, PASSWORD, resetKpCalendar } from '../support/factories.ts';
import { pangkatHelpers, type Agent } from '../support/pangkat.ts';

let t: TestApp;
let server: http.Server;
let base: string;
let h: ReturnType<typeof pangkatHelpers>;
let opdAdmin: Agent;
let otherOpdAdmin: Agent;
let verifier: Agent;
let opdA: { id: number };

beforeAll(async () => {
  t = buildTestApp();
  await resetKpCalendar(t.db);
  opdA = await createOpd(t.db);
  const opdB = await createOpd(t.db);
  opdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdA.id] })).username, PASSWORD);
  otherOpdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdB.id] })).username, PASSWORD);
  verifier = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
  h = pangkatHelpers(t);
  server = t.app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

/** Opens the stream with the agent's session cookie; collects `request` events. */
async function listen(agent: Agent) {
  const cookie = (agent as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((c) => c.toValueString())
    .join('; ');
  const events: { id: number; state: string; type: string; version: number }[] = [];
  // Asking for gzip as browsers do: the stream must still arrive uncompressed, event by event.
  const req = http.get(`${base}/api/events`, { headers: { accept: 'text/event-stream', cookie, 'accept-encoding': 'gzip, deflate, br' } });
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => req.once('response', resolve).once('error', reject));
  expect(res.headers['content-encoding']).toBeUndefined();
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const ev = /^event: (\w+)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (ev === 'request' && data) events.push(JSON.parse(data));
    }
  });
  // Give the LISTEN connection a moment to be in place before the test acts.
  await new Promise((r) => setTimeout(r, 300));
  return { res, events, close: () => req.destroy() };
}

describe('GET /api/events', () => {
  it('401 without a session; 406 unless text/event-stream is asked for', async () => {
    expect((await supertest(t.app).get('/api/events').set('accept', 'text/event-stream')).status).toBe(401);
    const r = await opdAdmin.get('/api/events');
    expect(r.status).toBe(406);
    expect(r.body.error.code).toBe('not_acceptable');
  });

  it('a committed transition reaches the OPD admin and BKD at once, not another OPD; a refused one announces nothing', async () => {
    const p = await h.person(opdA.id, { vault: true });
    const made = await h.propose(opdAdmin, { period: '2027-01-01', employeeIds: [p.employee.id] });
    const id = made.body.items[0].requestId as number;
    const mine = await listen(opdAdmin);
    const other = await listen(otherOpdAdmin);
    const bkd = await listen(verifier);
    expect(mine.res.statusCode).toBe(200);
    expect(mine.res.headers['content-type']).toContain('text/event-stream');
    try {
      // Refused (the verifier may not submit): rolled back, nothing announced.
      expect((await h.act(verifier, id, 'submit')).status).toBe(403);
      expect((await h.act(opdAdmin, id, 'submit')).status).toBe(200);
      await expect.poll(() => mine.events.filter((e) => e.id === id).map((e) => e.state)).toEqual(['DIAJUKAN']);
      await h.judge(verifier, id, 'SK_CPNS', 'INVALID', 'Buram');
      expect((await h.act(verifier, id, 'return_incomplete')).status).toBe(200);
      await expect.poll(() => mine.events.filter((e) => e.id === id).map((e) => e.state)).toEqual(['DIAJUKAN', 'DIAJUKAN', 'DIKEMBALIKAN']);
      await expect.poll(() => bkd.events.filter((e) => e.id === id).length).toBe(3);
      expect(mine.events.at(-1)).toMatchObject({ id, type: 'KP', state: 'DIKEMBALIKAN' });
      expect(other.events.filter((e) => e.id === id)).toEqual([]);
    } finally {
      mine.close();
      other.close();
      bkd.close();
    }
  });
});
