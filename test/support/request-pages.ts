/**
 * Browser-test helpers for the request pages (KP proposals, pension files, …): locators, a
 * signed-in API agent next to the browser, uploads to the vault, judging a checklist, dates.
 */
import type { Page } from 'playwright-core';
import supertest from 'supertest';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed/demo.ts';
import { tinyPdf } from './pdf.ts';

export const status = (page: Page, state: string) => page.locator(`[data-testid="request-status"][data-state="${state}"]`).first();
export const item = (page: Page, key: string) => page.locator(`[data-testid="checklist-item"][data-key="${key}"]`);
export const fitsWidth = async (page: Page) => (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;

export type Agent = ReturnType<typeof supertest.agent> & { csrfToken: string };

/** An API agent signed in on the running server (the demo password unless told), with its CSRF token. */
export async function apiLogin(url: string, username: string, password?: string): Promise<Agent> {
  const agent = supertest.agent(url);
  const res = await agent.post('/api/auth/login').send({ username, password: password ?? DEMO_PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const csrf = await agent.get('/api/auth/csrf');
  return Object.assign(agent, { csrfToken: csrf.body.csrfToken as string });
}

/** A small PDF uploaded to the employee's vault; its document id. */
export async function upload(agent: Agent, employeeId: number, jenis: string, name: string) {
  const res = await agent
    .post(`/api/employees/${employeeId}/documents`)
    .set('x-csrf-token', agent.csrfToken)
    .field('jenis', jenis)
    .attach('file', tinyPdf(`${jenis} ${employeeId}`), { filename: name, contentType: 'application/pdf' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.document.id as number;
}

/** Every checklist item with a document not yet valid is marked valid. */
export async function judgeAllValid(page: Page) {
  for (;;) {
    const open = page.locator('[data-testid="checklist-item"]:not([data-verdict="VALID"])', { has: page.getByTestId('verdict-valid') });
    if ((await open.count()) === 0) break;
    const key = (await open.first().getAttribute('data-key'))!;
    await open.first().getByTestId('verdict-valid').click();
    await page.locator(`[data-testid="checklist-item"][data-key="${key}"][data-verdict="VALID"]`).waitFor();
  }
}

/** Types a date (DD/MM/YYYY) into a date input and leaves it. */
export async function chooseDate(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.blur();
}
