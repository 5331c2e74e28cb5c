// npm run gaji:load -- <file.csv> --regulation "PP 5/2024" --effective 2024-01-01 [--replace]
// Loads a basic-salary table (CSV with header golongan,mkg,gaji_pokok) as reference data: the
// KGB rules pick the table in force on each TMT by its effective date, so a new regulation
// needs no code change. Prints the row count; exits non-zero on any invalid row.
import 'dotenv/config';
import { isGolongan } from '@simak/shared';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { systemMeta, writeAudit } from '../audit/audit.ts';
import { createDb } from '../db.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !['--regulation', '--effective'].includes(args[i - 1] ?? ''));
const regulation = opt('--regulation');
const effective = opt('--effective');
if (!file || !regulation || !effective || !/^\d{4}-\d{2}-\d{2}$/.test(effective)) {
  console.error('usage: npm run gaji:load -- <file.csv> --regulation "PP 5/2024" --effective YYYY-MM-DD [--replace]');
  process.exit(2);
}
const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
const errors: string[] = [];
const rows = records.map((r, i) => {
  const golongan = r.golongan ?? '';
  const mkg = Number(r.mkg);
  const gajiPokok = Number(r.gaji_pokok);
  if (!isGolongan(golongan)) errors.push(`baris ${i + 2}: golongan "${golongan}" tidak dikenal`);
  if (!Number.isInteger(mkg) || mkg < 0 || mkg > 40) errors.push(`baris ${i + 2}: mkg "${r.mkg}" tidak valid`);
  if (!Number.isInteger(gajiPokok) || gajiPokok <= 0) errors.push(`baris ${i + 2}: gaji_pokok "${r.gaji_pokok}" tidak valid`);
  return { golongan, mkg, gajiPokok };
});
if (!rows.length) errors.push('berkas tidak berisi baris data (header: golongan,mkg,gaji_pokok)');
if (errors.length) {
  for (const e of errors) console.error(e);
  process.exit(1);
}
const db = createDb(process.env.DATABASE_URL ?? '', 2);
try {
  const effectiveFrom = new Date(`${effective}T00:00:00Z`);
  const table = await db.$transaction(async (tx) => {
    const existing = await tx.gajiPokokTable.findUnique({ where: { effectiveFrom } });
    if (existing && !args.includes('--replace')) throw new Error(`a table effective ${effective} exists (${existing.regulation}); use --replace`);
    if (existing) await tx.gajiPokokTable.delete({ where: { id: existing.id } });
    const t = await tx.gajiPokokTable.create({ data: { regulation, effectiveFrom, rows: { createMany: { data: rows } } } });
    await writeAudit(tx, systemMeta('cli:gaji:load'), { action: 'gaji_pokok_table.loaded', entityType: 'gaji_pokok_table', entityId: t.id, after: { regulation, effective, rows: rows.length } });
    return t;
  });
  console.log(`Loaded ${rows.length} rows: ${table.regulation}, effective ${effective}.`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
