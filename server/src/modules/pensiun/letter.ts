/**
 * The pension SK summary (ringkasan SK pensiun): the platform's one-page record of a pension SK
 * issued through BKN's flow, with a QR code to the public verification page. Registered in
 * modules/letters/registry.ts.
 */
import { IsoDateSchema } from '@simak/shared';
import { PENSIUN_KIND_LABELS, PensiunKind } from '@simak/shared/api/pensiun';
import { z } from 'zod';
import type { Tx } from '../../db.ts';
import { dataRow, drawLetterhead, drawSignatureBlock, FONT, formatTanggal, nipText, qrPng, renderPdf, textArea } from '../../pdf/index.ts';
import { dateField, nameField, nipField, numberField, signerField } from '../letters/fields.ts';
import { defineLetterKind, type LetterRenderCtx } from '../letters/types.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { SETTINGS } from '../settings/service.ts';

export const PENSIUN_SK_LETTER = 'PENSIUN_SK';

export const PensiunSkLetterDataSchema = z.object({
  nip: z.string().min(1),
  nama: z.string().min(1),
  namaJabatan: z.string().nullable(),
  golongan: z.string().nullable(),
  opd: z.string(),
  jenis: PensiunKind,
  bup: z.number().int().nullable(),
  tmt: IsoDateSchema,
  nomorSk: z.string().min(1),
  tanggalSk: IsoDateSchema,
  bkn: z.object({ nomor: z.string().nullable(), tanggal: IsoDateSchema }).nullable(),
  skSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signer: z.object({ nama: z.string(), jabatan: z.string(), nip: z.string(), pangkat: z.string() }),
});
export type PensiunSkLetterData = z.infer<typeof PensiunSkLetterDataSchema>;

export async function renderPensiunSkSummary(d: PensiunSkLetterData, ctx: LetterRenderCtx): Promise<Buffer> {
  const qr = await qrPng(ctx.verifyUrl);
  return renderPdf(
    {
      title: `Ringkasan SK Pensiun ${ctx.number}`,
      author: ctx.letterhead.instansi,
      subject: `Pensiun ${d.nama}`,
      createdAt: new Date(`${ctx.date}T00:00:00Z`),
      margins: { top: 50, bottom: 50, left: 60, right: 60 },
    },
    (doc) => {
      const { left, width: W } = textArea(doc);
      drawLetterhead(doc, ctx.letterhead, 'letter');
      doc.font(FONT.bold).fontSize(12).text('RINGKASAN SURAT KEPUTUSAN PEMBERHENTIAN DENGAN HAK PENSIUN', { align: 'center', underline: true });
      doc.font(FONT.regular).fontSize(10).text(`Nomor: ${ctx.number}`, { align: 'center' });
      doc.moveDown(1);
      doc.fontSize(10.5).text('Badan Kepegawaian Daerah menerangkan bahwa surat keputusan pensiun berikut telah diterbitkan dan dicatat dalam data kepegawaian:', { align: 'justify' });
      doc.moveDown(0.5);
      dataRow(doc, '1.', 'Nama', d.nama);
      dataRow(doc, '2.', 'NIP', nipText(d.nip));
      dataRow(doc, '3.', 'Pangkat/golongan', d.golongan ?? '-');
      dataRow(doc, '4.', 'Jabatan terakhir', d.namaJabatan ?? '-');
      dataRow(doc, '5.', 'Unit kerja', d.opd);
      dataRow(doc, '6.', 'Jenis pensiun', PENSIUN_KIND_LABELS[d.jenis]);
      dataRow(doc, '7.', 'Batas usia pensiun', d.bup != null ? `${d.bup} tahun` : '-');
      dataRow(doc, '8.', 'Terhitung mulai tanggal', formatTanggal(d.tmt));
      dataRow(doc, '9.', 'Surat keputusan', `${d.nomorSk}, tanggal ${formatTanggal(d.tanggalSk)}`);
      if (d.bkn) dataRow(doc, '10.', 'Pertimbangan teknis BKN', `${d.bkn.nomor ?? '-'}, tanggal ${formatTanggal(d.bkn.tanggal)}`);
      doc.moveDown(0.6);
      doc.fontSize(9).text(`Sidik berkas SK (SHA-256): ${d.skSha256}`, left, doc.y, { width: W });
      doc.fontSize(10.5).moveDown(0.6);
      doc.text('Ringkasan ini bukan pengganti surat keputusan. Keaslian ringkasan dan sidik berkas SK dapat diperiksa melalui kode QR di bawah.', left, doc.y, { width: W, align: 'justify' });
      doc.moveDown(1.5);
      drawSignatureBlock(doc, { place: ctx.letterhead.kota, date: ctx.date, signer: d.signer, qr: { png: qr, url: ctx.verifyUrl } });
    },
  );
}

export const pensiunSkLetterKind = defineLetterKind({
  kind: PENSIUN_SK_LETTER,
  label: 'Ringkasan Surat Keputusan Pensiun',
  shortLabel: 'Ringkasan SK pensiun',
  documentType: 'LAINNYA',
  numberPattern: { setting: 'pensiun.letter_number_pattern', default: SETTINGS['pensiun.letter_number_pattern'].default },
  data: PensiunSkLetterDataSchema,
  render: renderPensiunSkSummary,
  publicFields: (l) => [
    numberField(l),
    dateField(l),
    nameField(l.data.nama),
    nipField(l.data.nip),
    { key: 'jenis', label: 'Jenis pensiun', value: PENSIUN_KIND_LABELS[l.data.jenis], raw: l.data.jenis },
    { key: 'tmt', label: 'Terhitung mulai tanggal', value: formatTanggal(l.data.tmt), raw: l.data.tmt },
    { key: 'nomorSk', label: 'Nomor SK', value: l.data.nomorSk },
    { key: 'tanggalSk', label: 'Tanggal SK', value: formatTanggal(l.data.tanggalSk), raw: l.data.tanggalSk },
    { key: 'skSha256', label: 'Sidik berkas SK (SHA-256)', value: l.data.skSha256 },
    signerField(l.data.signer),
  ],
  onRendered: async (tx: Tx, l) => {
    await notifyEmployee(tx, l.employeeId, {
      kind: 'pensiun.summary_ready',
      title: 'Ringkasan SK pensiun tersedia',
      body: `Ringkasan SK pensiun Anda (nomor ${l.number}) telah terbit dan dapat diunduh.`,
      link: `/usulan/${l.requestId}`,
      email: false,
    });
  },
});
