/** e-Pangkat rows as the API sends them (whitelisted fields). */
import { dateToIso } from '@simak/shared';
import type { EligibleCliOutput, EligibleRow } from '@simak/shared/api/pangkat';
import type { KpVerdict } from './eligibility.ts';

export function presentEligibleRow(v: KpVerdict): EligibleRow {
  const { row, result } = v;
  return {
    employeeId: row.id,
    nip: row.nip,
    nama: v.nama,
    opd: { id: row.opd_id, kode: row.opd_kode, nama: row.opd_nama },
    jabatan: { jenis: row.jenis_jabatan, nama: row.nama_jabatan, eselon: row.eselon, jenjang: row.jenjang_fungsional },
    eligible: result.eligible,
    jenis: result.jenis,
    from: result.from,
    to: result.to,
    tmtGolongan: row.tmt_golongan ? dateToIso(row.tmt_golongan) : null,
    reasons: result.reasons,
    codes: result.codes,
    flags: result.flags,
  };
}

/** The command line's JSON: every PNS in scope, eligible or with the reasons why not. */
export function presentCli(period: string, verdicts: readonly KpVerdict[]): EligibleCliOutput {
  const out: EligibleCliOutput = { period, eligible: [], ineligible: [] };
  for (const { row, nama, result } of verdicts) {
    if (result.eligible && result.jenis && result.to) out.eligible.push({ nip: row.nip, nama, from: result.from, to: result.to, jenis: result.jenis });
    else out.ineligible.push({ nip: row.nip, nama, reasons: result.reasons });
  }
  return out;
}
