/**
 * The KP SK verification summary (ringkasan SK kenaikan pangkat): the platform's own one-page
 * record of an SK issued through BKN's flow, with a QR code to the public verification page.
 * Registered in modules/letters/registry.ts.
 */
import { GolonganSchema, golonganInfo, IsoDateSchema, JENIS_KP_LABELS } from '@simak/shared';
import { KpKindSchema } from '@simak/shared/api/pangkat';
import { z } from 'zod';
import type { Tx } from '../../db.ts';
import { dataRow, drawLetterhead, drawSignatureBlock, FONT, formatTanggal, nipText, qrPng, renderPdf, rupiah, textArea } from '../../pdf/index.ts';
import { dateField, nameField, nipField, numberField, signerField } from '../letters/fields.ts';
import { defineLetterKind, type LetterRenderCtx } from '../letters/types.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { SETTINGS } from '../settings/service.ts';

export const KP_SK_LETTER = 'KP_SK';

/** What the summary stores (letter.data), written when the SK is recorded. */
export const KpSkLetterDataSchema = z.object({
  nip: z.string().min(1),
  nama: z.string().min(1),
  namaJabatan: z.string().nullable(),
  opd: z.string(),
  jenis: KpKindSchema,
  from: GolonganSchema,
  to: GolonganSchema,
  tmt: IsoDateSchema,
  nomorSk: z.string().min(1),
  tanggalSk: IsoDateSchema,
  authority: z.enum(['PPK', 'PRESIDEN']),
  pertek: z.object({ label: z.string(), nomor: z.string(), tanggal: IsoDateSchema }).nullable(),
  mkgTahun: z.number().int().min(0).max(60),
  mkgBulan: z.number().int().min(0).max(11),
  gajiPokok: z.number().int().min(0).nullable(),
  regulation: z.string().nullable(),
  /** SHA-256 of the signed SK PDF recorded with it: the summary vouches for that exact file. */
  skSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signer: z.object({ nama: z.string(), jabatan: z.string(), nip: z.string(), pangkat: z.string() }),
});
export type KpSkLetterData = z.infer<typeof KpSkLetterDataSchema>;

const pangkat = (g: z.infer<typeof GolonganSchema>) => `${golonganInfo(g).pangkat} (${g})`;
const AUTHORITY = { PPK: 'Pejabat Pembina Kepegawaian (Bupati)', PRESIDEN: 'Presiden (Keputusan Presiden)' } as const;

export async function renderKpSkSummary(d: KpSkLetterData, ctx: LetterRenderCtx): Promise<Buffer> {
  const qr = await qrPng(ctx.verifyUrl);
  return renderPdf(
    {
      title: `Ringkasan SK Kenaikan Pangkat ${ctx.number}`,
      author: ctx.letterhead.instansi,
      subject: `Kenaikan pangkat ${d.nama}`,
      createdAt: new Date(`${ctx.date}T00:00:00Z`),
      margins: { top: 50, bottom: 50, left: 60, right: 60 },
    },
    (doc) => {
      const { left, width: W } = textArea(doc);
      drawLetterhead(doc, ctx.letterhead, 'letter');
      doc.font(FONT.bold).fontSize(12).text('RINGKASAN SURAT KEPUTUSAN KENAIKAN PANGKAT', { align: 'center', underline: true });
      doc.font(FONT.regular).fontSize(10).text(`Nomor: ${ctx.number}`, { align: 'center' });
      doc.moveDown(1);
      doc.fontSize(10.5).text(
        'Badan Kepegawaian Daerah menerangkan bahwa surat keputusan kenaikan pangkat berikut telah diterbitkan dan dicatat dalam data kepegawaian:',
        { align: 'justify' },
      );
      doc.moveDown(0.5);
      dataRow(doc, '1.', 'Nama', d.nama);
      dataRow(doc, '2.', 'NIP', nipText(d.nip));
      dataRow(doc, '3.', 'Jabatan', d.namaJabatan ?? '-');
      dataRow(doc, '4.', 'Unit kerja', d.opd);
      dataRow(doc, '5.', 'Jenis kenaikan pangkat', JENIS_KP_LABELS[d.jenis]);
      dataRow(doc, '6.', 'Pangkat lama', pangkat(d.from));
      dataRow(doc, '7.', 'Pangkat baru', pangkat(d.to));
      dataRow(doc, '8.', 'Terhitung mulai tanggal', formatTanggal(d.tmt));
      dataRow(doc, '9.', 'Masa kerja golongan', `${d.mkgTahun} tahun ${d.mkgBulan} bulan`);
      dataRow(doc, '10.', 'Gaji pokok', `${rupiah(d.gajiPokok)}${d.regulation ? ` (${d.regulation})` : ''}`);
      dataRow(doc, '11.', 'Surat keputusan', `${d.nomorSk}, tanggal ${formatTanggal(d.tanggalSk)}`);
      dataRow(doc, '12.', 'Ditetapkan oleh', AUTHORITY[d.authority]);
      if (d.pertek) dataRow(doc, '13.', d.pertek.label, `${d.pertek.nomor}, tanggal ${formatTanggal(d.pertek.tanggal)}`);
      doc.moveDown(0.6);
      doc.fontSize(9).text(`Sidik berkas SK (SHA-256): ${d.skSha256}`, left, doc.y, { width: W });
      doc.fontSize(10.5).moveDown(0.6);
      doc.text(
        'Ringkasan ini bukan pengganti surat keputusan. Keaslian ringkasan dan sidik berkas SK dapat diperiksa melalui kode QR di bawah.',
        left,
        doc.y,
        { width: W, align: 'justify' },
      );
      doc.moveDown(1.5);
      drawSignatureBlock(doc, { place: ctx.letterhead.kota, date: ctx.date, signer: d.signer, qr: { png: qr, url: ctx.verifyUrl } });
    },
  );
}

export const kpSkLetterKind = defineLetterKind({
  kind: KP_SK_LETTER,
  label: 'Ringkasan Surat Keputusan Kenaikan Pangkat',
  shortLabel: 'Ringkasan SK KP',
  documentType: 'LAINNYA',
  numberPattern: { setting: 'pangkat.letter_number_pattern', default: SETTINGS['pangkat.letter_number_pattern'].default },
  data: KpSkLetterDataSchema,
  render: renderKpSkSummary,
  publicFields: (l) => [
    numberField(l),
    dateField(l),
    nameField(l.data.nama),
    nipField(l.data.nip),
    { key: 'jenis', label: 'Jenis kenaikan pangkat', value: JENIS_KP_LABELS[l.data.jenis], raw: l.data.jenis },
    { key: 'golonganLama', label: 'Pangkat lama', value: pangkat(l.data.from), raw: l.data.from },
    { key: 'golonganBaru', label: 'Pangkat baru', value: pangkat(l.data.to), raw: l.data.to },
    { key: 'tmt', label: 'Terhitung mulai tanggal', value: formatTanggal(l.data.tmt), raw: l.data.tmt },
    { key: 'nomorSk', label: 'Nomor SK', value: l.data.nomorSk },
    { key: 'tanggalSk', label: 'Tanggal SK', value: formatTanggal(l.data.tanggalSk), raw: l.data.tanggalSk },
    { key: 'skSha256', label: 'Sidik berkas SK (SHA-256)', value: l.data.skSha256 },
    signerField(l.data.signer),
  ],
  onRendered: async (tx: Tx, l) => {
    await notifyEmployee(tx, l.employeeId, {
      kind: 'kp.summary_ready',
      title: 'Ringkasan SK kenaikan pangkat tersedia',
      body: `Ringkasan SK kenaikan pangkat Anda (nomor ${l.number}) telah terbit dan dapat diunduh.`,
      link: `/usulan/${l.requestId}`,
      email: false,
    });
  },
});

export type { LetterRenderCtx };
