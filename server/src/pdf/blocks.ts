/** Blocks shared by letters and reports: the agency letterhead, data rows, the signature with its QR code. */
import type { IsoDate } from '@simak/shared';
import QRCode from 'qrcode';
import type { Db, Tx } from '../db.ts';
import { getSetting } from '../modules/settings/service.ts';
import { FONT, textArea, type Pdf } from './document.ts';
import { formatTanggal, nipText } from './format.ts';

export interface Letterhead {
  pemda: string;
  instansi: string;
  alamat: string;
  kota: string;
}

export interface Signer {
  nama: string;
  jabatan: string;
  nip: string;
  pangkat: string;
}

/** The agency letterhead (setting `agency.letterhead`). */
export const agencyLetterhead = (db: Db | Tx): Promise<Letterhead> => getSetting(db, 'agency.letterhead');

const LETTERHEAD_STYLES = {
  /** Letters: large, double rule. */
  letter: { sizes: [14, 16, 9], gap: 4, rules: [[0, 2], [3, 0.5]], after: 1.2 },
  /** Reports (landscape tables): smaller, one rule. */
  report: { sizes: [12, 14, 8.5], gap: 3, rules: [[0, 1.5]], after: 0.8 },
} as const;

/** Government name, agency name, address, then the rule(s) across the text width. */
export function drawLetterhead(doc: Pdf, head: Letterhead, style: keyof typeof LETTERHEAD_STYLES = 'letter') {
  const s = LETTERHEAD_STYLES[style];
  const { left, width } = textArea(doc);
  doc.font(FONT.bold).fontSize(s.sizes[0]).text(head.pemda, { align: 'center' });
  doc.fontSize(s.sizes[1]).text(head.instansi, { align: 'center' });
  doc.font(FONT.regular).fontSize(s.sizes[2]).text(head.alamat, { align: 'center' });
  const y = doc.y + s.gap;
  for (const [dy, lineWidth] of s.rules) doc.moveTo(left, y + dy).lineTo(left + width, y + dy).lineWidth(lineWidth).stroke();
  doc.moveDown(s.after);
}

/** One numbered "label : value" row of a letter's data list (the value wraps in its column). */
export function dataRow(doc: Pdf, no: string, label: string, value: string) {
  const { left, width } = textArea(doc);
  const top = doc.y;
  doc.text(no, left + 10, top, { width: 20 });
  doc.text(label, left + 30, top, { width: 170 });
  doc.text(':', left + 202, top, { width: 10 });
  doc.text(value, left + 212, top, { width: width - 212 });
  doc.x = left;
  doc.moveDown(0.25);
}

/** The QR code (PNG) of a letter's public verification URL. */
export const qrPng = (url: string) => QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });

/**
 * Place and date, the signer (right half) and the QR code with the verification URL (left), on one band
 * starting at the current position, in the current font size. Ends at the left margin below the band.
 */
export function drawSignatureBlock(doc: Pdf, s: { place: string; date: IsoDate; onBehalfOf?: string; signer: Signer; qr?: { png: Buffer; url: string } }) {
  const { left, width } = textArea(doc);
  const top = doc.y;
  const sx = left + width / 2 + 10;
  const sw = width / 2 - 10;
  doc.text(`${s.place}, ${formatTanggal(s.date)}`, sx, top, { width: sw });
  if (s.onBehalfOf) doc.text(s.onBehalfOf, sx, doc.y, { width: sw });
  doc.text(s.signer.jabatan, sx, doc.y, { width: sw });
  doc.moveDown(3.2);
  doc.font(FONT.bold).text(s.signer.nama, sx, doc.y, { width: sw, underline: true });
  doc.font(FONT.regular).text(s.signer.pangkat, sx, doc.y, { width: sw });
  doc.text(`NIP ${nipText(s.signer.nip)}`, sx, doc.y, { width: sw });
  let bottom = doc.y;
  if (s.qr) {
    const size = 95;
    doc.image(s.qr.png, left, top, { width: size });
    doc.fontSize(7.5).text('Pindai untuk memeriksa keaslian surat ini:', left + size + 5, top + 10, { width: 130 });
    doc.text(s.qr.url, left + size + 5, doc.y + 2, { width: 130 });
    bottom = Math.max(bottom, top + size, doc.y);
  }
  doc.x = left;
  doc.y = bottom;
}
