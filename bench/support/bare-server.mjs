// The baseline of bench/api.ts: a bare Express route (JSON answer, no middleware) in a
// cluster of as many processes as the platform's API, on PORT.
import cluster from 'node:cluster';
import express from 'express';

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
  app.listen(Number(process.env.PORT), '127.0.0.1');
}
