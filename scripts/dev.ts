/** `npm run dev`: the platform as under `npm start`, plus Vite's dev server (http://localhost:5173, proxying /api and /admin/queues). */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const procs = [
  spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } }),
  spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js')], { cwd: path.join(ROOT, 'web'), stdio: 'inherit' }),
];
const stop = () => procs.forEach((p) => p.exitCode === null && p.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs) p.once('exit', stop);
