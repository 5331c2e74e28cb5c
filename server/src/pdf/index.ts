/**
 * PDF helpers shared by letters (modules/letters) and reports (LKj export): the document with its
 * metadata, the agency letterhead, data rows, the signature block with the QR code, and
 * Indonesian dates and numbers.
 */
export { renderPdf, textArea, FONT, type Pdf, type PdfOptions } from './document.ts';
export { agencyLetterhead, dataRow, drawLetterhead, drawSignatureBlock, qrPng, type Letterhead, type Signer } from './blocks.ts';
export { angka, angkaDalamTeks, bilangan, formatTanggal, nipText, pdfText, rupiah } from './format.ts';
