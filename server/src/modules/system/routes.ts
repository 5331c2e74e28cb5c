import { HealthResponse, HomeResponse } from '@simak/shared/api/auth';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';
import { homeCards, homeQueues } from './service.ts';

const timed = async (fn: () => Promise<unknown>, ms = 2000) => {
  const t0 = performance.now();
  try {
    await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), ms).unref())]);
    return { ok: true, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (err) {
    return { ok: false, latencyMs: null, error: (err as Error).message.slice(0, 200) };
  }
};

export function systemRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Status layanan: basis data dan Redis',
      tags: ['Sistem'],
      auth: 'public',
      responses: { 200: { description: 'Sehat', schema: HealthResponse }, 503: { description: 'Terganggu', schema: HealthResponse } },
      handler: async ({ res }) => {
        const [database, redis] = await Promise.all([timed(() => ctx.db.$queryRaw`SELECT 1`), timed(() => ctx.redis.ping())]);
        const ok = database.ok && redis.ok;
        res.status(ok ? 200 : 503);
        return { status: ok ? 'ok' : 'degraded', version: ctx.version, database, redis };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/home',
      summary: 'Beranda sesuai peran: ringkasan jumlah pegawai dan antrean pekerjaan (jumlah, yang paling lama menunggu, tautan ke daftar tersaring)',
      tags: ['Sistem'],
      auth: 'user',
      responses: { 200: { description: 'Kartu ringkasan dan antrean', schema: HomeResponse } },
      handler: async ({ actor }) => {
        const [cards, queues] = await Promise.all([homeCards(ctx.db, actor), homeQueues(ctx.db, actor)]);
        return { cards, queues };
      },
    }),
  ];
}
