/**
 * SK summaries (ringkasan SK): the platform's one-page record of an SK issued through BKN's flow
 * (kenaikan pangkat, pensiun), with the hash of the signed SK PDF and a QR code to the public
 * verification page. What every such summary kind shares lives here: the common stored data, the
 * page layout, the common public fields and the "summary ready" notification; the modules add
 * their own rows. Recording an SK (the signed PDF, issuing the letter) is in sk-record.ts, apart
 * so that the kinds do not import the letters service (which imports the kinds' registry).
 */
import { IsoDateSchema } from '@simak/shared';
import { z } from 'zod';
import type { Tx } from '../../db.ts';
import { dataRow, drawLetterhead, drawSignatureBlock, FONT, formatTanggal, qrPng, renderPdf, textArea } from '../../pdf/index.ts';
import { notifyEmployee } from '../notifications/service.ts';
import { dateField, nameField, nipField, numberField, signerField } from './fields.ts';
import type { LetterRecord, LetterRenderCtx, PublicField } from './types.ts';

/** The data every SK summary stores (letter.data); a kind extends it with its own figures. */
export const SkSummaryBase = z.object({
  nip: z.string().min(1),
  nama: z.string().min(1),
  nomorSk: z.string().min(1),
  tanggalSk: IsoDateSchema,
  /** SHA-256 of the signed SK PDF recorded with it: the summary vouches for that exact file. */
  skSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signer: z.object({ nama: z.string(), jabatan: z.string(), nip: z.string(), pangkat: z.string() }),
});
export type SkSummaryBase = z.infer<typeof SkSummaryBase>;

export interface SkSummaryLayout {
  /** PDF title prefix, e.g. 'Ringkasan SK Pensiun'. */
  title: string;
  subject: string;
  /** The heading in capitals. */
  heading: string;
  /** What the BKD states, before the rows. */
  intro: string;
  /** The numbered rows: [label, value]. */
  rows: [string, string][];
}

/** The one-page summary: letterhead, heading and number, the rows, the SK's hash, the disclaimer, signature with QR. */
export async function renderSkSummary(d: SkSummaryBase, layout: SkSummaryLayout, ctx: LetterRenderCtx): Promise<Buffer> {
  const qr = await qrPng(ctx.verifyUrl);
  return renderPdf(
    {
      title: `${layout.title} ${ctx.number}`,
      author: ctx.letterhead.instansi,
      subject: layout.subject,
      createdAt: new Date(`${ctx.date}T00:00:00Z`),
      margins: { top: 50, bottom: 50, left: 60, right: 60 },
    },
    (doc) => {
      const { left, width: W } = textArea(doc);
      drawLetterhead(doc, ctx.letterhead, 'letter');
      doc.font(FONT.bold).fontSize(12).text(layout.heading, { align: 'center', underline: true });
      doc.font(FONT.regular).fontSize(10).text(`Nomor: ${ctx.number}`, { align: 'center' });
      doc.moveDown(1);
      doc.fontSize(10.5).text(layout.intro, { align: 'justify' });
      doc.moveDown(0.5);
      layout.rows.forEach(([label, value], i) => dataRow(doc, `${i + 1}.`, label, value));
      doc.moveDown(0.6);
      doc.fontSize(9).text(`Sidik berkas SK (SHA-256): ${d.skSha256}`, left, doc.y, { width: W });
      doc.fontSize(10.5).moveDown(0.6);
      doc.text('Ringkasan ini bukan pengganti surat keputusan. Keaslian ringkasan dan sidik berkas SK dapat diperiksa melalui kode QR di bawah.', left, doc.y, { width: W, align: 'justify' });
      doc.moveDown(1.5);
      drawSignatureBlock(doc, { place: ctx.letterhead.kota, date: ctx.date, signer: d.signer, qr: { png: qr, url: ctx.verifyUrl } });
    },
  );
}

/** The public page's lines: number, date, name, masked NIP, the kind's own lines, the SK, its hash, the signer. */
export function skSummaryFields<D extends SkSummaryBase>(l: LetterRecord<D>, own: PublicField[]): PublicField[] {
  return [
    numberField(l),
    dateField(l),
    nameField(l.data.nama),
    nipField(l.data.nip),
    ...own,
    { key: 'nomorSk', label: 'Nomor SK', value: l.data.nomorSk },
    { key: 'tanggalSk', label: 'Tanggal SK', value: formatTanggal(l.data.tanggalSk), raw: l.data.tanggalSk },
    { key: 'skSha256', label: 'Sidik berkas SK (SHA-256)', value: l.data.skSha256 },
    signerField(l.data.signer),
  ];
}

/** onRendered of a summary kind: tells the employee it can be downloaded (no e-mail). */
export function notifySummaryReady<D>(kind: string, what: string) {
  return async (tx: Tx, l: LetterRecord<D>) => {
    await notifyEmployee(tx, l.employeeId, {
      kind,
      title: `Ringkasan ${what} tersedia`,
      body: `Ringkasan ${what} Anda (nomor ${l.number}) telah terbit dan dapat diunduh.`,
      link: `/usulan/${l.requestId}`,
      email: false,
    });
  };
}

