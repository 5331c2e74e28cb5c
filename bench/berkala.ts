/**
 * e-Berkala benchmarks, each printed as a ratio against a baseline measured in the same run.
 *
 *   npx tsx bench/berkala.ts [employees=100000] [letters=200] [rounds=5]
 *
 * 1. KGB scan over a generated regency (deterministic demo generator) in a fresh database:
 *    first run (creates the drafts) and rerun (creates nothing), against one hand-written SQL
 *    pass that reads the same rows the scan reads (employee + latest KGB via LATERAL), warm and
 *    the median of `rounds` (bench/kgb-scan.ts measures the scan alone, reruns as a median too).
 * 2. Letters rendered per second by one worker (renderKgbLetter: pdfkit + QR), against rendering
 *    a one-page pdfkit document with only the same text (no QR, no layout work): `rounds`
 *    interleaved rounds of letters/rounds each after a warm-up, medians.
 */
import PDFDocument from 'pdfkit';
import pg from 'pg';
import { seedDemo } from '../prisma/seed/demo.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createDb } from '../server/src/db.ts';
import { renderKgbLetter, type KgbLetterData } from '../server/src/modules/berkala/letter.ts';
import { runKgbScan } from '../server/src/modules/berkala/scan.ts';

const N = Number(process.argv[2] ?? 100_000);
const LETTERS = Number(process.argv[3] ?? 200);
const ROUNDS = Number(process.argv[4] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `simak_bench_berkala_${process.pid}`;
const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
const TODAY = '2026-11-30';

const time = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
};

async function main() {
  await applyMigrations(url);
  const seeded = await time(() => seedDemo({ databaseUrl: url, employees: N, today: '2026-11-30' }));
  console.log(`seeded ${N} employees in ${(seeded.ms / 1000).toFixed(1)} s`);
  const db = createDb(url, 4);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const read = () =>
      client.query(`SELECT e.id, e.golongan, e.tmt_golongan, e.mkg_tahun, e.mkg_bulan, k.tmt, k.mkg_tahun, k.mkg_bulan
        FROM employee e LEFT JOIN LATERAL (SELECT tmt, mkg_tahun, mkg_bulan FROM riwayat_kgb WHERE employee_id = e.id AND tmt >= e.tmt_golongan ORDER BY tmt DESC LIMIT 1) k ON true
        WHERE e.status_kepegawaian IN ('PNS','CPNS') AND e.tmt_berhenti IS NULL AND e.golongan IS NOT NULL`);
    await read(); // warm
    const samples: Awaited<ReturnType<typeof time<Awaited<ReturnType<typeof read>>>>>[] = [];
    for (let i = 0; i < ROUNDS; i++) samples.push(await time(read));
    samples.sort((a, b) => a.ms - b.ms);
    const baseline = samples[Math.floor(samples.length / 2)]!;
    const first = await time(() => runKgbScan(db, { today: TODAY }));
    const rerun = await time(() => runKgbScan(db, { today: TODAY }));
    console.log(`\nKGB scan of ${N} employees (${first.r.scanned} PNS/CPNS scanned)`);
    console.log(`  baseline SQL read of the same rows, warm, median of ${ROUNDS}: ${baseline.ms.toFixed(0)} ms (${baseline.r.rowCount} rows)`);
    console.log(`  first run: ${first.ms.toFixed(0)} ms, created ${first.r.created} (postponed ${first.r.postponed})  → ${(first.ms / baseline.ms).toFixed(1)}× baseline`);
    console.log(`  rerun:     ${rerun.ms.toFixed(0)} ms, created ${rerun.r.created}, already present ${rerun.r.alreadyPresent}  → ${(rerun.ms / baseline.ms).toFixed(1)}× baseline`);
  } finally {
    await client.end();
    await db.$disconnect();
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }

  const letter = {
    number: '822.4/0001/427.45/2026',
    date: TODAY,
    verifyUrl: 'https://simak.example.go.id/verifikasi/surat/3qHsC9d1UoBg0jYaOTrVoQ',
    letterhead: { pemda: 'PEMERINTAH KABUPATEN LUMAJANG', instansi: 'BADAN KEPEGAWAIAN DAERAH', alamat: 'Jl. Alun-Alun Utara No. 1', kota: 'Lumajang' },
  };
  const data: KgbLetterData = {
    signer: { nama: 'Drs. H. Mochamad Hasan, M.Si.', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '196805121993031007', pangkat: 'Pembina Utama Muda (IV/c)' },
    nip: '199405172019012001',
    nama: 'Siti Rahmawati, S.Kom.',
    namaJabatan: 'Pranata Komputer Ahli Pertama',
    opd: 'Dinas Kesehatan',
    golongan: 'III/b',
    gajiPokokLama: 3186600,
    gajiPokokBaru: 3287000,
    mkgTahun: 8,
    mkgBulan: 0,
    tmt: '2027-01-01',
    basis: { kind: 'KGB', tmt: '2025-01-01', mkgTahun: 6, mkgBulan: 0 },
    regulation: 'PP 5/2024',
  };
  const plain = () =>
    new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ size: 'A4' });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.text(JSON.stringify({ ...letter, ...data }));
      doc.end();
    });
  await renderKgbLetter(data, letter);
  await plain();
  const per = Math.max(1, Math.floor(LETTERS / ROUNDS));
  const baseMs: number[] = [];
  const realMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    baseMs.push(
      (
        await time(async () => {
          for (let i = 0; i < per; i++) await plain();
        })
      ).ms / per,
    );
    realMs.push(
      (
        await time(async () => {
          for (let i = 0; i < per; i++) await renderKgbLetter(data, { ...letter, number: `822.4/${r * per + i}/427.45/2026` });
        })
      ).ms / per,
    );
  }
  const base = median(baseMs);
  const real = median(realMs);
  console.log(`\nKGB letters, one worker, ${ROUNDS} interleaved rounds of ${per} letters (medians)`);
  console.log(`  baseline one-page pdfkit text document: ${(1000 / base).toFixed(0)} /s`);
  console.log(`  KGB letter (layout + QR code): ${(1000 / real).toFixed(0)} letters/s  → ${(real / base).toFixed(1)}× baseline time`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
