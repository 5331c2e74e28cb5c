/**
 * `GET /api/events`: server-sent events for the signed-in user. Each change of a request the user
 * may follow (their own; their OPDs' as OPD admin; all as BKD) arrives as an event `request` with
 * its id, type, state and version, so open lists, task queues and request pages refresh without a
 * manual reload (the browser's EventSource reconnects by itself). Only for clients that ask for
 * `text/event-stream`; anything else gets 406.
 */
import type { Actor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { isBkd } from '../../lib/authz.ts';
import { defineRoute } from '../../lib/http.ts';
import { hubFor, type RequestChange } from './hub.ts';

const HEARTBEAT_MS = 25_000;

/** Whether the actor follows this request live (the same people who can open it, minus the atasan). */
export function followsRequest(actor: Actor, c: RequestChange): boolean {
  return isBkd(actor) || actor.employeeId === c.employeeId || actor.scopeOpdIds.includes(c.opdId);
}

export function eventRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Pembaruan langsung (server-sent events): perubahan status usulan yang dapat Anda ikuti',
      tags: ['Notifikasi'],
      auth: 'user',
      responses: {
        200: { description: 'Aliran text/event-stream: event "request" { id, type, state, version }', contentType: 'text/event-stream' },
        406: { description: 'Klien tidak meminta text/event-stream' },
      },
      handler: async ({ req, res, actor }) => {
        if (!(req.headers.accept ?? '').includes('text/event-stream')) {
          throw new AppError(406, 'not_acceptable', 'Alamat ini hanya melayani aliran text/event-stream (EventSource).');
        }
        res.status(200);
        res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('X-Accel-Buffering', 'no');
        res.flushHeaders();
        res.write('retry: 5000\n\n');
        const unsubscribe = hubFor(ctx.config.DATABASE_URL, ctx.logger).subscribe((c) => {
          if (!followsRequest(actor, c)) return;
          res.write(`event: request\ndata: ${JSON.stringify({ id: c.id, type: c.type, state: c.state, version: c.version })}\n\n`);
        });
        const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        beat.unref();
        await new Promise<void>((resolve) => res.on('close', resolve));
        clearInterval(beat);
        unsubscribe();
        return undefined;
      },
    }),
  ];
}
