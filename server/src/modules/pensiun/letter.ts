/**
 * The pension SK summary (ringkasan SK pensiun): the platform's one-page record of a pension SK
 * issued through BKN's flow, with a QR code to the public verification page. Registered in
 * modules/letters/registry.ts.
 */
import { IsoDateSchema } from '@simak/shared';
import { PENSIUN_KIND_LABELS, PensiunKind } from '@simak/shared/api/pensiun';
import { z } from 'zod';
import { formatTanggal, nipText } from '../../pdf/index.ts';
import { notifySummaryReady, renderSkSummary, SkSummaryBase, skSummaryFields } from '../letters/sk-summary.ts';
import { defineLetterKind, type LetterRenderCtx } from '../letters/types.ts';
import { SETTINGS } from '../settings/service.ts';

export const PENSIUN_SK_LETTER = 'PENSIUN_SK';

export const PensiunSkLetterDataSchema = SkSummaryBase.extend({
  namaJabatan: z.string().nullable(),
  golongan: z.string().nullable(),
  opd: z.string(),
  jenis: PensiunKind,
  bup: z.number().int().nullable(),
  tmt: IsoDateSchema,
  bkn: z.object({ nomor: z.string().nullable(), tanggal: IsoDateSchema }).nullable(),
});
export type PensiunSkLetterData = z.infer<typeof PensiunSkLetterDataSchema>;

export function renderPensiunSkSummary(d: PensiunSkLetterData, ctx: LetterRenderCtx): Promise<Buffer> {
  const rows: [string, string][] = [
    ['Nama', d.nama],
    ['NIP', nipText(d.nip)],
    ['Pangkat/golongan', d.golongan ?? '-'],
    ['Jabatan terakhir', d.namaJabatan ?? '-'],
    ['Unit kerja', d.opd],
    ['Jenis pensiun', PENSIUN_KIND_LABELS[d.jenis]],
    ['Batas usia pensiun', d.bup != null ? `${d.bup} tahun` : '-'],
    ['Terhitung mulai tanggal', formatTanggal(d.tmt)],
    ['Surat keputusan', `${d.nomorSk}, tanggal ${formatTanggal(d.tanggalSk)}`],
  ];
  if (d.bkn) rows.push(['Pertimbangan teknis BKN', `${d.bkn.nomor ?? '-'}, tanggal ${formatTanggal(d.bkn.tanggal)}`]);
  return renderSkSummary(
    d,
    {
      title: 'Ringkasan SK Pensiun',
      subject: `Pensiun ${d.nama}`,
      heading: 'RINGKASAN SURAT KEPUTUSAN PEMBERHENTIAN DENGAN HAK PENSIUN',
      intro: 'Badan Kepegawaian Daerah menerangkan bahwa surat keputusan pensiun berikut telah diterbitkan dan dicatat dalam data kepegawaian:',
      rows,
    },
    ctx,
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
  publicFields: (l) =>
    skSummaryFields(l, [
      { key: 'jenis', label: 'Jenis pensiun', value: PENSIUN_KIND_LABELS[l.data.jenis], raw: l.data.jenis },
      { key: 'tmt', label: 'Terhitung mulai tanggal', value: formatTanggal(l.data.tmt), raw: l.data.tmt },
    ]),
  onRendered: notifySummaryReady<PensiunSkLetterData>('pensiun.summary_ready', 'SK pensiun'),
});
