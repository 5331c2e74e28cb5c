/**
 * Loads Prisma's official WebAssembly schema engine (@prisma/schema-engine-wasm)
 * so migrations can be diffed and applied without the native engine download
 * (which fails offline). It writes the standard `_prisma_migrations` table, so
 * `prisma migrate deploy` on a connected machine sees the same history.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

// WebAssembly is a Node global; its types live in lib.dom, which this project does not load.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
};

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');

type Engine = {
  diff(p: unknown): Promise<{ exitCode: number; stdout?: string }>;
  applyMigrations(p: unknown): Promise<{ appliedMigrationNames: string[] }>;
  [k: string]: unknown;
};

/**
 * @prisma/adapter-pg splits migration scripts on every ';', which breaks
 * dollar-quoted function bodies. Send each script whole instead (PostgreSQL's
 * simple query protocol runs multi-statement scripts), as the native engine does.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const conn = await super.connect();
    const client = (conn as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }).underlyingDriver();
    (conn as unknown as { executeScript(s: string): Promise<void> }).executeScript = async (script: string) => {
      await client.query(script);
    };
    return conn;
  }
}

// The glue module is shared process-wide (Node's ESM cache) even when this file is
// loaded more than once (e.g. by several Vitest projects), so the wasm instance is
// kept on globalThis: instantiating it twice would swap the memory under a live engine.
const G = globalThis as unknown as { __simakSchemaEngineGlue?: Promise<Record<string, unknown>> };

function loadGlue() {
  G.__simakSchemaEngineGlue ??= instantiateGlue();
  return G.__simakSchemaEngineGlue;
}

async function instantiateGlue() {
  // The engine reports Rust panics through this global; without it a panic hides its message.
  const g0 = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  g0.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error(`schema engine panic: ${m}`) };
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const g = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Record<string, unknown>;
  const bytes = readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': g });
  (g.__wbg_set_wasm as (x: unknown) => void)(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return g;
}

export async function openEngine(connectionString: string, schemaText = readFileSync(SCHEMA_PATH, 'utf8')): Promise<Engine> {
  const g = await loadGlue();
  const SchemaEngine = g.SchemaEngine as { new: (o: unknown, cb: (s: string) => void, a: unknown) => Promise<Engine> };
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString }));
  return SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schemaText]] },
    (msg: string) => {
      if (process.env.PRISMA_ENGINE_LOG) console.error(msg);
    },
    adapter,
  );
}

export const noFilters = { externalTables: [], externalEnums: [] };
