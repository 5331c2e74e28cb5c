/** e-Pangkat rows as the API sends them (whitelisted fields). */
import { appToday, dateToIso, JENIS_KP_LABELS, kpSkRoute } from '@simak/shared';
import type { EligibleCliOutput, EligibleRow, KpProposalPayload, KpRequestDetails } from '@simak/shared/api/pangkat';
import { kpPeriodWindow } from '@simak/shared/rules/kp-periods';
import type { Db } from '../../db.ts';
import type { Req } from '../../workflow/types.ts';
import { presentLetter } from '../letters/format.ts';
import type { KpVerdict } from './eligibility.ts';
import { loadCalendar, presentPeriod } from './periods.ts';

export function presentEligibleRow(v: KpVerdict, proposal: EligibleRow['proposal'] = null): EligibleRow {
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
    proposal,
  };
}

/** The KP figures of a proposal's request page: the payload, the window as it stands, the SK route, the SK and its summary letter. */
export async function presentKp(db: Db, req: Req<KpProposalPayload>): Promise<KpRequestDetails> {
  const p = req.payload;
  const [cal, letter] = await Promise.all([loadCalendar(db), db.letter.findUnique({ where: { requestId: req.id } })]);
  const window = kpPeriodWindow(p.period, cal.regimes, cal.overrides);
  const route = kpSkRoute(p.to);
  return {
    period: p.period,
    jenis: p.jenis,
    jenisLabel: JENIS_KP_LABELS[p.jenis],
    from: p.from,
    to: p.to,
    tmtGolongan: p.tmtGolongan,
    skpYears: [...p.skpYears],
    flags: p.flags,
    window: window ? presentPeriod(window, appToday()) : null,
    route: { authority: route.authority, pertekLabel: route.pertekLabel, pertekRequired: route.pertekRequired },
    pertek: p.pertek ?? null,
    // The document routes check the reader's rights themselves.
    sk: p.sk ? { ...p.sk, documentUrl: `/api/documents/${p.sk.documentId}/view` } : null,
    letter: letter ? presentLetter(letter) : null,
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
