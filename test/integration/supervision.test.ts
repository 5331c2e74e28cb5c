/**
 * Supervision under `npm start` (issue 13.3): the API (a cluster of HTTP processes) and the
 * worker run as supervised child processes; a child killed with SIGKILL is restarted with
 * backoff and logged, the other keeps running, and the API answers again. Runs the real
 * scripts/start.ts (compiled server/dist) on a database of its own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { TEST_TODAY, uniq } from '../support/app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let databaseUrl: string;
let proc: ChildProcess;
let output = '';
let port: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

/** Waits (polling) until `check` holds; fails with `what` and the output so far if it never does. */
async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, limitMs = 120_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`never: ${what}\n--- output ---\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const healthy = async () => {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/api/health`);
    return r.ok;
  } catch {
    return false;
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** The pids `[start] <name> started (pid N)` printed, in order. */
const startedPids = (name: string) => [...output.matchAll(new RegExp(`\\[start\\] ${name} started \\(pid (\\d+)\\)`, 'g'))].map((m) => Number(m[1]));
const childPids = (pid: number) =>
  spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_sup`;
  databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  port = await freePort();
  proc = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `${inject('redisPrefix')}-${uniq('sup')}`,
      SESSION_SECRET: 'test-secret-test-secret-test-secret',
      PORT: String(port),
      HOST: '127.0.0.1',
      API_WORKERS: '2',
      WORKER_CONCURRENCY: '1',
      APP_TODAY: TEST_TODAY,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'simak-sup-')),
      // Serves no web app: the test needs no web build.
      WEB_DIST: mkdtempSync(path.join(os.tmpdir(), 'simak-sup-web-')),
    },
  });
  proc.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  await until('the API answers', healthy, 180_000);
}, 240_000);

afterAll(async () => {
  if (proc?.exitCode === null && proc.pid) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  if (databaseUrl) {
    const admin = new URL(databaseUrl);
    admin.pathname = '/postgres';
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}" WITH (FORCE)`);
    await c.end();
  }
});

describe.sequential('npm start supervises the API and the worker', () => {
  it('runs the compiled server: an API cluster of API_WORKERS processes and the worker', async () => {
    const [api] = startedPids('api');
    const [worker] = startedPids('worker');
    expect(api).toBeGreaterThan(0);
    expect(worker).toBeGreaterThan(0);
    const args = (pid: number) => spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
    expect(args(api!)).toContain('server/dist/main.js');
    expect(args(worker!)).toContain('server/dist/worker.js');
    await until('two HTTP processes under the API primary', () => childPids(api!).length === 2);
    // Each HTTP process runs with the configured young generation (API_SEMI_SPACE_MB, default 64).
    for (const child of childPids(api!)) expect(args(child)).toContain('--max-semi-space-size=64');
    expect(args(api!)).not.toContain('--max-semi-space-size');
  });

  it('a SIGKILLed worker comes back; the API keeps running', async () => {
    const [api] = startedPids('api');
    const [worker] = startedPids('worker');
    process.kill(worker!, 'SIGKILL');
    await until('the worker restarted', () => startedPids('worker').length === 2);
    expect(output).toMatch(new RegExp(`worker \\(pid ${worker}\\) exited \\(SIGKILL\\).*restarting in \\d+ ms`));
    const [, again] = startedPids('worker');
    expect(again).not.toBe(worker);
    await until('the new worker is running', () => alive(again!));
    expect(alive(api!)).toBe(true);
    expect(startedPids('api')).toHaveLength(1);
    expect(await healthy()).toBe(true);
  });

  it('a SIGKILLed HTTP process of the cluster is replaced by the primary', async () => {
    const [api] = startedPids('api');
    const before = childPids(api!);
    process.kill(before[0]!, 'SIGKILL');
    await until('a new HTTP process', () => {
      const now = childPids(api!);
      return now.length === 2 && !now.includes(before[0]!);
    });
    expect(output).toMatch(/api#\d exited \(SIGKILL\); restarting in \d+ ms/);
    await until('the API answers', healthy);
  });

  it('a SIGKILLed API comes back and answers again; the worker keeps running', async () => {
    const [api] = startedPids('api');
    const worker = startedPids('worker').at(-1)!;
    process.kill(api!, 'SIGKILL');
    await until('the API restarted', () => startedPids('api').length === 2);
    expect(output).toMatch(new RegExp(`api \\(pid ${api}\\) exited \\(SIGKILL\\).*restarting in \\d+ ms`));
    await until('the API answers again', healthy);
    expect(alive(worker)).toBe(true);
    expect(startedPids('worker')).toHaveLength(2);
  });

  it('SIGTERM stops everything without restarts', async () => {
    const pids = [startedPids('api').at(-1)!, startedPids('worker').at(-1)!];
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    process.kill(proc.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    await until('children gone', () => pids.every((p) => !alive(p)));
    expect(startedPids('api')).toHaveLength(2);
    expect(startedPids('worker')).toHaveLength(2);
  });
});
