import { appToday } from '@simak/shared/clock';
import { StatisticsExportQuery, StatisticsQuery, StatisticsResponse } from '@simak/shared/api/statistics';
import ExcelJS from 'exceljs';
import { auditAccess, metaFrom } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db.ts';
import { NotFound } from '../../errors.ts';
import { isBkd } from '../../lib/authz.ts';
import { defineRoute, sendAttachment } from '../../lib/http.ts';
import { statisticsScope } from './policy.ts';
import { chartTable, workforceStatistics } from './service.ts';

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The OPD asked for with every unit under it (the OPD first), or null when none is asked for. */
async function opdTree(db: Db, opdId: number | undefined) {
  if (opdId == null) return { ids: null, opd: null };
  const opd = await db.opd.findUnique({ where: { id: opdId }, select: { id: true, kode: true, nama: true } });
  if (!opd) throw NotFound('OPD');
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE t AS (SELECT id FROM opd WHERE id = ${opdId} UNION SELECT o.id FROM opd o JOIN t ON o.parent_id = t.id) SELECT id FROM t`;
  return { ids: [opdId, ...rows.map((r) => r.id).filter((id) => id !== opdId)], opd };
}

async function statisticsFor(db: Db, actor: Actor, opdId: number | undefined) {
  const tree = await opdTree(db, opdId);
  const scope = statisticsScope(actor, tree.ids);
  return workforceStatistics(db, scope, tree.opd, appToday());
}

export function statisticsRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/statistics',
      summary: 'Statistik pegawai (ASN aktif) per OPD: golongan, pendidikan, jenis jabatan, usia, jenis kelamin, status, pensiun dan KGB ke depan',
      tags: ['Statistik'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN'],
      query: StatisticsQuery,
      responses: { 200: { description: 'Statistik', schema: StatisticsResponse }, 404: { description: 'OPD tidak ditemukan' } },
      handler: async ({ actor, query }) => statisticsFor(db, actor, query.opdId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/statistics/export',
      summary: 'Unduh data satu grafik statistik sebagai tabel CSV atau XLSX',
      tags: ['Statistik'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN'],
      query: StatisticsExportQuery,
      responses: { 200: { description: 'Berkas', contentType: 'text/csv' }, 404: { description: 'OPD tidak ditemukan' } },
      handler: async ({ req, actor, query, res }) => {
        const stats = await statisticsFor(db, actor, query.opdId);
        const table = chartTable(stats, query.chart);
        await auditAccess(db, metaFrom(req), {
          action: 'statistics.exported',
          entityType: 'statistics_export',
          entityId: query.chart,
          after: { chart: query.chart, format: query.format, opd: stats.opd?.kode ?? null, asOf: stats.asOf },
        });
        const name = `statistik-${query.chart}${stats.opd ? `-${stats.opd.kode}` : ''}-${stats.asOf}`.replace(/[^\w.-]+/g, '_');
        const scopeLine = `${stats.opd ? stats.opd.nama : isBkd(actor) ? 'Seluruh instansi' : 'OPD dalam lingkup Anda'} — posisi ${stats.asOf}`;
        if (query.format === 'csv') {
          const lines = [table.columns, ...table.rows].map((r) => r.map(csvCell).join(','));
          sendAttachment(res, name, 'csv', '\uFEFF' + lines.join('\r\n') + '\r\n');
          return;
        }
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet(table.title.slice(0, 31));
        ws.addRow([table.title]).font = { bold: true, size: 13 };
        ws.addRow([scopeLine]);
        ws.addRow([]);
        ws.addRow(table.columns).font = { bold: true };
        for (const r of table.rows) ws.addRow(r);
        ws.getRow(ws.rowCount).font = { bold: true };
        ws.columns.forEach((c, i) => {
          c.width = i === 0 ? 40 : 16;
          if (i > 0) c.numFmt = '#,##0';
        });
        sendAttachment(res, name, 'xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      },
    }),
  ];
}
