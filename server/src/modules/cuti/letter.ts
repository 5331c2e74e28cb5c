/**
 * The leave letter (surat izin cuti): its data, PDF (pdfkit, QR code), public fields and what
 * happens once it is rendered (the ASN is told).
 * Registered in modules/letters/registry.ts.
 */
import { IsoDateSchema } from '@simak/shared';
import { z } from 'zod';
import { dataRow, drawLetterhead, drawSignatureBlock, FONT, formatTanggal, nipText, qrPng, renderPdf, textArea } from '../../pdf/index.ts';
import { dateField, nameField, nipField, numberField, signerField } from '../letters/fields.ts';
import { defineLetterKind, type LetterRenderCtx } from '../letters/types.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { SETTINGS } from '../settings/service.ts';

export const CutiLetterDataSchema = z.object({
  nip: z.string().min(1),
  nama: z.string().min(1),
  namaJabatan: z.string().nullable(),
  opd: z.string(),
  jenis: z.string(),
  jenisLabel: z.string(),
  mulai: IsoDateSchema,
  selesai: IsoDateSchema,
  lamaHari: z.number().int().min(0),
  alasan: z.string(),
  // Printed on the paper (where the employee can be reached), never on the public page.
  alamatSelamaCuti: z.string(),
  atasan: z.string().nullable(),
  signer: z.object({ nama: z.string(), jabatan: z.string(), nip: z.string(), pangkat: z.string() }),
});
export type CutiLetterData = z.infer<typeof CutiLetterDataSchema>;

export async function renderCutiLetter(d: CutiLetterData, ctx: LetterRenderCtx): Promise<Buffer> {
  const qr = await qrPng(ctx.verifyUrl);
  return renderPdf(
    {
      title: `Surat Izin Cuti ${ctx.number}`,
      author: ctx.letterhead.instansi,
      subject: `${d.jenisLabel} ${d.nama}`,
      createdAt: new Date(`${ctx.date}T00:00:00Z`),
      margins: { top: 50, bottom: 50, left: 60, right: 60 },
    },
    (doc) => {
      const { left, width: W } = textArea(doc);
      drawLetterhead(doc, ctx.letterhead, 'letter');
      doc.font(FONT.bold).fontSize(12).text(`SURAT IZIN ${d.jenisLabel.toUpperCase()}`, { align: 'center', underline: true });
      doc.font(FONT.regular).fontSize(10).text(`Nomor: ${ctx.number}`, { align: 'center' });
      doc.moveDown(1);
      doc.fontSize(10.5).text(`Diberikan ${d.jenisLabel.toLowerCase()} kepada Pegawai Negeri Sipil:`, left, doc.y, { width: W });
      doc.moveDown(0.5);
      dataRow(doc, '1.', 'Nama', d.nama);
      dataRow(doc, '2.', 'NIP', nipText(d.nip));
      dataRow(doc, '3.', 'Jabatan', d.namaJabatan ?? '-');
      dataRow(doc, '4.', 'Unit kerja', d.opd);
      dataRow(doc, '5.', 'Lamanya', `${d.lamaHari} hari kerja, ${formatTanggal(d.mulai)} s.d. ${formatTanggal(d.selesai)}`);
      dataRow(doc, '6.', 'Alasan', d.alasan);
      dataRow(doc, '7.', 'Alamat selama cuti', d.alamatSelamaCuti);
      doc.moveDown(0.6);
      doc.text(
        'Selama menjalankan cuti, pegawai tersebut wajib menyerahkan pekerjaannya kepada atasan langsung atau pejabat lain yang ditunjuk; setelah cuti berakhir wajib melaporkan diri kepada atasan langsung dan bekerja kembali sebagaimana mestinya.',
        left,
        doc.y,
        { width: W, align: 'justify' },
      );
      if (d.atasan) {
        doc.moveDown(0.5);
        doc.text(`Telah disetujui oleh atasan langsung: ${d.atasan}.`, left, doc.y, { width: W });
      }
      doc.moveDown(1.5);
      drawSignatureBlock(doc, { place: ctx.letterhead.kota, date: ctx.date, onBehalfOf: 'a.n. BUPATI', signer: d.signer, qr: { png: qr, url: ctx.verifyUrl } });
    },
  );
}

export const cutiLetterKind = defineLetterKind({
  kind: 'CUTI',
  label: 'Surat Izin Cuti',
  documentType: 'SURAT',
  numberPattern: { setting: 'cuti.letter_number_pattern', default: SETTINGS['cuti.letter_number_pattern'].default },
  data: CutiLetterDataSchema,
  render: renderCutiLetter,
  publicFields: (l) => [
    numberField(l),
    dateField(l),
    nameField(l.data.nama),
    nipField(l.data.nip),
    { key: 'jenisCuti', label: 'Jenis cuti', value: l.data.jenisLabel, raw: l.data.jenis },
    { key: 'lamaHari', label: 'Lama cuti', value: `${l.data.lamaHari} hari kerja`, raw: l.data.lamaHari },
    { key: 'mulai', label: 'Mulai tanggal', value: formatTanggal(l.data.mulai), raw: l.data.mulai },
    { key: 'selesai', label: 'Sampai dengan', value: formatTanggal(l.data.selesai), raw: l.data.selesai },
    signerField(l.data.signer),
  ],
  onRendered: async (tx, l) => {
    await notifyEmployee(tx, l.employeeId, {
      kind: 'cuti.letter_ready',
      title: 'Surat izin cuti tersedia',
      body: `Surat izin cuti nomor ${l.number} telah terbit dan dapat diunduh.`,
      link: `/usulan/${l.requestId}`,
      email: true,
    });
  },
});
