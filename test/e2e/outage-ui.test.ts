/**
 * The outage banner: while the API answers 503 service_unavailable (here: its Redis, a
 * redis-server of this test, is killed) every page shows a clear banner in Indonesian; when Redis
 * returns, the banner goes by itself.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, submitLogin } from '../support/browser.ts';
import { createAsn, createOpd, PASSWORD } from '../support/factories.ts';
import { freePort, PrivateRedis } from '../support/outage.ts';
import { startServer } from '../support/server.ts';

const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
let redis: PrivateRedis;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  redis = new PrivateRedis(await freePort());
  await redis.start();
  server = await startServer({ REDIS_URL: redis.url });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await redis?.stop();
});

describe('outage banner', () => {
  it('appears while the API answers 503 and goes when it recovers', async () => {
    const opd = await createOpd(server.ctx.db);
    const asn = await createAsn(server.ctx.db, opd.id);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${server.url}/login`);
      await submitLogin(page, asn.username, PASSWORD);
      await page.getByTestId('home-title').waitFor();
      expect(await page.getByTestId('outage-banner').count()).toBe(0);

      await redis.stop();
      await expect.poll(async () => (await fetch(`${server.url}/api/health/ready`)).status).toBe(503);
      await page.getByTestId('nav-documents').click();
      const banner = page.getByTestId('outage-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Layanan sedang terganggu');
      expect(await banner.getAttribute('role')).toBe('alert');
      await page.screenshot({ path: path.join(SHOTS, 'outage-banner.png') });

      await redis.start();
      await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'outage-recovered.png') });
    } finally {
      await page.close();
    }
  });
});
