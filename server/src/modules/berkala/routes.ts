import { formatTanggal, appToday } from '@simak/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { enqueue } from '../../jobs/outbox.ts';
import { defineRoute } from '../../lib/http.ts';
import { rupiah } from './letter.ts';
import { berkalaDashboard, myKgb, publicLetter } from './service.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function berkalaRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'post',
      path: '/api/berkala/scan',
      summary: 'Jalankan deteksi KGB sekarang (selain jadwal harian)',
      tags: ['e-Berkala'],
      auth: ['BKD_ADMIN'],
      responses: { 202: { description: 'Dijadwalkan' } },
      handler: async ({ res }) => {
        const date = appToday();
        const jobId = await db.$transaction((tx) => enqueue(tx, 'berkala.scan', { date, trigger: `manual-${Date.now().toString(36)}` }));
        res.status(202);
        return { jobId };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/berkala/scan/last',
      summary: 'Hasil deteksi KGB terakhir',
      tags: ['e-Berkala'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      responses: { 200: { description: 'Hasil' } },
      handler: async () => ({ last: (await db.appSetting.findUnique({ where: { key: 'berkala.last_scan' } }))?.value ?? null }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/berkala/dashboard',
      summary: 'KGB jatuh tempo 3/6/12 bulan per OPD, antrean, dan ketepatan waktu',
      tags: ['e-Berkala'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      responses: { 200: { description: 'Dasbor' } },
      handler: ({ query }) => berkalaDashboard(db, query.year ?? Number(appToday().slice(0, 4))),
    }),
    defineRoute({
      method: 'get',
      path: '/api/berkala/me',
      summary: 'KGB saya berikutnya dan statusnya',
      tags: ['e-Berkala'],
      auth: 'user',
      responses: { 200: { description: 'KGB saya' } },
      handler: async ({ actor }) => {
        if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
        return myKgb(db, actor.employeeId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/public/letters/:token',
      summary: 'Verifikasi publik surat (dari kode QR): data pokok dan hash integritas',
      tags: ['Publik'],
      auth: 'public',
      params: z.object({ token: z.string().regex(/^[\w-]{10,64}$/) }),
      responses: { 200: { description: 'Surat' }, 404: { description: 'Tidak dikenal' } },
      handler: async ({ params }) => {
        const l = await publicLetter(db, params.token);
        if (!l) throw NotFound('Surat');
        return l;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/verifikasi/surat/:token',
      summary: 'Halaman verifikasi surat untuk kode QR',
      tags: ['Publik'],
      auth: 'public',
      params: z.object({ token: z.string().max(64) }),
      responses: { 200: { description: 'HTML', contentType: 'text/html' } },
      handler: async ({ params, res }) => {
        const l = /^[\w-]{10,64}$/.test(params.token) ? await publicLetter(db, params.token) : null;
        res.status(l ? 200 : 404).type('html');
        const rows = l
          ? [
              ['Nomor surat', l.number],
              ['Tanggal surat', formatTanggal(l.date)],
              ['Nama', l.nama],
              ['NIP', l.nip],
              ['Golongan', l.golongan],
              ['Gaji pokok lama', rupiah(l.gajiPokokLama)],
              ['Gaji pokok baru', rupiah(l.gajiPokokBaru)],
              ['Masa kerja golongan', l.mkg],
              ['Terhitung mulai tanggal', formatTanggal(l.tmt)],
              ['Penandatangan', `${l.signer?.nama ?? '-'} — ${l.signer?.jabatan ?? ''}`],
              ['Hash SHA-256 berkas', l.sha256 ?? 'sedang diterbitkan'],
            ]
          : [];
        return void res.send(`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Verifikasi Surat — SIMAK BKD</title><style>
body{font-family:system-ui,sans-serif;background:#f3f6fa;margin:0;padding:24px;color:#1b2430}
main{max-width:640px;margin:auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 4px} .ok{color:#0a7a3d;font-weight:600} .bad{color:#b42318;font-weight:600}
table{width:100%;border-collapse:collapse;margin-top:16px} td{padding:8px;border-bottom:1px solid #e6eaf0;vertical-align:top}
td:first-child{color:#5b6675;width:42%} code{word-break:break-all;font-size:12px}</style></head><body><main>
<h1>Verifikasi Surat</h1>
${
  l
    ? `<p class="ok">✔ Surat ini tercatat di SIMAK BKD (${esc(l.kind === 'KGB' ? 'Surat Pemberitahuan Kenaikan Gaji Berkala' : l.kind)}).</p>
<table>${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${k!.startsWith('Hash') ? `<code>${esc(v)}</code>` : esc(v)}</td></tr>`).join('')}</table>
<p style="font-size:13px;color:#5b6675">Cocokkan data di atas dengan surat yang Anda pegang. Hash SHA-256 berkas PDF asli dapat dibandingkan dengan <code>sha256sum</code>.</p>`
    : `<p class="bad">✖ Surat dengan kode ini tidak dikenal. Surat mungkin tidak asli.</p>`
}
</main></body></html>`);
      },
    }),
  ];
}
