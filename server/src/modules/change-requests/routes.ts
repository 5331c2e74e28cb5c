import { CHANGE_TARGET_SPECS, ChangeRequestCreateBody } from '@simak/shared/api/change-requests';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';
import { presentRequestDetail } from '../requests/presenter.ts';
import { loadVisibleRequest } from '../requests/service.ts';
import { proposeChange } from './service.ts';

export function changeRequestRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/change-requests/spec',
      summary: 'Data yang dapat diusulkan berubah: target, field, tipe, label',
      tags: ['Perubahan data'],
      auth: 'user',
      responses: { 200: { description: 'Spesifikasi' } },
      handler: async () => {
        const reasons = await db.appSetting.findUnique({ where: { key: 'change_request.reject_reasons' } });
        return { targets: CHANGE_TARGET_SPECS, rejectReasons: (reasons?.value as string[] | undefined) ?? [] };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/change-requests',
      summary: 'Usulkan perubahan data (ubah field, tambah/ubah/hapus riwayat) dengan dokumen pendukung',
      tags: ['Perubahan data'],
      auth: 'user',
      body: ChangeRequestCreateBody,
      responses: { 201: { description: 'Usulan dibuat (atau langsung diterapkan untuk data kontak)' } },
      handler: async ({ req, res, actor, body }) => {
        const created = await proposeChange(db, actor, body, metaFrom(req));
        const { r } = await loadVisibleRequest(db, actor, created.id);
        res.status(201);
        return presentRequestDetail(db, actor, r);
      },
    }),
  ];
}
