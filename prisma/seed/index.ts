// npm run db:seed [-- --employees N] [--today YYYY-MM-DD] [--if-empty] [--stats]
// Seeds DATABASE_URL with the deterministic demo regency, dated to today (APP_TODAY when
// set, or --today), and prints the demo accounts.
import 'dotenv/config';
import { appToday, isValidDate } from '@simak/shared';
import pg from 'pg';
import { installClockFromEnvOrExit, loadConfig } from '../../server/src/config.ts';
import { bringDemoToLife } from './living.ts';
import { DEFAULT_DEMO_EMPLOYEES, formatAccountsTable, listDemoAccounts, seedDemo } from './demo.ts';
import { demoStats } from './stats.ts';

installClockFromEnvOrExit();

function parseArgs(argv: string[]) {
  const out = { employees: DEFAULT_DEMO_EMPLOYEES, ifEmpty: false, stats: false, bare: false, today: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--if-empty') out.ifEmpty = true;
    else if (a === '--stats') out.stats = true;
    else if (a === '--bare') out.bare = true;
    else if (a === '--employees' || a.startsWith('--employees=')) {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`--employees needs a positive integer, got ${v}`);
      out.employees = n;
    } else if (a === '--today' || a.startsWith('--today=')) {
      const v = value();
      if (!v || !isValidDate(v)) throw new Error(`--today needs a date YYYY-MM-DD, got ${v}`);
      out.today = v;
    } else if (a === '--help' || a === '-h') {
      console.log('Usage: tsx prisma/seed/index.ts [--employees N] [--today YYYY-MM-DD] [--if-empty] [--stats] [--bare]');
      console.log('  --bare   only the records: no KGB scan, indicator facts or e-Pangkat demo proposals');
      console.log('  --today  the day to date the regency to (default: APP_TODAY, else the current date in Asia/Jakarta)');
      process.exit(0);
    } else {
      throw new Error(`unknown option ${a}`);
    }
  }
  return out;
}

async function opdCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM "opd"')).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (see .env.example).');

  const existing = args.ifEmpty ? await opdCount(databaseUrl) : 0;
  if (existing > 0) {
    console.log(`Seed skipped: table opd already has ${existing} rows.`);
  } else {
    const started = performance.now();
    const today = args.today ?? appToday();
    const result = await seedDemo({ databaseUrl, employees: args.employees, today, log: (m) => console.log(`  ${m}`) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${result.opds} OPDs, ${result.employees} employees, ${result.historyRows} history rows and ${result.users} user accounts in ${seconds} s.`);
    console.log(`Demo regency dated to ${result.refDate} (seeded for ${result.today}).`);
    if (!args.bare) {
      // KGB drafts, indicator facts and e-Pangkat proposals (the server's own services, its configured storage).
      const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: process.env.SESSION_SECRET ?? 'seed-only-secret-not-used-for-sessions' });
      await bringDemoToLife(config, (m) => console.log(`  ${m}`));
    }
  }
  if (args.stats) {
    const { lines, problems } = await demoStats(databaseUrl);
    console.log(`\n${lines.join('\n')}`);
    if (problems.length) {
      console.log(`\n${problems.length} consistency problems, e.g.:\n  ${problems.slice(0, 10).join('\n  ')}`);
      process.exitCode = 1;
    }
  }
  const accounts = await listDemoAccounts(databaseUrl);
  if (accounts.length) console.log(`\nDemo accounts:\n${formatAccountsTable(accounts)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
