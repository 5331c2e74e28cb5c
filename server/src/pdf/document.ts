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
}

/** An A4 document: `draw` lays it out, the result is the finished file. */
export async function renderPdf(opts: PdfOptions, draw: (doc: Pdf) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    ...(opts.layout ? { layout: opts.layout } : {}),
    margins: opts.margins,
    info: { Title: opts.title, Author: opts.author, ...(opts.subject ? { Subject: opts.subject } : {}), CreationDate: opts.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}

/** Left edge and width of the text area of the current page. */
export function textArea(doc: Pdf) {
  const m = doc.page.margins;
  return { left: m.left, width: doc.page.width - m.left - m.right };
}
