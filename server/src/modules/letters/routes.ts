/** Public verification of letters of every kind (the QR code opens the HTML page). Rate-limited per IP. */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { defineRoute } from '../../lib/http.ts';
import { redisRateLimit } from '../../lib/rate-limit.ts';
import { presentPublicLetter, verificationPage } from './presenter.ts';
import { publicLetter } from './service.ts';

export function letterRoutes(ctx: AppContext) {
  const { db, logger } = ctx;
  // One budget for both routes: guessing tokens through either counts the same.
  const limit = redisRateLimit(ctx, {
    name: 'letter-verify',
    limit: ctx.config.LETTER_VERIFY_RATE_LIMIT,
    windowMinutes: ctx.config.LETTER_VERIFY_RATE_WINDOW_MINUTES,
    by: 'ip',
    message: 'Terlalu banyak permintaan verifikasi surat dalam waktu singkat. Coba lagi nanti.',
  });
  // Every answer (found, unknown, rate-limited, invalid) is private to the one who scanned
  // the code: never cached by a browser or proxy, never indexed by a search engine.
  const privateAnswer: RequestHandler = (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    next();
  };
  // Any string: a malformed token is an unknown letter (404), not a validation error.
  const params = z.object({ token: z.string() });
  return [
    defineRoute({
      method: 'get',
      path: '/api/public/letters/:token',
      summary: 'Verifikasi publik surat (dari kode QR): jenis, data pokok dan hash integritas',
      tags: ['Publik'],
      auth: 'public',
      before: [privateAnswer, limit],
      params,
      responses: { 200: { description: 'Surat' }, 404: { description: 'Tidak dikenal' }, 429: { description: 'Terlalu banyak permintaan' } },
      handler: async ({ params }) => {
        const l = await publicLetter(db, params.token, logger);
        if (!l) throw NotFound('Surat');
        return presentPublicLetter(l);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/verifikasi/surat/:token',
      summary: 'Halaman verifikasi surat untuk kode QR',
      tags: ['Publik'],
      auth: 'public',
      before: [privateAnswer, limit],
      params,
      responses: {
        200: { description: 'HTML', contentType: 'text/html' },
        404: { description: 'HTML: surat tidak dikenal', contentType: 'text/html' },
        429: { description: 'Terlalu banyak permintaan' },
      },
      handler: async ({ params, res }) => {
        const l = await publicLetter(db, params.token, logger);
        res.status(l ? 200 : 404).type('html');
        return void res.send(verificationPage(l));
      },
    }),
  ];
}
