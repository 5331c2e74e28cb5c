import { ResetPasswordResponse } from '@simak/shared/api/auth';
import { idParam, pageParam, pageSizeParam, text } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { authorize, can } from '../../lib/authz.ts';
import { defineRoute } from '../../lib/http.ts';
import { resetPassword } from '../auth/service.ts';
import { userPolicy } from './policy.ts';

const UserListQuery = z.object({
  q: text({ label: 'Kata kunci', max: 100 }).optional(),
  role: z.enum(['ASN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN']).optional(),
  page: pageParam(),
  pageSize: pageSizeParam(100, 25),
});

export function userRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      summary: 'Daftar akun pengguna (cari nama pengguna/NIP/nama, filter peran)',
      tags: ['Pengguna'],
      auth: ['BKD_ADMIN'],
      query: UserListQuery,
      responses: { 200: { description: 'Halaman daftar akun' } },
      handler: async ({ actor, query }) => {
        const where: Prisma.UserWhereInput = {
          AND: [
            query.q
              ? { OR: [{ username: { startsWith: query.q, mode: 'insensitive' } }, { displayName: { contains: query.q, mode: 'insensitive' } }] }
              : {},
            query.role ? { roles: { some: { role: query.role } } } : {},
          ],
        };
        const [total, rows] = await Promise.all([
          ctx.db.user.count({ where }),
          ctx.db.user.findMany({
            where,
            include: { roles: { include: { opd: { select: { kode: true } } } } },
            orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
            skip: (query.page - 1) * query.pageSize,
            take: query.pageSize,
          }),
        ]);
        return {
          page: query.page,
          pageSize: query.pageSize,
          total,
          items: rows.map((u) => ({
            id: u.id,
            username: u.username,
            displayName: u.displayName,
            active: u.active,
            mustChangePassword: u.mustChangePassword,
            lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
            roles: u.roles.map((r) => ({ role: r.role, opd: r.opd?.kode ?? null })),
            abilities: { resetPassword: can(userPolicy, 'resetPassword', actor, { id: u.id }) },
          })),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/:id/reset-password',
      summary: 'Setel ulang kata sandi pengguna (sandi sementara, wajib diganti saat masuk)',
      tags: ['Pengguna'],
      auth: ['BKD_ADMIN'],
      params: z.object({ id: idParam('ID pengguna') }),
      responses: { 200: { description: 'Sandi sementara', schema: ResetPasswordResponse } },
      handler: async ({ req, actor, params }) => {
        authorize(userPolicy, 'resetPassword', actor, { id: params.id }, 'Gunakan menu ganti kata sandi untuk akun Anda sendiri.');
        const temporaryPassword = await resetPassword(ctx.db, metaFrom(req), params.id);
        return { temporaryPassword, mustChangePassword: true as const };
      },
    }),
  ];
}
