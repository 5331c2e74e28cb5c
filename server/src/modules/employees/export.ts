/** Streams a filtered employee list as CSV or XLSX, in id-ordered batches (constant memory). */
import { appToday } from '@simak/shared';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Db } from '../../db.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { presentEmployeeRow } from './presenter.ts';
import { listSelect } from './service.ts';

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: 'NIP', key: 'nip', width: 22 },
  { header: 'Nama', key: 'namaLengkap', width: 36 },
  { header: 'Status', key: 'statusKepegawaian', width: 10 },
  { header: 'Golongan', key: 'golongan', width: 10 },
  { header: 'Pangkat', key: 'pangkat', width: 24 },
  { header: 'Jenis Jabatan', key: 'jenisJabatan', width: 14 },
  { header: 'Jabatan', key: 'namaJabatan', width: 36 },
  { header: 'Eselon', key: 'eselon', width: 8 },
  { header: 'Kode OPD', key: 'opdKode', width: 14 },
  { header: 'OPD', key: 'opdNama', width: 40 },
];

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  // Guard against formula injection in spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

async function* batches(db: Db, where: Prisma.EmployeeWhereInput) {
  let lastId = 0;
  for (;;) {
    const rows = await db.employee.findMany({ where: { AND: [where, { id: { gt: lastId } }] }, select: listSelect, orderBy: { id: 'asc' }, take: 2000 });
    if (!rows.length) return;
    lastId = rows[rows.length - 1]!.id;
    yield rows.map((r) => {
      const p = presentEmployeeRow(r);
      return { ...p, opdKode: p.opd.kode, opdNama: p.opd.nama } as Record<string, unknown>;
    });
  }
}

export async function exportEmployees(db: Db, where: Prisma.EmployeeWhereInput, format: 'csv' | 'xlsx', res: Response) {
  // The platform's date (WIB, APP_TODAY in a demo), as in every other file name.
  const stamp = appToday();
  res.setHeader('Cache-Control', 'private, no-store');
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="pegawai-${stamp}.csv"`);
    res.write('\uFEFF' + COLUMNS.map((c) => csvCell(c.header)).join(',') + '\r\n');
    for await (const rows of batches(db, where)) {
      const chunk = rows.map((r) => COLUMNS.map((c) => csvCell(r[c.key])).join(',')).join('\r\n') + '\r\n';
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="pegawai-${stamp}.xlsx"`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const ws = wb.addWorksheet('Pegawai');
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const rows of batches(db, where)) for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}
