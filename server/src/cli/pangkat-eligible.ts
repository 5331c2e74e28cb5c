/**
 * The KP eligibility list of a period from the command line (the same rules and scope as
 * GET /api/pangkat/eligible, for operators and scripts):
 *
 *   npm run pangkat:eligible -- --period YYYY-MM-DD [--opd KODE] [--json]
 *
 * Uses DATABASE_URL (.env is read). Covers every active PNS of the agency, or of the OPD and the
 * units under it. --json prints one JSON object:
 *   { "period": "YYYY-MM-DD", "eligible": [{ "nip", "nama", "from", "to", "jenis" }],
 *     "ineligible": [{ "nip", "nama", "reasons": ["…"] }] }
 * without it, a table. Exits 0 on success, 1 when refused (not a KP period, unknown OPD), 2 on a
 * usage error or an unexpected failure.
 */
import 'dotenv/config';
import { appToday, isValidDate, JENIS_KP_LABELS } from '@simak/shared';
import { eligibleForCli } from '../modules/pangkat/service.ts';
import { runCli, usageError } from './run.ts';

const USAGE = 'Pemakaian: npm run pangkat:eligible -- --period YYYY-MM-DD [--opd KODE] [--json]';

const fail = (message: string): never => usageError(USAGE, message);

function parseArgs(argv: string[]) {
  const out: { period?: string; opd?: string; json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`Opsi ${flag} memerlukan nilai.`);
    if (flag === '--json') out.json = true;
    else if (flag === '--period') {
      const v = value();
      if (!isValidDate(v)) fail(`Periode tidak valid (YYYY-MM-DD): ${v}`);
      out.period = v;
    } else if (flag === '--opd') out.opd = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else fail(`Opsi tidak dikenal: ${a}`);
  }
  if (!out.period) fail('--period wajib diisi.');
  return out as { period: string; opd?: string; json: boolean };
}

const args = parseArgs(process.argv.slice(2));
runCli(
  USAGE,
  async (db) => {
    const out = await eligibleForCli(db, args.period, args.opd, appToday());
    if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else {
      const lines = [`Periode KP ${out.period}${args.opd ? ` — ${args.opd}` : ''}: ${out.eligible.length} memenuhi syarat, ${out.ineligible.length} belum`, ''];
      for (const r of out.eligible) lines.push(`${r.nip}  ${r.from.padEnd(5)} → ${r.to.padEnd(5)}  ${JENIS_KP_LABELS[r.jenis].padEnd(24)}  ${r.nama}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  },
  { poolSize: 4 },
);
