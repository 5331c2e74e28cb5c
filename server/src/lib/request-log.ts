/**
 * Request ids and request logs. Every request gets an id (the caller's `x-request-id` when it is a
 * plain token, else a UUID), sent back in `x-request-id` and written in the audit rows;
 * `req.log` is a child logger carrying it, made only when something logs through it; and a
 * finished request writes one line at the level `levelOf` chooses, the request serialized (path
 * with its query's values masked, user agent, address) only when that level is written.
 *
 * (pino-http, used before, bound two child loggers to every request, one of them to the whole
 * request serialized and redacted, whether or not a line was ever written: 8 % of the CPU of a
 * `/api/auth/me` under load.)
 */
import type { Express, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { logUrl } from '../logger.ts';

declare module 'http' {
  interface IncomingMessage {
    /** The request id (x-request-id). */
    id: string;
    /** A logger carrying the request id. */
    log: Logger;
  }
}

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const GIVEN_ID = /^[\w.-]{1,64}$/;
const LOG = Symbol('request logger');

/** What a request's log line says of it: no headers (cookies, tokens), no query values (names, NIPs, NIKs). */
function serializeRequest(req: Request) {
  return { id: req.id, method: req.method, url: logUrl(req.originalUrl ?? req.url), userAgent: req.headers['user-agent'], remoteAddress: req.socket?.remoteAddress };
}

export function requestLogger(
  app: Express,
  logger: Logger,
  opts: {
    /** Requests never logged (health checks, metrics scrapes). */
    ignore: (url: string) => boolean;
    levelOf: (res: Response, err?: Error) => Level;
  },
): RequestHandler {
  // `req.log`, on this app's requests only: the child logger is made on first use.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request & { [LOG]?: Logger }) {
      return (this[LOG] ??= logger.child({ reqId: this.id }));
    },
  });

  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.id);
    if (opts.ignore(req.url)) return next();

    const start = performance.now();
    const done = (err?: Error) => {
      res.off('finish', done);
      res.off('close', done);
      res.off('error', done);
      const level = opts.levelOf(res, err);
      if (level === 'silent' || !logger.isLevelEnabled(level)) return;
      const fields = { reqId: req.id, req: serializeRequest(req), res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - start) };
      if (err || res.statusCode >= 500) logger[level]({ ...fields, err: err ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
      else logger[level](fields, res.writableFinished ? 'request completed' : 'request aborted');
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}
