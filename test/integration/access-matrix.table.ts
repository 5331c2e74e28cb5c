/**
 * Who may do what: ONE declarative table for every route of the app (access-matrix.test.ts
 * enumerates the Express router and fails for a route without an entry here).
 *
 * The world the table speaks about (built by the test):
 * - OPD A holds the employee E (the "own" resource) and E's atasan; OPD B another employee.
 * - Callers: anonymous; asnOwn = E; asnOther = an ASN of OPD B; atasan = E's atasan (ATASAN is
 *   derived from the org chart); opdOwn = OPD_ADMIN of A; opdOther = OPD_ADMIN of B;
 *   verifier = BKD_VERIFIER; admin = BKD_ADMIN.
 * - Path ids name E's resources: E itself, a document of E, a data-change request of E, a
 *   notification of E, an import job, a PAK row of E…
 *
 * `allow` lists the callers who get past authentication and authorization (any answer but
 * 401/403; validation errors and 404 for a probe id count as allowed). Everybody else must
 * be refused: anonymous with 401, a signed-in caller with 403 or 404 (404 hides existence), or
 * 401 where a session is not the credential (the metrics token).
 */
export const CALLERS = ['anonymous', 'asnOwn', 'asnOther', 'atasan', 'opdOwn', 'opdOther', 'verifier', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

const PUBLIC: Caller[] = [...CALLERS];
const USER: Caller[] = CALLERS.filter((c) => c !== 'anonymous');
const BKD: Caller[] = ['verifier', 'admin'];
const ADMIN: Caller[] = ['admin'];
const ANY_OPD_OR_BKD: Caller[] = ['opdOwn', 'opdOther', 'verifier', 'admin'];
/** The employee's record: themself, their atasan, their OPD's admin, BKD (canSeeEmployee). */
const SEES_EMPLOYEE: Caller[] = ['asnOwn', 'atasan', 'opdOwn', 'verifier', 'admin'];
/** The employee's documents (vault): not the atasan (documentPolicy). */
const SEES_DOCUMENTS: Caller[] = ['asnOwn', 'opdOwn', 'verifier', 'admin'];
/** Proposing a change of the employee's data: themself, their OPD admin, BKD. */
const PROPOSES_CHANGE: Caller[] = ['asnOwn', 'opdOwn', 'verifier', 'admin'];
/** A request of the employee: requestScope (owner, atasan, OPD admin, BKD). */
const SEES_REQUEST: Caller[] = ['asnOwn', 'atasan', 'opdOwn', 'verifier', 'admin'];

export interface AccessRule {
  allow: Caller[];
  /** Why the rule is what it is, when it is not obvious. */
  note?: string;
  /** The route exists only in some setups (e.g. the web app's fallback when web/dist is built). */
  onlyWith?: string;
}

export const ACCESS_MATRIX: Record<string, AccessRule> = {
  'GET /api/agency': { allow: PUBLIC },
  'GET /api/health': { allow: PUBLIC },
  'GET /api/health/live': { allow: PUBLIC },
  'GET /api/health/ready': { allow: PUBLIC },
  'GET /metrics': { allow: [], note: 'Prometheus: only the bearer METRICS_TOKEN opens it, no session does (401; 404 when unset)' },
  'GET /api/openapi.json': { allow: PUBLIC },
  'GET /api/docs': { allow: PUBLIC },
  'GET /api/docs/scalar.js': { allow: PUBLIC },
  'GET /api/public/letters/:token': { allow: PUBLIC },
  'GET /verifikasi/surat/:token': { allow: PUBLIC },
  'GET /api/auth/csrf': { allow: PUBLIC },
  [`GET ${String(/^(?!\/api(\/|$)|\/admin\/queues(\/|$)).*/)}`]: { allow: PUBLIC, onlyWith: 'web/dist', note: 'the web app (index.html for every page path)' },
  'POST /api/auth/login': { allow: PUBLIC },

  'GET /api/home': { allow: USER },
  'GET /api/events': { allow: USER, note: 'server-sent events; 406 unless text/event-stream is asked for' },
  'GET /api/auth/me': { allow: USER },
  'POST /api/auth/logout': { allow: USER },
  'POST /api/auth/password': { allow: USER, note: 'own password only (the body names no user)' },
  'GET /api/users': { allow: ADMIN },
  'POST /api/users/:id/reset-password': { allow: ADMIN },

  'GET /api/employees': { allow: USER, note: 'the list is scoped in SQL; every signed-in user gets their scope' },
  'GET /api/employees/export': { allow: ANY_OPD_OR_BKD },
  'GET /api/employees/me': { allow: USER, note: 'own record; 404 for an account without one' },
  'GET /api/employees/:id': { allow: SEES_EMPLOYEE },
  'GET /api/employees/:id/as-of': { allow: SEES_EMPLOYEE },
  'GET /api/employees/:id/audit': { allow: BKD },
  'GET /api/employees/:employeeId/documents': { allow: SEES_DOCUMENTS },
  'POST /api/employees/:employeeId/documents': { allow: SEES_DOCUMENTS },
  'GET /api/documents/:id': { allow: SEES_DOCUMENTS },
  'GET /api/documents/:id/download': { allow: SEES_DOCUMENTS },
  'GET /api/documents/:id/view': { allow: SEES_DOCUMENTS },

  'GET /api/requests': { allow: USER, note: 'scoped in SQL' },
  'GET /api/requests/tasks': { allow: USER },
  'GET /api/requests/types': { allow: USER },
  'GET /api/requests/:id': { allow: SEES_REQUEST },
  'POST /api/requests/:id/actions/:action': { allow: BKD, note: 'approve of a data change waiting for BKD verification' },
  'PUT /api/requests/:id/items/:key': {
    allow: [],
    note: 'a submitted data change is locked: 403 checklist_locked for those who see it, 403/404 for the rest (editing in a returned state: engine.test.ts)',
  },
  'POST /api/requests/:id/items/:key/verdict': { allow: BKD, note: 'the verifier judges the supporting document of a data change waiting for BKD' },
  'POST /api/requests/batch': { allow: BKD },
  'GET /api/batches': { allow: ANY_OPD_OR_BKD },
  'GET /api/batches/:id': { allow: ANY_OPD_OR_BKD, note: 'probe id unknown (404)' },
  'POST /api/batches/:id/actions/:action': { allow: USER, note: 'probe id unknown: 404 for every signed-in caller' },
  'GET /api/change-requests/spec': { allow: USER },
  'POST /api/change-requests': { allow: PROPOSES_CHANGE },

  'GET /api/notifications': { allow: USER },
  'POST /api/notifications/:id/read': { allow: ['asnOwn'], note: 'a notification of E: nobody else may mark it' },
  'POST /api/notifications/read-all': { allow: USER },
  'GET /api/opds': { allow: USER },

  'POST /api/berkala/scan': { allow: ADMIN },
  'GET /api/berkala/scan/last': { allow: BKD },
  'GET /api/berkala/dashboard': { allow: BKD },
  'GET /api/berkala/me': { allow: USER },

  'GET /api/cuti/me': { allow: USER, note: 'own balance; 404 for an account without an employee record' },
  'POST /api/cuti/preview': { allow: USER, note: 'own period only (the body names no employee)' },
  'POST /api/cuti': { allow: USER, note: 'the ASN asks for themself; the approvals go through /api/requests/:id/actions' },
  'GET /api/cuti/holidays/:year': { allow: USER },
  'PUT /api/cuti/holidays/:year': { allow: ADMIN },

  'POST /api/presensi': { allow: USER, note: 'own reading only; 404 for an account without an employee record' },
  'GET /api/presensi/me': { allow: USER },
  'GET /api/presensi/schedule': { allow: USER },
  'PUT /api/presensi/schedule': { allow: ADMIN },
  'GET /api/presensi/today': { allow: USER, note: 'own day; 404 for an account without an employee record' },
  'GET /api/presensi/locations': { allow: ADMIN },
  'PUT /api/presensi/locations/:opdId': { allow: ADMIN },
  'GET /api/presensi/opd-schedules/:opdId': { allow: ADMIN },
  'PUT /api/presensi/opd-schedules/:opdId': { allow: ADMIN },
  'GET /api/presensi/special-schedules': { allow: USER },
  'POST /api/presensi/special-schedules': { allow: ADMIN },
  'DELETE /api/presensi/special-schedules/:id': { allow: ADMIN, note: 'probe id unknown (404)' },
  'POST /api/presensi/lokasi-tugas': { allow: USER, note: 'the employee asks for themself; the atasan decides through /api/requests/:id/actions' },

  'GET /api/aktivitas/me': { allow: USER, note: 'own activities only (the query names nobody)' },
  'POST /api/aktivitas': { allow: USER, note: 'own activity; an attachment must be from the own vault' },
  'PUT /api/aktivitas/:id': { allow: USER, note: 'probe id unknown (404); own, not yet approved, in the service' },
  'GET /api/aktivitas/review': { allow: ['atasan'], note: 'ATASAN (derived): direct subordinates only, in the query' },
  'POST /api/aktivitas/:id/review': { allow: ['atasan'], note: 'probe id unknown (404); the direct atasan only, in the service' },
  'GET /api/aktivitas/team': { allow: ['atasan'], note: 'ATASAN (derived): direct subordinates only, in the query' },
  'GET /api/rekap/presensi': { allow: ANY_OPD_OR_BKD, note: 'scoped in the query: an OPD admin sees their units' },
  'GET /api/rekap/tpp': { allow: ANY_OPD_OR_BKD, note: 'scoped in the query like the recap' },
  'GET /api/rekap/tpp/config': { allow: ANY_OPD_OR_BKD },
  'PUT /api/rekap/tpp/config': { allow: ADMIN },
  'GET /api/rekap/disiplin': { allow: ['atasan', 'verifier', 'admin'], note: 'an atasan sees their direct subordinates, BKD everybody' },
  'GET /api/rekap/dinas-luar': { allow: ANY_OPD_OR_BKD },
  'POST /api/rekap/dinas-luar': { allow: ['opdOwn', 'opdOther', 'admin'], note: 'the employee must be in the OPD admin\'s units (checked after validation; the probe body is empty → 422)' },

  'GET /api/pangkat/periods': { allow: USER },
  'GET /api/pensiun/bup-rules': { allow: ANY_OPD_OR_BKD },
  'PUT /api/pensiun/bup-rules/:id': { allow: ADMIN, note: 'probe id unknown (404)' },
  'GET /api/pensiun/forecast': { allow: ANY_OPD_OR_BKD, note: 'scoped to the OPD admin\'s units in the query' },
  'GET /api/pensiun/report': { allow: ANY_OPD_OR_BKD, note: 'scoped to the OPD admin\'s units in the query' },
  'GET /api/pensiun/me': { allow: USER },
  'POST /api/pensiun/files': { allow: ['opdOwn', 'admin'], note: 'E\'s OPD admin or a BKD admin; another OPD\'s admin is refused for E' },
  'PUT /api/pangkat/periods/:period/window': { allow: ADMIN },
  'DELETE /api/pangkat/periods/:period/window': { allow: ADMIN },
  'GET /api/pangkat/regimes': { allow: ANY_OPD_OR_BKD },
  'POST /api/pangkat/regimes': { allow: ADMIN },
  'PUT /api/pangkat/regimes/:id': { allow: ADMIN },
  'DELETE /api/pangkat/regimes/:id': { allow: ADMIN },
  'GET /api/pangkat/eligible': { allow: ANY_OPD_OR_BKD },
  'POST /api/pangkat/proposals': { allow: ['opdOwn', 'opdOther', 'admin'] },
  'GET /api/pangkat/proposals/:id/sk-form': { allow: BKD, note: 'probe id unknown (404)' },
  'GET /api/pangkat/report': { allow: ANY_OPD_OR_BKD, note: 'scoped to the OPD admin\'s units in the query' },
  'GET /api/pangkat/me': { allow: USER },
  'GET /api/pangkat/employees/:id/angka-kredit': { allow: SEES_EMPLOYEE },
  'POST /api/pangkat/employees/:id/angka-kredit': { allow: ['opdOwn', 'verifier', 'admin'] },

  'GET /api/settings': { allow: BKD },
  'PUT /api/settings/:key': { allow: ADMIN },

  'POST /api/imports/:kind': { allow: ADMIN },
  'GET /api/imports': { allow: ADMIN },
  'GET /api/imports/:id': { allow: ADMIN },
  'GET /api/imports/:id/errors.csv': { allow: ADMIN },

  'GET /api/statistics': { allow: ANY_OPD_OR_BKD, note: 'an OPD admin gets their OPD (scoped in SQL)' },
  'GET /api/statistics/export': { allow: ANY_OPD_OR_BKD },

  'GET /api/indicators': { allow: ANY_OPD_OR_BKD },
  'GET /api/indicators/drilldown': { allow: ANY_OPD_OR_BKD },
  'GET /api/indicators/lkj': { allow: ANY_OPD_OR_BKD },
  'GET /api/indicators/config': { allow: BKD },
  'PUT /api/indicators/targets/:year': { allow: ADMIN },
  'PUT /api/indicators/weights/:year': { allow: ADMIN },
  'PUT /api/indicators/predicate-scores/:year': { allow: ADMIN },
  'POST /api/indicators/snapshots': { allow: ADMIN },
  'GET /api/indicators/snapshots': { allow: ANY_OPD_OR_BKD },
  'GET /api/indicators/snapshots/:id': { allow: ANY_OPD_OR_BKD },

  /** Sub-applications mounted on a path (their own routers): probed with one read and one mutation. */
  'MOUNT /admin/queues (bull-board) GET': { allow: ADMIN },
  'MOUNT /admin/queues (bull-board) PUT': { allow: ADMIN, note: 'with the CSRF token (bullBoardGuard)' },
};

/** Fixed probe requests: each mounted sub-application (the test checks every mount has one) and the web fallback. */
export const MOUNT_PROBES: Record<string, { method: 'get' | 'put'; path: string }> = {
  [`GET ${String(/^(?!\/api(\/|$)|\/admin\/queues(\/|$)).*/)}`]: { method: 'get', path: '/beranda' },
  'MOUNT /admin/queues (bull-board) GET': { method: 'get', path: '/admin/queues/api/queues' },
  'MOUNT /admin/queues (bull-board) PUT': { method: 'put', path: '/admin/queues/api/queues/default/clean/completed' },
};
