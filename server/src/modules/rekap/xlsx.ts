/** The recap, the TPP basis and the discipline list as XLSX workbooks (exceljs), for the finance office and the OPDs. */
import { formatBulanTahun, formatTanggal, type IsoDate, type YearMonth } from '@simak/shared';
import { TPP_CLASS_LABEL } from '@simak/shared/rules/tpp';
import ExcelJS from 'exceljs';
import type { DisiplinResult, RecapResult, TppResultSet } from './service.ts';

const RUPIAH = '#,##0';

function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(headers).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

const book = () => Object.assign(new ExcelJS.Workbook(), { creator: 'SIMAK BKD' });
const out = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

export async function recapXlsx(r: RecapResult): Promise<Buffer> {
  const wb = book();
  const title = `Rekap presensi ${formatBulanTahun(r.month as YearMonth)}${r.opd ? ` — ${r.opd.nama}` : ''} (hari kerja: ${r.hariKerja})`;
  const ws = sheet(wb, 'Per pegawai', title, ['NIP', 'Nama', 'Jabatan', 'Kode OPD', 'OPD', 'Hari kerja', 'Hadir', 'Terlambat (hari)', 'Terlambat (menit)', 'Pulang cepat (hari)', 'Pulang cepat (menit)', 'Tanpa keterangan', 'Cuti', 'Dinas luar']);
  for (const x of r.rows) {
    ws.addRow([x.employee.nip, x.employee.nama, x.employee.jabatan, x.employee.opd.kode, x.employee.opd.nama, x.hariKerja, x.hadir, x.terlambatHari, x.terlambatMenit, x.pulangCepatHari, x.pulangCepatMenit, x.tanpaKeterangan, x.cuti, x.dinasLuar]);
  }
  ws.getColumn(1).numFmt = '@';
  ws.columns.forEach((c, i) => (c.width = [22, 36, 30, 12, 40][i] ?? 14));
  const po = sheet(wb, 'Per OPD', title, ['Kode OPD', 'OPD', 'Pegawai', 'Hadir', 'Terlambat (hari)', 'Terlambat (menit)', 'Pulang cepat (hari)', 'Tanpa keterangan', 'Cuti', 'Dinas luar']);
  for (const o of r.opds) po.addRow([o.opd.kode, o.opd.nama, o.pegawai, o.hadir, o.terlambatHari, o.terlambatMenit, o.pulangCepatHari, o.tanpaKeterangan, o.cuti, o.dinasLuar]);
  po.columns.forEach((c, i) => (c.width = [12, 48][i] ?? 14));
  return out(wb);
}

export async function tppXlsx(r: TppResultSet): Promise<Buffer> {
  const wb = book();
  const title = `Dasar perhitungan TPP ${formatBulanTahun(r.month as YearMonth)}${r.opd ? ` — ${r.opd.nama}` : ''}`;
  const ws = sheet(wb, 'TPP', title, [
    'NIP', 'Nama', 'Kode OPD', 'OPD', 'Kelas jabatan', 'Besaran dasar (Rp)',
    'TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'Tanpa keterangan (hari)',
    'Potongan terlambat (%)', 'Potongan pulang cepat (%)', 'Potongan tanpa keterangan (%)', 'Potongan total (%)',
    'Potongan terlambat (Rp)', 'Potongan pulang cepat (Rp)', 'Potongan tanpa keterangan (Rp)', 'Potongan (Rp)', 'TPP diterima (Rp)',
  ]);
  for (const x of r.rows) {
    ws.addRow([
      x.employee.nip, x.employee.nama, x.employee.opd.kode, x.employee.opd.nama, TPP_CLASS_LABEL[x.kelas], x.base,
      ...x.tl, ...x.psw, x.tanpaKeterangan,
      x.persen.terlambat, x.persen.pulangCepat, x.persen.tanpaKeterangan, x.persenTotal,
      x.potonganPerJenis.terlambat, x.potonganPerJenis.pulangCepat, x.potonganPerJenis.tanpaKeterangan, x.potongan, x.jumlah,
    ]);
  }
  const total = ws.addRow(['', 'Jumlah', '', '', '', r.totals.base, ...Array(17).fill(null), r.totals.potongan, r.totals.jumlah]);
  total.font = { bold: true };
  ws.getColumn(1).numFmt = '@';
  for (const c of [6, 20, 21, 22, 23, 24]) ws.getColumn(c).numFmt = RUPIAH;
  ws.columns.forEach((c, i) => (c.width = [22, 36, 12, 40, 26, 18][i] ?? 12));
  const cfg = wb.addWorksheet('Ketentuan');
  const p = r.config.potongan;
  cfg.addRow(['Dasar hukum', p.dasarHukum]);
  cfg.addRow(['Terlambat TL1–TL4 (% per kejadian)', p.terlambat.join(' / ')]);
  cfg.addRow(['Pulang cepat PSW1–PSW4 (% per kejadian)', p.pulangCepat.join(' / ')]);
  cfg.addRow(['Tanpa keterangan (% per hari)', p.tanpaKeterangan]);
  cfg.addRow(['Batas potongan sebulan (%)', p.batasPersen]);
  cfg.addRow([]);
  cfg.addRow(['Kelas jabatan', 'Besaran dasar (Rp)']).font = { bold: true };
  for (const [k, v] of Object.entries(r.config.besaran)) cfg.addRow([TPP_CLASS_LABEL[k as keyof typeof TPP_CLASS_LABEL], v]);
  cfg.getColumn(1).width = 44;
  cfg.getColumn(2).width = 60;
  return out(wb);
}

export async function disiplinXlsx(r: DisiplinResult): Promise<Buffer> {
  const wb = book();
  const ws = sheet(wb, 'Peringatan disiplin', `Peringatan disiplin (ketidakhadiran tanpa keterangan) tahun ${r.year}, s.d. ${formatTanggal(r.sampai as IsoDate)}`, [
    'NIP', 'Nama', 'Kode OPD', 'OPD', 'Hari tanpa keterangan', 'Terlama beruntun', 'Tingkat', 'Hukuman menurut PP 94/2021',
  ]);
  for (const x of r.rows) ws.addRow([x.employee.nip, x.employee.nama, x.employee.opd.kode, x.employee.opd.nama, x.hari, x.beruntun, x.tingkat ?? '-', x.hukuman ?? 'Belum mencapai ambang']);
  ws.getColumn(1).numFmt = '@';
  ws.columns.forEach((c, i) => (c.width = [22, 36, 12, 40, 14, 14, 12, 60][i] ?? 14));
  return out(wb);
}
