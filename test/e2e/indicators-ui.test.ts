/**
 * Indikator Kinerja in a real browser: the BKD admin sees the five live indices with
 * their numbers and formulas, opens a drill-down list, sets the year's IKP target and
 * sees the capaian appear; the DINKES OPD admin only ever sees Dinas Kesehatan.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { TEST_TODAY } from '../support/app.ts';
import { SHOTS, screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

const INDEX_KEYS = ['ikp', 'ikom', 'ikin', 'idis', 'ip'] as const;
/** An index as displayed: 2 decimals with the Indonesian comma (e.g. 73,33). */
const DISPLAYED_INDEX = /^\d{1,3}(\.\d{3})*,\d{2}$/;

let world: DemoWorld | undefined;

const signIn = (username: string) => world!.signIn(username);

const shot = screenshotter('indicators');

async function openIndicators(page: Page) {
  await page.getByTestId('nav-indicators').click();
  await page.waitForURL(/\/indikator/);
  await page.getByTestId('indicator-cards').waitFor();
}

function cardText(page: Page, key: string, testId: string): Promise<string> {
  return page.getByTestId(`indicator-card-${key}`).getByTestId(testId).innerText();
}

/** The same figures as the browser, read with the browser's session. */
async function apiGet<T>(page: Page, url: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { headers: { Accept: 'application/json' } });
    return { status: res.status, body: (await res.json()) as T };
  }, url);
}

beforeAll(async () => {
  world = await startDemoWorld('indui');
});

afterAll(async () => {
  await world?.stop();
});

describe('Indikator Kinerja', () => {
  it('the BKD admin sees the five indices, drills down and sets the IKP target', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.bkdAdmin);
    try {
      await openIndicators(page);
      const shown = await apiGet<{ indicators: Record<string, { value: number | null; flags: string[] }> }>(page, `/api/indicators?year=${Number(TEST_TODAY.slice(0, 4))}`);
      for (const key of INDEX_KEYS) {
        const v = shown.body.indicators[key]!;
        // A year whose SKP is not assessed yet says so instead of counting it as 0 (IKin and the composite IP).
        if (v.value === null) {
          expect(await cardText(page, key, 'indicator-value')).toBe(v.flags.includes('SKP_NOT_ASSESSED') ? 'SKP belum dinilai' : '—');
          continue;
        }
        expect(await cardText(page, key, 'indicator-value')).toMatch(DISPLAYED_INDEX);
        // The formula with its numbers ends with "= <value>".
        const formula = await cardText(page, key, 'indicator-formula');
        expect(formula).toContain(`= ${await cardText(page, key, 'indicator-value')}`);
      }
      expect(await cardText(page, 'idis', 'indicator-polarity')).toBe('semakin rendah semakin baik');
      expect(await page.getByTestId('ip-note').innerText()).toContain('IDis masuk apa adanya sesuai formula instansi');
      expect(await page.getByTestId('indicators-scope').innerText()).toContain('seluruh instansi');
      // Per-OPD bars of the top-level units, and the 5-year trend.
      expect(await page.getByTestId('opd-bar-row').count()).toBeGreaterThan(5);
      // Five years; the current one (its SKP not assessed yet on the reference date) has no point instead of a collapse to 0.
      await expect.poll(() => page.getByTestId('trend-point').count(), { timeout: 30_000 }).toBe(4);
      const year = Number(TEST_TODAY.slice(0, 4));
      expect(await page.getByTestId('trend-point').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-year'))))).toEqual([year - 4, year - 3, year - 2, year - 1]);
      await shot(page, '1-bkd-admin');

      // IKom component a: eselon holders without leadership training.
      const link = page.getByTestId('drilldown-eselon_without_leadership');
      const expected = Number(/\((\d+)\)/.exec((await link.innerText()).replace(/\./g, ''))?.[1]);
      expect(expected).toBeGreaterThan(0);
      await link.click();
      await page.getByTestId('drilldown-row').first().waitFor();
      expect(Number(await page.getByTestId('drilldown-total').getAttribute('data-total'))).toBe(expected);
      expect(await page.getByTestId('drilldown-row').count()).toBe(Math.min(expected, 25));
      expect(await page.getByTestId('drilldown-csv').getAttribute('href')).toContain('component=eselon_without_leadership');
      await page.screenshot({ path: path.join(SHOTS, 'indicators-2-drilldown.png') });
      await page.keyboard.press('Escape');
      await page.getByTestId('drilldown').waitFor({ state: 'detached' });

      // No target yet: no capaian.
      expect(await cardText(page, 'ikp', 'indicator-capaian')).toContain('—');
      await page.getByTestId('open-config').click();
      await page.getByTestId('config-form').waitFor();
      // Weights must sum to 100 before saving.
      await page.getByTestId('weight-idis').fill('10');
      expect(await page.getByTestId('weights-sum').innerText()).toContain('harus 100');
      expect(await page.getByTestId('config-save').isDisabled()).toBe(true);
      await page.getByTestId('weight-idis').fill('5');
      await page.getByTestId('target-IKP').fill('80');
      await page.getByTestId('config-save').click();
      await page.getByTestId('config-form').waitFor({ state: 'detached' });
      await expect.poll(() => cardText(page, 'ikp', 'indicator-target')).toContain('80,00');
      await expect.poll(() => cardText(page, 'ikp', 'indicator-capaian')).toMatch(/^Capaian\s+\d{1,3}(\.\d{3})*,\d{2}%$/);
      expect(await cardText(page, 'ikp', 'indicator-capaian-formula')).toContain('/ 80 × 100 =');
      await shot(page, '3-target-set');
    } finally {
      await context.close();
    }
  });

  it('the DINKES OPD admin sees only Dinas Kesehatan', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.dinkesAdmin);
    try {
      await openIndicators(page);
      expect(await page.getByTestId('indicators-scope').innerText()).toContain('Dinas Kesehatan');
      expect(await page.getByTestId('indicators-opd').inputValue()).toBe('Dinas Kesehatan');
      // No per-OPD ranking and no admin actions.
      expect(await page.getByTestId('opd-bars').count()).toBe(0);
      expect(await page.getByTestId('open-config').count()).toBe(0);
      expect(await page.getByTestId('open-freeze').count()).toBe(0);

      // The cards show the DINKES figures; the whole agency is not available to this user.
      const year = Number(TEST_TODAY.slice(0, 4));
      const dinkes = await apiGet<{ indicators: Record<string, { value: number | null; flags: string[] }>; population: number }>(
        page,
        `/api/indicators?year=${year}&opd=DINKES`,
      );
      expect(dinkes.status).toBe(200);
      const agency = await apiGet<unknown>(page, `/api/indicators?year=${year}`);
      expect(agency.status).toBe(403);
      const format = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      for (const key of INDEX_KEYS) {
        const value = dinkes.body.indicators[key]?.value;
        const flags = dinkes.body.indicators[key]?.flags ?? [];
        expect(await cardText(page, key, 'indicator-value')).toBe(
          value === null || value === undefined ? (flags.includes('SKP_NOT_ASSESSED') ? 'SKP belum dinilai' : '—') : format.format(value),
        );
      }
      expect(await page.getByTestId('indicators-scope').innerText()).toContain(`N = ${new Intl.NumberFormat('id-ID').format(dinkes.body.population)}`);

      // The OPD selector offers only their own unit.
      await page.getByTestId('indicators-opd').click();
      const options = await page.getByRole('option').allInnerTexts();
      expect(options).toEqual(['Dinas Kesehatan']);
      await page.keyboard.press('Escape');
      await shot(page, '4-dinkes');
    } finally {
      await context.close();
    }
  });
});
