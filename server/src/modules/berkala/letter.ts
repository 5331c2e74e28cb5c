/**
 * The KGB letter (surat pemberitahuan kenaikan gaji berkala): its data, PDF (pdfkit, QR code),
 * public fields and what happens once it is rendered. Registered in modules/letters/registry.ts.
 */
import { golonganInfo, IsoDateSchema, isGolongan } from '@simak/shared';
import { z } from 'zod';
import type { Tx } from '../../db.ts';
import { dataRow, drawLetterhead, drawSignatureBlock, FONT, formatTanggal, nipText, qrPng, renderPdf, rupiah, textArea } from '../../pdf/index.ts';
import { dateField, nameField, nipField, numberField, signerField } from '../letters/fields.ts';
import { defineLetterKind, type LetterRenderCtx } from '../letters/types.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { SETTINGS } from '../settings/service.ts';

const Mkg = { mkgTahun: z.number().int().min(0).max(60), mkgBulan: z.number().int().min(0).max(11) };
const KgbBasisSchema = z.object({ kind: z.enum(['KP', 'KGB']), tmt: IsoDateSchema, ...Mkg });

/** What a KGB letter stores (letter.data), written by the finalize effect. */
export const KgbLetterDataSchema = z.object({
  nip: z.string().min(1),
  nama: z.string().min(1),
  namaJabatan: z.string().nullable(),
  opd: z.string(),
  golongan: z.string().min(1),
  gajiPokokLama: z.number().int().nullable(),
  gajiPokokBaru: z.number().int().nullable(),
  ...Mkg,
  tmt: IsoDateSchema,
  basis: KgbBasisSchema,
  regulation: z.string().nullable(),
  signer: z.object({ nama: z.string(), jabatan: z.string(), nip: z.string(), pangkat: z.string() }),
});
export type KgbLetterData = z.infer<typeof KgbLetterDataSchema>;

const pangkat = (g: string) => (isGolongan(g) ? `${golonganInfo(g).pangkat} (${g})` : g);

export async function renderKgbLetter(d: KgbLetterData, ctx: LetterRenderCtx): Promise<Buffer> {
  const qr = await qrPng(ctx.verifyUrl);
  return renderPdf(
    {
      title: `Surat Pemberitahuan KGB ${ctx.number}`,
      author: ctx.letterhead.instansi,
      subject: `KGB ${d.nama}`,
      createdAt: new Date(`${ctx.date}T00:00:00Z`),
      margins: { top: 50, bottom: 50, left: 60, right: 60 },
    },
    (doc) => {
      const { left, width: W } = textArea(doc);
      drawLetterhead(doc, ctx.letterhead, 'letter');

      doc.font(FONT.bold).fontSize(12).text('SURAT PEMBERITAHUAN KENAIKAN GAJI BERKALA', { align: 'center', underline: true });
      doc.font(FONT.regular).fontSize(10).text(`Nomor: ${ctx.number}`, { align: 'center' });
      doc.moveDown(1);

      doc.fontSize(10.5).text(
        `Dengan ini diberitahukan bahwa berhubung dengan telah dipenuhinya masa kerja dan syarat-syarat lainnya kepada Pegawai Negeri Sipil:`,
        { align: 'justify' },
      );
      doc.moveDown(0.5);
      dataRow(doc, '1.', 'Nama', d.nama);
      dataRow(doc, '2.', 'NIP', nipText(d.nip));
      dataRow(doc, '3.', 'Pangkat/golongan', pangkat(d.golongan));
      dataRow(doc, '4.', 'Jabatan', d.namaJabatan ?? '-');
      dataRow(doc, '5.', 'Unit kerja', d.opd);
      dataRow(doc, '6.', 'Gaji pokok lama', rupiah(d.gajiPokokLama));
      doc.moveDown(0.3);
      doc.text(
        `(atas dasar ${d.basis.kind === 'KGB' ? 'surat kenaikan gaji berkala' : 'surat keputusan kenaikan pangkat'} terakhir, TMT ${formatTanggal(d.basis.tmt)}, dengan masa kerja golongan ${d.basis.mkgTahun} tahun ${d.basis.mkgBulan} bulan)`,
        left,
        doc.y,
        { width: W, align: 'justify' },
      );
      doc.moveDown(0.5);
      doc.text('diberikan kenaikan gaji berkala hingga memperoleh:', left, doc.y, { width: W });
      doc.moveDown(0.4);
      dataRow(doc, '7.', 'Gaji pokok baru', `${rupiah(d.gajiPokokBaru)}${d.regulation ? ` (${d.regulation})` : ''}`);
      dataRow(doc, '8.', 'Berdasarkan masa kerja', `${d.mkgTahun} tahun ${d.mkgBulan} bulan`);
      dataRow(doc, '9.', 'Dalam golongan ruang', d.golongan);
      dataRow(doc, '10.', 'Mulai tanggal', formatTanggal(d.tmt));
      doc.moveDown(0.6);
      doc.text(
        'Kepada pegawai tersebut dapat dibayarkan penghasilannya berdasarkan gaji pokok yang baru. Apabila di kemudian hari terdapat kekeliruan dalam surat pemberitahuan ini, akan diadakan pembetulan sebagaimana mestinya.',
        left,
        doc.y,
        { width: W, align: 'justify' },
      );
      doc.moveDown(1.5);

      drawSignatureBlock(doc, { place: ctx.letterhead.kota, date: ctx.date, onBehalfOf: 'a.n. BUPATI', signer: d.signer, qr: { png: qr, url: ctx.verifyUrl } });

      doc.fontSize(8).text('Tembusan: 1. Kepala BPKAD; 2. Kepala OPD yang bersangkutan; 3. Pegawai yang bersangkutan.', left, doc.page.height - 90, { width: W });
    },
  );
}

/** Notifies the ASN that the letter is ready (once it is rendered). */
export async function notifyLetterReady(tx: Tx, employeeId: number, requestId: number, number: string) {
  await notifyEmployee(tx, employeeId, {
    kind: 'kgb.letter_ready',
    title: 'Surat pemberitahuan KGB tersedia',
    body: `Surat KGB nomor ${number} telah terbit dan dapat diunduh dari profil Anda.`,
    link: `/usulan/${requestId}`,
    email: true,
  });
}

export const kgbLetterKind = defineLetterKind({
  kind: 'KGB',
  label: 'Surat Pemberitahuan Kenaikan Gaji Berkala',
  shortLabel: 'Surat Pemberitahuan KGB',
  documentType: 'SK_KGB',
  numberPattern: { setting: 'berkala.letter_number_pattern', default: SETTINGS['berkala.letter_number_pattern'].default },
  data: KgbLetterDataSchema,
  render: renderKgbLetter,
  publicFields: (l) => [
    numberField(l),
    dateField(l),
    nameField(l.data.nama),
    nipField(l.data.nip),
    { key: 'golongan', label: 'Golongan', value: l.data.golongan },
    { key: 'gajiPokokLama', label: 'Gaji pokok lama', value: rupiah(l.data.gajiPokokLama), raw: l.data.gajiPokokLama },
    { key: 'gajiPokokBaru', label: 'Gaji pokok baru', value: rupiah(l.data.gajiPokokBaru), raw: l.data.gajiPokokBaru },
    { key: 'mkg', label: 'Masa kerja golongan', value: `${l.data.mkgTahun} tahun ${l.data.mkgBulan} bulan` },
    { key: 'tmt', label: 'Terhitung mulai tanggal', value: formatTanggal(l.data.tmt), raw: l.data.tmt },
    signerField(l.data.signer),
  ],
  onRendered: async (tx, l, documentId) => {
    // The dated KGB history row written at finalization points at its letter.
    await tx.riwayatKgb.updateMany({ where: { employeeId: l.employeeId, nomorSurat: l.number }, data: { documentId } });
    await notifyLetterReady(tx, l.employeeId, l.requestId, l.number);
  },
});
