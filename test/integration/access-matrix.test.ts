/**
 * The access matrix as a test (issue 13 part 6): every route of the Express router (and every
 * mounted sub-application) is called as each caller of access-matrix.table.ts — anonymous, the
 * ASN owning the resource and another ASN, the atasan, the OPD admin of the resource's OPD and
 * of another, a BKD verifier and a BKD admin — and the answer must match the table: allowed =
 * not 401/403; refused = 401 for anonymous, 401/403/404 for a signed-in caller.
 *
 * A route without an entry in the table fails the test (a new route cannot escape it), and so
 * does an entry without a route (the table cannot rot).
 */
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, uniq, type TestApp } from '../support/app.ts';
import { createAsn, createDocumentRow, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';
import { ACCESS_MATRIX, CALLERS, MOUNT_PROBES, type Caller } from './access-matrix.table.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ UPLOAD_RATE_LIMIT: '10000', LETTER_VERIFY_RATE_LIMIT: '10000', METRICS_TOKEN: 'matrix-metrics-token-0123456789' });
});
afterAll(() => t.close());

interface Layer {
  route?: { path: string | RegExp; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  name?: string;
  match(path: string): boolean;
}

/** Every route of the app: route layers (recursively through routers) and mounted sub-apps. */
function enumerateRoutes(app: unknown): { routes: string[]; mounts: Layer[] } {
  const routes: string[] = [];
  const mounts: Layer[] = [];
  const walk = (stack: Layer[], top: boolean) => {
    for (const layer of stack) {
      if (layer.route) {
        // A RegExp path (the web app's fallback) is keyed by its source text.
        for (const m of Object.keys(layer.route.methods).filter((x) => x !== '_all')) routes.push(`${m.toUpperCase()} ${String(layer.route.path)}`);
      } else if (layer.handle?.stack) {
        // The API router is mounted at the root; any other router or app is mounted on a path.
        if (top && layer.name === 'mounted_app') mounts.push(layer);
        else walk(layer.handle.stack, false);
      }
    }
  };
  const a = app as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  walk((a.router ?? a._router)!.stack, true);
  return { routes: [...new Set(routes)], mounts };
}

type Agent = ReturnType<typeof supertest.agent> & { csrfToken?: string };

interface World {
  agents: Record<Caller, Agent>;
  ids: Record<string, number | string>;
  loginUser: string;
}

async function buildWorld(): Promise<World> {
  const opdA = await createOpd(t.db);
  const opdB = await createOpd(t.db);
  const boss = await createEmployee(t.db, { opdId: opdA.id });
  const bossUser = await createUser(t.db, { roles: ['ASN'], employeeId: boss.id });
  const own = await createAsn(t.db, opdA.id, { atasanId: boss.id });
  const other = await createAsn(t.db, opdB.id);
  const opdOwn = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdA.id] });
  const opdOther = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdB.id] });
  const verifier = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
  const loginUser = await createUser(t.db, { roles: ['ASN'] });
  const throwaway = await createUser(t.db, { roles: ['ASN'] });

  const agents = {
    anonymous: supertest.agent(t.app),
    asnOwn: await loginAgent(t.app, own.username, PASSWORD),
    asnOther: await loginAgent(t.app, other.username, PASSWORD),
    atasan: await loginAgent(t.app, bossUser.username, PASSWORD),
    opdOwn: await loginAgent(t.app, opdOwn.username, PASSWORD),
    opdOther: await loginAgent(t.app, opdOther.username, PASSWORD),
    verifier: await loginAgent(t.app, verifier.username, PASSWORD),
    admin: await loginAgent(t.app, admin.username, PASSWORD),
  } as Record<Caller, Agent>;
  expect((agents.atasan as unknown as { user: { roles: string[] } }).user.roles).toContain('ATASAN');

  const doc = await createDocumentRow(t.db, own.employee.id);
  const created = await agents.asnOwn
    .post('/api/change-requests')
    .set('x-csrf-token', agents.asnOwn.csrfToken!)
    .send({ employeeId: own.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'Lumajang' }, documentIds: [doc.id] });
  expect(created.status).toBe(201);
  const notification = await t.db.notification.create({ data: { userId: own.user.id, kind: 'TEST', title: 'Uji', body: 'Uji' } });
  const imp = await t.db.importJob.create({ data: { kind: 'opd', mode: 'all-or-nothing', fileName: 'a.csv', storageKey: 'cli/a.csv', status: 'DONE' } });
  return {
    agents,
    loginUser: loginUser.username,
    ids: {
      employee: own.employee.id,
      document: doc.id,
      request: created.body.id as number,
      requestVersion: created.body.version as number,
      notification: notification.id,
      import: imp.id,
      user: throwaway.id,
      documentOfRequest: doc.id,
    },
  };
}

/** The concrete request of a route key for the world: path with ids, query, body. */
function probe(key: string, w: World): { method: string; url: string; body?: object; attach?: boolean } {
  const [method, path] = key.split(' ') as [string, string];
  const id = (() => {
    if (path.startsWith('/api/employees/') || path.startsWith('/api/pangkat/employees/')) return w.ids.employee;
    if (path.startsWith('/api/documents/')) return w.ids.document;
    if (path.startsWith('/api/requests/')) return w.ids.request;
    if (path.startsWith('/api/notifications/')) return w.ids.notification;
    if (path.startsWith('/api/imports/')) return w.ids.import;
    if (path.startsWith('/api/users/')) return w.ids.user;
    return 999_999;
  })();
  let url = path
    .replace(':employeeId', String(w.ids.employee))
    .replace(':id', String(id))
    .replace(':token', 'unknown-token-000')
    .replace(':action', 'approve')
    .replace(':kind', 'opd')
    .replace(':period', '2099-04')
    .replace(':year', '2026')
    // PENDUKUNG: the supporting-document item of a data change.
    .replace(':key', path.startsWith('/api/settings') ? 'unknown.setting' : 'PENDUKUNG');
  if (key === 'GET /api/employees/:id/as-of') url += '?date=2026-01-01';
  const bodies: Record<string, object> = {
    'POST /api/change-requests': { employeeId: w.ids.employee, target: 'profile', op: 'update', changes: { tempatLahir: uniq('Kota') }, documentIds: [w.ids.document] },
    'POST /api/requests/:id/actions/:action': { version: w.ids.requestVersion },
    'POST /api/pangkat/employees/:id/angka-kredit': { nilai: 120, tanggalPak: '2026-01-15', nomorPak: uniq('PAK/') },
    'POST /api/requests/:id/items/:key/verdict': { version: w.ids.requestVersion, verdict: 'VALID' },
    'PUT /api/requests/:id/items/:key': { version: w.ids.requestVersion, documentId: w.ids.document },
    'POST /api/auth/login': { username: w.loginUser, password: PASSWORD },
    'POST /api/pensiun/files': { employeeId: w.ids.employee, jenis: 'APS', tmt: '2027-06-01' },
  };
  return { method: method.toLowerCase(), url, body: bodies[key] ?? {} };
}

/**
 * Run last, in this order: the decision on E's request (it ends the request, so the checklist
 * verdict is probed before it) and logout (it ends the caller's session). Login runs without
 * the caller's cookies.
 */
const ORDER_LAST = ['POST /api/requests/:id/actions/:action', 'POST /api/auth/logout'];
const rank = (k: string) => ORDER_LAST.indexOf(k) + 1;

describe('access matrix', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it('every route of the router has an entry in the table, and every entry a route', () => {
    const { routes, mounts } = enumerateRoutes(t.app);
    const keys = new Set(Object.keys(ACCESS_MATRIX));
    const missing = routes.filter((r) => !keys.has(r));
    expect(missing, 'routes without an entry in access-matrix.table.ts').toEqual([]);
    const mountKeys = Object.keys(ACCESS_MATRIX).filter((k) => k.startsWith('MOUNT '));
    for (const m of mounts) {
      expect(
        mountKeys.some((k) => m.match(MOUNT_PROBES[k]!.path)),
        'a mounted sub-application without a MOUNT entry (and probe) in the table',
      ).toBe(true);
    }
    const stale = [...keys].filter((k) => !k.startsWith('MOUNT ') && !ACCESS_MATRIX[k]!.onlyWith && !routes.includes(k));
    expect(stale, 'table entries without a route').toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
  });

  it('every route answers each caller as the table says', async () => {
    const present = new Set(enumerateRoutes(t.app).routes);
    const keys = Object.keys(ACCESS_MATRIX).filter((k) => !ACCESS_MATRIX[k]!.onlyWith || present.has(k)).sort((a, b) => rank(a) - rank(b));
    const wrong: string[] = [];
    for (const key of keys) {
      const rule = ACCESS_MATRIX[key]!;
      // Decisions carry the request's current version (the verdicts before bumped it).
      if (key === 'POST /api/requests/:id/actions/:action') {
        w.ids.requestVersion = (await t.db.workflowRequest.findUniqueOrThrow({ where: { id: Number(w.ids.request) } })).version;
      }
      const fixed = MOUNT_PROBES[key];
      const p = fixed ? { ...fixed, url: fixed.path, body: undefined } : probe(key, w);
      for (const caller of CALLERS) {
        // Login is public and switches the session: every caller tries it without their cookies.
        const agent = key === 'POST /api/auth/login' ? supertest(t.app) : w.agents[caller];
        let req = (agent as unknown as Record<string, (u: string) => supertest.Test>)[p.method]!(p.url);
        if (p.method !== 'get' && w.agents[caller].csrfToken && key !== 'POST /api/auth/login') req = req.set('x-csrf-token', w.agents[caller].csrfToken!);
        if (p.body && p.method !== 'get') req = req.send(p.body);
        const res = await req;
        // A fresh CSRF token replaces the cookie: the caller's later mutations send the new one.
        if (key === 'GET /api/auth/csrf' && res.body?.csrfToken) w.agents[caller].csrfToken = res.body.csrfToken as string;
        const allowed = rule.allow.includes(caller);
        const ok = allowed
          ? res.status !== 401 && res.status !== 403
          : caller === 'anonymous'
            ? res.status === 401
            : res.status === 401 || res.status === 403 || res.status === 404;
        if (!ok) wrong.push(`${key} as ${caller}: ${res.status} (expected ${allowed ? 'allowed' : caller === 'anonymous' ? '401' : '401/403/404'}) ${JSON.stringify(res.body?.error?.code ?? '')}`);
        expect(res.status, `${key} as ${caller}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
