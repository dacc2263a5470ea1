import { SHORT_PORT } from '../../playwright.config';
import type { Browser, Page } from '@playwright/test';
import { expect, latestMail, outbox, requestLink, signIn, test, uniqueEmail, withEmailLock } from './fixtures';

test.describe('[SIGN-IN]', () => {
  test('the landing page explains the program and leads to sign-in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/one year/i).first()).toBeVisible();
    await expect(page.getByText(/cultural humility/i).first()).toBeVisible();
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Send/ })).toBeVisible();
  });

  test('opening the emailed link spends nothing; only the confirmation button signs in, once', async ({ page, browser }) => {
    const email = 'mentee@example.org';
    await withEmailLock(email, () => firstUse(page, browser, email));
  });

  async function firstUse(page: Page, browser: Browser, email: string) {
    const link = await requestLink(page, email);
    expect(new URL(link).pathname).toBe('/sign-in/confirm');

    // A mail scanner fetches the link (and even the raw callback) first.
    const scanner = await browser.newContext();
    const fetched = await scanner.request.get(link);
    expect(fetched.status()).toBe(200);
    const callback = link.replace('/sign-in/confirm', '/api/auth/callback/resend');
    const direct = await scanner.request.get(callback, { maxRedirects: 0 });
    expect(direct.status()).toBe(303);
    await scanner.close();

    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/mentee$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // The same link a second time: a clear page, and a way to get a new one.
    const other = await browser.newContext();
    const again = await other.newPage();
    await again.goto(link);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await expect(again.getByRole('heading', { level: 1, name: /no longer works/ })).toBeVisible();
    await expect(again.getByLabel('Email')).toHaveValue(email);
    await expect(again.getByRole('button', { name: /^Send/ })).toBeVisible();
    await other.close();
  }

  test('asking for a new link makes the older one stop working', async ({ page }) => {
    const email = uniqueEmail('relink');
    const first = await requestLink(page, email);
    const second = await requestLink(page, email);
    expect(second).not.toBe(first);
    await page.goto(first);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /no longer works/ })).toBeVisible();
    await page.goto(second);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/register$/);
  });

  test('an expired link shows a clear page with a way to get a new one', async ({ page }) => {
    const base = `http://localhost:${SHORT_PORT}`; // a server whose links last 3 seconds
    const email = uniqueEmail('expiry');
    const link = await requestLink(page, email, base);
    await page.waitForTimeout(4000);
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /no longer works/ })).toBeVisible();
    await expect(page.getByText(/expired/)).toBeVisible();
  });

  test('bad input gets a field error beside the field and keeps what was typed', async ({ page }) => {
    await page.goto('/sign-in');
    const field = page.getByLabel('Email');
    for (const [typed, message] of [
      ['not-an-email', /like name@example.edu/],
      ['x'.repeat(10_000), /too long/],
      ['a\u0007b@example.edu', /control characters/],
    ] as const) {
      await field.fill(typed);
      await page.getByRole('button', { name: /^Send/ }).click();
      await expect(page.getByText(message)).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const describedBy = await field.getAttribute('aria-describedby');
      expect(describedBy).toContain('email-error');
      if (typed.length < 100) await expect(field).toHaveValue(typed);
    }
  });

  test('per-address limit: the fourth request in 15 minutes sends nothing and looks the same', async ({ page }) => {
    const base = `http://localhost:${SHORT_PORT}`; // the server with the production limits
    const email = uniqueEmail('limit');
    for (let i = 0; i < 3; i++) await requestLink(page, email, base);
    expect(await outbox(page.request, email, base)).toHaveLength(3);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await page.waitForTimeout(500);
    expect(await outbox(page.request, email, base)).toHaveLength(3);
  });

  test('per-network limit: the eleventh request from one address is refused with a clear message', async ({ page }) => {
    const base = `http://localhost:${SHORT_PORT}`;
    for (let i = 0; i < 10; i++) {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill(uniqueEmail(`ip${i}`));
      await page.getByRole('button', { name: /^Send/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    }
    await page.goto(`${base}/sign-in`);
    const email = uniqueEmail('ip-over');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: /Too many sign-in requests/ })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(email);
  });

  test('sign-out deletes the session on the server', async ({ page, browser }) => {
    await signIn(page, 'mentor@example.org');
    await expect(page).toHaveURL(/\/mentor$/);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.includes('session-token'));
    expect(session).toBeTruthy();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/$/);

    // Replaying the old cookie in a fresh browser gets nowhere: the session row is gone.
    const replay = await browser.newContext();
    await replay.addCookies([session!]);
    const p = await replay.newPage();
    await p.goto('/mentor');
    await expect(p).toHaveURL(/\/sign-in\?callbackUrl=%2Fmentor/);
    await replay.close();
  });

  test('ADMIN_EMAILS makes an address an admin at first sign-in', async ({ page }) => {
    await signIn(page, 'bootstrap-admin@example.org');
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Program overview' })).toBeVisible();
  });

  test('the outbox contract: JSON newest first with the action link', async ({ page, request }) => {
    const email = uniqueEmail('outbox');
    await requestLink(page, email);
    await requestLink(page, email);
    const mails = await outbox(request, email);
    expect(mails).toHaveLength(2);
    for (const m of mails) expect(Object.keys(m).sort()).toEqual(['createdAt', 'html', 'kind', 'subject', 'text', 'to', 'url']);
    expect(mails.map((m) => m.kind)).toEqual(['sign-in', 'sign-in']);
    expect(Date.parse(mails[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(mails[1].createdAt));
    expect((await latestMail(request, email)).text).toContain(mails[0].url!);
    await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dev outbox' })).toBeVisible();
    await expect(page.getByText('Your sign-in link').first()).toBeVisible();
  });
});
