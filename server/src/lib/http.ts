/**
 * Routes are declared as data: method, path, auth requirement, zod schemas and a
 * handler. The same declaration mounts the Express route (auth → validate →
 * handler) and documents it in the OpenAPI registry, so the contract and the docs
 * never drift apart.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { findUnsafeInput } from '@simak/shared/api/primitives';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z, type ZodType } from 'zod';
import type { Role } from '../generated/prisma/enums.ts';
import { AppError, Forbidden, Unauthorized, validationError } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type Auth = 'public' | 'user' | 'any-session' | readonly Role[];

export interface HandlerCtx<B, Q, P> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: P;
  /** Present unless the route is public. */
  actor: Actor;
}

export interface RouteDef<B = unknown, Q = unknown, P = unknown> {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  auth: Auth;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** Extra middleware run after auth and before validation (multer, rate limits). */
  before?: RequestHandler[];
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
  /** Return a value to send it as JSON (status 200 unless set), or undefined for 204 / when already sent. */
  handler: (ctx: HandlerCtx<B, Q, P>) => Promise<unknown> | unknown;
}

/** Helper that keeps the handler's types tied to its schemas. */
export function defineRoute<B = undefined, Q = undefined, P = undefined>(def: RouteDef<B, Q, P>): RouteDef {
  return def as unknown as RouteDef;
}

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().nullable() }),
});

function authMiddleware(auth: Auth, method: string): RequestHandler {
  return (req, _res, next) => {
    if (auth === 'public') return next();
    const actor = req.user as Actor | undefined;
    if (!actor) return next(Unauthorized());
    if (auth === 'any-session') return next();
    // A retired employee's account (pension exit): reading and downloading only.
    if (actor.readOnly && method !== 'get') {
      return next(Forbidden('Akun Anda hanya dapat membaca: Anda telah berhenti sebagai pegawai.', 'account_read_only'));
    }
    if (actor.mustChangePassword) {
      return next(Forbidden('Anda harus mengganti kata sandi terlebih dahulu.', 'password_change_required'));
    }
    if (auth !== 'user' && !auth.some((r) => actor.roles.includes(r))) return next(Forbidden());
    next();
  };
}

type Where = 'params' | 'query' | 'body';

/**
 * The generic guard, before any route schema: a string or key anywhere in params, query or body
 * (declared or not: multipart fields, free-form `data`) with NUL or a lone surrogate, a
 * prototype-pollution key, or absurd nesting is refused with a 422 naming its path. PostgreSQL
 * would refuse such text with an error (a 500) or store a replacement character.
 */
export function unsafeInputError(req: Pick<Request, Where>): AppError | null {
  const details = (['params', 'query', 'body'] as const).flatMap((where) =>
    findUnsafeInput(req[where]).map((f) => ({ location: where, path: f.path.join('.'), message: f.message, code: f.reason })),
  );
  return details.length ? new AppError(422, 'validation_failed', 'Data yang dikirim tidak valid.', details) : null;
}

function validateMiddleware(def: RouteDef): RequestHandler {
  return (req, _res, next) => {
    const unsafe = unsafeInputError(req);
    if (unsafe) return next(unsafe);
    const parsed: { body?: unknown; query?: unknown; params?: unknown } = {};
    for (const where of ['params', 'query', 'body'] as const) {
      const schema = def[where];
      if (!schema) continue;
      const r = schema.safeParse(where === 'body' ? (req.body ?? {}) : req[where]);
      if (!r.success) return next(validationError(r.error, where));
      parsed[where] = r.data;
    }
    res_locals(req).parsed = parsed;
    next();
  };
}

function res_locals(req: Request): { parsed?: { body?: unknown; query?: unknown; params?: unknown } } {
  return req.res!.locals as { parsed?: { body?: unknown; query?: unknown; params?: unknown } };
}

export function mountRoutes(router: Router, routes: RouteDef[], registry?: OpenAPIRegistry) {
  for (const def of routes) {
    const run: RequestHandler = async (req, res, next) => {
      try {
        const parsed = res_locals(req).parsed ?? {};
        const out = await def.handler({
          req,
          res,
          body: parsed.body,
          query: parsed.query,
          params: parsed.params ?? req.params,
          actor: req.user as Actor,
        });
        if (res.headersSent) return;
        if (out === undefined) res.status(res.statusCode === 200 ? 204 : res.statusCode).end();
        else res.json(out);
      } catch (err) {
        next(err);
      }
    };
    router[def.method](def.path, authMiddleware(def.auth, def.method), ...(def.before ?? []), validateMiddleware(def), run);
    if (registry) document(registry, def);
  }
}

function document(registry: OpenAPIRegistry, def: RouteDef) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(def.responses)) {
    responses[status] = r.schema
      ? { description: r.description, content: { [r.contentType ?? 'application/json']: { schema: r.schema } } }
      : { description: r.description };
  }
  if (def.auth !== 'public') {
    responses['401'] ??= { description: 'Belum masuk', content: { 'application/json': { schema: ErrorBody } } };
    if (def.auth !== 'user' && def.auth !== 'any-session')
      responses['403'] ??= { description: 'Tidak berwenang', content: { 'application/json': { schema: ErrorBody } } };
  }
  // Every route validates: its schemas, and the generic guard on any parameter (NUL, lone surrogates, …).
  responses['422'] ??= { description: 'Validasi gagal', content: { 'application/json': { schema: ErrorBody } } };
  const roles = Array.isArray(def.auth) ? ` Peran: ${(def.auth as Role[]).join(', ')}.` : '';
  registry.registerPath({
    method: def.method,
    path: def.path.replace(/:(\w+)/g, '{$1}'),
    summary: def.summary,
    description: `${def.summary}.${roles}`,
    tags: def.tags,
    security: def.auth === 'public' ? [] : [{ session: [] }],
    request: {
      params: def.params as never,
      query: def.query as never,
      body: def.body ? { content: { 'application/json': { schema: def.body } } } : undefined,
    },
    responses: responses as never,
  });
}

export function buildOpenApi(registry: OpenAPIRegistry, version: string) {
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'simak.sid' });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'SIMAK BKD API',
      version,
      description:
        'API platform layanan kepegawaian mandiri. Semua galat berbentuk { error: { code, message, details } }. ' +
        'Teks berisi NUL atau surrogate tunggal, kunci __proto__/constructor/prototype, dan data bersarang lebih dari 16 tingkat ' +
        'di parameter, query atau badan mana pun ditolak dengan 422 yang menyebut lokasinya. ' +
        'Permintaan yang mengubah data dengan cookie sesi wajib mengirim header x-csrf-token (GET /api/auth/csrf).',
    },
    servers: [{ url: '/' }],
  });
}

export { OpenAPIRegistry };

const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Sends a generated file as a private, uncached download named `<name>.<ext>` (the name reduced to safe characters). */
export function sendAttachment(res: Response, name: string, ext: keyof typeof ATTACHMENT_TYPES, body: Buffer | string) {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Type', ATTACHMENT_TYPES[ext]);
  res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}.${ext}"`);
  res.end(body);
}
