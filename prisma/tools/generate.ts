// npm run db:generate — generates the Prisma client (no engine download needed:
// the `prisma-client` generator with a driver adapter has no native engine).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SCHEMA_PATH } from './engine.ts';

const out = path.join(ROOT, 'server', 'src', 'generated', 'prisma', 'client.ts');
const force = process.argv.includes('--force');
if (!force && existsSync(out) && statSync(out).mtimeMs >= statSync(SCHEMA_PATH).mtimeMs) {
  process.exit(0);
}
execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', SCHEMA_PATH], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
