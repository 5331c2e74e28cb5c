// npm run restore -- <backup directory> --yes: replaces the database and the local document store with the backup's.
import 'dotenv/config';
import { restore } from '../ops/backup.ts';
import { backupTargets, usage } from './backup-env.ts';

const USAGE = 'npm run restore -- <backup directory> --yes   (stop the API and the worker first)';
const args = process.argv.slice(2);
const from = args.find((a) => !a.startsWith('--'));
if (!from || args.some((a) => a.startsWith('--') && a !== '--yes')) usage(USAGE);
if (!args.includes('--yes')) {
  console.error(`Restoring replaces every table and document with the backup's. Add --yes to go on.\n${USAGE}`);
  process.exit(1);
}
const { databaseUrl, storageDir } = backupTargets();
restore({ databaseUrl, storageDir, from }).then(
  (m) => console.log(`Restored the backup of ${m.createdAt} into ${new URL(databaseUrl).pathname.slice(1)}${storageDir ? ` and ${storageDir}` : ''}.`),
  (err: Error) => {
    console.error(`Restore failed: ${err.message}`);
    process.exit(1);
  },
);
