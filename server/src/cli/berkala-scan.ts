// npm run berkala:scan -- [--json] [--date YYYY-MM-DD]
// Runs the e-Berkala detection against DATABASE_URL and prints
// {"scanned": n, "created": n, "alreadyPresent": n, "postponed": n}.
import 'dotenv/config';
import { appToday, isValidDate } from '@simak/shared';
import { systemMeta } from '../audit/audit.ts';
import { applyDueKgb } from '../modules/berkala/service.ts';
import { runKgbScan } from '../modules/berkala/scan.ts';
import { runCli, usageError } from './run.ts';

const USAGE = 'usage: npm run berkala:scan -- [--json] [--date YYYY-MM-DD]';
const args = process.argv.slice(2);
const json = args.includes('--json');
const dateIdx = args.indexOf('--date');
const given = dateIdx >= 0 ? (args[dateIdx + 1] ?? '') : null;
if (given !== null && !isValidDate(given)) usageError(USAGE, `not a real date: ${given}`);

runCli(USAGE, async (db) => {
  // Without --date: today by the platform's clock (APP_TODAY when set).
  const date = given ?? appToday();
  const r = await runKgbScan(db, {
    today: date,
    meta: systemMeta('cli:berkala:scan'),
    onBatch: json ? undefined : (n, s) => console.error(`batch ${n}: scanned ${s.scanned}, created ${s.created}`),
  });
  await applyDueKgb(db, date);
  const out = { scanned: r.scanned, created: r.created, alreadyPresent: r.alreadyPresent, postponed: r.postponed };
  console.log(json ? JSON.stringify(out) : `KGB scan ${date}: ${out.scanned} scanned, ${out.created} created, ${out.alreadyPresent} already present, ${out.postponed} postponed`);
});
