/**
 * Start-up time and memory of the server processes (issue 15.3): the API and the worker run
 * as compiled JavaScript (`node server/dist/*.js`, what npm start and the Dockerfile run)
 * against the baseline of the same run, the TypeScript sources through tsx (what npm start
 * ran before). The API is timed from spawn to its first answer on /api/health; the worker
 * from spawn to its "worker started" log line. RSS is the sum over the process tree (tsx runs
 * the program in a child process of its CLI) after 3 s idle. Median of `rounds`, one HTTP
 * process (API_WORKERS=1).
 *
 *   npx tsx bench/startup.ts [rounds=3]      (DATABASE_URL: a migrated database; default the local simak)
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildServer } from '../scripts/build-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.argv[2] ?? 3);
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const tree = (pid: number): number[] => [
  pid,
  ...spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number).flatMap(tree),
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(kind: 'api' | 'worker', mode: 'tsx' | 'compiled') {
  const port = await freePort();
  const args = mode === 'tsx' ? [TSX, `server/src/${kind === 'api' ? 'main' : 'worker'}.ts`] : [`server/dist/${kind === 'api' ? 'main' : 'worker'}.js`];
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/simak',
    REDIS_PREFIX: `bench-startup-${process.pid}`,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    PORT: String(port),
    HOST: '127.0.0.1',
    API_WORKERS: '1',
    LOG_LEVEL: 'info',
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  let ready = 0;
  for (let i = 0; i < 1200 && !ready; i++) {
    if (kind === 'api') {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) ready = performance.now();
      } catch {
        /* not yet */
      }
    } else if (out.includes('worker started')) ready = performance.now();
    if (!ready) await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const pids = tree(child.pid!);
  const rss = pids.reduce((n, p) => n + rssKb(p), 0) / 1024;
  child.kill('SIGTERM');
  for (const p of pids.slice(1)) spawnSync('kill', ['-TERM', String(p)]);
  await new Promise((r) => child.once('exit', r));
  return { ms: ready - t0, rss, processes: pids.length };
}

async function main() {
  await buildServer({ quiet: true });
  console.log(`Start-up and RSS, median of ${ROUNDS} (one HTTP process)`);
  console.log('| process | tsx (before) start | compiled start | ratio | tsx RSS | compiled RSS | saved |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const kind of ['api', 'worker'] as const) {
    const r: Record<'tsx' | 'compiled', { ms: number[]; rss: number[]; processes: number }> = {
      tsx: { ms: [], rss: [], processes: 0 },
      compiled: { ms: [], rss: [], processes: 0 },
    };
    for (let i = 0; i < ROUNDS; i++) {
      for (const mode of ['tsx', 'compiled'] as const) {
        const m = await once(kind, mode);
        r[mode].ms.push(m.ms);
        r[mode].rss.push(m.rss);
        r[mode].processes = m.processes;
      }
    }
    const [t, c] = [r.tsx, r.compiled];
    console.log(
      `| ${kind} | ${median(t.ms).toFixed(0)} ms | ${median(c.ms).toFixed(0)} ms | ${(median(c.ms) / median(t.ms)).toFixed(2)}× | ` +
        `${median(t.rss).toFixed(0)} MB (${t.processes} processes) | ${median(c.rss).toFixed(0)} MB (${c.processes}) | ${(median(t.rss) - median(c.rss)).toFixed(0)} MB |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
