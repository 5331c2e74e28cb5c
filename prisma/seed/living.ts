/**
 * What makes a freshly seeded demo regency a living platform on first login (run by `npm start`
 * and `npm run db:seed` after the seed): the first e-Berkala detection (KGB queue and dashboard),
 * the indicator facts of the dashboard's first years, e-Pangkat proposals and e-Pensiun files in every
 * state, the featured atasan's team's daily activities (some waiting for review) and a month of
 * attendance (recap, TPP basis, discipline warnings).
 */
import type { Config } from '../../server/src/config.ts';
import { createDb } from '../../server/src/db.ts';
import { runKgbScan } from '../../server/src/modules/berkala/scan.ts';
import { materializeYear } from '../../server/src/modules/indicators/compute.ts';
import { defaultMaterializedYears } from '../../server/src/modules/indicators/jobs.ts';
import { createStorage } from '../../server/src/storage/storage.ts';
import { seedAktivitasDemo } from './aktivitas-demo.ts';
import { seedKpDemo } from './kp-demo.ts';
import { seedPensiunDemo } from './pensiun-demo.ts';
import { seedPresensiDemo } from './presensi-demo.ts';

export async function bringDemoToLife(config: Config, log: (m: string) => void = () => undefined) {
  const db = createDb(config.DATABASE_URL, 2);
  try {
    const s = await runKgbScan(db);
    log(`e-Berkala scan: ${s.created} KGB drafts (${s.postponed} postponed) from ${s.scanned} PNS/CPNS.`);
    const years = defaultMaterializedYears();
    for (const year of years) await materializeYear(db, year);
    log(`Indicator facts materialized for ${years.join(' and ')}.`);
    await seedKpDemo({ db, storage: createStorage(config), log });
    await seedPensiunDemo({ db, storage: createStorage(config), log });
    await seedAktivitasDemo(db, log);
    await seedPresensiDemo({ db, log });
  } finally {
    await db.$disconnect();
  }
}
