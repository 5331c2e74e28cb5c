import { idParam, intParam } from '@simak/shared/api/primitives';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { defineRoute } from '../../lib/http.ts';

const NotificationOut = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export function notificationRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      summary: 'Notifikasi saya (terbaru dulu) dan jumlah yang belum dibaca',
      tags: ['Notifikasi'],
      auth: 'user',
      query: z.object({ unread: z.enum(['true', 'false']).optional(), limit: intParam(1, 100, 'Batas').default(20) }),
      responses: { 200: { description: 'Daftar', schema: z.object({ items: z.array(NotificationOut), unreadCount: z.number() }) } },
      handler: async ({ actor, query }) => {
        const where = { userId: actor.userId, ...(query.unread === 'true' ? { readAt: null } : {}) };
        const [items, unreadCount] = await Promise.all([
          db.notification.findMany({ where, orderBy: { createdAt: 'desc' }, take: query.limit }),
          db.notification.count({ where: { userId: actor.userId, readAt: null } }),
        ]);
        return {
          items: items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(), userId: undefined })),
          unreadCount,
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: 'Tandai notifikasi sudah dibaca',
      tags: ['Notifikasi'],
      auth: 'user',
      params: z.object({ id: idParam('ID notifikasi') }),
      responses: { 204: { description: 'Ditandai' } },
      handler: async ({ actor, params, res }) => {
        const r = await db.notification.updateMany({ where: { id: params.id, userId: actor.userId }, data: { readAt: new Date() } });
        if (r.count === 0) throw NotFound('Notifikasi');
        res.status(204);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      summary: 'Tandai semua notifikasi sudah dibaca',
      tags: ['Notifikasi'],
      auth: 'user',
      responses: { 204: { description: 'Ditandai' } },
      handler: async ({ actor, res }) => {
        await db.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
        res.status(204);
      },
    }),
  ];
}
