/** Building blocks of a kind's public fields (pure). */
import { formatTanggal } from '../../pdf/format.ts';
import { maskNip } from './format.ts';
import type { LetterRecord, PublicField } from './types.ts';

export const numberField = (l: Pick<LetterRecord<unknown>, 'number'>): PublicField => ({ key: 'number', label: 'Nomor surat', value: l.number });
export const dateField = (l: Pick<LetterRecord<unknown>, 'date'>): PublicField => ({ key: 'date', label: 'Tanggal surat', value: formatTanggal(l.date), raw: l.date });
export const nameField = (nama: string): PublicField => ({ key: 'nama', label: 'Nama', value: nama });
export const nipField = (nip: string): PublicField => ({ key: 'nip', label: 'NIP', value: maskNip(nip) });
export const signerField = (s: { nama: string; jabatan: string }): PublicField => ({
  key: 'signer',
  label: 'Penandatangan',
  value: `${s.nama} — ${s.jabatan}`,
  raw: { nama: s.nama, jabatan: s.jabatan },
});

/**
 * Keys that never reach the public page or its JSON, whatever a kind returns: personal data
 * beyond what the paper shows (NIK, address, birth date and place).
 */
const PRIVATE_KEYS = new Set(['nik', 'alamat', 'address', 'tanggallahir', 'tempatlahir', 'birthdate']);
export const isPrivateField = (f: PublicField) => PRIVATE_KEYS.has(f.key.toLowerCase().replace(/[^a-z]/g, ''));
