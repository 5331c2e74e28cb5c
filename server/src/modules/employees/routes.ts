import { idParam, isoDate, pageParam, pageSizeParam } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { auditAccess, metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { authorize } from '../../lib/authz.ts';
import { defineRoute } from '../../lib/http.ts';
import { WORKFLOWS } from '../../workflow/registry.ts';
import { exportEmployees } from './export.ts';
import { employeePolicy } from './policy.ts';
import { readProfile } from './profile-read.ts';
import { presentEmployeeDetail, presentEmployeeRow } from './presenter.ts';
import { EmployeeListQuery, employeeAsOf, employeeOrder, employeeWhere, listSelect, loadEmployeeForActor } from './service.ts';

const idParams = z.object({ id: idParam('ID pegawai') });

/**
 * For an audit entry written by the verification engine (`<type>.<action>`): the request
 * type's label and its state labels, so the audit tab shows words instead of codes.
 */
function auditSubject(action: string): { subject?: string; stateLabels?: Record<string, string> } {
  const entry = Object.values(WORKFLOWS).find((w) => action.startsWith(`${w.def.type.toLowerCase()}.`));
  if (!entry) return {};
  const states = entry.def.states as Record<string, { label: string }>;
  return { subject: entry.def.label, stateLabels: Object.fromEntries(Object.entries(states).map(([code, s]) => [code, s.label])) };
}

export function employeeRoutes(ctx: AppContext) {
  const { db } = ctx;

  /** The profile with every history: one statement (profile-read.ts), authorized on the loaded row. */
  async function detail(actor: Parameters<typeof loadEmployeeForActor>[1], id: number) {
    const found = await readProfile(db, id);
    if (!found) throw NotFound('Pegawai');
    authorize(employeePolicy, 'read', actor, found.employee);
    return presentEmployeeDetail(actor, found.employee, found.histories);
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/employees',
      summary: 'Cari dan daftar pegawai (BKD: semua; Admin OPD: OPD-nya; Atasan: bawahan; ASN: diri sendiri)',
      tags: ['Pegawai'],
      auth: 'user',
      query: EmployeeListQuery,
      responses: { 200: { description: 'Halaman daftar pegawai' } },
      handler: async ({ actor, query }) => {
        const where = await employeeWhere(db, actor, query);
        const [total, rows] = await Promise.all([
          db.employee.count({ where }),
          db.employee.findMany({ where, select: listSelect, orderBy: employeeOrder(query.sort), skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
        ]);
        return { page: query.page, pageSize: query.pageSize, total, items: rows.map(presentEmployeeRow) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/employees/export',
      summary: 'Ekspor daftar pegawai terfilter ke CSV atau XLSX',
      tags: ['Pegawai'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN'],
      query: EmployeeListQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      responses: { 200: { description: 'Berkas', contentType: 'text/csv' } },
      handler: async ({ req, actor, query, res }) => {
        const where = await employeeWhere(db, actor, query);
        const { format, ...filters } = query;
        await auditAccess(db, metaFrom(req), { action: 'employees.exported', entityType: 'employee_export', entityId: format, after: { format, filters } });
        await exportEmployees(db, where, format, res);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/employees/me',
      summary: 'Profil lengkap saya',
      tags: ['Pegawai'],
      auth: 'user',
      responses: { 200: { description: 'Profil' } },
      handler: async ({ actor }) => {
        if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
        return detail(actor, actor.employeeId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/employees/:id',
      summary: 'Profil lengkap pegawai beserta seluruh riwayat dan tindakan yang boleh diambil',
      tags: ['Pegawai'],
      auth: 'user',
      params: idParams,
      responses: { 200: { description: 'Profil' }, 404: { description: 'Tidak ditemukan' } },
      handler: ({ actor, params }) => detail(actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/employees/:id/as-of',
      summary: 'Pangkat, unit, jabatan dan pendidikan pegawai pada suatu tanggal (dari riwayat)',
      tags: ['Pegawai'],
      auth: 'user',
      params: idParams,
      query: z.object({ date: isoDate() }),
      responses: { 200: { description: 'Keadaan pada tanggal' } },
      handler: async ({ actor, params, query }) => {
        await loadEmployeeForActor(db, actor, params.id);
        return employeeAsOf(db, params.id, new Date(`${query.date}T00:00:00Z`));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/employees/:id/audit',
      summary: 'Jejak audit pegawai (siapa, kapan, sebelum/sesudah, id permintaan, IP) — peran BKD',
      tags: ['Pegawai'],
      auth: 'user',
      params: idParams,
      query: z.object({ page: pageParam(), pageSize: pageSizeParam(200, 50) }),
      responses: { 200: { description: 'Entri audit' } },
      handler: async ({ actor, params, query }) => {
        const e = await db.employee.findUnique({ where: { id: params.id }, select: { id: true, opdId: true, atasanId: true } });
        if (!e) throw NotFound('Pegawai');
        authorize(employeePolicy, 'viewAudit', actor, e);
        const where = { employeeId: params.id };
        const [total, rows] = await Promise.all([
          db.auditLog.count({ where }),
          db.auditLog.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
        ]);
        const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorUserId).filter((x): x is number => x != null))] } }, select: { id: true, displayName: true, username: true } });
        const byId = new Map(users.map((u) => [u.id, u]));
        return {
          page: query.page,
          pageSize: query.pageSize,
          total,
          items: rows.map((r) => ({
            id: Number(r.id),
            at: r.at.toISOString(),
            actor: r.actorUserId ? (byId.get(r.actorUserId) ?? { id: r.actorUserId }) : null,
            action: r.action,
            entityType: r.entityType,
            entityId: r.entityId,
            before: r.before,
            after: r.after,
            requestId: r.requestId,
            ip: r.ip,
            ...auditSubject(r.action),
          })),
        };
      },
    }),
  ];
}
