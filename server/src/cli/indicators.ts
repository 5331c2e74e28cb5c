/**
 * Live indicators from the command line (the same computation and JSON as
 * GET /api/indicators):
 *
 *   npm run indicators -- --year YYYY [--opd KODE] [--as-of YYYY-MM-DD] [--json]
 *
 * Uses DATABASE_URL (.env is read). --json prints the result as one JSON line;
 * without it, a table. Exits 0 on success, 1 when the request is refused (as-of
 * date outside the year, unknown OPD), 2 on a usage error or an unexpected failure.
 */
import 'dotenv/config';
import { roundForDisplay } from '@simak/shared';
import { INDICATOR_KEYS, type IndicatorResult } from '@simak/shared/api/indicators';
import { computeIndicators } from '../modules/indicators/compute.ts';
import { flagText } from '../modules/indicators/lkj.ts';
import { runCli, usageError } from './run.ts';

const USAGE = 'Pemakaian: npm run indicators -- --year YYYY [--opd KODE] [--as-of YYYY-MM-DD] [--json]';

const fail = (message: string): never => usageError(USAGE, message);

function parseArgs(argv: string[]) {
  const out: { year?: number; opd?: string; asOf?: string; json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`Opsi ${flag} memerlukan nilai.`);
    if (flag === '--json') out.json = true;
    else if (flag === '--year') {
      const v = value();
      if (!/^\d{4}$/.test(v)) fail(`Tahun tidak valid: ${v}`);
      out.year = Number(v);
    } else if (flag === '--opd') out.opd = value();
    else if (flag === '--as-of' || flag === '--asOf') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`Tanggal tidak valid (YYYY-MM-DD): ${v}`);
      out.asOf = v;
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`Opsi tidak dikenal: ${a}`);
  }
  if (out.year === undefined) fail('--year wajib diisi.');
  return out as { year: number; opd?: string; asOf?: string; json: boolean };
}

function table(r: IndicatorResult): string {
  const f = (v: number | null) => (v == null ? '—' : String(roundForDisplay(v)));
  const lines = [
    `Indikator ${r.year}, posisi ${r.asOf}, ${r.opd ? `${r.opd.nama} (${r.opd.kode})` : 'seluruh instansi'} — ASN aktif ${r.population}`,
    '',
    `${'Indikator'.padEnd(32)} ${'Realisasi'.padStart(10)} ${'Target'.padStart(8)} ${'Capaian'.padStart(8)} ${String(r.previous.year).padStart(8)}  Rumus`,
  ];
  for (const k of INDICATOR_KEYS) {
    const i = r.indicators[k];
    lines.push(
      `${i.label.padEnd(32)} ${f(i.value).padStart(10)} ${f(i.target).padStart(8)} ${f(i.capaian).padStart(8)} ${f(r.previous.indicators[k].value).padStart(8)}  ${i.formula}${i.flags.length ? `  [${flagText(i.flags)}]` : ''}`,
    );
  }
  return lines.join('\n');
}

const args = parseArgs(process.argv.slice(2));
runCli(
  USAGE,
  async (db) => {
    const result = await computeIndicators(db, { year: args.year, opd: args.opd, asOf: args.asOf });
    process.stdout.write(`${args.json ? JSON.stringify(result) : table(result)}\n`);
  },
  { poolSize: 10 },
);
