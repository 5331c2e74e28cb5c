/**
 * The retirement forecast: every active PNS/CPNS whose pension TMT (BUP table in force, TMT on the
 * 1st of the month after the BUP birthday) falls within N months of a date, with the day the file is
 * due (TMT − pensiun.lead_months), the file if one is open and an overdue flag. SQL narrows the
 * scope and the birth dates that can reach any BUP in the window; the rule per position is then
 * applied to those rows. Shared by the routes, the CLI and the daily job.
 */
import { addMonths, addYears, dateToIso, pensiunFileDueDate, tmtPensiun, type IsoDate } from '@simak/shared';
import type { ForecastItem, ForecastResult } from '@simak/shared/api/pensiun';
import type { Db, Tx } from '../../db.ts';
import { fullName } from '../requests/presenter.ts';
import { getSetting } from '../settings/service.ts';
import { PENSIUN, pensiunWorkflow } from './definition.ts';
import { bupOf, bupRange, loadBupRules } from './rules.ts';

/** States in which the file has not reached BKD yet (still owed by the OPD). */
export const NOT_SUBMITTED = ['DRAFT', 'DIKEMBALIKAN'];

export interface ForecastScope {
  asOf: IsoDate;
  months: number;
  /** OPD ids (a unit with the units under it, or an OPD admin's scope); null: every unit. */
  opdIds: number[] | null;
  /** Only these employees (the job's and the ASN's own look-up). */
  employeeIds?: number[];
}

export interface ForecastRow extends ForecastItem {
  opdId: number;
}

const d = (s: IsoDate) => new Date(`${s}T00:00:00Z`);

export async function forecast(db: Db | Tx, scope: ForecastScope): Promise<Omit<ForecastResult, 'items' | 'byState' | 'total'> & { items: ForecastRow[] }> {
  const [rules, leadMonths] = await Promise.all([loadBupRules(db), getSetting(db, 'pensiun.lead_months')]);
  const { min, max } = bupRange(rules);
  const horizon = addMonths(scope.asOf, scope.months);
  const bornFrom = addMonths(addYears(scope.asOf, -max), -1);
  const bornTo = addYears(horizon, -min);
  const candidates = await db.employee.findMany({
    where: {
      statusKepegawaian: { in: ['PNS', 'CPNS'] },
      OR: [{ tmtBerhenti: null }, { tmtBerhenti: { gt: d(scope.asOf) } }],
      tanggalLahir: { gte: d(bornFrom), lte: d(bornTo) },
      ...(scope.opdIds ? { opdId: { in: scope.opdIds } } : {}),
      ...(scope.employeeIds ? { id: { in: scope.employeeIds } } : {}),
    },
    select: {
      id: true, nip: true, nama: true, gelarDepan: true, gelarBelakang: true, tanggalLahir: true, statusKepegawaian: true,
      jenisJabatan: true, eselon: true, jenjangFungsional: true, rumpunFungsional: true, opd: { select: { id: true, kode: true, nama: true } },
    },
  });
  const inWindow = candidates
    .map((e) => {
      const bup = bupOf(e, rules);
      const tmt = tmtPensiun(dateToIso(e.tanggalLahir), bup.bup);
      return { e, bup, tmt, due: pensiunFileDueDate(tmt, leadMonths) };
    })
    .filter((x) => x.tmt >= scope.asOf && x.tmt <= horizon);
  // The open BUP file of each (one per employee and TMT: the dedupe key).
  const files = inWindow.length
    ? await db.workflowRequest.findMany({
        where: { type: PENSIUN, dedupeKey: { in: inWindow.map((x) => dedupeKeyOf(x.e.id, x.tmt)) } },
        select: { id: true, state: true, dedupeKey: true },
      })
    : [];
  const fileByKey = new Map(files.map((f) => [f.dedupeKey!, f]));
  const items: ForecastRow[] = inWindow
    .map(({ e, bup, tmt, due }) => {
      const f = fileByKey.get(dedupeKeyOf(e.id, tmt));
      const owed = !f || NOT_SUBMITTED.includes(f.state);
      return {
        employeeId: e.id,
        opdId: e.opd.id,
        nip: e.nip,
        nama: fullName(e),
        opd: e.opd,
        statusKepegawaian: e.statusKepegawaian,
        bup: bup.bup,
        bupRule: bup.ruleId,
        bupBasis: bup.basis,
        tmtPensiun: tmt,
        dueDate: due,
        overdue: owed && due < scope.asOf,
        file: f ? { requestId: f.id, state: f.state, stateLabel: pensiunWorkflow.states[f.state as keyof typeof pensiunWorkflow.states]?.label ?? f.state } : null,
      };
    })
    .sort((a, b) => a.tmtPensiun.localeCompare(b.tmtPensiun) || a.nip.localeCompare(b.nip));
  return { asOf: scope.asOf, months: scope.months, leadMonths, count: items.length, overdue: items.filter((i) => i.overdue).length, items };
}

/** One BUP file per employee and TMT. */
export const dedupeKeyOf = (employeeId: number, tmt: IsoDate) => `PENSIUN/${employeeId}/${tmt}`;
