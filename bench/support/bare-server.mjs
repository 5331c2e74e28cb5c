// The baselines of bench/api.ts, in a cluster of as many processes as the platform's API, on PORT:
//   /bare   a bare Express route (JSON answer, no middleware);
//   /floor  the least a signed-in read costs on this stack: one Redis GET (the session) and one
//           PostgreSQL query (SELECT 1, prepared) per request, then the same JSON answer; no
//           middleware, no ORM. What the platform's reads can at best approach on this machine.
import cluster from 'node:cluster';
import express from 'express';
import { Redis } from 'ioredis';
import pg from 'pg';

const processes = Number(process.env.API_WORKERS || 1);
if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const app = express();
  app.get('/bare', (_req, res) => res.json({ ok: true, at: Date.now() }));
  if (process.env.DATABASE_URL && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    app.get('/floor', async (_req, res) => {
      try {
        await redis.get('bench-floor-session');
        await pool.query({ name: 'floor', text: 'SELECT 1 AS one' });
        res.json({ ok: true, at: Date.now() });
      } catch (err) {
        res.status(500).json({ error: String(err) });
      }
    });
  }
  app.listen(Number(process.env.PORT), '127.0.0.1');
}
