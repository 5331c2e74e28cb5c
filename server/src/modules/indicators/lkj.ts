/**
 * LKj (laporan kinerja) tables from a computed result: target / realisasi /
 * capaian with the previous year side by side, the formula of every indicator
 * with its numbers, the per-OPD breakdown and the output counters. XLSX keeps the
 * unrounded values (shown with 2 decimals); the PDF rounds for display.
 */
import { todayJakarta } from '@simak/shared';
import type { IndicatorKey, IndicatorResult, IndicatorValue } from '@simak/shared/api/indicators';
import { INDICATOR_KEYS } from '@simak/shared/api/indicators';
import ExcelJS from 'exceljs';
import { angka, angkaDalamTeks, bilangan, drawLetterhead, drawSignatureBlock, FONT, formatTanggal, pdfText, renderPdf, textArea, type Letterhead, type Pdf, type Signer } from '../../pdf/index.ts';

const POLARITY_LABEL = { HIGHER_IS_BETTER: 'Makin tinggi makin baik', LOWER_IS_BETTER: 'Makin rendah makin baik' } as const;

const FLAG_LABELS: Record<string, string> = {
  NO_POPULATION: 'tidak ada ASN aktif (N = 0)',
  ZERO_DENOMINATOR_A: 'komponen a: tidak ada pejabat eselon (dihitung 0)',
  ZERO_DENOMINATOR_B: 'komponen b: tidak ada pejabat fungsional (dihitung 0)',
  ZERO_DENOMINATOR_C: 'komponen c: penyebut 0',
  ZERO_DENOMINATOR_D: 'komponen d: penyebut 0',
  MISSING_SKP: 'ada ASN tanpa nilai SKP (dihitung 0)',
  SKP_NOT_ASSESSED: 'SKP tahun ini belum dinilai (belum ada nilai)',
  MISSING_COMPONENT: 'ada indeks komponen yang kosong',
  WEIGHTS_NOT_100: 'jumlah bobot bukan 100',
  MISSING_TARGET: 'target belum ditetapkan',
  ZERO_TARGET: 'target bernilai 0',
  MISSING_REALISASI: 'realisasi tidak dapat dihitung',
  UNKNOWN_EDUCATION_LEVEL: 'ada kode pendidikan yang tidak dikenal (bobot 0)',
};

export const flagText = (flags: string[]) => flags.map((f) => FLAG_LABELS[f] ?? f).join('; ');

function unitLabel(r: IndicatorResult) {
  return r.opd ? `${r.opd.nama} (${r.opd.kode}) beserta unit di bawahnya` : 'Seluruh perangkat daerah';
}

/** Rows of the formula breakdown: indicator, component, numerator, denominator, value, formula. */
export function formulaRows(r: IndicatorResult): [string, string, string, string, string, string][] {
  const i = r.indicators;
  const ikpC = i.ikp.components as { sumWeights: number; n: number; byLevel: Record<string, number>; unknownLevel: number };
  const ikom = i.ikom.components as Record<'a' | 'b' | 'c' | 'd', { num: number; den: number; value: number | null }>;
  const ikin = i.ikin.components as { sumScores: number; n: number; missing: number; fromNilai: number; fromPredikat: number };
  const idis = i.idis.components as { ringan: number; sedang: number; berat: number; weighted: number; n: number };
  const ip = i.ip.components as { weights: Record<string, number>; values: Record<string, number | null>; note: string };
  const levels = Object.entries(ikpC.byLevel)
    .map(([k, n]) => `${k}: ${bilangan(n)}`)
    .join(', ');
  return [
    ['IKP', 'Σ bobot pendidikan / (N × 3)', bilangan(ikpC.sumWeights), bilangan(ikpC.n * 3), angka(i.ikp.value, 4), angkaDalamTeks(i.ikp.formula)],
    ['', `Sebaran pendidikan: ${levels || '—'}${ikpC.unknownLevel ? `; kode tidak dikenal: ${bilangan(ikpC.unknownLevel)}` : ''}`, '', '', '', ''],
    ['IKom', 'a. Eselon dengan diklat kepemimpinan', bilangan(ikom.a.num), bilangan(ikom.a.den), angka(ikom.a.value, 4), ''],
    ['', 'b. JFT dengan diklat fungsional', bilangan(ikom.b.num), bilangan(ikom.b.den), angka(ikom.b.value, 4), ''],
    ['', 'c. ASN dengan ≥ 20 JP', bilangan(ikom.c.num), bilangan(ikom.c.den), angka(ikom.c.value, 4), ''],
    ['', 'd. ASN dengan seminar/workshop/bimtek', bilangan(ikom.d.num), bilangan(ikom.d.den), angka(ikom.d.value, 4), ''],
    ['', '(a + b + c + d) / 4 × 100', '', '', angka(i.ikom.value, 4), angkaDalamTeks(i.ikom.formula)],
    [
      'IKin',
      `Σ nilai SKP / (100 × N) — ${bilangan(ikin.fromNilai)} dari nilai, ${bilangan(ikin.fromPredikat)} dari predikat, ${bilangan(ikin.missing)} tanpa SKP`,
      angkaDalamTeks(String(ikin.sumScores)),
      bilangan(100 * ikin.n),
      angka(i.ikin.value, 4),
      angkaDalamTeks(i.ikin.formula),
    ],
    [
      'IDis',
      `(R × 1 + S × 2 + B × 3) / N — R ${bilangan(idis.ringan)}, S ${bilangan(idis.sedang)}, B ${bilangan(idis.berat)}`,
      bilangan(idis.weighted),
      bilangan(idis.n),
      angka(i.idis.value, 4),
      angkaDalamTeks(i.idis.formula),
    ],
    [
      'IP',
      `Bobot: IKP ${ip.weights.ikp}%, IKom ${ip.weights.ikom}%, IKin ${ip.weights.ikin}%, IDis ${ip.weights.idis}%`,
      '',
      '',
      angka(i.ip.value, 4),
      angkaDalamTeks(i.ip.formula),
    ],
  ];
}

interface MainRow {
  no: number;
  key: IndicatorKey;
  now: IndicatorValue;
  prev: IndicatorValue;
}

const mainRows = (r: IndicatorResult): MainRow[] =>
  INDICATOR_KEYS.map((key, idx) => ({ no: idx + 1, key, now: r.indicators[key], prev: r.previous.indicators[key] }));

// ---------------------------------------------------------------------------
// XLSX

export async function lkjXlsx(r: IndicatorResult, head: Letterhead): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIMAK BKD';
  wb.created = new Date(r.computedAt);
  const num = '#,##0.00';

  const ws = wb.addWorksheet('Capaian IKU');
  ws.columns = [
    { key: 'no', width: 5 },
    { key: 'indikator', width: 38 },
    { key: 'polaritas', width: 24 },
    { key: 'target', width: 12 },
    { key: 'realisasi', width: 13 },
    { key: 'capaian', width: 13 },
    { key: 'prevRealisasi', width: 15 },
    { key: 'prevCapaian', width: 15 },
    { key: 'catatan', width: 60 },
  ];
  ws.addRow([head.instansi]).font = { bold: true, size: 13 };
  ws.addRow([`Pengukuran Kinerja — Indikator Kinerja Utama Tahun ${r.year}`]).font = { bold: true, size: 12 };
  ws.addRow([`${unitLabel(r)} · posisi ${formatTanggal(r.asOf)} · ASN aktif (N): ${bilangan(r.population)}`]);
  ws.addRow([]);
  const header = ws.addRow(['No', 'Indikator', 'Polaritas', 'Target', `Realisasi ${r.year}`, 'Capaian (%)', `Realisasi ${r.previous.year}`, `Capaian ${r.previous.year} (%)`, 'Catatan']);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const m of mainRows(r)) {
    const row = ws.addRow([
      m.no,
      `${m.now.label} (${m.now.code === 'IKOM' ? 'IKom' : m.now.code === 'IKIN' ? 'IKin' : m.now.code === 'IDIS' ? 'IDis' : m.now.code})`,
      POLARITY_LABEL[m.now.polarity],
      m.now.target,
      m.now.value,
      m.now.capaian,
      m.prev.value,
      m.prev.capaian,
      flagText(m.now.flags),
    ]);
    for (const col of [4, 5, 6, 7, 8]) row.getCell(col).numFmt = num;
  }
  ws.addRow([]);
  ws.addRow(['', (r.indicators.ip.components as { note: string }).note]).getCell(2).alignment = { wrapText: true };
  ws.addRow(['', 'Capaian: makin tinggi = realisasi / target × 100; makin rendah = (2 × target − realisasi) / target × 100. Nilai tidak dibatasi.']);

  const wf = wb.addWorksheet('Rincian Rumus');
  wf.columns = [
    { header: 'Indikator', key: 'i', width: 9 },
    { header: 'Komponen', key: 'k', width: 62 },
    { header: 'Pembilang', key: 'n', width: 14 },
    { header: 'Penyebut', key: 'd', width: 12 },
    { header: 'Nilai', key: 'v', width: 12 },
    { header: 'Rumus dengan angka', key: 'f', width: 80 },
  ];
  wf.getRow(1).font = { bold: true };
  for (const row of formulaRows(r)) wf.addRow(row);

  if (r.breakdown) {
    const wo = wb.addWorksheet('Per OPD');
    wo.columns = [
      { header: 'Kode', key: 'kode', width: 12 },
      { header: 'OPD', key: 'nama', width: 40 },
      { header: 'N', key: 'n', width: 8 },
      { header: 'IKP', key: 'ikp', width: 10 },
      { header: 'IKom', key: 'ikom', width: 10 },
      { header: 'IKin', key: 'ikin', width: 10 },
      { header: 'IDis', key: 'idis', width: 10 },
      { header: 'IP', key: 'ip', width: 10 },
    ];
    wo.getRow(1).font = { bold: true };
    for (const b of r.breakdown) {
      const row = wo.addRow({
        kode: b.opd.kode,
        nama: b.opd.nama,
        n: b.population,
        ikp: b.indicators.ikp.value,
        ikom: b.indicators.ikom.value,
        ikin: b.indicators.ikin.value,
        idis: b.indicators.idis.value,
        ip: b.indicators.ip.value,
      });
      for (const col of [4, 5, 6, 7, 8]) row.getCell(col).numFmt = num;
    }
  }

  const wc = wb.addWorksheet('Keluaran');
  wc.columns = [
    { header: 'Keluaran', key: 'k', width: 60 },
    { header: 'Jumlah', key: 'v', width: 14 },
  ];
  wc.getRow(1).font = { bold: true };
  for (const [k, v] of counterRows(r)) wc.addRow([k, v]);
  for (const n of r.counters.notes) wc.addRow([n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function counterRows(r: IndicatorResult): [string, string][] {
  const c = r.counters;
  return [
    ['Surat pemberitahuan KGB yang diterbitkan', String(c.kgbLetters)],
    ['ASN yang menerima dokumen kepangkatan (SK kenaikan pangkat)', String(c.promotionSks)],
    ['ASN menerima SK pensiun', String(c.pensionSks)],
    ['Usulan perubahan data yang diverifikasi', String(c.dataChangeVerified)],
    ...c.decisionTimes.map((t): [string, string] => [`Rata-rata hari dari pengajuan sampai keputusan — ${t.label} (${t.decided} usulan)`, angka(t.averageDays, 1)]),
  ];
}

// ---------------------------------------------------------------------------
// PDF

/** The LKj as a PDF ready to sign: numbered pages, Indonesian numbers, the head of BKD's signature block. */
export async function lkjPdf(r: IndicatorResult, head: Letterhead, signer: Signer): Promise<Buffer> {
  return renderPdf(
    {
      title: `LKj — Capaian IKU ${r.year}`,
      author: head.instansi,
      createdAt: new Date(r.computedAt),
      layout: 'landscape',
      margins: { top: 40, bottom: 40, left: 40, right: 40 },
      pageNumbers: true,
    },
    (doc) => drawLkj(doc, r, head, signer),
  );
}

function drawLkj(doc: Pdf, r: IndicatorResult, head: Letterhead, signer: Signer) {
  const { left, width: W } = textArea(doc);

  drawLetterhead(doc, head, 'report');
  doc.font(FONT.bold).fontSize(12).text(`PENGUKURAN KINERJA — INDIKATOR KINERJA UTAMA TAHUN ${r.year}`, left, doc.y, { width: W, align: 'center' });
  doc.font(FONT.regular).fontSize(9).text(`${unitLabel(r)} · posisi ${formatTanggal(r.asOf)} · ASN aktif (N) ${bilangan(r.population)}`, { width: W, align: 'center' });
  doc.moveDown(0.8);

  type Col = { title: string; width: number; align?: 'left' | 'right' | 'center' };
  const table = (cols: Col[], rows: string[][], opts: { fontSize?: number } = {}) => {
    const size = opts.fontSize ?? 9;
    const pad = 3;
    const drawRow = (cells: string[], bold: boolean, fill?: string) => {
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(size);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(pdfText(c), { width: cols[i]!.width - 2 * pad }))) + 2 * pad;
      if (doc.y + h > doc.page.height - 40) doc.addPage();
      const top = doc.y;
      let x = left;
      if (fill) doc.rect(left, top, cols.reduce((a, c) => a + c.width, 0), h).fill(fill).fillColor('black');
      cells.forEach((c, i) => {
        const col = cols[i]!;
        doc.rect(x, top, col.width, h).lineWidth(0.5).strokeColor('#8a96a3').stroke();
        doc.fillColor('black').text(pdfText(c), x + pad, top + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
        x += col.width;
      });
      doc.x = left;
      doc.y = top + h;
    };
    drawRow(cols.map((c) => c.title), true, '#dce6f1');
    for (const row of rows) drawRow(row, false);
  };

  const main = mainRows(r);
  table(
    [
      { title: 'No', width: 26, align: 'center' },
      { title: 'Indikator', width: 190 },
      { title: 'Polaritas', width: 100 },
      { title: 'Target', width: 60, align: 'right' },
      { title: `Realisasi ${r.year}`, width: 70, align: 'right' },
      { title: 'Capaian (%)', width: 66, align: 'right' },
      { title: `Realisasi ${r.previous.year}`, width: 70, align: 'right' },
      { title: `Capaian ${r.previous.year} (%)`, width: 70, align: 'right' },
      { title: 'Catatan', width: W - 652 },
    ],
    main.map((m) => [
      String(m.no),
      m.now.label,
      POLARITY_LABEL[m.now.polarity],
      angka(m.now.target),
      angka(m.now.value),
      angka(m.now.capaian),
      angka(m.prev.value),
      angka(m.prev.capaian),
      flagText(m.now.flags),
    ]),
  );
  doc.moveDown(0.5);
  doc.font(FONT.italic).fontSize(8).text(pdfText((r.indicators.ip.components as { note: string }).note), left, doc.y, { width: W });
  doc.text(pdfText('Capaian: makin tinggi = realisasi / target × 100; makin rendah = (2 × target − realisasi) / target × 100; tidak dibatasi.'), { width: W });
  doc.moveDown(0.8);

  doc.font(FONT.bold).fontSize(10.5).text('Rincian rumus dengan angka', left, doc.y);
  doc.moveDown(0.3);
  table(
    [
      { title: 'Indikator', width: 52 },
      { title: 'Komponen', width: 250 },
      { title: 'Pembilang', width: 62, align: 'right' },
      { title: 'Penyebut', width: 56, align: 'right' },
      { title: 'Nilai', width: 58, align: 'right' },
      { title: 'Rumus dengan angka', width: W - 478 },
    ],
    formulaRows(r).map((row) => [row[0], row[1], row[2], row[3], row[4], row[5]]),
    { fontSize: 8 },
  );
  doc.moveDown(0.8);

  if (r.breakdown?.length) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.font(FONT.bold).fontSize(10.5).text('Per perangkat daerah', left, doc.y);
    doc.moveDown(0.3);
    // The code column is as wide as the longest code: a code never breaks mid-word.
    doc.font(FONT.regular).fontSize(8);
    const kodeWidth = Math.ceil(Math.max(40, ...r.breakdown.map((b) => doc.widthOfString(pdfText(b.opd.kode)))) + 8);
    table(
      [
        { title: 'Kode', width: kodeWidth },
        { title: 'Perangkat daerah', width: 370 - kodeWidth },
        { title: 'N', width: 50, align: 'right' },
        { title: 'IKP', width: 60, align: 'right' },
        { title: 'IKom', width: 60, align: 'right' },
        { title: 'IKin', width: 60, align: 'right' },
        { title: 'IDis', width: 60, align: 'right' },
        { title: 'IP', width: W - 660, align: 'right' },
      ],
      r.breakdown.map((b) => [
        b.opd.kode,
        b.opd.nama,
        bilangan(b.population),
        angka(b.indicators.ikp.value),
        angka(b.indicators.ikom.value),
        angka(b.indicators.ikin.value),
        angka(b.indicators.idis.value),
        angka(b.indicators.ip.value),
      ]),
      { fontSize: 8 },
    );
    doc.moveDown(0.8);
  }

  if (doc.y > doc.page.height - 150) doc.addPage();
  doc.font(FONT.bold).fontSize(10.5).text('Keluaran layanan', left, doc.y);
  doc.moveDown(0.3);
  table(
    [
      { title: 'Keluaran', width: W - 100 },
      { title: 'Jumlah', width: 100, align: 'right' },
    ],
    counterRows(r),
    { fontSize: 8.5 },
  );
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(7.5).text(pdfText(r.counters.notes.join(' ')), left, doc.y, { width: W });
  doc.text(
    `Dihitung langsung dari data SIMAK pada ${formatTanggal(todayJakarta(new Date(r.computedAt)))}. Nilai dihitung dengan presisi penuh dan dibulatkan 2 desimal hanya untuk tampilan.`,
    { width: W },
  );

  // Signed by the head of BKD (the agency's signer setting), on this page when it fits.
  doc.moveDown(1.5);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  doc.font(FONT.regular).fontSize(10);
  drawSignatureBlock(doc, { place: head.kota, date: todayJakarta(new Date(r.computedAt)), signer });
}
