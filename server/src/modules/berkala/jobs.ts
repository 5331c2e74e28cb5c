import { dateToIso, appToday } from '@simak/shared';
import { createHash } from 'node:crypto';
import { systemMeta, writeAudit } from '../../audit/audit.ts';
import type { Handler } from '../../jobs/types.ts';
import { generateKey } from '../../storage/storage.ts';
import { getSetting } from '../settings/service.ts';
import { notifyLetterReady } from './definition.ts';
import { renderKgbLetter, type KgbLetterData } from './letter.ts';
import { runKgbScan } from './scan.ts';
import { applyDueKgb } from './service.ts';

const scan: Handler<'berkala.scan'> = async (p, ctx) => {
  // The daily schedule carries a fixed payload: it scans as of the day it runs.
  const date = p.trigger === 'schedule' ? appToday() : p.date;
  const meta = systemMeta(`berkala.scan/${date}/${p.trigger}`);
  const result = await runKgbScan(ctx.db, { today: date, meta });
  const applied = await applyDueKgb(ctx.db, date);
  await ctx.db.appSetting.upsert({
    where: { key: 'berkala.last_scan' },
    create: { key: 'berkala.last_scan', value: { ...result, applied, date, trigger: p.trigger, at: new Date().toISOString() } },
    update: { value: { ...result, applied, date, trigger: p.trigger, at: new Date().toISOString() } },
  });
  ctx.logger.info({ ...result, applied }, 'KGB scan done');
  return { status: 'done', ...result, applied };
};

const letter: Handler<'berkala.letter'> = async (p, ctx) => {
  const l = await ctx.db.letter.findUnique({ where: { id: p.letterId } });
  if (!l) return { status: 'skipped', reason: 'letter not found' };
  if (l.renderedAt && l.documentId) return { status: 'skipped', reason: 'already rendered' };
  const [letterhead] = await Promise.all([getSetting(ctx.db, 'agency.letterhead')]);
  const data = l.data as unknown as Omit<KgbLetterData, 'number' | 'date' | 'verifyUrl' | 'letterhead'>;
  const pdf = await renderKgbLetter({
    ...data,
    number: l.number,
    date: dateToIso(l.date),
    verifyUrl: `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/verifikasi/surat/${l.token}`,
    letterhead,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const key = generateKey('letters', 'pdf');
  await ctx.storage.put(key, pdf, 'application/pdf');
  try {
    await ctx.db.$transaction(async (tx) => {
      // Claim the letter: a concurrent or repeated run stops here.
      const claimed = await tx.letter.updateMany({ where: { id: l.id, renderedAt: null }, data: { renderedAt: new Date(), sha256 } });
      if (claimed.count !== 1) throw new AlreadyDone();
      const doc = await tx.document.create({
        data: {
          employeeId: l.employeeId,
          jenis: 'SK_KGB',
          slotKey: `SK_KGB:letter:${l.id}`,
          title: `Surat Pemberitahuan KGB ${l.number}`,
          originalName: `surat-kgb-${l.number.replace(/[^\w.-]+/g, '-')}.pdf`,
          storageKey: key,
          mimeType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256,
        },
      });
      await tx.letter.update({ where: { id: l.id }, data: { documentId: doc.id } });
      await tx.requestDocument.create({ data: { requestId: l.requestId, documentId: doc.id, role: 'SURAT' } });
      await tx.riwayatKgb.updateMany({ where: { employeeId: l.employeeId, nomorSurat: l.number }, data: { documentId: doc.id } });
      await writeAudit(tx, systemMeta(`berkala.letter/${l.id}`), {
        action: 'letter.rendered',
        entityType: 'letter',
        entityId: l.id,
        employeeId: l.employeeId,
        after: { number: l.number, sha256, documentId: doc.id },
      });
      await notifyLetterReady(tx, l.employeeId, l.requestId, l.number);
    });
  } catch (err) {
    await ctx.storage.delete(key).catch(() => undefined);
    if (err instanceof AlreadyDone) return { status: 'skipped', reason: 'rendered concurrently' };
    throw err;
  }
  return { status: 'done', sha256, bytes: pdf.length };
};

class AlreadyDone extends Error {}

export const berkalaHandlers = { 'berkala.scan': scan, 'berkala.letter': letter };
