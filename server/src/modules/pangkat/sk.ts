/**
 * Recording a KP SK (e-Pangkat part 5). The SK comes from BKN's flow; the BKD admin records it
 * with its pertek, and in the transition's one transaction the rank history, the employee's
 * current rank and salary, the summary letter and the notifications change together.
 */
import { appToday, dateToIso, formatTanggal, isoToDate, kpNewMkg, kpSkRoute, type Golongan } from '@simak/shared';
import type { KpProposalPayload, KpSkForm, KpSkInput, KpSkRecord } from '@simak/shared/api/pangkat';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { fullName } from '../../lib/names.ts';
import { Conflict, Unprocessable } from '../../errors.ts';
import type { Req } from '../../workflow/types.ts';
import { gajiOf, salaryTableOn } from '../berkala/salary.ts';
import { syncEmployeeCache } from '../employees/histories.ts';
import { issueSkSummary, signedSkDocument } from '../letters/sk-record.ts';
import { getSetting } from '../settings/service.ts';
import { KP_SK_LETTER, type KpSkLetterData } from './letter.ts';


/** The rank the SK starts from: the latest SK pangkat or KGB before the TMT (their MKG and TMT). */
async function mkgBase(db: Db | Tx, employeeId: number, tmt: Date) {
  const [pangkat, kgb] = await Promise.all([
    db.riwayatPangkat.findFirst({ where: { employeeId, tmtGolongan: { lt: tmt } }, orderBy: [{ tmtGolongan: 'desc' }, { id: 'desc' }] }),
    db.riwayatKgb.findFirst({ where: { employeeId, tmt: { lt: tmt } }, orderBy: { tmt: 'desc' } }),
  ]);
  const useKgb = kgb && (!pangkat || kgb.tmt >= pangkat.tmtGolongan);
  if (useKgb) return { mkgTahun: kgb.mkgTahun, mkgBulan: kgb.mkgBulan, tmtBase: dateToIso(kgb.tmt) };
  if (pangkat) return { mkgTahun: pangkat.mkgTahun, mkgBulan: pangkat.mkgBulan, tmtBase: dateToIso(pangkat.tmtGolongan) };
  return null;
}

async function salaryAt(db: Db | Tx, golongan: Golongan, mkgTahun: number, tmt: string) {
  try {
    const table = await salaryTableOn(db, isoToDate(tmt));
    return { gajiPokok: gajiOf(table, golongan, mkgTahun), regulation: table.regulation };
  } catch {
    return { gajiPokok: null, regulation: null };
  }
}

/** What the SK form is prefilled with: TMT, new rank, MKG from the rules, salary from the table, the pertek route. */
export async function skForm(db: Db | Tx, req: Req<KpProposalPayload>): Promise<KpSkForm> {
  const p = req.payload;
  const base = await mkgBase(db, req.employeeId, isoToDate(p.period));
  const mkg = base ? kpNewMkg(p.from, p.to, base, p.period) : { tahun: 0, bulan: 0 };
  const route = kpSkRoute(p.to);
  const salary = await salaryAt(db, p.to, mkg.tahun, p.period);
  return {
    tmt: p.period,
    golongan: p.to,
    mkgTahun: mkg.tahun,
    mkgBulan: mkg.bulan,
    ...salary,
    authority: route.authority,
    pertekLabel: route.pertekLabel,
    pertekRequired: route.pertekRequired,
    pertek: p.pertek ?? null,
  };
}

/**
 * Applies a recorded SK (inside the transition's transaction): checks the signed PDF and the
 * employee's current rank, writes the rank history row, refreshes the employee's current rank and
 * salary, issues the summary letter and returns what the proposal keeps of the SK.
 */
export async function applySk(tx: Tx, req: Req<KpProposalPayload>, input: KpSkInput, meta: RequestMeta): Promise<KpProposalPayload> {
  const p = req.payload;
  const route = kpSkRoute(p.to);
  const pertek = input.pertek ?? p.pertek ?? null;
  if (route.pertekRequired && !pertek) {
    throw Unprocessable('pertek_required', `${route.pertekLabel} wajib dicatat (nomor dan tanggal) sebelum SK.`, [
      { location: 'body', path: 'data.pertek', message: 'Nomor dan tanggal pertek wajib diisi.', code: 'required' },
    ]);
  }
  if (pertek && pertek.tanggal > input.tanggalSk) {
    throw Unprocessable('validation_failed', 'Tanggal pertek tidak boleh setelah tanggal SK.', [
      { location: 'body', path: 'data.pertek.tanggal', message: 'Tanggal pertek tidak boleh setelah tanggal SK.', code: 'invalid' },
    ]);
  }
  // Row lock: a concurrent change of the employee waits, then sees the new rank.
  await tx.$queryRaw`SELECT id FROM employee WHERE id = ${req.employeeId} FOR UPDATE`;
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: req.employeeId }, include: { opd: true } });
  if (employee.golongan !== p.from) {
    throw Conflict('kp_rank_changed', `Golongan pegawai kini ${employee.golongan ?? '-'}, bukan ${p.from} seperti pada usulan; SK tidak dapat dicatat.`, {
      golongan: employee.golongan,
    });
  }
  const doc = await signedSkDocument(tx, req.employeeId, input.documentId, 'SK_PANGKAT', 'SK kenaikan pangkat');
  const used = await tx.riwayatPangkat.findFirst({ where: { documentId: doc.id }, select: { id: true } });
  if (used) throw Conflict('sk_document_used', 'Berkas ini sudah tercatat sebagai SK pangkat yang lain.');

  const tmt = isoToDate(p.period);
  const clash = await tx.riwayatPangkat.findFirst({ where: { employeeId: req.employeeId, golongan: p.to, tmtGolongan: tmt } });
  if (clash) throw Conflict('kp_already_recorded', `Riwayat pangkat ${p.to} TMT ${formatTanggal(p.period)} sudah tercatat.`);

  const salary = await salaryAt(tx, p.to, input.mkgTahun, p.period);
  const riwayat = await tx.riwayatPangkat.create({
    data: {
      employeeId: req.employeeId,
      golongan: p.to,
      tmtGolongan: tmt,
      jenisKp: p.jenis,
      nomorSk: input.nomorSk,
      tanggalSk: isoToDate(input.tanggalSk),
      pertekNomor: pertek?.nomor ?? null,
      pertekTanggal: pertek ? isoToDate(pertek.tanggal) : null,
      mkgTahun: input.mkgTahun,
      mkgBulan: input.mkgBulan,
      gajiPokok: salary.gajiPokok,
      documentId: doc.id,
    },
  });
  await writeAudit(tx, meta, {
    action: 'riwayat_pangkat.created',
    entityType: 'riwayat_pangkat',
    entityId: riwayat.id,
    employeeId: req.employeeId,
    before: { golongan: employee.golongan, tmtGolongan: employee.tmtGolongan ? dateToIso(employee.tmtGolongan) : null, gajiPokok: employee.gajiPokok },
    after: {
      golongan: p.to,
      tmtGolongan: p.period,
      mkgTahun: input.mkgTahun,
      mkgBulan: input.mkgBulan,
      gajiPokok: salary.gajiPokok,
      nomorSk: input.nomorSk,
      tanggalSk: input.tanggalSk,
      pertek,
      documentId: doc.id,
      requestId: req.id,
    },
  });
  // The current rank, MKG and salary follow the history at once (the next KGB scan reads them).
  await syncEmployeeCache(tx, req.employeeId);

  const letter = await issueSkSummary(tx, {
    kind: KP_SK_LETTER,
    requestId: req.id,
    employeeId: req.employeeId,
    date: appToday(),
    data: {
      nip: employee.nip,
      nama: fullName(employee),
      namaJabatan: employee.namaJabatan,
      opd: employee.opd.nama,
      jenis: p.jenis,
      from: p.from,
      to: p.to,
      tmt: p.period,
      nomorSk: input.nomorSk,
      tanggalSk: input.tanggalSk,
      authority: route.authority,
      pertek: pertek ? { label: route.pertekLabel, ...pertek } : null,
      mkgTahun: input.mkgTahun,
      mkgBulan: input.mkgBulan,
      gajiPokok: salary.gajiPokok,
      regulation: salary.regulation,
      skSha256: doc.sha256,
      signer: await getSetting(tx, 'pangkat.signer'),
    } satisfies KpSkLetterData,
  });
  const sk: KpSkRecord = {
    nomorSk: input.nomorSk,
    tanggalSk: input.tanggalSk,
    tmt: p.period,
    golongan: p.to,
    mkgTahun: input.mkgTahun,
    mkgBulan: input.mkgBulan,
    gajiPokok: salary.gajiPokok,
    documentId: doc.id,
    riwayatPangkatId: riwayat.id,
    letter,
  };
  return { ...p, pertek: pertek ?? undefined, sk };
}
