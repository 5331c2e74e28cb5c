/** e-Pangkat test helpers: a KP-eligible PNS (optionally with a filled vault), proposals and their actions. */
import { expect } from 'vitest';
import type { Db } from '../../server/src/db.ts';
import type { DocumentType } from '../../server/src/generated/prisma/enums.ts';
import { loginAgent, uniq, type TestApp } from './app.ts';
import { createEmployee, createOpd, createUser, PASSWORD, resetKpCalendar } from './factories.ts';

export type Agent = Awaited<ReturnType<typeof loginAgent>>;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** A document row in the vault (no stored bytes: enough for checklists and references). */
export async function vaultDoc(db: Db, employeeId: number, jenis: DocumentType) {
  const key = uniq('k');
  return db.document.create({
    data: { employeeId, jenis, slotKey: `${jenis}:${key}`, title: `Dokumen ${jenis}`, originalName: 'bukti.pdf', storageKey: `documents/test/${key}.pdf`, mimeType: 'application/pdf', sizeBytes: 10, sha256: '0'.repeat(64) },
  });
}

export type RequestPage = {
  state: string;
  version: number;
  checklist: { items: { key: string; required: boolean; verdict: string; document: { id: number } | null }[] };
  timeline: { action: string; note: string | null }[];
  actions: { action: string; enabled: boolean; reason: string | null }[];
  payload: Record<string, unknown>;
};

export function pangkatHelpers(t: TestApp) {
  /** A PNS pelaksana S1 in III/a since 1 Dec 2022 with SKP Baik 2024–2025: eligible for KP reguler III/a → III/b from 1 Jan 2027. */
  async function person(opdId: number, opts: { vault?: boolean; penalty?: boolean; struktural?: boolean; account?: boolean } = {}) {
    const e = await createEmployee(t.db, { opdId });
    await t.db.employee.update({
      where: { id: e.id },
      data: {
        tanggalLahir: d('1990-01-15'),
        tmtCpns: d('2012-03-01'),
        golongan: opts.struktural ? 'III/b' : 'III/a',
        tmtGolongan: d('2022-12-01'),
        mkgTahun: 4,
        mkgBulan: 0,
        // A structural official with a high-school diploma: past the reguler ceiling, inside the eselon's band.
        pendidikanTerakhir: opts.struktural ? 'SMA' : 'S1',
        jenisJabatan: opts.struktural ? 'STRUKTURAL' : 'PELAKSANA',
        eselon: opts.struktural ? 'IV.a' : null,
        tmtJabatan: opts.struktural ? d('2023-01-02') : null,
      },
    });
    const docs: Partial<Record<string, number>> = {};
    for (const tahun of [2024, 2025]) {
      const skpDoc = opts.vault ? await vaultDoc(t.db, e.id, 'SKP') : null;
      if (skpDoc) docs[`SKP_${tahun}`] = skpDoc.id;
      await t.db.riwayatSkp.create({ data: { employeeId: e.id, tahun, predikat: 'BAIK', documentId: skpDoc?.id ?? null } });
    }
    if (opts.vault) {
      for (const jenis of ['SK_CPNS', 'SK_PNS', 'IJAZAH'] as const) docs[jenis] = (await vaultDoc(t.db, e.id, jenis)).id;
      // The last SK pangkat comes from the rank history, even when an older SK was uploaded later.
      const last = await vaultDoc(t.db, e.id, 'SK_PANGKAT');
      await t.db.riwayatPangkat.create({ data: { employeeId: e.id, golongan: 'III/a', tmtGolongan: d('2022-12-01'), mkgTahun: 4, mkgBulan: 0, documentId: last.id } });
      await vaultDoc(t.db, e.id, 'SK_PANGKAT');
      docs.SK_PANGKAT = last.id;
      if (opts.struktural) docs.SK_JABATAN = (await vaultDoc(t.db, e.id, 'SK_JABATAN')).id;
    }
    if (opts.penalty) {
      await t.db.riwayatHukdis.create({
        data: { employeeId: e.id, tingkat: 'SEDANG', jenis: 'Pemotongan tunjangan kinerja 25% selama 12 bulan', nomorSk: `HD-${e.id}`, tanggalSk: d('2026-06-01'), tmt: d('2026-06-01') },
      });
    }
    const user = opts.account ? await createUser(t.db, { roles: ['ASN'], employeeId: e.id, username: e.nip }) : null;
    return { employee: e, docs, userId: user?.id ?? null, username: user?.username ?? null };
  }

  const propose = (agent: Agent, body: object) => agent.post('/api/pangkat/proposals').set('x-csrf-token', agent.csrfToken).send(body);
  const detail = async (agent: Agent, id: number) => {
    const res = await agent.get(`/api/requests/${id}`);
    expect(res.status).toBe(200);
    return res.body as RequestPage;
  };
  const act = async (agent: Agent, id: number, action: string, note?: string, data?: unknown) => {
    const { version } = await detail(agent, id);
    return agent.post(`/api/requests/${id}/actions/${action}`).set('x-csrf-token', agent.csrfToken).send({ version, note, data });
  };
  const judge = async (agent: Agent, id: number, key: string, verdict: 'VALID' | 'INVALID', note?: string) => {
    const { version } = await detail(agent, id);
    const res = await agent.post(`/api/requests/${id}/items/${key}/verdict`).set('x-csrf-token', agent.csrfToken).send({ version, verdict, note });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const judgeAll = async (agent: Agent, id: number, except: string[] = []) => {
    for (const item of (await detail(agent, id)).checklist.items) if (item.document && !except.includes(item.key)) await judge(agent, id, item.key, 'VALID');
  };
  return { person, propose, detail, act, judge, judgeAll, doc: (employeeId: number, jenis: DocumentType) => vaultDoc(t.db, employeeId, jenis) };
}

/**
 * The cast of the KP tests on a fresh KP calendar: two OPDs, a BKD admin, a verifier, the OPD
 * admin of the first OPD and the OPD admin of the second, signed in; and the helpers.
 */
export async function kpCast(t: TestApp) {
  await resetKpCalendar(t.db);
  const opdA = await createOpd(t.db);
  const opdB = await createOpd(t.db);
  const signIn = async (roles: Parameters<typeof createUser>[1]['roles'], opdIds?: number[]) => {
    const u = await createUser(t.db, { roles, opdIds });
    return { id: u.id, agent: await loginAgent(t.app, u.username, PASSWORD) };
  };
  const opdAdmin = await signIn(['OPD_ADMIN'], [opdA.id]);
  return {
    opdA,
    opdB,
    bkdAdmin: (await signIn(['BKD_ADMIN'])).agent,
    verifier: (await signIn(['BKD_VERIFIER'])).agent,
    opdAdmin: opdAdmin.agent,
    opdAdminUserId: opdAdmin.id,
    otherOpdAdmin: (await signIn(['OPD_ADMIN'], [opdB.id])).agent,
    signIn,
    h: pangkatHelpers(t),
  };
}
