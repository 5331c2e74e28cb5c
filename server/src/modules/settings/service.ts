/** Editable configuration kept in app_setting, each key with its zod schema and default. */
import { text } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { PENSIUN_FILE_OPEN_AHEAD_MONTHS } from '@simak/shared';
import type { RequestMeta } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { NotFound, validationError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';

const Line = (label: string, max = 200) => text({ label, max, trim: false });
const Letterhead = z.object({ pemda: Line('Pemerintah daerah'), instansi: Line('Instansi'), alamat: Line('Alamat', 300), kota: Line('Kota') });
const Signer = z.object({ nama: Line('Nama'), jabatan: Line('Jabatan'), nip: Line('NIP', 30), pangkat: Line('Pangkat', 100) });
/** A letter number pattern: `{seq}` (zero-padded to 4 digits) and `{year}` are filled in per letter. */
export const LetterNumberPattern = z.string().min(3).max(100).refine((s) => s.includes('{seq}'), 'Pola harus memuat {seq}.');

export const SETTINGS = {
  'change_request.reject_reasons': { schema: z.array(z.string().min(1).max(200)).max(50), default: [] as string[], label: 'Alasan penolakan usulan' },
  'change_request.no_verification_fields': { schema: z.array(z.enum(['email', 'noHp', 'alamat', 'kota', 'kodePos'])), default: ['email', 'noHp'], label: 'Field tanpa verifikasi' },
  'change_request.second_step_types': {
    schema: z.array(z.enum(['profile', 'keluarga', 'pendidikan', 'diklat', 'skp', 'pangkat', 'jabatan'])),
    default: [] as string[],
    label: 'Jenis usulan dengan verifikasi tahap 2',
  },
  'berkala.lead_months': { schema: z.number().int().min(1).max(12), default: 3, label: 'Tenggang waktu deteksi KGB (bulan)' },
  'berkala.skp_threshold': { schema: z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG']), default: 'BAIK', label: 'Batas predikat SKP untuk KGB' },
  'berkala.include_pppk': { schema: z.boolean(), default: false, label: 'KGB untuk PPPK' },
  'berkala.letter_number_pattern': {
    schema: LetterNumberPattern,
    default: '822.4/{seq}/427.45/{year}',
    label: 'Pola nomor surat KGB',
  },
  'berkala.signer': { schema: Signer, default: { nama: '-', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '-', pangkat: '-' }, label: 'Penandatangan surat KGB' },
  'pangkat.letter_number_pattern': {
    schema: LetterNumberPattern,
    default: '800.1.3.1/{seq}/427.45/{year}',
    label: 'Pola nomor ringkasan SK kenaikan pangkat',
  },
  'pangkat.signer': { schema: Signer, default: { nama: '-', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '-', pangkat: '-' }, label: 'Penandatangan ringkasan SK kenaikan pangkat' },
  'pensiun.lead_months': { schema: z.number().int().min(1).max(24), default: 12, label: 'Batas pengajuan berkas pensiun BUP ke BKD sebelum TMT (bulan)' },
  'pensiun.open_ahead_months': { schema: z.number().int().min(0).max(12), default: PENSIUN_FILE_OPEN_AHEAD_MONTHS, label: 'Berkas pensiun BUP dibuka otomatis sekian bulan sebelum batas pengajuannya' },
  'pensiun.letter_number_pattern': {
    schema: LetterNumberPattern,
    default: '800.1.6.4/{seq}/427.45/{year}',
    label: 'Pola nomor ringkasan SK pensiun',
  },
  'pensiun.signer': { schema: Signer, default: { nama: '-', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '-', pangkat: '-' }, label: 'Penandatangan ringkasan SK pensiun' },
  'cuti.final_step': { schema: z.enum(['BKD', 'OPD']), default: 'BKD', label: 'Persetujuan akhir cuti (setelah atasan): BKD atau admin OPD' },
  'cuti.letter_number_pattern': { schema: LetterNumberPattern, default: '800.1.11.4/{seq}/427.45/{year}', label: 'Pola nomor surat izin cuti' },
  'cuti.signer': { schema: Signer, default: { nama: '-', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '-', pangkat: '-' }, label: 'Penandatangan surat izin cuti' },
  'agency.letterhead': { schema: Letterhead, default: { pemda: 'PEMERINTAH KABUPATEN', instansi: 'BADAN KEPEGAWAIAN DAERAH', alamat: '-', kota: '-' }, label: 'Kop surat' },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: Db | Tx, key: K): Promise<SettingValue<K>> {
  const row = await db.appSetting.findUnique({ where: { key } });
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function putSetting(db: Db, meta: RequestMeta, key: string, value: unknown) {
  const spec = SETTINGS[key as SettingKey];
  if (!spec) throw NotFound('Pengaturan');
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return db.$transaction(async (tx) => {
    const before = await tx.appSetting.findUnique({ where: { key } });
    const row = await tx.appSetting.upsert({
      where: { key },
      create: { key, value: parsed.data as Prisma.InputJsonValue, updatedById: meta.actorUserId },
      update: { value: parsed.data as Prisma.InputJsonValue, updatedById: meta.actorUserId },
    });
    await writeAudit(tx, meta, { action: 'setting.updated', entityType: 'app_setting', entityId: key, before: before?.value ?? null, after: parsed.data });
    return row;
  });
}
