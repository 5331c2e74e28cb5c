// Javanese/Madurese/Indonesian personal names for the demo regency, by sex and
// generation, plus birthplaces, e-mail and phone helpers.
import type { Rng } from './random.ts';

const MALE_OLD = [
  'Agus', 'Bambang', 'Budi', 'Joko', 'Slamet', 'Sugeng', 'Heru', 'Hadi', 'Edi', 'Imam', 'Didik', 'Gatot',
  'Nanang', 'Purnomo', 'Rahmat', 'Samsul', 'Sutrisno', 'Suparman', 'Sugiarto', 'Mulyono', 'Supriyadi',
  'Hariyanto', 'Suyanto', 'Sunarto', 'Suwandi', 'Wahyudi', 'Yudi', 'Teguh', 'Hartono', 'Sujito', 'Subagyo',
  'Sumarno', 'Tri', 'Dwi', 'Eko', 'Moh.', 'Abdul', 'Ahmad', 'Achmad', 'Mochammad', 'Nur', 'Syamsul',
  'Kusnadi', 'Hasan', 'Mashuri', 'Mujiono', 'Priyo', 'Rudi', 'Sukardi', 'Siswanto', 'Sukirno', 'Pujiono',
  'Totok', 'Heri', 'Yusuf', 'Zainal', 'Abd.', 'Hendro', 'Bagyo', 'Wiyono', 'Sumadi', 'Kasiadi',
];
const MALE_YOUNG = [
  'Adi', 'Aditya', 'Andi', 'Arif', 'Bayu', 'Dimas', 'Fajar', 'Fikri', 'Galih', 'Gilang', 'Hendra', 'Ilham',
  'Lukman', 'Rizky', 'Rendy', 'Reza', 'Rian', 'Yoga', 'Wisnu', 'Yogi', 'Taufik', 'Dani', 'Dicky', 'Ferry',
  'Angga', 'Bagus', 'Candra', 'Deni', 'Erik', 'Hafiz', 'Irfan', 'Naufal', 'Rafi', 'Rangga', 'Satria',
  'Tegar', 'Yusuf', 'Zaki', 'Alfian', 'Muhammad', 'Moh.', 'Ahmad', 'Eko', 'Dwi', 'Tri', 'Firman', 'Hanif',
  'Iqbal', 'Rizal', 'Bima', 'Danang', 'Fahmi', 'Novan', 'Yudha',
];
const MALE_LAST = [
  'Setiawan', 'Prasetyo', 'Santoso', 'Wibowo', 'Nugroho', 'Kurniawan', 'Hidayat', 'Susanto', 'Saputra',
  'Pratama', 'Firmansyah', 'Ramadhan', 'Hakim', 'Widodo', 'Hartono', 'Purnomo', 'Wijaya', 'Utomo',
  'Gunawan', 'Hermawan', 'Kusuma', 'Irawan', 'Syahputra', 'Maulana', 'Effendi', 'Rahman', 'Hasanudin',
  'Arifin', 'Mustofa', 'Fauzi', 'Anwar', 'Sholeh', 'Sugiarto', 'Riyadi', 'Wahyudi', 'Suprapto', 'Hariadi',
  'Cahyono', 'Subekti', 'Setyawan', 'Prakoso', 'Darmawan', 'Yulianto', 'Haryanto', 'Budiman', 'Fathoni',
  "Ma'ruf", 'Kholil', 'Syaifuddin', 'Zainuddin', 'Mahfud', 'Junaidi', 'Sutrisno', 'Harianto', 'Wicaksono',
  'Nurhadi', 'Prabowo', 'Syafi\'i', 'Hidayatullah', 'Rosyid',
];
const FEMALE_OLD = [
  'Siti', 'Sri', 'Endang', 'Ani', 'Yuli', 'Lilik', 'Sulastri', 'Suprapti', 'Sumarni', 'Tutik', 'Umi',
  'Wiwik', 'Yuyun', 'Erna', 'Nur', 'Titik', 'Retno', 'Rini', 'Dewi', 'Ida', 'Lia', 'Mamik', 'Sumiati',
  'Sulistyowati', 'Suparmi', 'Endah', 'Diah', 'Nanik', 'Kustini', 'Sunarsih', 'Murni', 'Tri', 'Dwi', 'Eni',
  'Heni', 'Ika', 'Ririn', 'Yayuk', 'Winarti', 'Sitti', 'Musrifah', 'Rukmini',
];
const FEMALE_YOUNG = [
  'Dewi', 'Putri', 'Nabila', 'Aulia', 'Anisa', 'Nurul', 'Rina', 'Dian', 'Fitri', 'Indah', 'Lina', 'Maya',
  'Novi', 'Ratna', 'Sari', 'Ayu', 'Evi', 'Lusi', 'Dina', 'Intan', 'Mega', 'Nadia', 'Rara', 'Rizka',
  'Tiara', 'Vina', 'Wulan', 'Yulia', 'Zahra', 'Alfi', 'Citra', 'Desi', 'Eka', 'Febri', 'Ika', 'Laila',
  'Nisa', 'Siti', 'Sri', 'Dwi', 'Tri', 'Anggun', 'Bella', 'Devi', 'Kiki', 'Nia', 'Riska', 'Yeni',
];
const FEMALE_LAST = [
  'Rahmawati', 'Wahyuni', 'Lestari', 'Handayani', 'Wulandari', 'Susanti', 'Purwanti', 'Kurniasih',
  'Rahayu', 'Setyowati', 'Astuti', 'Hidayati', 'Suryani', 'Yuliana', 'Anggraini', 'Fitriani', 'Safitri',
  'Maulida', 'Puspitasari', 'Novitasari', 'Permatasari', 'Utami', 'Pratiwi', 'Nurhayati', 'Aminah',
  'Khotimah', 'Mahmudah', 'Fatimah', 'Zulaikha', 'Sholikhah', 'Rohmah', 'Kusumawati', 'Indriani',
  'Ningsih', 'Agustina', 'Oktaviani', 'Damayanti', 'Kartika', 'Maharani', 'Marlina', 'Andriani',
  'Yuniarti', 'Hasanah', 'Mufidah', 'Sulistyaningsih', 'Windarti', 'Ekawati', 'Setianingsih', 'Mardiyah',
];

/** Traditional one-word names (common among older civil servants). */
const MALE_SINGLE = [
  'Sutrisno', 'Sugiarto', 'Suparman', 'Mulyono', 'Supriyadi', 'Hariyanto', 'Suyanto', 'Sunarto', 'Suwandi',
  'Wahyudi', 'Hartono', 'Subagyo', 'Sumarno', 'Kusnadi', 'Mashuri', 'Mujiono', 'Sukardi', 'Siswanto', 'Sukirno',
  'Pujiono', 'Sumadi', 'Kasiadi', 'Wiyono', 'Santoso', 'Widodo', 'Purnomo', 'Riyadi', 'Suprapto', 'Junaidi',
];
const FEMALE_SINGLE = [
  'Sulastri', 'Suprapti', 'Sumarni', 'Sumiati', 'Sulistyowati', 'Suparmi', 'Kustini', 'Sunarsih', 'Murni',
  'Winarti', 'Rukmini', 'Musrifah', 'Sumarsih', 'Sutini', 'Juwariyah', 'Mariyam', 'Rahayu', 'Handayani',
  'Sriyani', 'Wahyuni', 'Purwanti', 'Setyowati', 'Khotimah', 'Mahmudah', 'Zulaikha',
];

export type Sex = 'L' | 'P';

/** A full name (no titles). Older people more often carry one or two traditional names. */
export function personName(rng: Rng, sex: Sex, birthYear: number): string {
  const old = birthYear < 1978;
  const firsts = sex === 'L' ? (old ? MALE_OLD : MALE_YOUNG) : old ? FEMALE_OLD : FEMALE_YOUNG;
  const lasts = sex === 'L' ? MALE_LAST : FEMALE_LAST;
  const shape = rng.weighted<number>(
    old
      ? [[1, 0.18], [2, 0.67], [3, 0.15]]
      : [[1, 0.04], [2, 0.66], [3, 0.3]],
  );
  if (shape === 1) return rng.pick(sex === 'L' ? MALE_SINGLE : FEMALE_SINGLE);
  const first = rng.pick(firsts);
  if (shape === 2) return `${first} ${rng.pick(lasts)}`;
  let middle = rng.pick(firsts);
  if (middle === first || middle.endsWith('.')) middle = rng.pick(sex === 'L' ? MALE_YOUNG : FEMALE_YOUNG);
  if (middle === first) return `${first} ${rng.pick(lasts)}`;
  return `${first} ${middle} ${rng.pick(lasts)}`;
}

export const BIRTHPLACES: readonly (readonly [string, number])[] = [
  ['Lumajang', 55], ['Jember', 8], ['Probolinggo', 7], ['Malang', 6], ['Pasuruan', 3], ['Surabaya', 3],
  ['Banyuwangi', 2], ['Bondowoso', 2], ['Situbondo', 1], ['Kediri', 1], ['Blitar', 1], ['Madiun', 1],
  ['Sidoarjo', 1], ['Tulungagung', 1], ['Bangkalan', 1], ['Sumenep', 1], ['Pasirian', 2], ['Tempeh', 2],
  ['Senduro', 1], ['Klakah', 1], ['Jatiroto', 1], ['Yosowilangun', 1], ['Kunir', 1], ['Candipuro', 1],
];

/**
 * E-mail address on a reserved domain (RFC 2606), so a demo install can never
 * mail a real person. Unique per run thanks to `used`.
 */
export function emailFor(rng: Rng, nama: string, used: Set<string>): string {
  const parts = nama
    .toLowerCase()
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const first = parts[0] ?? 'asn';
  const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
  let base = last && rng.chance(0.7) ? `${first}.${last}` : `${first}${last ?? ''}`;
  if (rng.chance(0.35)) base += String(rng.int(70, 99) % 100).padStart(2, '0');
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
  used.add(candidate);
  return `${candidate}@example.com`;
}

const HP_PREFIX = ['0812', '0813', '0821', '0822', '0852', '0853', '0856', '0857', '0858', '0877', '0878', '0819', '0838', '0895', '0896'];

export function phoneNumber(rng: Rng): string {
  return rng.pick(HP_PREFIX) + rng.digits(rng.chance(0.7) ? 8 : 7);
}
