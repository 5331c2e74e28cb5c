/** Routes of the daily activity log and the atasan's team view. */
import { appNow, appToday } from '@simak/shared';
import { AktivitasBody, AktivitasReviewBody, AktivitasUpdateBody } from '@simak/shared/api/presensi-lokasi';
import { idParam, isoDate } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { Unprocessable } from '../../errors.ts';
import { defineRoute } from '../../lib/http.ts';
import { createAktivitas, myAktivitas, reviewAktivitas, reviewQueue, updateAktivitas } from './service.ts';
import { teamToday } from './team.ts';

const TAGS = ['Aktivitas harian'];

export function aktivitasRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/aktivitas/me',
      summary: 'Aktivitas harian saya dalam rentang tanggal (paling lama 62 hari; bawaan: hari ini)',
      tags: TAGS,
      auth: 'user',
      query: z.object({ from: isoDate({ label: 'Dari' }).optional(), to: isoDate({ label: 'Sampai' }).optional() }).strict(),
      responses: { 200: { description: 'Aktivitas' } },
      handler: ({ actor, query }) => {
        const to = query.to ?? query.from ?? appToday();
        const from = query.from ?? to;
        if (from > to || Date.parse(to) - Date.parse(from) > 62 * 86_400_000) throw Unprocessable('validation_failed', 'Rentang tanggal paling lama 62 hari dan tidak terbalik.');
        return myAktivitas(db, actor, from, to);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/aktivitas',
      summary: 'Catat aktivitas harian (jam, uraian, keluaran, lampiran dari brankas dokumen); diperiksa atasan langsung',
      tags: TAGS,
      auth: 'user',
      body: AktivitasBody,
      responses: { 201: { description: 'Aktivitas dicatat' } },
      handler: async ({ req, res, actor, body }) => {
        const r = await createAktivitas(db, actor, body, metaFrom(req));
        res.status(201);
        return r;
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/aktivitas/:id',
      summary: 'Ubah aktivitas sendiri yang belum disetujui (yang dikembalikan diajukan lagi)',
      tags: TAGS,
      auth: 'user',
      params: z.object({ id: idParam('Aktivitas') }),
      body: AktivitasUpdateBody,
      responses: { 200: { description: 'Aktivitas' }, 409: { description: 'Versi berubah' } },
      handler: ({ req, actor, params, body }) => updateAktivitas(db, actor, params.id, body, metaFrom(req)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/aktivitas/review',
      summary: 'Antrean atasan: aktivitas bawahan langsung yang menunggu dinilai',
      tags: TAGS,
      auth: ['ATASAN'],
      responses: { 200: { description: 'Antrean' } },
      handler: ({ actor }) => reviewQueue(db, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/aktivitas/:id/review',
      summary: 'Setujui atau kembalikan (dengan catatan) aktivitas bawahan langsung; keputusan bersamaan → 409',
      tags: TAGS,
      auth: ['ATASAN'],
      params: z.object({ id: idParam('Aktivitas') }),
      body: AktivitasReviewBody,
      responses: { 200: { description: 'Aktivitas' }, 409: { description: 'Sudah diputuskan' } },
      handler: ({ req, actor, params, body }) => reviewAktivitas(db, actor, params.id, body, metaFrom(req)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/aktivitas/team',
      summary: 'Tim hari ini (WIB): bawahan langsung yang hadir, terlambat, cuti, belum/tidak hadir, dengan jumlahnya',
      tags: TAGS,
      auth: ['ATASAN'],
      responses: { 200: { description: 'Tim hari ini' } },
      handler: ({ actor }) => teamToday(db, actor, ctx.now?.() ?? appNow()),
    }),
  ];
}
