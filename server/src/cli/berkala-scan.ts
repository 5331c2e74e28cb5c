// npm run berkala:scan -- [--json] [--date YYYY-MM-DD]
// Runs the e-Berkala detection against DATABASE_URL and prints
// {"scanned": n, "created": n, "alreadyPresent": n, "postponed": n}.
import 'dotenv/config';
import { appToday } from '@simak/shared';
import { installClockFromEnvOrExit } from '../config.ts';
import { systemMeta } from '../audit/audit.ts';
import { createDb } from '../db.ts';
import { applyDueKgb } from '../modules/berkala/service.ts';
import { runKgbScan } from '../modules/berkala/scan.ts';

// The platform's clock: APP_TODAY when set, else the machine's date.
installClockFromEnvOrExit();
const args = process.argv.slice(2);
const json = args.includes('--json');
const dateIdx = args.indexOf('--date');
const date = dateIdx >= 0 ? args[dateIdx + 1]! : appToday();
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
  console.error('usage: npm run berkala:scan -- [--json] [--date YYYY-MM-DD]');
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set (see .env.example).');
  process.exit(2);
}
const db = createDb(process.env.DATABASE_URL, 4);
try {
  const r = await runKgbScan(db, {
    today: date,
    meta: systemMeta('cli:berkala:scan'),
    onBatch: json ? undefined : (n, s) => console.error(`batch ${n}: scanned ${s.scanned}, created ${s.created}`),
  });
  await applyDueKgb(db, date);
  const out = { scanned: r.scanned, created: r.created, alreadyPresent: r.alreadyPresent, postponed: r.postponed };
  console.log(json ? JSON.stringify(out) : `KGB scan ${date}: ${out.scanned} scanned, ${out.created} created, ${out.alreadyPresent} already present, ${out.postponed} postponed`);
} finally {
  await db.$disconnect();
}
