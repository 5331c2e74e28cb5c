// npm run backup [-- --out <dir>]: the database (pg_dump) and the local document store (tar) into one directory.
import 'dotenv/config';
import path from 'node:path';
import { backup } from '../ops/backup.ts';
import { backupTargets, usage } from './backup-env.ts';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
if (args.some((a, i) => a !== '--out' && (outIdx < 0 || i !== outIdx + 1))) usage('npm run backup [-- --out <directory>]');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const out = outIdx >= 0 ? args[outIdx + 1] : path.join('backups', `simak-${stamp}`);
if (!out) usage('npm run backup [-- --out <directory>]');
const { databaseUrl, storageDir } = backupTargets();
backup({ databaseUrl, storageDir, outDir: out }).then(
  ({ dir, manifest }) => {
    const docs = manifest.storage ? `${manifest.storage.files} documents (${manifest.storage.bytes} bytes)` : 'no document store (STORAGE_DRIVER=s3: back up the bucket with its own tools)';
    console.log(`Backup written to ${dir}: database ${manifest.database.bytes} bytes, ${docs}.`);
  },
  (err: Error) => {
    console.error(`Backup failed: ${err.message}`);
    process.exit(1);
  },
);
