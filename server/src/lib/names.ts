/** A person's name as printed: front titles, name, back titles ("dr. Siti Aminah, M.Kes."). */
export function fullName(e: { nama: string; gelarDepan: string | null; gelarBelakang: string | null }) {
  return [e.gelarDepan, e.nama].filter(Boolean).join(' ') + (e.gelarBelakang ? `, ${e.gelarBelakang}` : '');
}
