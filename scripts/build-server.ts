/**
 * `npm run build:server`: compiles the server (with @simak/shared and the generated
 * Prisma client) to JavaScript under server/dist/ with esbuild, one bundle per entry
 * point. Packages from node_modules stay external (loaded by Node as usual); only
 * the workspace's TypeScript is bundled. Production (`npm start`, the Dockerfile)
 * runs these files with plain `node`; tsx is for development and scripts only.
 * Type checking is `npm run typecheck` (esbuild only strips types).
 */
import { build, type Plugin } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SERVER_DIST = path.join(ROOT, 'server', 'dist');
/** Entry points (server/src/<name>.ts → server/dist/<name>.js). */
export const SERVER_ENTRIES = ['main', 'worker'] as const;

/** Bare imports are external except the workspace's own TypeScript packages. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@simak/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

export async function buildServer(opts: { quiet?: boolean } = {}) {
  const t0 = performance.now();
  // Chunk names carry hashes: start from an empty directory, so no stale chunk stays behind.
  rmSync(SERVER_DIST, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(SERVER_ENTRIES.map((e) => [e, `server/src/${e}.ts`])),
    outdir: SERVER_DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Shared and lazily imported code in chunks next to the entry points (server/dist/, where
    // import.meta.dirname-relative paths — package.json, web/dist — resolve as from server/src/):
    // the API's cluster primary never loads the HTTP app.
    splitting: true,
    chunkNames: '[name]-[hash]',
    sourcemap: true,
    // Stack traces point at the TypeScript sources.
    sourcesContent: false,
    legalComments: 'none',
    logLevel: opts.quiet ? 'error' : 'warning',
    plugins: [externalPackages],
    metafile: true,
  });
  // Marks the build so `npm start` can tell whether it is current (see scripts/start.ts).
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  writeFileSync(path.join(SERVER_DIST, 'build.json'), JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1));
  if (!opts.quiet) console.log(`server/dist: ${SERVER_ENTRIES.map((e) => `${e}.js`).join(', ')} from ${inputs.length} sources in ${Math.round(performance.now() - t0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildServer().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
