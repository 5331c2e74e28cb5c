import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test harness's provided values (inject types) for this colocated test.
import type {} from '../../../../test/support/global-setup.ts';
import { buildTestApp, loginAgent, put, type TestApp } from '../../../../test/support/app.ts';
import { createUser, PASSWORD } from '../../../../test/support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

describe('GET /api/agency (the login page names the agency)', () => {
  it('answers anyone with the letterhead’s agency and regional government, and follows a change of the letterhead', async () => {
    const before = await t.db.appSetting.findUniqueOrThrow({ where: { key: 'agency.letterhead' } });
    const first = await supertest(t.app).get('/api/agency').expect(200);
    expect(first.body).toEqual({ pemda: 'PEMERINTAH KABUPATEN LUMAJANG', instansi: 'BADAN KEPEGAWAIAN DAERAH' });

    const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const agent = await loginAgent(t.app, admin.username, PASSWORD);
    const letterhead = { pemda: 'PEMERINTAH KABUPATEN CONTOH', instansi: 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA', alamat: 'Jl. Contoh 1', kota: 'Contoh' };
    try {
      expect((await put(agent, '/api/settings/agency.letterhead', { value: letterhead })).status).toBe(200);
      const after = await supertest(t.app).get('/api/agency').expect(200);
      // Only the names: the address and the city stay on the letters.
      expect(after.body).toEqual({ pemda: letterhead.pemda, instansi: letterhead.instansi });
    } finally {
      await t.db.appSetting.update({ where: { key: 'agency.letterhead' }, data: { value: before.value as object } });
    }
  });
});
