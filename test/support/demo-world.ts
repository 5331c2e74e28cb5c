/** A browser test's own world: a fresh database with the demo regency, the running app, a browser. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/demo.ts';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { launchBrowser, submitLogin } from './browser.ts';
import { TEST_TODAY } from './app.ts';
import { startServer } from './server.ts';

export const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** Full-page screenshots named `<prefix>-<name>.png` under test-results/screenshots, taken from the top of the page. */
export function screenshotter(prefix: string) {
  return async (page: Page, name: string) => {
    // Full-page shots of a scrolled page draw the fixed header mid-page: start from the top.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`), fullPage: true });
  };
}

export interface DemoWorld {
  databaseUrl: string;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  /** A fresh browser context logged in through the login page (home page shown). */
  signIn(username: string, password?: string): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

export async function dropDatabase(databaseUrl: string) {
  const admin = new URL(databaseUrl);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * `suffix` names the database (run database + "_" + suffix), so test files never share one.
 * The demo regency is seeded for `today` and the app runs with APP_TODAY = `today`, so the
 * world is the same whatever the machine's date.
 */
export async function startDemoWorld(suffix: string, employees = 600, today: string = TEST_TODAY): Promise<DemoWorld> {
  if (!existsSync(path.resolve(import.meta.dirname, '..', '..', 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` (npm test does it first).');
  }
  mkdirSync(SHOTS, { recursive: true });
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_${suffix}`;
  const databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  await seedDemo({ databaseUrl, employees, today });
  const server = await startServer({ DATABASE_URL: databaseUrl, APP_TODAY: today });
  const browser = await launchBrowser();
  return {
    databaseUrl,
    server,
    browser,
    async signIn(username, password = DEMO_PASSWORD) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await submitLogin(page, username, password);
      await page.getByTestId('home-title').waitFor();
      return { context, page };
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await server.stop();
      await dropDatabase(databaseUrl);
    },
  };
}
