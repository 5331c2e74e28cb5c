/**
 * Memory of the import parser on hostile files (issue 13 part 4).
 *
 *   npx tsx bench/import-memory.ts            (files generated under /tmp/simak-bench-memory, removed at the end)
 *
 * Each scenario runs the parser (readRows: CSV via csv-parse, XLSX via zip.ts + exceljs) with
 * the default limits of config.ts in its own child process and prints that process's peak RSS,
 * as a ratio against two baselines measured in the same run: the same child doing nothing
 * (modules loaded) and the same child reading a small valid file.
 *
 * Scenarios: a decompression bomb (1 GiB of XML in ~1 MB, headers honest and lying), a bomb
 * within the unpacked limit (256 MiB of empty rows: refused at IMPORT_MAX_ROWS, and 64 MiB read
 * to the end with the row limit raised), a 1,000,000-row CSV (refused at
 * IMPORT_MAX_ROWS; and read to the end with the limit raised), a single 400 MB string cell
 * (CSV, and XLSX as one inline string).
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError } from '../server/src/modules/imports/limits.ts';
import { readRows, type FileFormat } from '../server/src/modules/imports/reader.ts';
import { opdCsvLines, sheetXml, writeBombXlsx, writeHugeCellCsv, writeHugeStringXlsx, writeLines, xlsx } from '../test/support/hostile-files.ts';

const DIR = '/tmp/simak-bench-memory';
const SELF = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;

interface Scenario {
  name: string;
  file?: string;
  format?: FileFormat;
  /** Overrides of the default limits for this scenario. */
  limits?: Partial<typeof DEFAULT_IMPORT_LIMITS>;
}

const SCENARIOS: Scenario[] = [
  { name: 'idle (modules loaded, nothing read)' },
  { name: 'small valid CSV (1,000 rows)', file: 'small.csv', format: 'csv' },
  { name: 'small valid XLSX (1,000 rows)', file: 'small.xlsx', format: 'xlsx' },
  { name: 'bomb: 1 GiB XML in the XLSX, sizes declared', file: 'bomb-honest.xlsx', format: 'xlsx' },
  { name: 'bomb: 1 GiB XML in the XLSX, sizes lie (1 KiB)', file: 'bomb-lying.xlsx', format: 'xlsx' },
  { name: 'bomb within the unpacked limit: 256 MiB XML of empty rows', file: 'bomb-256.xlsx', format: 'xlsx' },
  { name: 'bomb of 64 MiB XML of empty rows read to the end (IMPORT_MAX_ROWS=100,000,000)', file: 'bomb-64.xlsx', format: 'xlsx', limits: { maxRows: 100_000_000 } },
  { name: 'CSV 1,000,000 rows (default IMPORT_MAX_ROWS)', file: 'rows-1m.csv', format: 'csv' },
  { name: 'CSV 1,000,000 rows read to the end (IMPORT_MAX_ROWS=2,000,000)', file: 'rows-1m.csv', format: 'csv', limits: { maxRows: 2_000_000 } },
  { name: 'CSV one 400 MB cell', file: 'cell-400.csv', format: 'csv' },
  { name: 'XLSX one 400 MB inline string', file: 'cell-400.xlsx', format: 'xlsx' },
];

async function child(index: number) {
  const s = SCENARIOS[index]!;
  const started = Date.now();
  let rows = 0;
  let outcome = 'read to the end';
  if (s.file) {
    try {
      const limits = { ...DEFAULT_IMPORT_LIMITS, tmpDir: path.join(DIR, 'tmp'), ...s.limits };
      for await (const r of readRows(createReadStream(path.join(DIR, s.file)), s.format!, limits)) {
        void r;
        rows++;
      }
    } catch (err) {
      outcome = err instanceof ImportLimitError ? `refused: ${err.details.limit}` : `error: ${(err as Error).message.slice(0, 60)}`;
    }
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ rows, outcome, peak, seconds: (Date.now() - started) / 1000 }) + '\n');
}

async function prepare() {
  await mkdir(DIR, { recursive: true });
  const t0 = Date.now();
  await writeLines(path.join(DIR, 'small.csv'), opdCsvLines(1000));
  const small = [['kode', 'nama'], ...Array.from({ length: 1000 }, (_, i) => [`S${i}`, `Unit ${i}`])];
  await writeFile(path.join(DIR, 'small.xlsx'), xlsx(sheetXml(small)));
  await writeBombXlsx(path.join(DIR, 'bomb-honest.xlsx'), 1024 * MB, true);
  await writeBombXlsx(path.join(DIR, 'bomb-lying.xlsx'), 1024 * MB, false);
  await writeBombXlsx(path.join(DIR, 'bomb-256.xlsx'), 256 * MB, true);
  await writeBombXlsx(path.join(DIR, 'bomb-64.xlsx'), 64 * MB, true);
  await writeLines(path.join(DIR, 'rows-1m.csv'), opdCsvLines(1_000_000));
  await writeHugeCellCsv(path.join(DIR, 'cell-400.csv'), 400 * MB);
  await writeHugeStringXlsx(path.join(DIR, 'cell-400.xlsx'), 400 * MB);
  console.log(`files generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function runChild(index: number): Promise<{ rows: number; outcome: string; peak: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, SELF, '--child', String(index)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`child ${index} exit ${code}`))));
  });
}

async function main() {
  if (process.argv[2] === '--child') return child(Number(process.argv[3]));
  await prepare();
  const sizes = await Promise.all(
    SCENARIOS.map(async (s) => (s.file ? (await stat(path.join(DIR, s.file))).size : 0)),
  );
  const results = [];
  for (let i = 0; i < SCENARIOS.length; i++) results.push(await runChild(i));
  const idle = results[0]!.peak;
  const small = Math.max(results[1]!.peak, results[2]!.peak);
  console.log(`\nlimits: ${JSON.stringify({ ...DEFAULT_IMPORT_LIMITS, tmpDir: undefined })}`);
  console.log('scenario | file | outcome | rows | time | peak RSS | × idle | × small valid file');
  console.log('---|---|---|---|---|---|---|---');
  results.forEach((r, i) => {
    const s = SCENARIOS[i]!;
    console.log(
      [
        s.name,
        s.file ? `${(sizes[i]! / MB).toFixed(1)} MB` : '–',
        s.file ? r.outcome : '–',
        r.rows.toLocaleString('en'),
        `${r.seconds.toFixed(1)} s`,
        `${(r.peak / MB).toFixed(0)} MB`,
        `${(r.peak / idle).toFixed(2)}×`,
        `${(r.peak / small).toFixed(2)}×`,
      ].join(' | '),
    );
  });
  const worst = Math.max(...results.slice(3).map((r) => r.peak));
  console.log(`\nworst hostile case: ${(worst / MB).toFixed(0)} MB peak RSS = ${(worst / small).toFixed(2)}× the small valid file`);
  await rm(DIR, { recursive: true, force: true });
}

await main();
