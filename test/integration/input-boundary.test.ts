/**
 * The input boundary, tried as an attacker (issue 13): for EVERY operation of the OpenAPI document
 * the app serves, and as every role (anonymous, ASN, ATASAN = an ASN with subordinates, OPD_ADMIN,
 * BKD_VERIFIER, BKD_ADMIN), generated hostile values in path parameters, query and JSON body must
 * never produce a 5xx, and every error answer must be the one error model
 * { error: { code, message, details } }.
 *
 * Property-based with fast-check, with a fixed seed and a bounded number of runs per operation and
 * role (the file takes about 30 s). Each request starts clean — a real request of a small corpus
 * (a data change, a setting, a target…) or one generated from the operation's own schema, so that it
 * gets past validation into the handler and the database — and then gets one or two mutations:
 * NUL or a lone surrogate or 10 kB spliced into a value, a value replaced by a hostile one (ids past
 * int4, huge/negative/fractional numbers, NaN-ish strings, impossible dates like 0000-00-00,
 * 99999-01-01, 2026-02-30, arrays/objects where scalars are expected, deep nesting), an added
 * prototype-pollution key, an added query parameter, malformed percent-encoding.
 *
 * Not fuzzed: the bodies of the multipart upload operations (document upload, import upload) —
 * they get hostile path parameters and query only.
 *
 * TEST_FUZZ_SEED and TEST_FUZZ_RUNS explore further; TEST_FUZZ_VERBOSE=1 prints the answers per
 * operation and role, =2 every error answer with its request.
 */
import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerClientErrors } from '../../server/src/errors.ts';
import { buildTestApp, TEST_TODAY, uniq, type TestApp } from '../support/app.ts';
import { createAsn, createDocumentRow, createOpd, createUser, PASSWORD } from '../support/factories.ts';

const SEED = Number(process.env.TEST_FUZZ_SEED ?? 132_026);
/** Runs per operation for a role the operation accepts, and for one it refuses before reading input. */
const RUNS_ALLOWED = Number(process.env.TEST_FUZZ_RUNS ?? 12);
const RUNS_REFUSED = 3;
const INT4_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------
// The OpenAPI document (only what the generator needs)

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const ROLES = ['anonymous', 'ASN', 'ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;
type FuzzRole = (typeof ROLES)[number];

interface Op {
  method: Method;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | null;
  multipart: boolean;
  /** null = any signed-in user; [] = public. */
  roles: string[] | null;
  isPublic: boolean;
}

function operations(doc: { paths: Record<string, Record<string, Operation>> }): Op[] {
  const ops: Op[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const params = op.parameters ?? [];
      const text = `${op.summary ?? ''} ${op.description ?? ''}`;
      const roles = /Peran: ([A-Z_, ]+)\./.exec(op.description ?? '')?.[1]?.split(', ') ?? null;
      ops.push({
        method: method as Method,
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        multipart: /multipart\/form-data/.test(text),
        roles,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return ops;
}

/** Whether the role passes the operation's authentication and role check (so its input is read). */
function accepts(op: Op, role: FuzzRole): boolean {
  if (op.isPublic) return true;
  if (role === 'anonymous') return false;
  if (!op.roles) return true;
  const granted = role === 'ATASAN' ? 'ASN' : role;
  return op.roles.includes(granted);
}

// ---------------------------------------------------------------------------
// Hostile values

/** A piece of URL inserted as is (malformed percent-encoding and the like). */
class RawUrl {
  constructor(readonly text: string) {}
}

const LONG = 'A'.repeat(10_240);
const HOSTILE_NUMBERS = [INT4_MAX + 1, INT4_MAX, -1, 0, -INT4_MAX - 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 63, 1.5, -0.5, 1e-9, 5e-324];
const HOSTILE_STRINGS = [
  'NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '1_000', '', ' ', '\t', '2147483648', '9223372036854775808',
  '99999999999999999999', '-1', '0', '1.5', '1e3', '007', ' 7 ', '\u0000', 'a\u0000b', '%00', '\uD800', 'x\uDFFFy',
  '\uDBFF\uDBFF', LONG, `${LONG}\u0000`, 'null', 'undefined', 'true', '[]', '{}', '__proto__', 'constructor',
  "' OR 1=1 --", '../../etc/passwd', '<script>alert(1)</script>', '\u202e\u200b', '😀', 'e\u0301',
];
const ABSURD_DATES = [
  '0000-00-00', '0000-01-01', '0001-01-01', '1000-01-01', '2026-02-30', '2026-02-29', '2024-02-29', '99999-01-01',
  '9999-12-31', '1899-12-31', '2200-01-01', '2026-1-1', '2026-11-30T25:00:00Z', '-001000-01-01', '+275760-09-13',
];
const EDGE_INTS = [INT4_MAX, INT4_MAX + 1, 0, -1, -INT4_MAX - 1, 2 ** 53, 1e21, 0.5];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const POLLUTION: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"__proto__":[]}'),
  JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`),
];
const RAW_URL = ['%', '%E0%A4%A', '%ZZ', '%C0%80', '%ED%A0%80', '..%2F..%2F', '%2e%2e', '%FF%FE'].map((s) => new RawUrl(s));
/** Spliced into clean strings: NUL (twice as likely), lone surrogates, 10 kB. */
const POISON = ['\u0000', '\u0000', '\u0000', '\uD800', '\uDFFF', '\uDBFF\uDBFF', LONG];

const nastyString = fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', 'a', '1', ' ', '-', '\u202e'), maxLength: 12 });
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...ABSURD_DATES),
  fc.constantFrom(null, true, false),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 16 }),
  nastyString,
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTION) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), hostileScalar, { maxKeys: 3 }) },
);
const hostileInUrl: fc.Arbitrary<unknown> = fc.oneof({ weight: 5, arbitrary: hostile }, { weight: 1, arbitrary: fc.constantFrom(...RAW_URL) });

// ---------------------------------------------------------------------------
// Clean requests: from a corpus of real requests per operation, or from the operation's schema
// (so that requests get past validation into the handlers and the database), then mutated.

interface Pools {
  employeeIds: number[];
  documentIds: number[];
  ids: number[];
  years: number[];
  words: string[];
  /** Field names of the data-change targets (keys of `changes`). */
  fieldKeys: string[];
}

interface FuzzRequest {
  path: Record<string, unknown>;
  query: [string, unknown][];
  body: { value: unknown } | null;
}
interface Example {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

const isoDay = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function intFor(name: string, s: JsonSchema, pools: Pools): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : INT4_MAX);
  const hinted = /employee/i.test(name)
    ? pools.employeeIds
    : /document/i.test(name)
      ? pools.documentIds
      : /year|tahun/i.test(name)
        ? pools.years
        : /version/i.test(name)
          ? [1, 2, 3]
          : /^(page|pageSize|limit)$/.test(name)
            ? [1, 2, 10]
            : pools.ids;
  const known = hinted.filter((x) => x >= min && x <= max);
  const low = Math.max(min, -1_000_000);
  const spread = fc.integer({ min: low, max: Math.min(max, low + 3000) });
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: spread }) : spread;
}

function stringFor(name: string, s: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  if (s.format === 'date' || /^(date|asOf)$|tanggal|^tmt/i.test(name)) return isoDay;
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const known = pools.words.filter((w) => re.test(w));
    const gen = fc.stringMatching(re);
    return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: gen }) : gen;
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 40));
  const known = pools.words.filter((w) => w.length >= minLength && w.length <= (s.maxLength ?? Infinity));
  const gen = fc.string({ minLength, maxLength });
  return known.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: gen }) : gen;
}

function fromSchema(name: string, s: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromSchema(name, a, pools, depth)));
  if (s.allOf?.length) return fromSchema(name, s.allOf[0]!, pools, depth);
  const all = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const types = all.length > 1 ? all.filter((x) => x !== 'null') : all;
  if (!types.length) return s.properties ? objectFor(s, pools, depth) : fc.oneof(fc.constant({}), fc.constant(null), fc.string({ maxLength: 8 }));
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'integer':
          return intFor(name, s, pools);
        case 'number':
          return fc.double({ min: s.minimum ?? 0, max: s.maximum ?? 100, noNaN: true, noDefaultInfinity: true });
        case 'string':
          return stringFor(name, s, pools);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return depth > 3
            ? fc.constant([])
            : fc.array(fromSchema(name.replace(/s$/, ''), s.items ?? {}, pools, depth + 1), { minLength: Math.min(s.minItems ?? 0, 3), maxLength: Math.min(s.maxItems ?? 3, 3) });
        case 'object':
          return depth > 3 ? fc.constant({}) : objectFor(s, pools, depth + 1);
        default:
          return fc.constant(null);
      }
    }),
  );
}

function objectFor(s: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(s.required ?? []);
  const entries = Object.entries(s.properties ?? {}).map(([key, prop]) =>
    fc.oneof(
      { weight: required.has(key) ? 12 : 3, arbitrary: fromSchema(key, prop, pools, depth).map((v) => [[key, v]] as [string, unknown][]) },
      { weight: 1, arbitrary: fc.constant([] as [string, unknown][]) },
    ),
  );
  const additional =
    s.additionalProperties && typeof s.additionalProperties === 'object'
      ? fc.array(
          fc.oneof(...pools.fieldKeys.map((key) => fromSchema(key, s.additionalProperties as JsonSchema, pools, depth + 1).map((v) => [key, v] as [string, unknown]))),
          { minLength: 1, maxLength: 3 },
        )
      : fc.constant([] as [string, unknown][]);
  return fc.tuple(fc.tuple(...entries), additional).map(([fixed, extra]) => Object.fromEntries([...fixed.flat(), ...extra]));
}

function cleanFromSchema(op: Op, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const path = fc.tuple(...op.pathParams.map((p) => fromSchema(p.name, p.schema ?? {}, pools, 0).map((v) => [p.name, v] as const)));
  const query = fc.tuple(
    ...op.queryParams.map((p) =>
      fc.oneof(
        { weight: 3, arbitrary: fromSchema(p.name, p.schema ?? {}, pools, 0).map((v) => [[p.name, v]] as [string, unknown][]) },
        { weight: p.required ? 0 : 1, arbitrary: fc.constant([] as [string, unknown][]) },
      ),
    ),
  );
  const body = op.body && !op.multipart ? objectFor(op.body, pools, 0).map((value) => ({ value })) : fc.constant(null);
  return fc.record({ path, query, body }).map((r) => ({ path: Object.fromEntries(r.path), query: r.query.flat(), body: r.body }));
}

function fromExample(op: Op, e: Example): FuzzRequest {
  return structuredClone({
    path: e.path ?? {},
    query: Object.entries(e.query ?? {}),
    body: op.body && !op.multipart ? { value: e.body ?? {} } : null,
  });
}

// ---------------------------------------------------------------------------
// Mutations: one or two places of a clean request get a hostile value.

interface Mutation {
  slot: number;
  kind: 'taint' | 'replace' | 'edge' | 'date' | 'add-key' | 'add-query';
  value: unknown;
  urlValue: unknown;
  poison: string;
  at: number;
  edge: number;
  date: string;
  key: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  slot: fc.nat(),
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant('taint' as const) },
    { weight: 3, arbitrary: fc.constant('replace' as const) },
    { weight: 1, arbitrary: fc.constant('edge' as const) },
    { weight: 1, arbitrary: fc.constant('date' as const) },
    { weight: 1, arbitrary: fc.constant('add-key' as const) },
    { weight: 1, arbitrary: fc.constant('add-query' as const) },
  ),
  value: hostile,
  urlValue: hostileInUrl,
  poison: fc.constantFrom(...POISON),
  at: fc.nat(),
  edge: fc.constantFrom(...EDGE_INTS),
  date: fc.constantFrom(...ABSURD_DATES),
  key: fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })),
});

type Slot = { get: () => unknown; set: (v: unknown) => void; inUrl: boolean; container?: Record<string, unknown> };

function slotsOf(r: FuzzRequest): Slot[] {
  const slots: Slot[] = [];
  for (const key of Object.keys(r.path)) slots.push({ get: () => r.path[key], set: (v) => (r.path[key] = v), inUrl: true });
  r.query.forEach((entry) => slots.push({ get: () => entry[1], set: (v) => (entry[1] = v), inUrl: true }));
  const walk = (holder: Record<string, unknown> | unknown[], key: string | number, depth: number) => {
    const value = (holder as Record<string | number, unknown>)[key];
    slots.push({
      get: () => (holder as Record<string | number, unknown>)[key],
      set: (v) => ((holder as Record<string | number, unknown>)[key] = v),
      inUrl: false,
      container: value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined,
    });
    if (depth < 4 && value && typeof value === 'object') for (const k of Object.keys(value)) walk(value as Record<string, unknown>, Array.isArray(value) ? Number(k) : k, depth + 1);
  };
  if (r.body) walk(r.body as unknown as Record<string, unknown>, 'value', 0);
  return slots;
}

function splice(text: string, poison: string, at: number) {
  const i = at % (text.length + 1);
  return text.slice(0, i) + poison + text.slice(i);
}

function mutate(clean: FuzzRequest, mutations: Mutation[]): FuzzRequest {
  const r = structuredClone(clean);
  for (const m of mutations) {
    if (m.kind === 'add-query') {
      r.query.push([m.key, m.urlValue]);
      continue;
    }
    const slots = slotsOf(r);
    if (!slots.length) {
      r.query.push([m.key, m.urlValue]);
      continue;
    }
    const slot = slots[m.slot % slots.length]!;
    const current = slot.get();
    switch (m.kind) {
      case 'taint':
        slot.set(splice(typeof current === 'string' ? current : current && typeof current === 'object' ? '' : String(current), m.poison, m.at));
        break;
      case 'replace':
        slot.set(slot.inUrl ? m.urlValue : m.value);
        break;
      case 'edge':
        slot.set(m.at % 2 ? String(m.edge) : m.edge);
        break;
      case 'date':
        slot.set(m.date);
        break;
      case 'add-key': {
        const target = slot.container ?? (r.body?.value && typeof r.body.value === 'object' && !Array.isArray(r.body.value) ? (r.body.value as Record<string, unknown>) : null);
        if (target) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        else r.query.push([m.key, m.urlValue]);
        break;
      }
    }
  }
  return r;
}

function requestArb(op: Op, pools: Pools, examples: Example[]): fc.Arbitrary<FuzzRequest> {
  const clean = examples.length
    ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...examples).map((e) => fromExample(op, e)) }, { weight: 1, arbitrary: cleanFromSchema(op, pools) })
    : cleanFromSchema(op, pools);
  const mutations = fc.oneof({ weight: 1, arbitrary: fc.constant([] as Mutation[]) }, { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }) });
  return fc.tuple(clean, mutations).map(([c, ms]) => mutate(c, ms));
}

// ---------------------------------------------------------------------------
// Sending

/** Percent-encodes any string, lone surrogates included (as their invalid UTF-8 bytes). */
function encode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

function urlText(v: unknown): string {
  if (v instanceof RawUrl) return v.text;
  if (typeof v === 'string') return encode(v);
  if (v !== null && typeof v === 'object') return encode(JSON.stringify(v));
  return encode(String(v));
}

const ErrorModel = z.strictObject({
  error: z.strictObject({ code: z.string().min(1), message: z.string().min(1), details: z.unknown().refine((d) => d !== undefined, 'details missing') }),
});

type Agent = ReturnType<typeof supertest.agent> & { csrfToken?: string };

let requests = 0;
/** Answers per status code, and per operation (printed with TEST_FUZZ_VERBOSE=1). */
const statuses = new Map<number, number>();
const byOperation = new Map<string, Map<number, number>>();
const count = (m: Map<number, number>, status: number) => m.set(status, (m.get(status) ?? 0) + 1);

async function send(agent: Agent | ReturnType<typeof supertest>, csrf: string | undefined, op: Op, r: FuzzRequest) {
  const url = op.path.replace(/\{(\w+)\}/g, (_, k: string) => urlText(r.path[k]));
  const qs = r.query
    .flatMap(([k, v]) => (Array.isArray(v) && v.length ? v.map((x) => [k, x] as const) : [[k, v] as const]))
    .map(([k, v]) => `${encode(k)}=${urlText(v)}`)
    .join('&');
  let req = agent[op.method](qs ? `${url}?${qs}` : url);
  if (csrf && op.method !== 'get') req = req.set('x-csrf-token', csrf);
  if (r.body) req = req.set('content-type', 'application/json').send(JSON.stringify(r.body.value) ?? 'null');
  requests++;
  return req;
}

function checkResponse(op: Op, res: { status: number; headers: Record<string, string>; body: unknown; text?: string }) {
  if (res.status >= 500) throw new Error(`answered ${res.status}: ${(res.text ?? '').slice(0, 300)}`);
  if (res.status < 400) return;
  const json = /json/.test(res.headers['content-type'] ?? '');
  if (!json && !op.path.startsWith('/api/')) return; // HTML pages (the QR verification page) answer in HTML
  if (!json) throw new Error(`error ${res.status} is not JSON (${res.headers['content-type']})`);
  const shape = ErrorModel.safeParse(res.body);
  if (!shape.success) throw new Error(`error ${res.status} is not the error model: ${JSON.stringify(res.body).slice(0, 300)}`);
}

/** A short, printable form of a generated request (for failure reports). */
function show(r: FuzzRequest): string {
  const cut = (v: unknown) => {
    const s = v instanceof RawUrl ? `raw(${v.text})` : JSON.stringify(v) ?? String(v);
    return s.length > 120 ? `${s.slice(0, 120)}…(${s.length})` : s;
  };
  return `path=${cut(r.path)} query=${cut(r.query)} body=${r.body ? cut(r.body.value) : '-'}`;
}

// ---------------------------------------------------------------------------

let t: TestApp;
/** The app behind a real HTTP server with the production handler for requests Node refuses before Express. */
let server: Server;
const agents = new Map<FuzzRole, Agent>();
const logins = new Map<FuzzRole, { userId: number; username: string }>();
/** The hash of PASSWORD (from a spare account), to give a reset account its password back. */
let passwordHash = '';
let pools: Pools;
/** The data change created for the fuzzer to act on. */
let requestId = 0;
let corpus: Record<string, Example[]> = {};
/** Global configuration the fuzzer may change (restored afterwards so other test files see the defaults). */
const GLOBAL_TABLES = [
  'app_setting',
  'indicator_target',
  'indicator_weight',
  'indicator_predicate_score',
  // The regency's calendar and rules: working week, dated special hours, holidays, BUP rules, KP periods.
  'jadwal_kerja',
  'jadwal_khusus',
  'hari_libur',
  'bup_rule',
  'kp_period_regime',
  'kp_period',
] as const;
const savedTables: Record<string, unknown> = {};
let maxOutboxId = 0n;

async function login(role: Exclude<FuzzRole, 'anonymous'>) {
  const who = logins.get(role)!;
  const agent: Agent = supertest.agent(server);
  const res = await agent.post('/api/auth/login').send({ username: who.username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status}`);
  agent.csrfToken = (await agent.get('/api/auth/csrf')).body.csrfToken;
  agents.set(role, agent);
}

/**
 * After an operation: accounts reset, logged out or made to change their password by the fuzzer get
 * their password and session back, and every session a fresh CSRF token (GET /api/auth/csrf replaces it).
 */
async function heal() {
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    const agent = agents.get(role)!;
    const me = await agent.get('/api/auth/me');
    if (me.status === 200 && !me.body.user.mustChangePassword) {
      agent.csrfToken = (await agent.get('/api/auth/csrf')).body.csrfToken;
      continue;
    }
    await t.db.user.update({
      where: { id: logins.get(role)!.userId },
      data: { passwordHash, mustChangePassword: false, active: true, passwordChangedAt: null },
    });
    await login(role);
  }
}

beforeAll(async () => {
  t = buildTestApp({
    // Hostile logins must neither lock accounts nor run into the per-IP limits.
    LOGIN_MAX_FAILURES: '1000000',
    LOGIN_RATE_LIMIT: '1000000',
    UPLOAD_RATE_LIMIT: '1000000',
    LETTER_VERIFY_RATE_LIMIT: '1000000',
  });
  server = createServer(t.app);
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  for (const table of GLOBAL_TABLES) {
    const [row] = await t.db.$queryRawUnsafe<{ rows: unknown }[]>(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${table} t`);
    savedTables[table] = row!.rows;
  }
  maxOutboxId = (await t.db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;

  const opd = await createOpd(t.db);
  const otherOpd = await createOpd(t.db);
  const atasan = await createAsn(t.db, opd.id);
  const asn = await createAsn(t.db, opd.id, { atasanId: atasan.employee.id });
  const other = await createAsn(t.db, otherOpd.id);
  const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
  const verifier = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
  passwordHash = (await createUser(t.db, { roles: ['ASN'] })).passwordHash;
  logins.set('ASN', { userId: asn.user.id, username: asn.username });
  logins.set('ATASAN', { userId: atasan.user.id, username: atasan.username });
  logins.set('OPD_ADMIN', { userId: opdAdmin.id, username: opdAdmin.username });
  logins.set('BKD_VERIFIER', { userId: verifier.id, username: verifier.username });
  logins.set('BKD_ADMIN', { userId: admin.id, username: admin.username });
  for (const role of ROLES) if (role !== 'anonymous') await login(role);

  // Something real to point at: documents, a pending data change with its checklist.
  const docs = [await createDocumentRow(t.db, asn.employee.id), await createDocumentRow(t.db, asn.employee.id, 'IJAZAH'), await createDocumentRow(t.db, other.employee.id)];
  const asnAgent = agents.get('ASN')!;
  const created = await asnAgent
    .post('/api/change-requests')
    .set('x-csrf-token', asnAgent.csrfToken!)
    .send({ employeeId: asn.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'Lumajang' }, documentIds: [docs[0]!.id] });
  expect(created.status).toBe(201);
  requestId = created.body.id;
  const spec = await asnAgent.get('/api/change-requests/spec');
  const settings = (await agents.get('BKD_ADMIN')!.get('/api/settings')).body.items as { key: string; value: unknown }[];
  const year = Number(TEST_TODAY.slice(0, 4));
  const config = (await agents.get('BKD_ADMIN')!.get(`/api/indicators/config?year=${year}`)).body;
  const fieldKeys = [...new Set(Object.values(spec.body.targets as Record<string, { fields: { key: string }[] }>).flatMap((x) => x.fields.map((f) => f.key)))];
  const employeeIds = [asn.employee.id, atasan.employee.id, other.employee.id];
  const itemKey = (created.body.checklist.items as { key: string }[])[0]!.key;
  const doc = docs[0]!.id;
  pools = {
    employeeIds,
    documentIds: docs.map((d) => d.id),
    ids: [...employeeIds, ...docs.map((d) => d.id), created.body.id, opd.id, asn.user.id, opdAdmin.id],
    years: [year - 1, year, year + 1],
    fieldKeys,
    words: [
      ...new Set([
        ...fieldKeys,
        ...settings.map((s) => s.key),
        itemKey,
        ...['approve', 'approve_final', 'reject', 'return', 'return_incomplete', 'resubmit', 'verify', 'withdraw', 'finalize', 'recompute'],
        opd.kode, asn.username, 'Lumajang', 'III/a', 'S1', 'BAIK', 'KK', 'LAINNYA', 'DATA_CHANGE', 'DIAJUKAN',
      ]),
    ],
  };

  // Real requests per operation, mutated by the fuzzer (they reach the handlers and the database).
  const change = (target: string, op: string, changes: Record<string, unknown>, recordId?: number) => ({
    employeeId: asn.employee.id, target, op, ...(recordId ? { recordId } : {}), changes, documentIds: [doc], note: 'Mohon diperbarui',
  });
  const request = { id: created.body.id };
  corpus = {
    'POST /api/auth/login': [{ body: { username: asn.username, password: 'bukan-sandinya' } }, { body: { username: `fuzz.${uniq()}`, password: 'x' } }],
    'POST /api/auth/password': [{ body: { currentPassword: 'bukan-sandinya', newPassword: 'Rahasia456' } }],
    'POST /api/change-requests': [
      { body: change('profile', 'update', { tempatLahir: 'Lumajang Kota', nama: 'Budi Santoso', tanggalLahir: '1990-01-15' }) },
      { body: change('profile', 'update', { noHp: '081234567890', email: 'budi@example.go.id', alamat: 'Jl. Merdeka 1' }) },
      { body: change('keluarga', 'create', { hubungan: 'ANAK', nama: 'Ani', tanggalLahir: '2015-03-01', jenisKelamin: 'P', statusTunjangan: true }) },
      { body: change('pendidikan', 'create', { jenjang: 'S1', jurusan: 'Hukum', institusi: 'Universitas Jember', tahunLulus: 2012, tanggalIjazah: '2012-08-01' }) },
      { body: change('diklat', 'create', { jenis: 'TEKNIS', nama: 'Bimtek SIMAK', tanggalMulai: '2025-01-10', tanggalSelesai: '2025-01-12', jp: 24 }) },
      { body: change('skp', 'create', { tahun: 2025, nilai: 88.5, predikat: 'BAIK' }) },
      { body: change('pangkat', 'create', { golongan: 'III/b', tmtGolongan: '2024-04-01', mkgTahun: 10, mkgBulan: 0, jenisKp: 'REGULER', nomorSk: '823/1/2024' }) },
      { body: change('jabatan', 'create', { jenisJabatan: 'PELAKSANA', namaJabatan: 'Analis', tmtJabatan: '2024-01-01', unitKerja: 'Bidang Mutasi' }) },
    ],
    'POST /api/requests/{id}/actions/{action}': ['approve', 'reject', 'return_incomplete', 'withdraw', 'resubmit'].map((action) => ({
      path: { ...request, action },
      body: { version: 1, note: 'Catatan verifikasi', data: { changes: { tempatLahir: 'Jember' }, documentIds: [doc] } },
    })),
    'PUT /api/requests/{id}/items/{key}': [{ path: { ...request, key: itemKey }, body: { version: 1, documentId: docs[1]!.id } }],
    'POST /api/requests/{id}/items/{key}/verdict': [{ path: { ...request, key: itemKey }, body: { version: 1, verdict: 'INVALID', note: 'Dokumen buram' } }],
    'POST /api/requests/batch': [{ body: { action: 'approve', note: 'Setuju', items: [{ id: created.body.id, version: 1 }] } }],
    'GET /api/requests': [{ query: { q: 'Budi', type: 'DATA_CHANGE', state: 'DIAJUKAN,DISETUJUI', target: 'profile', employeeId: asn.employee.id, opdId: opd.id } }],
    'GET /api/employees': [{ query: { q: 'Pegawai', opdId: opd.id, golongan: 'III/a', sort: '-nip' } }],
    'GET /api/employees/{id}/as-of': [{ path: { id: asn.employee.id }, query: { date: '2026-01-01' } }],
    'GET /api/users': [{ query: { q: asn.username.slice(0, 6), role: 'ASN' } }],
    'PUT /api/settings/{key}': settings.map((s) => ({ path: { key: s.key }, body: { value: s.value } })),
    'GET /api/indicators': [{ query: { year, opd: opd.kode, asOf: `${year}-06-30` } }],
    'GET /api/indicators/drilldown': [{ query: { year, opd: opd.kode, component: 'missing_skp' } }],
    'PUT /api/indicators/targets/{year}': [{ path: { year }, body: { IKP: 80, IKOM: 75.5, IP: null } }],
    'PUT /api/indicators/weights/{year}': [{ path: { year }, body: config.weights }],
    'PUT /api/indicators/predicate-scores/{year}': [{ path: { year }, body: config.predicateScores }],
    'POST /api/indicators/snapshots': [{ body: { year, opd: opd.kode, asOf: `${year}-06-30`, note: 'Snapshot uji' } }],
    'GET /api/indicators/snapshots': [{ query: { year, opd: opd.kode } }],
  };
}, 120_000);

afterAll(async () => {
  if (!t) return;
  // Put back the global configuration; drop the jobs the fuzzer queued (its snapshots are frozen by a trigger: they stay).
  for (const table of GLOBAL_TABLES) {
    await t.db.$executeRawUnsafe(`DELETE FROM ${table}`);
    await t.db.$executeRawUnsafe(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, JSON.stringify(savedTables[table]));
  }
  await t.db.outboxEvent.deleteMany({ where: { id: { gt: maxOutboxId } } });
  await new Promise((resolve) => server?.close(resolve));
  await t.close();
});

describe('input boundary', () => {
  it('no generated request answers 5xx or leaves the error model, on any operation, as any role', async () => {
    const doc = (await supertest(server).get('/api/openapi.json')).body;
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const skippedBodies = ops.filter((o) => o.multipart).map((o) => `${o.method.toUpperCase()} ${o.path}`);
    const started = performance.now();
    const slow: [string, number][] = [];
    for (const [index, op] of ops.entries()) {
      const opStarted = performance.now();
      const name = `${op.method.toUpperCase()} ${op.path}`;
      for (const role of ROLES) {
        const numRuns = accepts(op, role) ? RUNS_ALLOWED : RUNS_REFUSED;
        let lastError = '';
        try {
          await fc.assert(
            fc.asyncProperty(requestArb(op, pools, corpus[name] ?? []), async (r) => {
              const agent = role === 'anonymous' ? supertest(server) : agents.get(role)!;
              const res = await send(agent, role === 'anonymous' ? undefined : (agent as Agent).csrfToken, op, r);
              count(statuses, res.status);
              if (!byOperation.has(`${role} ${name}`)) byOperation.set(`${role} ${name}`, new Map());
              count(byOperation.get(`${role} ${name}`)!, res.status);
              if (process.env.TEST_FUZZ_VERBOSE === '2' && res.status >= 400) console.info(`${role} ${name} ${res.status} ${res.text.slice(0, 160)} <- ${show(r)}`);
              try {
                checkResponse(op, res as never);
              } catch (err) {
                lastError = `${(err as Error).message}\n    request: ${show(r)}`;
                throw err;
              }
            }),
            { seed: SEED + index, numRuns, endOnFailure: true },
          );
        } catch (err) {
          failures.push(`${role} ${name}: ${lastError || (err as Error).message.slice(0, 500)}`);
        }
      }
      slow.push([name, performance.now() - opStarted]);
      await heal();
    }
    const seconds = (performance.now() - started) / 1000;
    slow.sort((a, b) => b[1] - a[1]);
    console.info(
      `input boundary: ${ops.length} operations × ${ROLES.length} roles, ${requests} requests in ${seconds.toFixed(1)} s; ` +
        `bodies not fuzzed (multipart): ${skippedBodies.join(', ')}; slowest: ${slow
          .slice(0, 5)
          .map(([k, ms]) => `${k} ${Math.round(ms)} ms`)
          .join(', ')}`,
    );
    console.info(`answers: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}×${n}`).join(' ')}`);
    if (process.env.TEST_FUZZ_VERBOSE) {
      for (const [k, m] of byOperation) console.info(`${k}: ${[...m].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${c}×${n}`).join(' ')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 180_000);
});

describe('the boundary, by example', () => {
  const post = (role: FuzzRole, url: string, body: unknown) => {
    const agent = agents.get(role)!;
    return agent.post(url).set('x-csrf-token', agent.csrfToken!).set('content-type', 'application/json').send(JSON.stringify(body));
  };
  const detailsOf = (res: { body: { error: { details: { location: string; path: string; code: string }[] } } }) =>
    res.body.error.details.map((d) => `${d.location}:${d.path}:${d.code}`);

  it('anonymous login with NUL or a lone surrogate: 422 naming the field (it answered 500)', async () => {
    const nul = await supertest(server).post('/api/auth/login').send({ username: '1990\u00000115', password: 'x' });
    expect(nul.status).toBe(422);
    expect(detailsOf(nul)).toEqual(['body:username:unsafe_text']);
    const surrogate = await supertest(server).post('/api/auth/login').set('content-type', 'application/json').send('{"username":"a\\ud800","password":"x"}');
    expect(surrogate.status).toBe(422);
    expect(detailsOf(surrogate)).toEqual(['body:username:unsafe_text']);
  });

  it('NUL in a query or a path parameter, anywhere: 422 naming it', async () => {
    const q = await agents.get('BKD_ADMIN')!.get('/api/employees?q=a%00b');
    expect(q.status).toBe(422);
    expect(detailsOf(q)).toEqual(['query:q:unsafe_text']);
    const key = await agents.get('BKD_ADMIN')!.put('/api/settings/agency.letterhead%00').set('x-csrf-token', agents.get('BKD_ADMIN')!.csrfToken!).send({ value: {} });
    expect(key.status).toBe(422);
    expect(detailsOf(key)).toEqual(['params:key:unsafe_text']);
    // Free-form JSON is checked too (an action's data, a setting's value), keys included.
    const data = await post('ASN', `/api/requests/${requestId}/actions/withdraw`, { version: 1, data: { catatan: { 'x\u0000': 1 } } });
    expect(data.status).toBe(422);
    expect(detailsOf(data)).toEqual(['body:data.catatan.x\\u0000:unsafe_text']);
  });

  it('ids past int4 and other out-of-range numbers: 422 naming the field (they answered 500)', async () => {
    const admin = agents.get('BKD_ADMIN')!;
    for (const url of ['/api/employees/2147483648', `/api/employees/2147483648/as-of?date=${TEST_TODAY}`, '/api/documents/99999999999', '/api/requests/2147483648', '/api/imports/2147483648']) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ location: 'params', message: expect.stringMatching(/terlalu besar/) });
    }
    const read = await admin.post('/api/notifications/2147483648/read').set('x-csrf-token', admin.csrfToken!);
    expect(read.status).toBe(422);
    const target = await admin.put('/api/indicators/targets/2026').set('x-csrf-token', admin.csrfToken!).send({ IKP: 1e12 });
    expect(target.status).toBe(422);
    expect(detailsOf(target)).toEqual(['body:IKP:too_big']);
  });

  it('dates must be real and plausible: no 0000-01-01, no 30 February, no birth in the future, no end before start, no TMT beyond the horizon', async () => {
    const asn = agents.get('ASN')!;
    const asOf = await asn.get(`/api/employees/${pools.employeeIds[0]}/as-of?date=0000-01-01`);
    expect(asOf.status).toBe(422);
    const propose = (target: string, op: string, changes: Record<string, unknown>) =>
      post('ASN', '/api/change-requests', { employeeId: pools.employeeIds[0], target, op, changes, documentIds: [pools.documentIds[0]] });
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['profile', 'update', { tanggalLahir: '1990-02-30' }, 'changes.tanggalLahir'],
      ['profile', 'update', { tanggalLahir: '2099-01-01' }, 'changes.tanggalLahir'],
      ['profile', 'update', { tanggalLahir: '1800-01-01' }, 'changes.tanggalLahir'],
      ['diklat', 'create', { jenis: 'TEKNIS', nama: 'Bimtek', tanggalMulai: '2025-03-10', tanggalSelesai: '2025-03-01', jp: 20 }, 'changes.tanggalSelesai'],
      ['pangkat', 'create', { golongan: 'III/b', tmtGolongan: '2099-04-01', mkgTahun: 4, mkgBulan: 0 }, 'changes.tmtGolongan'],
      ['pangkat', 'create', { golongan: 'III/b', tmtGolongan: '2025-04-01', mkgTahun: 4, mkgBulan: 12 }, 'changes.mkgBulan'],
      ['skp', 'create', { tahun: 99999, predikat: 'BAIK' }, 'changes.tahun'],
      ['profile', 'update', { noHp: '0812\u00003456' }, 'changes.noHp'],
    ];
    for (const [target, op, changes, path] of cases) {
      const res = await propose(target, op, changes);
      expect(res.status, `${target} ${JSON.stringify(changes)}`).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('prototype-pollution keys and absurd nesting: 422, and nothing is polluted', async () => {
    const polluted = await supertest(server).post('/api/auth/login').set('content-type', 'application/json').send('{"username":"x","password":"y","__proto__":{"isAdmin":true}}');
    expect(polluted.status).toBe(422);
    expect(detailsOf(polluted)).toEqual(['body:__proto__:forbidden_key']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const deep = await supertest(server).post('/api/auth/login').set('content-type', 'application/json').send(`{"username":"x","password":"y","a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(deep.status).toBe(422);
    expect(deep.body.error.details[0]).toMatchObject({ code: 'too_deep' });
  });

  it('a request line over the HTTP limit answers 431 in the error model (Node refuses it before Express)', async () => {
    const res = await supertest(server).get(`/api/employees?q=${'A'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(ErrorModel.safeParse(res.body).success).toBe(true);
    expect(res.body.error.code).toBe('request_too_large');
  });
});
