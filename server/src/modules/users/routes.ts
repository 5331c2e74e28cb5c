import { ResetPasswordResponse } from '@simak/shared/api/auth';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/authz.ts';
import { defineRoute } from '../../lib/http.ts';
import { resetPassword } from '../auth/service.ts';
import { userPolicy } from './policy.ts';

export function userRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/users/:id/reset-password',
      summary: 'Setel ulang kata sandi pengguna (sandi sementara, wajib diganti saat masuk)',
      tags: ['Pengguna'],
      auth: ['BKD_ADMIN'],
      params: z.object({ id: z.coerce.number().int().positive() }),
      responses: { 200: { description: 'Sandi sementara', schema: ResetPasswordResponse } },
      handler: async ({ req, actor, params }) => {
        authorize(userPolicy, 'resetPassword', actor, { id: params.id }, 'Gunakan menu ganti kata sandi untuk akun Anda sendiri.');
        const temporaryPassword = await resetPassword(ctx.db, metaFrom(req), params.id);
        return { temporaryPassword, mustChangePassword: true as const };
      },
    }),
  ];
}
