/**
 * Import benchmark: 100,000 employees (plus their OPD file), generated
 * deterministically into /tmp, imported into a fresh database with the same engine
 * as the API/CLI (executeImport), against a baseline measured in the same run: a
 * plain COPY of the same CSV into a scratch table of text columns (warm: one unmeasured COPY
 * first; then the median of 5).
 *
 *   npx tsx bench/import.ts [rows]      (TEST_DATABASE_BASE_URL or postgresql://postgres@127.0.0.1:5432)
 *   BENCH_FACTS=1 npx tsx bench/import.ts [rows]   the same with the indicator facts of the current and
 *                                                  previous year materialized (the import keeps them at commit)
 *
 * Prints time, rows/s and peak RSS of the first import (everything created), of a
 * re-import (everything unchanged) and the ratio import time / COPY time.
 */
import { makeNip } from '@simak/shared';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import pg from 'pg';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createDb, type Db } from '../server/src/db.ts';
import { executeImport } from '../server/src/modules/imports/service.ts';
import { materializeYear } from '../server/src/modules/indicators/compute.ts';
import { defaultMaterializedYears } from '../server/src/modules/indicators/jobs.ts';

const ROWS = Number(process.argv[2] ?? 100_000);
const OPDS = 50;
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DIR = '/tmp';
const OPD_FILE = `${DIR}/simak-bench-opd.csv`;
const PEGAWAI_FILE = `${DIR}/simak-bench-pegawai-${ROWS}.csv`;

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ahmad', 'Budi', 'Siti', 'Dewi', 'Eko', 'Sri', 'Agus', 'Rina', 'Joko', 'Nur', 'Wahyu', 'Fitri', 'Hadi', 'Lestari', 'Yusuf'];
const LAST = ['Santoso', 'Wulandari', 'Prasetyo', 'Hidayat', 'Rahayu', 'Saputra', 'Kurniawan', 'Handayani', 'Setiawan', 'Maharani'];
const GOL = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];
const EDU = ['SMA', 'D3', 'S1', 'S1', 'S1', 'S2'];
const HEADER =
  'nip,nama,gelar_depan,gelar_belakang,jenis_kelamin,tempat_lahir,tanggal_lahir,status_kepegawaian,tmt_cpns,tmt_pns,tmt_pppk,' +
  'tmt_berhenti,jenis_berhenti,opd_kode,unit_kerja,jenis_jabatan,nama_jabatan,eselon,jenjang_fungsional,rumpun_fungsional,' +
  'tmt_jabatan,golongan,tmt_golongan,mkg_tahun,mkg_bulan,pendidikan_terakhir,jurusan,tahun_lulus,email,no_hp,atasan_nip';

const pad = (n: number) => String(n).padStart(2, '0');

async function writeLines(file: string, lines: Iterable<string>) {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function* opdLines() {
  yield 'kode,nama,induk_kode,alamat,latitude,longitude,radius_m';
  // Children before their parent (BENCH-00 is the root).
  for (let i = OPDS - 1; i >= 0; i--) {
    yield `BENCH-${pad(i)},Dinas Bench ${i},${i === 0 ? '' : 'BENCH-00'},Jl. Bench No. ${i},-8.1${pad(i)}000,113.2${pad(i)}000,200`;
  }
}

/** Employees; the head of each OPD comes last in the file, so atasan_nip points at later rows. */
function* pegawaiLines() {
  const rand = rng(20261130);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const used = new Set<string>();
  yield HEADER;
  const make = (i: number) => {
    const year = 1965 + Math.floor(rand() * 35);
    const birth = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const tmt = `${year + 19 + Math.floor(rand() * 10)}-${pad(1 + Math.floor(rand() * 12))}`;
    const gender = rand() < 0.5 ? 'L' : 'P';
    let seq = 1;
    let nip = makeNip({ birthDate: birth, tmtCpns: tmt, gender, seq });
    while (used.has(nip)) nip = makeNip({ birthDate: birth, tmtCpns: tmt, gender, seq: ++seq });
    used.add(nip);
    const opd = `BENCH-${pad(i % OPDS)}`;
    const gol = pick(GOL);
    const edu = pick(EDU);
    const nama = `${pick(FIRST)} ${pick(LAST)}`;
    const isHead = i < OPDS;
    const jenis = isHead ? 'STRUKTURAL' : 'PELAKSANA';
    const jabatan = isHead ? `Kepala Dinas Bench ${i}` : 'Pengadministrasi Umum';
    const eselon = isHead ? 'II.b' : '';
    return {
      nip,
      line: (atasan: string) =>
        [
          nip, nama, '', '', gender, 'Lumajang', birth, 'PNS', `${tmt}-01`, '', '', '', '', opd, '', jenis, jabatan, eselon, '', '',
          `${tmt}-01`, gol, `${tmt}-01`, String(Math.floor(rand() * 20)), String(Math.floor(rand() * 12)), edu, '', String(year + 18),
          '', '', atasan,
        ].join(','),
    };
  };
  // Heads first (kept), everyone else streamed, then the heads.
  const heads = Array.from({ length: Math.min(OPDS, ROWS) }, (_, i) => make(i));
  for (let i = OPDS; i < ROWS; i++) yield make(i).line(heads[i % OPDS]!.nip);
  for (const h of heads) yield h.line('');
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function importFile(db: Db, kind: 'opd' | 'pegawai', file: string) {
  const job = await db.importJob.create({
    data: { kind, mode: 'all-or-nothing', fileName: file.split('/').pop()!, storageKey: `cli/${file.split('/').pop()!}` },
  });
  const r = await executeImport(db, job.id, async () => createReadStream(file));
  if (r.status !== 'DONE') throw new Error(`${kind} import ${r.status}: ${JSON.stringify(r.outcome)}`);
  return r.outcome!;
}

async function main() {
  const name = `simak_bench_import_${process.pid}`;
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();

  await writeLines(OPD_FILE, opdLines());
  await writeLines(PEGAWAI_FILE, pegawaiLines());
  await applyMigrations(dbUrl);
  const db = createDb(dbUrl, 4);
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  try {
    await importFile(db, 'opd', OPD_FILE);
    if (process.env.BENCH_FACTS) for (const y of defaultMaterializedYears()) await materializeYear(db, y);
    const rssBefore = process.resourceUsage().maxRSS;
    const first = await timed(() => importFile(db, 'pegawai', PEGAWAI_FILE));
    const rssPeak = process.resourceUsage().maxRSS;
    const again = await timed(() => importFile(db, 'pegawai', PEGAWAI_FILE));

    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const cols = HEADER.split(',').map((c) => `${c} text`).join(', ');
    await client.query(`CREATE TABLE bench_copy (${cols})`);
    // Baseline: warm (one unmeasured COPY first, the file in the page cache), then the median of 5.
    const copyOnce = async () => {
      await client.query('TRUNCATE bench_copy');
      return timed(() => client.query(`COPY bench_copy FROM '${PEGAWAI_FILE}' WITH (FORMAT csv, HEADER true)`));
    };
    await copyOnce();
    const copies: { ms: number; value: pg.QueryResult }[] = [];
    for (let i = 0; i < 5; i++) copies.push(await copyOnce());
    copies.sort((a, b) => a.ms - b.ms);
    const copy = copies[2]!;
    const copied = copy.value.rowCount;
    await client.end();

    const c1 = first.value.counts;
    const c2 = again.value.counts;
    const line = (label: string, ms: number) => `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US').padStart(9)} rows/s`;
    console.log(`Import benchmark${process.env.BENCH_FACTS ? ' (indicator facts of two years kept)' : ''}: ${ROWS.toLocaleString('en-US')} employees (${PEGAWAI_FILE}), PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version}`);
    console.log(line('first import (all created)', first.ms), `  created ${c1.created}, warnings ${c1.warnings}`);
    console.log(line('re-import (all unchanged)', again.ms), `  unchanged ${c2.unchanged}`);
    console.log(line(`baseline COPY (${copied} rows, text; warm, median of 5)`, copy.ms));
    console.log(`ratio import / COPY                ${(first.ms / copy.ms).toFixed(1)}x (re-import ${(again.ms / copy.ms).toFixed(1)}x)`);
    console.log(`peak RSS                           ${mb(rssPeak)} (before the import ${mb(rssBefore)})`);
    const counts = await db.$queryRawUnsafe<{ t: string; n: number }[]>(
      `SELECT 'employee' t, count(*)::int n FROM employee UNION ALL SELECT 'app_user', count(*)::int FROM app_user
       UNION ALL SELECT 'riwayat_pangkat', count(*)::int FROM riwayat_pangkat UNION ALL SELECT 'audit_log', count(*)::int FROM audit_log`,
    );
    console.log(`rows written: ${counts.map((r) => `${r.t} ${r.n}`).join(', ')}`);
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await rm(PEGAWAI_FILE, { force: true });
    await rm(OPD_FILE, { force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
