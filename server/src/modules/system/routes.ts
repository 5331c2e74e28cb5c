import { AgencyResponse, HealthResponse, HomeResponse, LiveResponse, ReadyResponse } from '@simak/shared/api/auth';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';
import { getSetting } from '../settings/service.ts';
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
      path: '/api/health/live',
      summary: 'Liveness: proses API menjawab (tanpa memeriksa basis data dan Redis)',
      tags: ['Sistem'],
      auth: 'public',
      responses: { 200: { description: 'Hidup', schema: LiveResponse } },
      handler: async () => ({ status: 'live' as const, version: ctx.version, uptimeSeconds: Math.round(process.uptime()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/health/ready',
      summary: 'Readiness: basis data dan Redis dapat dihubungi (503 bila salah satunya tidak)',
      tags: ['Sistem'],
      auth: 'public',
      responses: { 200: { description: 'Siap', schema: ReadyResponse }, 503: { description: 'Tidak siap', schema: ReadyResponse } },
      handler: async ({ res }) => {
        // Probes now: a load balancer's check sees the state of this moment, not of the last probe.
        await Promise.all([ctx.readiness.probe('database'), ctx.readiness.probe('redis')]);
        const s = ctx.readiness.snapshot();
        const ready = s.database.up && s.redis.up;
        res.status(ready ? 200 : 503);
        res.setHeader('Cache-Control', 'no-store');
        return { status: ready ? ('ready' as const) : ('unavailable' as const), database: s.database, redis: s.redis };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/agency',
      summary: 'Nama instansi dan pemerintah daerah menurut kop surat (untuk halaman masuk)',
      tags: ['Sistem'],
      auth: 'public',
      responses: { 200: { description: 'Instansi', schema: AgencyResponse } },
      handler: async () => {
        const { pemda, instansi } = await getSetting(ctx.db, 'agency.letterhead');
        return { pemda, instansi };
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
