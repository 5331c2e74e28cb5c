import { describe, expect, it } from 'vitest';
import { contentDisposition, detectDocumentType, downloadFileName, sanitizeOriginalName } from './files.ts';

describe('sanitizeOriginalName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\System32\\drivers.pdf', 'drivers.pdf'],
    ['C:\\Users\\budi\\Desktop\\SK Pangkat.pdf', 'SK Pangkat.pdf'],
    ['/abs/path/', 'dokumen'],
    ['..', 'dokumen'],
    ['.htaccess', 'htaccess'],
    ['', 'dokumen'],
    [undefined, 'dokumen'],
    ['scan\u0000\u0007\u001b[31m.pdf', 'scan[31m.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u200Bb.pdf', 'ab.pdf'],
    ['tab\tand\nnewline.pdf', 'tabandnewline.pdf'],
    ['  banyak   spasi  .pdf  ', 'banyak spasi .pdf'],
    ['x<y>:z"w|q?r*.pdf', 'x_y__z_w_q_r_.pdf'],
    ['Akta Kelahiran – Ñandú.pdf', 'Akta Kelahiran – Ñandú.pdf'],
    ['trailing dots...', 'trailing dots'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeOriginalName(input)).toBe(expected);
  });

  it('limits the length and keeps the extension (counting code points)', () => {
    const long = `${'a'.repeat(300)}.pdf`;
    const out = sanitizeOriginalName(long);
    expect(out).toHaveLength(150);
    expect(out.endsWith('.pdf')).toBe(true);
    const emoji = sanitizeOriginalName(`${'😀'.repeat(200)}.png`);
    expect(Array.from(emoji)).toHaveLength(150);
    expect(emoji.endsWith('😀.png')).toBe(true);
  });
});

describe('downloadFileName', () => {
  it.each([
    ['sk.pdf', 'application/pdf', 'sk.pdf'],
    ['SK.PDF', 'application/pdf', 'SK.PDF'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
    ['foto.jpg', 'image/png', 'foto.jpg.png'],
    ['tanpa-ekstensi', 'application/pdf', 'tanpa-ekstensi.pdf'],
    ['virus.exe', 'application/pdf', 'virus.exe.pdf'],
  ] as const)('%s as %s → %s', (name, mime, expected) => {
    expect(downloadFileName(name, mime)).toBe(expected);
  });
});

describe('contentDisposition', () => {
  it('quotes plain ASCII names only', () => {
    expect(contentDisposition('attachment', 'sk-pangkat.pdf')).toBe('attachment; filename="sk-pangkat.pdf"');
    expect(contentDisposition('inline', 'a b.png')).toBe('inline; filename="a b.png"');
  });
  it('adds an RFC 5987 filename* for non-ASCII names with an ASCII fallback', () => {
    const v = contentDisposition('attachment', 'Ijazah – Universitas Ñ (2).pdf');
    expect(v).toBe(
      "attachment; filename=\"Ijazah _ Universitas N (2).pdf\"; filename*=UTF-8''Ijazah%20%E2%80%93%20Universitas%20%C3%91%20%282%29.pdf",
    );
  });
  it('never lets quotes, backslashes, percent signs or line breaks into the header', () => {
    for (const name of ['a"b.pdf', 'a\\b.pdf', '100%.pdf', 'a\r\nSet-Cookie: x=1.pdf', 'a%22b.pdf']) {
      const v = contentDisposition('attachment', name);
      expect(v).not.toMatch(/[\r\n]/);
      const quoted = /filename="([^"]*)"/.exec(v)![1]!;
      expect(quoted).not.toMatch(/["\\%]/);
      expect(v.match(/"/g)).toHaveLength(2);
    }
  });
});

describe('detectDocumentType', () => {
  it('decides by content', async () => {
    await expect(detectDocumentType(Buffer.from('%PDF-1.7\n%%EOF'))).resolves.toEqual({ mime: 'application/pdf', ext: 'pdf' });
    await expect(detectDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0, 0, 0]))).resolves.toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    await expect(detectDocumentType(Buffer.alloc(0))).rejects.toMatchObject({ status: 422, code: 'empty_file' });
    await expect(detectDocumentType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))).rejects.toMatchObject({
      status: 415,
      code: 'unsupported_file_type',
    });
    await expect(detectDocumentType(Buffer.from('GIF89a\x01\x00\x01\x00'))).rejects.toMatchObject({ status: 415 });
  });
});
