import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';

const Opd = z.object({ id: z.number(), kode: z.string(), nama: z.string(), parentId: z.number().nullable() });

export function opdRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/opds',
      summary: 'Daftar OPD (unit kerja) untuk pilihan dan filter',
      tags: ['OPD'],
      auth: 'user',
      responses: { 200: { description: 'OPD', schema: z.object({ items: z.array(Opd) }) } },
      handler: async () => ({
        items: await ctx.db.opd.findMany({ select: { id: true, kode: true, nama: true, parentId: true }, orderBy: [{ nama: 'asc' }] }),
      }),
    }),
  ];
}
