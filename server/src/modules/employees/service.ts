import { employeeNameWhere } from '../../lib/name-search.ts';
import { idParam, pageParam, pageSizeParam, text } from '@simak/shared/api/primitives';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { NotFound } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { authorize, employeeScope } from '../../lib/authz.ts';
import { employeePolicy } from './policy.ts';

export const EmployeeListQuery = z.object({
  q: text({ label: 'Kata kunci', max: 100 }).optional(),
  opdId: idParam('ID OPD').optional(),
  golongan: text({ label: 'Golongan', max: 10 }).optional(),
  jenisJabatan: z.enum(['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA']).optional(),
  status: z.enum(['PNS', 'CPNS', 'PPPK', 'KONTRAK']).optional(),
  aktif: z.enum(['true', 'false', 'all']).default('true'),
  /** true = only the actor's direct subordinates (the atasan's team, without themself). */
  team: z.enum(['true', 'false']).optional(),
  page: pageParam(),
  pageSize: pageSizeParam(200, 25),
  sort: z.enum(['nama', '-nama', 'nip', '-nip', 'golongan', '-golongan', 'opd', '-opd']).default('nama'),
});
export type EmployeeListQuery = z.infer<typeof EmployeeListQuery>;

/** The WHERE of an employee list: the actor's SQL scope AND the filters. */
export async function employeeWhere(db: Db, actor: Actor, q: Omit<EmployeeListQuery, 'page' | 'pageSize' | 'sort'>): Promise<Prisma.EmployeeWhereInput> {
  const and: Prisma.EmployeeWhereInput[] = [employeeScope(actor)];
  if (q.q) {
    const digits = q.q.replace(/\s+/g, '');
    and.push(/^\d{3,18}$/.test(digits) ? { nip: { startsWith: digits } } : employeeNameWhere(q.q));
  }
  if (q.opdId) {
    const rows = await db.$queryRaw<{ id: number }[]>`
      WITH RECURSIVE t AS (SELECT id FROM opd WHERE id = ${q.opdId} UNION SELECT o.id FROM opd o JOIN t ON o.parent_id = t.id) SELECT id FROM t`;
    and.push({ opdId: { in: rows.map((r) => r.id) } });
  }
  if (q.team === 'true') and.push({ atasanId: actor.employeeId ?? -1 });
  if (q.golongan) and.push({ golongan: q.golongan });
  if (q.jenisJabatan) and.push({ jenisJabatan: q.jenisJabatan });
  if (q.status) and.push({ statusKepegawaian: q.status });
  if (q.aktif === 'true') and.push({ tmtBerhenti: null });
  if (q.aktif === 'false') and.push({ tmtBerhenti: { not: null } });
  return { AND: and };
}

export function employeeOrder(sort: EmployeeListQuery['sort']): Prisma.EmployeeOrderByWithRelationInput[] {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const key = sort.replace('-', '');
  const main: Prisma.EmployeeOrderByWithRelationInput =
    key === 'opd' ? { opd: { nama: dir } } : key === 'golongan' ? { golongan: { sort: dir, nulls: 'last' } } : { [key]: dir };
  return [main, { id: 'asc' }];
}

export const listSelect = {
  id: true,
  nip: true,
  nama: true,
  gelarDepan: true,
  gelarBelakang: true,
  statusKepegawaian: true,
  golongan: true,
  jenisJabatan: true,
  namaJabatan: true,
  eselon: true,
  tmtBerhenti: true,
  opd: { select: { id: true, kode: true, nama: true } },
} as const;

export async function loadEmployeeForActor(db: Db, actor: Actor, id: number, action: 'read' | 'viewAudit' = 'read') {
  const e = await db.employee.findUnique({ where: { id }, include: { opd: true, atasan: { select: { id: true, nip: true, nama: true, gelarDepan: true, gelarBelakang: true } } } });
  if (!e) throw NotFound('Pegawai');
  authorize(employeePolicy, action, actor, e);
  return e;
}

/** Rank, unit, position and education on a date, from the dated histories. */
export async function employeeAsOf(db: Db, employeeId: number, date: Date) {
  const [pangkat, jabatan, pendidikan] = await Promise.all([
    db.riwayatPangkat.findFirst({ where: { employeeId, tmtGolongan: { lte: date } }, orderBy: { tmtGolongan: 'desc' } }),
    db.riwayatJabatan.findFirst({ where: { employeeId, tmtJabatan: { lte: date } }, orderBy: { tmtJabatan: 'desc' }, include: { opd: true } }),
    db.$queryRaw<{ jenjang: string; tahun_lulus: number | null }[]>`
      SELECT p.jenjang, p.tahun_lulus FROM riwayat_pendidikan p JOIN ref_pendidikan r ON r.kode = p.jenjang
      WHERE p.employee_id = ${employeeId} AND (p.tahun_lulus IS NULL OR make_date(p.tahun_lulus, 12, 31) <= ${date}::date)
      ORDER BY r.urutan DESC LIMIT 1`,
  ]);
  return {
    date: date.toISOString().slice(0, 10),
    golongan: pangkat ? { golongan: pangkat.golongan, tmt: pangkat.tmtGolongan.toISOString().slice(0, 10) } : null,
    jabatan: jabatan
      ? {
          jenisJabatan: jabatan.jenisJabatan,
          namaJabatan: jabatan.namaJabatan,
          eselon: jabatan.eselon,
          opd: { id: jabatan.opd.id, kode: jabatan.opd.kode, nama: jabatan.opd.nama },
          tmt: jabatan.tmtJabatan.toISOString().slice(0, 10),
        }
      : null,
    pendidikan: pendidikan[0] ? { jenjang: pendidikan[0].jenjang, tahunLulus: pendidikan[0].tahun_lulus } : null,
  };
}
