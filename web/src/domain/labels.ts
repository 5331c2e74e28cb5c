/**
 * Indonesian labels for the code lists (from @simak/shared) and value formatting by
 * field type, shared by the profile tabs, the proposal form and the request diff.
 */
import {
  ESELON_LABELS,
  HUBUNGAN_KELUARGA_LABELS,
  JENIS_BERHENTI_LABELS,
  JENIS_DIKLAT_LABELS,
  JENIS_JABATAN_LABELS,
  JENIS_KELAMIN_LABELS,
  JENIS_KP_LABELS,
  JENJANG_FUNGSIONAL_LABELS,
  PENDIDIKAN_LABELS,
  PREDIKAT_SKP_LABELS,
  ROLE_LABELS,
  RUMPUN_FUNGSIONAL_LABELS,
  STATUS_KEPEGAWAIAN_LABELS,
  TINGKAT_HUKDIS_LABELS,
} from '@simak/shared/codes';
import { GOLONGAN, PANGKAT } from '@simak/shared/rules/golongan';
import i18n from '../i18n';
import { EMPTY_VALUE, formatDate, formatDecimal, formatMoney, formatNumber } from '../i18n/format';

export { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '@simak/shared/api/documents';
export type { DocumentType } from '@simak/shared/api/documents';
export {
  STATUS_KEPEGAWAIAN_LABELS,
  JENIS_JABATAN_LABELS,
  PENDIDIKAN_LABELS,
  JENIS_DIKLAT_LABELS,
  PREDIKAT_SKP_LABELS,
  HUBUNGAN_KELUARGA_LABELS,
  TINGKAT_HUKDIS_LABELS,
  ROLE_LABELS,
  GOLONGAN,
  PANGKAT,
};

type LabelTable = Readonly<Record<string, string>>;

const golonganLabels: LabelTable = Object.fromEntries(GOLONGAN.map((g) => [g, `${g} — ${PANGKAT[g]}`]));

/** Label tables by field key (valid for every record type unless overridden below). */
const BY_FIELD: Record<string, LabelTable> = {
  jenisKelamin: JENIS_KELAMIN_LABELS,
  statusKepegawaian: STATUS_KEPEGAWAIAN_LABELS,
  jenisJabatan: JENIS_JABATAN_LABELS,
  eselon: ESELON_LABELS,
  jenjangFungsional: JENJANG_FUNGSIONAL_LABELS,
  rumpunFungsional: RUMPUN_FUNGSIONAL_LABELS,
  jenisBerhenti: JENIS_BERHENTI_LABELS,
  pendidikanTerakhir: PENDIDIKAN_LABELS,
  jenjang: PENDIDIKAN_LABELS,
  predikat: PREDIKAT_SKP_LABELS,
  tingkat: TINGKAT_HUKDIS_LABELS,
  hubungan: HUBUNGAN_KELUARGA_LABELS,
  jenisKp: JENIS_KP_LABELS,
  golongan: golonganLabels,
};

/** Field keys whose meaning depends on the record type. */
const BY_TARGET_FIELD: Record<string, Record<string, LabelTable>> = {
  diklat: { jenis: JENIS_DIKLAT_LABELS },
};

function i18nTable(prefix: string): (code: string) => string | undefined {
  return (code) => {
    const key = `${prefix}.${code}`;
    return i18n.exists(key) ? i18n.t(key) : undefined;
  };
}

/** agama / statusPerkawinan have no shared label table: their labels live in id.json. */
const I18N_FIELDS: Record<string, (code: string) => string | undefined> = {
  agama: i18nTable('codes.agama'),
  statusPerkawinan: i18nTable('codes.statusPerkawinan'),
};

/** Indonesian label of a code value of `field` (the code itself when unknown). */
export function codeLabel(field: string, code: string | null | undefined, target?: string): string {
  if (code === null || code === undefined || code === '') return EMPTY_VALUE;
  const table = (target && BY_TARGET_FIELD[target]?.[field]) || BY_FIELD[field];
  const fromTable = table?.[code];
  if (fromTable) return fromTable;
  return I18N_FIELDS[field]?.(code) ?? code;
}

/** Select options for an enum field, in the order given by the spec. */
export function enumOptions(field: string, options: readonly string[], target?: string): { value: string; label: string }[] {
  return options.map((value) => ({ value, label: codeLabel(field, value, target) }));
}

export type ValueType = 'text' | 'date' | 'int' | 'decimal' | 'enum' | 'bool' | 'money';

/** A stored value as shown to people: dates in Indonesian, codes as labels, money in Rupiah. */
export function formatValue(value: unknown, type: ValueType | string, field: string, target?: string): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  switch (type) {
    case 'date':
      return formatDate(String(value));
    case 'enum':
      return codeLabel(field, String(value), target);
    case 'bool':
      return value === true || value === 'true' ? i18n.t('common.yes') : i18n.t('common.no');
    case 'int':
      return typeof value === 'number' ? String(value) : String(value);
    case 'decimal':
      return typeof value === 'number' ? formatDecimal(value) : String(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value);
    default:
      return typeof value === 'number' ? formatNumber(value) : String(value);
  }
}

/** Golongan with its pangkat, e.g. `III/b (Penata Muda Tingkat I)`. */
export function golonganWithPangkat(golongan: string | null | undefined, pangkat?: string | null): string {
  if (!golongan) return EMPTY_VALUE;
  const name = pangkat ?? (PANGKAT as Record<string, string>)[golongan];
  return name ? `${golongan} (${name})` : golongan;
}

/** Mantine colour for a request state tone sent by the server. */
export function toneColor(tone: string | null | undefined): string {
  switch (tone) {
    case 'blue':
      return 'blue';
    case 'yellow':
      return 'yellow';
    case 'green':
      return 'green';
    case 'red':
      return 'red';
    default:
      return 'gray';
  }
}
