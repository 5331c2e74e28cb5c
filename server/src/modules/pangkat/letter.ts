/**
 * The KP SK verification summary (ringkasan SK kenaikan pangkat): the platform's own one-page
 * record of an SK issued through BKN's flow, with a QR code to the public verification page.
 * Registered in modules/letters/registry.ts.
 */
import { GolonganSchema, golonganInfo, IsoDateSchema, JENIS_KP_LABELS } from '@simak/shared';
import { KpKindSchema } from '@simak/shared/api/pangkat';
import { z } from 'zod';
import { formatTanggal, nipText, rupiah } from '../../pdf/index.ts';
import { notifySummaryReady, renderSkSummary, SkSummaryBase, skSummaryFields } from '../letters/sk-summary.ts';
import { defineLetterKind, type LetterRenderCtx } from '../letters/types.ts';
import { SETTINGS } from '../settings/service.ts';

export const KP_SK_LETTER = 'KP_SK';

/** What the summary stores (letter.data), written when the SK is recorded. */
export const KpSkLetterDataSchema = SkSummaryBase.extend({
  namaJabatan: z.string().nullable(),
  opd: z.string(),
  jenis: KpKindSchema,
  from: GolonganSchema,
  to: GolonganSchema,
  tmt: IsoDateSchema,
  authority: z.enum(['PPK', 'PRESIDEN']),
  pertek: z.object({ label: z.string(), nomor: z.string(), tanggal: IsoDateSchema }).nullable(),
  mkgTahun: z.number().int().min(0).max(60),
  mkgBulan: z.number().int().min(0).max(11),
  gajiPokok: z.number().int().min(0).nullable(),
  regulation: z.string().nullable(),
});
export type KpSkLetterData = z.infer<typeof KpSkLetterDataSchema>;

const pangkat = (g: z.infer<typeof GolonganSchema>) => `${golonganInfo(g).pangkat} (${g})`;
const AUTHORITY = { PPK: 'Pejabat Pembina Kepegawaian (Bupati)', PRESIDEN: 'Presiden (Keputusan Presiden)' } as const;

export function renderKpSkSummary(d: KpSkLetterData, ctx: LetterRenderCtx): Promise<Buffer> {
  const rows: [string, string][] = [
    ['Nama', d.nama],
    ['NIP', nipText(d.nip)],
    ['Jabatan', d.namaJabatan ?? '-'],
    ['Unit kerja', d.opd],
    ['Jenis kenaikan pangkat', JENIS_KP_LABELS[d.jenis]],
    ['Pangkat lama', pangkat(d.from)],
    ['Pangkat baru', pangkat(d.to)],
    ['Terhitung mulai tanggal', formatTanggal(d.tmt)],
    ['Masa kerja golongan', `${d.mkgTahun} tahun ${d.mkgBulan} bulan`],
    ['Gaji pokok', `${rupiah(d.gajiPokok)}${d.regulation ? ` (${d.regulation})` : ''}`],
    ['Surat keputusan', `${d.nomorSk}, tanggal ${formatTanggal(d.tanggalSk)}`],
    ['Ditetapkan oleh', AUTHORITY[d.authority]],
  ];
  if (d.pertek) rows.push([d.pertek.label, `${d.pertek.nomor}, tanggal ${formatTanggal(d.pertek.tanggal)}`]);
  return renderSkSummary(
    d,
    {
      title: 'Ringkasan SK Kenaikan Pangkat',
      subject: `Kenaikan pangkat ${d.nama}`,
      heading: 'RINGKASAN SURAT KEPUTUSAN KENAIKAN PANGKAT',
      intro: 'Badan Kepegawaian Daerah menerangkan bahwa surat keputusan kenaikan pangkat berikut telah diterbitkan dan dicatat dalam data kepegawaian:',
      rows,
    },
    ctx,
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
  publicFields: (l) =>
    skSummaryFields(l, [
      { key: 'jenis', label: 'Jenis kenaikan pangkat', value: JENIS_KP_LABELS[l.data.jenis], raw: l.data.jenis },
      { key: 'golonganLama', label: 'Pangkat lama', value: pangkat(l.data.from), raw: l.data.from },
      { key: 'golonganBaru', label: 'Pangkat baru', value: pangkat(l.data.to), raw: l.data.to },
      { key: 'tmt', label: 'Terhitung mulai tanggal', value: formatTanggal(l.data.tmt), raw: l.data.tmt },
    ]),
  onRendered: notifySummaryReady<KpSkLetterData>('kp.summary_ready', 'SK kenaikan pangkat'),
});

export type { LetterRenderCtx };
