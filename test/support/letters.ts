/** Issued KGB letters waiting for their render job, and what the reliability tests check about them. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { Db } from '../../server/src/db.ts';
import type { KgbLetterData } from '../../server/src/modules/berkala/letter.ts';
import { issueLetter } from '../../server/src/modules/letters/service.ts';
import { createEmployee, createOpd } from './factories.ts';

const SIGNER = { nama: 'Drs. H. Mochamad Hasan, M.Si.', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '196805121993031007', pangkat: 'Pembina Utama Muda (IV/c)' };

/** `n` KGB letters issued (each with its outbox row letters.render/<id>), one employee and request each. */
export async function issueKgbLetters(db: Db, n: number): Promise<number[]> {
  const opd = await createOpd(db);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = await createEmployee(db, { opdId: opd.id });
    const request = await db.workflowRequest.create({ data: { type: 'KGB', state: 'DITETAPKAN', employeeId: e.id, opdId: opd.id, title: 'KGB (uji)', payload: {} } });
    const data: KgbLetterData = {
      nip: e.nip,
      nama: e.nama,
      namaJabatan: null,
      opd: opd.nama,
      golongan: 'III/a',
      gajiPokokLama: 3_000_000,
      gajiPokokBaru: 3_100_000,
      mkgTahun: 4,
      mkgBulan: 0,
      tmt: '2027-01-01',
      basis: { kind: 'KGB', tmt: '2025-01-01', mkgTahun: 2, mkgBulan: 0 },
      regulation: null,
      signer: SIGNER,
    };
    const l = await db.$transaction((tx) => issueLetter(tx, { kind: 'KGB', requestId: request.id, employeeId: e.id, data, date: '2026-11-30' }));
    ids.push(l.id);
  }
  return ids;
}

/** Deletes every Redis key of the prefix: Redis restarted without its data, for this test only. */
export async function flushPrefix(redis: Redis, prefix: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Files (and leftover .part files) under the storage root that belong to these letters. */
export async function letterFiles(storageDir: string, letterIds: number[]): Promise<string[]> {
  const root = path.resolve(storageDir, 'letters');
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  const wanted = new Set(letterIds.map(String));
  return entries.filter((f) => wanted.has(/letter-(\d+)-/.exec(path.basename(f))?.[1] ?? '')).map((f) => `letters/${f}`);
}

/** Polls until `check` holds (or gives up and returns its last value): waits for a worker, never a timing assertion. */
export async function waitFor<T>(fn: () => Promise<T>, check: (v: T) => boolean, tries = 600, everyMs = 100): Promise<T> {
  let v = await fn();
  for (let i = 0; i < tries && !check(v); i++) {
    await new Promise((r) => setTimeout(r, everyMs));
    v = await fn();
  }
  return v;
}

/** Per letter: rendered once, one document, one request link, one audit row, the file of its document only. */
export async function renderedOnce(db: Db, storageDir: string, letterIds: number[]) {
  const letters = await db.letter.findMany({ where: { id: { in: letterIds } }, orderBy: { id: 'asc' } });
  const docs = await db.document.findMany({ where: { slotKey: { in: letterIds.map((id) => `SK_KGB:letter:${id}`) } } });
  const links = await db.requestDocument.count({ where: { requestId: { in: letters.map((l) => l.requestId) }, role: 'SURAT' } });
  const audits = await db.auditLog.count({ where: { entityType: 'letter', entityId: { in: letterIds.map(String) }, action: 'letter.rendered' } });
  const files = (await letterFiles(storageDir, letterIds)).sort();
  return {
    rendered: letters.filter((l) => l.renderedAt && l.documentId).length,
    documents: docs.length,
    links,
    audits,
    filesMatchDocuments: JSON.stringify(files) === JSON.stringify(docs.map((d) => d.storageKey).sort()),
    files: files.length,
  };
}
