import { DOWN_PORT } from '../../playwright.config';
import { expect, test } from './fixtures';

const base = `http://localhost:${DOWN_PORT}`;

test.describe('[HEALTH]: when the database is down', () => {
  test('health answers 503 with db "down"', async ({ request }) => {
    const res = await request.get(`${base}/api/health`);
    expect(res.status()).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: 'down' });
  });

  test('asking for a sign-in link says it could not be sent, keeping the address', async ({ page }) => {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('someone@example.edu');
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: /could not send the email/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel('Email')).toHaveValue('someone@example.edu');
  });

  test('a portal page explains the problem in plain words, with no stack trace', async ({ page, context }) => {
    await context.addCookies([{ name: 'authjs.session-token', value: 'some-session', url: base }]);
    await page.goto(`${base}/mentee`);
    await expect(page.getByRole('heading', { level: 1, name: /can’t load this page/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/ECONNREFUSED|at .*\.js:\d+|node_modules|stack/i);
  });
});
