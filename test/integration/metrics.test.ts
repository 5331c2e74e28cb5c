/** GET /metrics: protected by METRICS_TOKEN; request latency per route, queues, outbox lag, reconciliation. */
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, uniq, type TestApp } from '../support/app.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';
let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ METRICS_TOKEN: TOKEN });
});
afterAll(() => t.close());

/** The value of one sample line (name with its labels exactly as exported). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return null;
}

describe('GET /metrics', () => {
  it('is disabled (404) without METRICS_TOKEN', async () => {
    const off = buildTestApp();
    try {
      const res = await supertest(off.app).get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('route_not_found');
    } finally {
      await off.close();
    }
  });

  it('needs the bearer token (401 with the error model)', async () => {
    for (const auth of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const req = supertest(t.app).get('/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('exports latency per route pattern, queue depth, failed jobs, outbox lag and reconciliation repairs', async () => {
    await supertest(t.app).get('/api/health/live').expect(200);
    await supertest(t.app).get('/api/employees/123').expect(401);
    await supertest(t.app).get('/api/no-such-route').expect(404);
    await t.ctx.queues.documents.add('system.echo', { key: uniq('m'), message: 'x' }, { jobId: `system.echo/${uniq('m')}`, delay: 60_000 });
    await t.ctx.queues.default.add('system.echo', { key: uniq('m'), message: 'x' }, { jobId: `system.echo/${uniq('m')}` });
    const due = uniq('m');
    await t.db.$executeRaw`INSERT INTO outbox_event (queue, job_name, job_id, payload, available_at) VALUES ('default', 'system.echo', ${`system.echo/${due}`}, '{}'::jsonb, now() - interval '120 seconds')`;
    await t.db.$executeRaw`INSERT INTO reconciliation_tally (kind, total) VALUES ('letter', 0) ON CONFLICT DO NOTHING`;
    await t.db.$executeRaw`UPDATE reconciliation_tally SET total = total + 3 WHERE kind = 'letter'`;
    const letters = Number((await t.db.reconciliationTally.findUniqueOrThrow({ where: { kind: 'letter' } })).total);

    const res = await supertest(t.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const m = res.text;
    expect(sample(m, 'simak_http_request_duration_seconds_count', { route: '/api/health/live', method: 'GET', status_code: '200' })).toBe(1);
    expect(sample(m, 'simak_http_request_duration_seconds_count', { route: '/api/employees/:id', status_code: '401' })).toBe(1);
    expect(sample(m, 'simak_http_request_duration_seconds_count', { route: '(unmatched api)', status_code: '404' })).toBe(1);
    // Never the raw URL as a label.
    expect(m).not.toContain('/api/employees/123');
    expect(sample(m, 'simak_queue_jobs', { queue: 'documents', state: 'delayed' })).toBe(1);
    expect(sample(m, 'simak_queue_jobs', { queue: 'default', state: 'waiting' })).toBe(1);
    expect(sample(m, 'simak_queue_failed_jobs', { queue: 'mail' })).toBe(0);
    expect(sample(m, 'simak_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(sample(m, 'simak_outbox_lag_seconds')).toBeGreaterThanOrEqual(120);
    expect(sample(m, 'simak_reconciliation_repairs_total', { kind: 'letter' })).toBe(letters);
    expect(sample(m, 'simak_dependency_up', { dependency: 'database' })).toBe(1);
    expect(sample(m, 'simak_dependency_up', { dependency: 'redis' })).toBe(1);
    expect(sample(m, 'simak_process_resident_memory_bytes')).toBeGreaterThan(0);
    await t.db.outboxEvent.deleteMany({ where: { jobId: `system.echo/${due}` } });
  });
});
