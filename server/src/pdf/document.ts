/** Creating a pdfkit document with its metadata and collecting it into a Buffer. */
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

/** The fonts every document uses (pdfkit's standard fonts: no files to ship). */
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;

export interface PdfOptions {
  title: string;
  author: string;
  subject?: string;
  /** Written as the document's creation date (a fixed date keeps a document reproducible). */
  createdAt: Date;
  layout?: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
  /** "Halaman X dari Y" centred in the bottom margin of every page. */
  pageNumbers?: boolean;
}

/** An A4 document: `draw` lays it out, the result is the finished file. */
export async function renderPdf(opts: PdfOptions, draw: (doc: Pdf) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    ...(opts.layout ? { layout: opts.layout } : {}),
    margins: opts.margins,
    info: { Title: opts.title, Author: opts.author, ...(opts.subject ? { Subject: opts.subject } : {}), CreationDate: opts.createdAt },
    // Pages stay in memory until the end so that each can be numbered "of Y".
    bufferPages: !!opts.pageNumbers,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  if (opts.pageNumbers) numberPages(doc);
  doc.end();
  return done;
}

/** Left edge and width of the text area of the current page. */
export function textArea(doc: Pdf) {
  const m = doc.page.margins;
  return { left: m.left, width: doc.page.width - m.left - m.right };
}

/** Writes "Halaman X dari Y" in the bottom margin of every buffered page. */
function numberPages(doc: Pdf) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, width } = textArea(doc);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8).fillColor('#555555');
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, left, doc.page.height - bottom / 2 - 4, { width, align: 'center', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}
