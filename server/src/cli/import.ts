/**
 * Bulk import from the command line, for operators and scripts:
 *
 *   npm run import -- <kind> <file> [--mode valid-rows]
 *
 * Uses DATABASE_URL (.env is read) and runs the same engine as the API, directly
 * (no queue). Prints the counts on stdout, every error and warning on stderr, and
 * exits 0 when every row was imported, 1 when any row failed or the file was
 * rejected, 2 on a usage error or an unexpected failure. The run is recorded as
 * an import job (GET /api/imports lists it).
 */
import 'dotenv/config';
import { IMPORT_KIND_LABELS, ImportKindSchema, ImportModeSchema, type ImportIssue } from '@simak/shared/api/imports';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../db.ts';
import { importLimitsFromEnv } from '../config.ts';
import { importLimits } from '../modules/imports/limits.ts';
import { executeImport } from '../modules/imports/service.ts';
import { formatFromName } from '../modules/imports/reader.ts';
import { installClockFromEnvOrExit } from '../config.ts';

// The platform's clock: APP_TODAY when set, else the machine's date.
installClockFromEnvOrExit();

const USAGE = `Pemakaian: npm run import -- <jenis> <berkas.csv|berkas.xlsx> [--mode all-or-nothing|valid-rows]
Jenis: ${ImportKindSchema.options.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const positional: string[] = [];
  let mode = 'all-or-nothing';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--mode') mode = argv[++i] ?? '';
    else if (a.startsWith('--mode=')) mode = a.slice('--mode='.length);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`Opsi tidak dikenal: ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 2) fail('Jenis dan berkas wajib diisi.');
  const kind = ImportKindSchema.safeParse(positional[0]);
  if (!kind.success) fail(`Jenis impor tidak dikenal: ${positional[0]}`);
  const m = ImportModeSchema.safeParse(mode);
  if (!m.success) fail(`Mode tidak dikenal: ${mode}`);
  const file = path.resolve(positional[1]!);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`Berkas tidak ditemukan: ${positional[1]}`);
  if (!formatFromName(file)) fail('Berkas harus .csv atau .xlsx.');
  return { kind: kind.data, mode: m.data, file };
}

function formatIssue(i: ImportIssue): string {
  const where = [`baris ${i.row}`, i.column ? `kolom ${i.column}` : null, i.value !== null ? `nilai "${i.value}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${i.severity === 'warning' ? 'PERINGATAN' : 'GALAT'} ${where}: ${i.message}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) fail('DATABASE_URL belum diatur (lingkungan atau berkas .env).');
  const db = createDb(url, 4);
  try {
    const job = await db.importJob.create({
      data: {
        kind: args.kind,
        mode: args.mode,
        fileName: path.basename(args.file),
        // Not in document storage: the CLI reads the operator's file directly.
        storageKey: `cli/${path.basename(args.file)}`,
      },
    });
    const started = Date.now();
    const r = await executeImport(db, job.id, async () => createReadStream(args.file), {
      limits: importLimits(importLimitsFromEnv()),
      onIssue: (i) => process.stderr.write(`${formatIssue(i)}\n`),
    });
    const o = r.outcome;
    if (!o) throw new Error(`import ${job.id} was not run (${r.status})`);
    const c = o.counts;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      [
        `Impor ${IMPORT_KIND_LABELS[args.kind]} #${job.id} (${path.basename(args.file)}, mode ${args.mode}): ${o.status === 'DONE' ? 'SELESAI' : 'DITOLAK'} dalam ${seconds} detik`,
        ...(o.message ? [o.message] : []),
        `baris: ${o.totalRows}`,
        `dibuat: ${c.created}`,
        `diperbarui: ${c.updated}`,
        `tidak berubah: ${c.unchanged}`,
        `gagal: ${c.failed}`,
        `peringatan: ${c.warnings}`,
      ].join('\n') + '\n',
    );
    process.exitCode = o.status === 'DONE' && c.failed === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Impor gagal: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
