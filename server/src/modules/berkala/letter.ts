/** Renders the KGB letter (surat pemberitahuan kenaikan gaji berkala) as PDF with pdfkit and a QR code. */
import { formatNip, formatTanggal, golonganInfo, isGolongan, type IsoDate } from '@simak/shared';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface KgbLetterData {
  number: string;
  date: IsoDate;
  verifyUrl: string;
  letterhead: { pemda: string; instansi: string; alamat: string; kota: string };
  signer: { nama: string; jabatan: string; nip: string; pangkat: string };
  nip: string;
  nama: string;
  namaJabatan: string | null;
  opd: string;
  golongan: string;
  gajiPokokLama: number | null;
  gajiPokokBaru: number | null;
  mkgTahun: number;
  mkgBulan: number;
  tmt: IsoDate;
  basis: { kind: 'KP' | 'KGB'; tmt: IsoDate; mkgTahun: number; mkgBulan: number };
  regulation: string | null;
}

export const rupiah = (n: number | null) => (n == null ? '-' : `Rp ${n.toLocaleString('id-ID').replace(/,/g, '.')}`);
const pangkat = (g: string) => (isGolongan(g) ? `${golonganInfo(g).pangkat} (${g})` : g);

export async function renderKgbLetter(d: KgbLetterData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(d.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    info: { Title: `Surat Pemberitahuan KGB ${d.number}`, Author: d.letterhead.instansi, Subject: `KGB ${d.nama}`, CreationDate: new Date(`${d.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const W = doc.page.width - 120;

  // Letterhead
  doc.font('Helvetica-Bold').fontSize(14).text(d.letterhead.pemda, { align: 'center' });
  doc.fontSize(16).text(d.letterhead.instansi, { align: 'center' });
  doc.font('Helvetica').fontSize(9).text(d.letterhead.alamat, { align: 'center' });
  const y = doc.y + 4;
  doc.moveTo(60, y).lineTo(60 + W, y).lineWidth(2).stroke();
  doc.moveTo(60, y + 3).lineTo(60 + W, y + 3).lineWidth(0.5).stroke();
  doc.moveDown(1.2);

  doc.font('Helvetica-Bold').fontSize(12).text('SURAT PEMBERITAHUAN KENAIKAN GAJI BERKALA', { align: 'center', underline: true });
  doc.font('Helvetica').fontSize(10).text(`Nomor: ${d.number}`, { align: 'center' });
  doc.moveDown(1);

  doc.fontSize(10.5).text(
    `Dengan ini diberitahukan bahwa berhubung dengan telah dipenuhinya masa kerja dan syarat-syarat lainnya kepada Pegawai Negeri Sipil:`,
    { align: 'justify' },
  );
  doc.moveDown(0.5);
  const row = (no: string, label: string, value: string) => {
    const top = doc.y;
    doc.text(no, 70, top, { width: 20 });
    doc.text(label, 90, top, { width: 170 });
    doc.text(':', 262, top, { width: 10 });
    doc.text(value, 272, top, { width: W - 212 });
    doc.x = 60;
    doc.moveDown(0.25);
  };
  row('1.', 'Nama', d.nama);
  row('2.', 'NIP', d.nip.length === 18 ? formatNip(d.nip) : d.nip);
  row('3.', 'Pangkat/golongan', pangkat(d.golongan));
  row('4.', 'Jabatan', d.namaJabatan ?? '-');
  row('5.', 'Unit kerja', d.opd);
  row('6.', 'Gaji pokok lama', rupiah(d.gajiPokokLama));
  doc.moveDown(0.3);
  doc.text(
    `(atas dasar ${d.basis.kind === 'KGB' ? 'surat kenaikan gaji berkala' : 'surat keputusan kenaikan pangkat'} terakhir, TMT ${formatTanggal(d.basis.tmt)}, dengan masa kerja golongan ${d.basis.mkgTahun} tahun ${d.basis.mkgBulan} bulan)`,
    60,
    doc.y,
    { width: W, align: 'justify' },
  );
  doc.moveDown(0.5);
  doc.text('diberikan kenaikan gaji berkala hingga memperoleh:', 60, doc.y, { width: W });
  doc.moveDown(0.4);
  row('7.', 'Gaji pokok baru', `${rupiah(d.gajiPokokBaru)}${d.regulation ? ` (${d.regulation})` : ''}`);
  row('8.', 'Berdasarkan masa kerja', `${d.mkgTahun} tahun ${d.mkgBulan} bulan`);
  row('9.', 'Dalam golongan ruang', d.golongan);
  row('10.', 'Mulai tanggal', formatTanggal(d.tmt));
  doc.moveDown(0.6);
  doc.text(
    'Kepada pegawai tersebut dapat dibayarkan penghasilannya berdasarkan gaji pokok yang baru. Apabila di kemudian hari terdapat kekeliruan dalam surat pemberitahuan ini, akan diadakan pembetulan sebagaimana mestinya.',
    60,
    doc.y,
    { width: W, align: 'justify' },
  );
  doc.moveDown(1.5);

  // Signature block (right) and QR (left), on the same band.
  const top = doc.y;
  const sx = 60 + W / 2 + 10;
  doc.text(`${d.letterhead.kota}, ${formatTanggal(d.date)}`, sx, top, { width: W / 2 - 10 });
  doc.text(`a.n. BUPATI`, sx, doc.y, { width: W / 2 - 10 });
  doc.text(d.signer.jabatan, sx, doc.y, { width: W / 2 - 10 });
  doc.moveDown(3.2);
  doc.font('Helvetica-Bold').text(d.signer.nama, sx, doc.y, { width: W / 2 - 10, underline: true });
  doc.font('Helvetica').text(d.signer.pangkat, sx, doc.y, { width: W / 2 - 10 });
  doc.text(`NIP ${d.signer.nip.length === 18 ? formatNip(d.signer.nip) : d.signer.nip}`, sx, doc.y, { width: W / 2 - 10 });
  doc.image(qr, 60, top, { width: 95 });
  doc.fontSize(7.5).text('Pindai untuk memeriksa keaslian surat ini:', 160, top + 10, { width: 130 });
  doc.text(d.verifyUrl, 160, doc.y + 2, { width: 130 });

  doc.fontSize(8).text(
    'Tembusan: 1. Kepala BPKAD; 2. Kepala OPD yang bersangkutan; 3. Pegawai yang bersangkutan.',
    60,
    doc.page.height - 90,
    { width: W },
  );
  doc.end();
  return done;
}
