/**
 * Every page of every role, as a user opens them at 1,366 px: the home page and each
 * navigation entry. A page fails on a raw translation key in its text, on a console error
 * (or an uncaught page error), or on content wider than the window (horizontal scrolling).
 * The home page of each role is saved under docs/screenshots/ (shown in the README); every
 * page also goes to test-results/screenshots/.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { runKgbScan } from '../../server/src/modules/berkala/scan.ts';
import { TEST_TODAY } from '../support/app.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

const DOCS_SHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/**
 * A translation key shown as text: i18next answers a missing key with the key itself
 * (`statistics.charts.golongan`, `nav.items.x`): lower-camel words joined by dots, at least three.
 */
export const RAW_KEY = /(?<![\w@/.-])[a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z][a-zA-Z0-9_]*){2,}(?![\w@/-]|\.\w)/g;

/** Raw keys in a text (host names such as simak.example.go.id are not keys). */
export function rawKeys(text: string): string[] {
  return [...new Set([...text.matchAll(RAW_KEY)].map((m) => m[0]).filter((k) => !/\.(id|com|org|net|local)$/.test(k)))];
}

const ROLES = [
  { role: 'ASN', username: DEMO_USERNAMES.asn },
  { role: 'ATASAN', username: DEMO_USERNAMES.atasan },
  { role: 'OPD_ADMIN', username: DEMO_USERNAMES.dinkesAdmin },
  { role: 'BKD_VERIFIER', username: DEMO_USERNAMES.bkdVerifier },
  { role: 'BKD_ADMIN', username: DEMO_USERNAMES.bkdAdmin },
] as const;

let world: DemoWorld | undefined;

beforeAll(async () => {
  mkdirSync(DOCS_SHOTS, { recursive: true });
  world = await startDemoWorld('roles');
  // The KGB scan of the day, as the scheduler runs it: the queues and charts have KGB work in them.
  await runKgbScan(world.server.ctx.db, { today: TEST_TODAY });
}, 600_000);
afterAll(async () => {
  await world?.stop();
});

/** Waits until the page's requests are done and no loading placeholder is left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  const loading = page.locator('[data-testid="loading-state"], [data-testid="indicators-computing"]');
  while ((await loading.count()) > 0) await loading.first().waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

interface Problems {
  rawKeys: string[];
  overflow: { scrollWidth: number; clientWidth: number; widest: string } | null;
}

async function inspect(page: Page): Promise<Problems> {
  const text = await page.locator('body').innerText();
  // Runs in the page (a string: the test project has no DOM types).
  const overflow = (await page.evaluate(`(() => {
    const doc = document.documentElement;
    // A table wider than the window (even inside a scroll area) is one too.
    const table = Array.from(document.querySelectorAll('table')).find((t) => t.getBoundingClientRect().width > doc.clientWidth);
    if (table) return { scrollWidth: Math.round(table.getBoundingClientRect().width), clientWidth: doc.clientWidth, widest: 'table' + (table.getAttribute('data-testid') ? '[data-testid=' + table.getAttribute('data-testid') + ']' : '') };
    if (doc.scrollWidth <= doc.clientWidth) return null;
    // Name the element that sticks out furthest, to say what to fix.
    let widest = '';
    let right = doc.clientWidth;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 1) {
        right = r.right;
        widest = el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '[data-testid=' + el.getAttribute('data-testid') + ']' : '') + '.' + String(el.className).slice(0, 60);
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, widest };
  })()`)) as Problems['overflow'];
  return { rawKeys: rawKeys(text), overflow };
}

describe('every page of every role at 1,366 px', () => {
  for (const { role, username } of ROLES) {
    it(`${role}: home and every navigation entry without raw keys, console errors or horizontal overflow (1,366 px and a phone)`, async () => {
      const shot = screenshotter(`role-${role}`);
      const errors: string[] = [];
      const { context, page } = await world!.signIn(username);
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
      const found: Record<string, Problems> = {};
      try {
        await settle(page);
        await page.getByTestId('home-cards').waitFor();
        found.home = await inspect(page);
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: path.join(DOCS_SHOTS, `home-${role}.png`), fullPage: true });

        const entries = await page
          .getByTestId('app-navbar')
          .locator('a[data-testid^="nav-"]:not([target="_blank"])')
          .evaluateAll((links) => links.map((a) => ({ key: a.getAttribute('data-testid')!.slice(4), href: new URL(a.getAttribute('href')!, 'http://x').pathname })));
        expect(entries.length).toBeGreaterThan(1);
        for (const entry of entries) {
          await page.getByTestId(`nav-${entry.key}`).click();
          await page.waitForURL((url) => url.pathname === entry.href);
          await settle(page);
          found[entry.key] = await inspect(page);
          await shot(page, entry.key);
        }
        // The same pages on a phone (390 px): still nothing wider than the screen.
        await page.setViewportSize({ width: 390, height: 844 });
        for (const entry of [{ key: 'home', href: '/' }, ...entries]) {
          await page.goto(`${world!.server.url}${entry.href}`);
          await settle(page);
          found[`${entry.key} (390 px)`] = await inspect(page);
          await shot(page, `${entry.key}-phone`);
        }
      } finally {
        await context.close();
      }
      const problems = Object.entries(found).flatMap(([key, p]) => [
        ...p.rawKeys.map((k) => `${key}: raw translation key "${k}"`),
        ...(p.overflow ? [`${key}: wider than the window (${p.overflow.scrollWidth} > ${p.overflow.clientWidth} px; ${p.overflow.widest})`] : []),
      ]);
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
    }, 300_000);
  }

  it('recognises a raw key and leaves ordinary text alone', () => {
    const keys = rawKeys;
    expect(keys('Judul statistics.charts.golongan di sini')).toEqual(['statistics.charts.golongan']);
    expect(keys('nav.items.statistics')).toEqual(['nav.items.statistics']);
    expect(keys('Siti Rahmawati, S.Kom. · siti.rahmawati · simak.example.go.id/v · simak.example.go.id · 1.234.567 · 822.4/0001/427.45/2026')).toEqual([]);
    expect(keys('Lihat home.queue.open.')).toEqual(['home.queue.open']);
  });
});
