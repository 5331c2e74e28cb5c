/**
 * The retirement forecast from the command line (the same computation as GET /api/pensiun/forecast):
 *
 *   npm run pensiun:forecast -- [--months 24] [--as-of YYYY-MM-DD] [--opd KODE] [--json]
 *
 * Uses DATABASE_URL (.env is read). --json prints one JSON object:
 *   { "asOf": "YYYY-MM-DD", "months": 24, "count": N, "items": [{ "nip", "nama", "opd", "bup", "tmtPensiun", "dueDate" }] }
 * ("opd" is the OPD code); without it, a table. Exits 0 on success, 1 when refused (unknown OPD),
 * 2 on a usage error or an unexpected failure.
 */
import 'dotenv/config';
// The request types first (the pension definition reaches the letters, which reach the registry back).
import '../workflow/registry.ts';
import { appToday, isValidDate } from '@simak/shared';
import { forecastForCli } from '../modules/pensiun/service.ts';
import { runCli, usageError } from './run.ts';

const USAGE = 'Pemakaian: npm run pensiun:forecast -- [--months 24] [--as-of YYYY-MM-DD] [--opd KODE] [--json]';
const fail = (message: string): never => usageError(USAGE, message);

function parseArgs(argv: string[]) {
  const out: { months: number; asOf?: string; opd?: string; json: boolean } = { months: 24, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`Opsi ${flag} memerlukan nilai.`);
    if (flag === '--json') out.json = true;
    else if (flag === '--months') {
      const v = value();
      if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 120) fail(`Jangka bulan tidak valid (1–120): ${v}`);
      out.months = Number(v);
    } else if (flag === '--as-of') {
      const v = value();
      if (!isValidDate(v)) fail(`Tanggal tidak valid (YYYY-MM-DD): ${v}`);
      out.asOf = v;
    } else if (flag === '--opd') out.opd = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`Opsi tidak dikenal: ${a}`);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
runCli(USAGE, async (db) => {
  const out = await forecastForCli(db, { asOf: args.asOf ?? appToday(), months: args.months, opd: args.opd });
  if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  else {
    const lines = [`Perkiraan pensiun per ${out.asOf}, ${out.months} bulan${args.opd ? ` — ${args.opd}` : ''}: ${out.count} pegawai`, ''];
    for (const r of out.items) lines.push(`${r.nip}  BUP ${r.bup}  TMT ${r.tmtPensiun}  berkas ${r.dueDate}  ${r.opd.padEnd(10)}  ${r.nama}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
});
