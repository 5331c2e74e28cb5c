/**
 * Backup and restore of the database (pg_dump / pg_restore, custom format) and the local document
 * store (tar). A backup is a directory: database.dump, storage.tar and manifest.json with each
 * file's SHA-256, checked before a restore touches anything. A restore replaces the database's
 * objects in one transaction (pg_restore --clean --single-transaction) and swaps the document
 * store for the backup's (extracted next to it first, then renamed into place).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

export interface Manifest {
  format: 'simak-backup/1';
  createdAt: string;
  database: { file: string; bytes: number; sha256: string };
  /** null: the documents live in S3 (back the bucket up with its own tools). */
  storage: { file: string; bytes: number; sha256: string; files: number } | null;
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** pg_dump / pg_restore take the URL as --dbname; libpq does not know Prisma's own parameters. */
function libpqUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  for (const k of ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer']) u.searchParams.delete(k);
  return u.toString();
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && !e.name.endsWith('.part')).length;
}

export async function backup(opts: { databaseUrl: string; storageDir: string | null; outDir: string }): Promise<{ dir: string; manifest: Manifest }> {
  const dir = path.resolve(opts.outDir);
  if (existsSync(dir) && (await readdir(dir)).length) throw new Error(`${dir} already exists and is not empty`);
  await mkdir(dir, { recursive: true });
  const dbFile = path.join(dir, 'database.dump');
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${dbFile}`, `--dbname=${libpqUrl(opts.databaseUrl)}`], { maxBuffer: MAX_BUFFER });
  let storage: Manifest['storage'] = null;
  if (opts.storageDir) {
    const root = path.resolve(opts.storageDir);
    await mkdir(root, { recursive: true });
    const tarFile = path.join(dir, 'storage.tar');
    // Half-written files ("<key>.part") are not documents.
    await run('tar', ['--create', `--file=${tarFile}`, '--exclude=*.part', `--directory=${root}`, '.'], { maxBuffer: MAX_BUFFER });
    storage = { file: 'storage.tar', bytes: (await stat(tarFile)).size, sha256: await sha256File(tarFile), files: await countFiles(root) };
  }
  const manifest: Manifest = {
    format: 'simak-backup/1',
    createdAt: new Date().toISOString(),
    database: { file: 'database.dump', bytes: (await stat(dbFile)).size, sha256: await sha256File(dbFile) },
    storage,
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

export async function readManifest(from: string): Promise<Manifest> {
  const m = JSON.parse(await readFile(path.join(from, 'manifest.json'), 'utf8')) as Manifest;
  if (m.format !== 'simak-backup/1') throw new Error(`${from}: not a SIMAK backup (format ${String(m.format)})`);
  for (const part of [m.database, m.storage]) {
    if (!part) continue;
    const file = path.join(from, path.basename(part.file));
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    if ((await sha256File(file)) !== part.sha256) throw new Error(`${file} does not match its checksum in manifest.json`);
  }
  return m;
}

export async function restore(opts: { databaseUrl: string; storageDir: string | null; from: string }): Promise<Manifest> {
  const from = path.resolve(opts.from);
  const m = await readManifest(from);
  if (opts.storageDir && !m.storage) throw new Error('the backup holds no document store (it was taken with STORAGE_DRIVER=s3)');
  // Extract the documents first: a bad archive stops the restore before the database is touched.
  let staged: string | null = null;
  const root = opts.storageDir ? path.resolve(opts.storageDir) : null;
  if (root && m.storage) {
    staged = `${root}.restore-${process.pid}-${Date.now()}`;
    await mkdir(staged, { recursive: true });
    await run('tar', ['--extract', `--file=${path.join(from, path.basename(m.storage.file))}`, `--directory=${staged}`, '--no-same-owner'], { maxBuffer: MAX_BUFFER });
  }
  try {
    await run(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${libpqUrl(opts.databaseUrl)}`, path.join(from, path.basename(m.database.file))],
      { maxBuffer: MAX_BUFFER },
    );
  } catch (err) {
    if (staged) await rm(staged, { recursive: true, force: true });
    throw err;
  }
  if (root && staged) {
    const old = `${root}.before-restore-${process.pid}-${Date.now()}`;
    if (existsSync(root)) await rename(root, old);
    await rename(staged, root);
    await rm(old, { recursive: true, force: true });
  }
  return m;
}
