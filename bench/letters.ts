/**
 * Letters end to end (issue 15, part 6): the render job (finalize → rendered and stored:
 * letters.render — read the letter, claim it, render the PDF, store the file, and commit the
 * document, the links, the audit row and the kind's follow-up in one transaction) against the
 * raw rendering of the same letters (pdfkit + qrcode: the kind's render function alone, no
 * database, no storage), measured in the same run.
 *
 *   npx tsx bench/letters.ts [letters per round=40] [rounds=7] [concurrency=4]
 *       (TEST_DATABASE_BASE_URL or postgresql://postgres@127.0.0.1:5432)
 *
 * KGB letters are issued first (issueLetter, as finalization does), then, per round and
 * interleaved: `raw` renders `n` letters one after the other; `e2e` runs the job for the same
 * `n` letters one after the other (one job at a time); `e2e ×c` runs it for `n` other letters
 * with `c` jobs at a time, as the worker does (WORKER_CONCURRENCY, default 4: the database and
 * file waits of one job overlap another's rendering; rendering itself stays on one core). One
 * warm-up round is not counted; the figures are the medians of the rounds' per-letter times.
 * Goal: end to end ≥ 80 % of raw (raw time / end-to-end time).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import type { Config } from '../server/src/config.ts';
import { createDb } from '../server/src/db.ts';
import type { JobCtx } from '../server/src/jobs/types.ts';
import { renderLetter } from '../server/src/modules/letters/jobs.ts';
import { letterVerifyUrl } from '../server/src/modules/letters/format.ts';
import { requireLetterKind } from '../server/src/modules/letters/service.ts';
import { agencyLetterhead } from '../server/src/pdf/index.ts';
import { createStorage } from '../server/src/storage/storage.ts';
import { issueKgbLetters } from '../test/support/letters.ts';

const PER_ROUND = Number(process.argv[2] ?? 40);
const ROUNDS = Number(process.argv[3] ?? 7);
const CONCURRENCY = Number(process.argv[4] ?? 4);
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const name = `simak_bench_letters_${process.pid}`;
  const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await applyMigrations(url);
  const db = createDb(url, 4);
  const dir = await mkdtemp(path.join(tmpdir(), 'simak-bench-letters-'));
  try {
    const config = { PUBLIC_URL: 'https://simak.example.go.id', LETTER_CLAIM_STALE_SECONDS: 300, STORAGE_DRIVER: 'local', STORAGE_DIR: dir } as unknown as Config;
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const ctx = { db, config, storage: createStorage(config), logger: silent, attempt: 1 } as unknown as JobCtx;

    const total = PER_ROUND * 2 * (ROUNDS + 1);
    const t0 = performance.now();
    const ids = await issueKgbLetters(db, total);
    console.log(`${total} KGB letters issued in ${((performance.now() - t0) / 1000).toFixed(1)} s (one employee and request each)`);
    await db.$executeRawUnsafe('ANALYZE');

    // raw: the same letters rendered by the kind's render function alone (pdfkit + qrcode), inputs in memory.
    const rows = await db.letter.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
    const letterhead = await agencyLetterhead(db);
    const raw = async (batch: typeof rows) => {
      for (const row of batch) {
        const letter = requireLetterKind(row.kind).bind(row);
        await letter.render({ number: row.number, date: letter.record.date, verifyUrl: letterVerifyUrl(config.PUBLIC_URL, row.token), letterhead });
      }
    };
    const e2e = async (batch: number[]) => {
      for (const id of batch) {
        const r = await renderLetter(id, ctx);
        if (r.status !== 'done') throw new Error(`letter ${id}: ${JSON.stringify(r)}`);
      }
    };

    const e2eConcurrent = async (batch: number[]) => {
      const queue = [...batch];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
            const r = await renderLetter(id, ctx);
            if (r.status !== 'done') throw new Error(`letter ${id}: ${JSON.stringify(r)}`);
          }
        }),
      );
    };

    const rawMs: number[] = [];
    const e2eMs: number[] = [];
    const conMs: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const at = round * 2 * PER_ROUND;
      const batch = ids.slice(at, at + PER_ROUND);
      const rawBatch = rows.slice(at, at + PER_ROUND);
      const other = ids.slice(at + PER_ROUND, at + 2 * PER_ROUND);
      let t = performance.now();
      await raw(rawBatch);
      const r = (performance.now() - t) / batch.length;
      t = performance.now();
      await e2e(batch);
      const e = (performance.now() - t) / batch.length;
      t = performance.now();
      await e2eConcurrent(other);
      const c = (performance.now() - t) / other.length;
      if (round > 0) {
        rawMs.push(r);
        e2eMs.push(e);
        conMs.push(c);
      }
    }
    const stored = await db.letter.count({ where: { id: { in: ids }, renderedAt: { not: null }, documentId: { not: null } } });
    const r = median(rawMs);
    const e = median(e2eMs);
    const c = median(conMs);
    console.log(`median of ${ROUNDS} rounds of ${PER_ROUND} letters each (one worker, after one warm-up round):`);
    console.log(`  raw pdfkit + qrcode (the KGB letter's render alone): ${r.toFixed(2)} ms/letter = ${(1000 / r).toFixed(0)} letters/s   [rounds: ${rawMs.map((x) => x.toFixed(1)).join(', ')}]`);
    console.log(`  end to end (letters.render: read, claim, render, store, commit): ${e.toFixed(2)} ms/letter = ${(1000 / e).toFixed(0)} letters/s   [rounds: ${e2eMs.map((x) => x.toFixed(1)).join(', ')}]`);
    console.log(`  end to end, ${CONCURRENCY} jobs at a time (the worker): ${c.toFixed(2)} ms/letter = ${(1000 / c).toFixed(0)} letters/s   [rounds: ${conMs.map((x) => x.toFixed(1)).join(', ')}]`);
    console.log(`  end to end at ${((r / e) * 100).toFixed(0)} % of raw one at a time, ${((r / c) * 100).toFixed(0)} % with ${CONCURRENCY} at a time (goal ≥ 80 %): ${r / c >= 0.8 ? 'met' : 'NOT met'}; ${stored} of ${total} letters rendered and stored`);
  } finally {
    await db.$disconnect();
    await rm(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
