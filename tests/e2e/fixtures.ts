import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { E2E_CRON_SECRET } from '../../playwright.config';

/**
 * Every test gets its own client address (X-Forwarded-For), so the per-IP sign-in limit of one test
 * never spills into another, exactly as separate people on separate networks.
 */
export const test = base.extend<{ ip: string }>({
  ip: async ({}, use) => {
    await use(`10.${rand(250)}.${rand(250)}.${rand(250)}`);
  },
  context: async ({ context, ip }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
    await use(context);
  },
});
export { expect };

function rand(n: number) {
  return 1 + Math.floor(Math.random() * n);
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${rand(1e6).toString(36)}@example.edu`;

type OutboxMail = { to: string; subject: string; text: string; html: string; url: string | null; kind: string; createdAt: string };

export async function outbox(request: APIRequestContext, to: string, baseURL?: string): Promise<OutboxMail[]> {
  const url = `${baseURL ?? ''}/api/dev/outbox?to=${encodeURIComponent(to)}`;
  // A kept-alive connection the server closed while idle fails once with ECONNRESET; ask again.
  const res = await request.get(url).catch((err: Error) => {
    if (!/ECONNRESET|socket hang up/.test(err.message)) throw err;
    return request.get(url);
  });
  expect(res.ok()).toBe(true);
  return res.json();
}

/** Waits for a new email to arrive (more than `before` in the outbox) and returns the newest. */
export async function latestMail(request: APIRequestContext, to: string, before = 0, baseURL?: string): Promise<OutboxMail> {
  let mails: OutboxMail[] = [];
  await expect
    .poll(async () => {
      mails = await outbox(request, to, baseURL);
      return mails.length;
    })
    .toBeGreaterThan(before);
  return mails[0];
}

/** Asks for a link on the sign-in page, like a person would; returns the link from the outbox. */
export async function requestLink(page: Page, email: string, baseURL = ''): Promise<string> {
  const before = (await outbox(page.request, email, baseURL)).length;
  // Stay on a sign-in page the app sent us to, so its return path is kept.
  if (!page.url().includes('/sign-in')) await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: /^Send/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  const mail = await latestMail(page.request, email, before, baseURL);
  expect(mail.subject).toMatch(/sign-in link/i);
  expect(mail.url).toBeTruthy();
  return mail.url!;
}

/**
 * A new link invalidates the older ones for the same address, so two tests signing in as the same
 * demo account at once would spend each other's links. Tests take turns per address, across
 * workers, with a lock directory (mkdir is atomic).
 */
export function withEmailLock<T>(email: string, fn: () => Promise<T>): Promise<T> {
  return withLock(email, fn, 60_000);
}

/** Takes turns on `name` across workers; a lock older than `staleMs` was left by a crashed test. */
async function withLock<T>(name: string, fn: () => Promise<T>, staleMs: number): Promise<T> {
  const dir = `.data/e2e-locks/${name}`;
  mkdirSync('.data/e2e-locks', { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch {
      try {
        if (Date.now() - statSync(dir).mtimeMs > staleMs) rmSync(dir, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Moves the main server's clock (TEST_CLOCK=enabled there); answers the time it now reads. */
export async function setServerClock(request: APIRequestContext, body: { now: string } | { reset: true }): Promise<string> {
  const res = await request.post('/api/test/clock', { data: body });
  expect(res.ok()).toBe(true);
  return (await res.json()).now;
}

/**
 * Runs `fn` while the server's clock may be moved, then puts it back. The clock is one per server,
 * so tests that move it take turns (the others never move it and do not care).
 */
export async function withTestClock<T>(request: APIRequestContext, fn: () => Promise<T>): Promise<T> {
  return withLock(
    'test-clock',
    async () => {
      try {
        return await fn();
      } finally {
        await setServerClock(request, { reset: true });
      }
    },
    10 * 60_000,
  );
}

/** Runs the daily sweep now through its endpoint; answers its summary. */
export async function runDailySweep(request: APIRequestContext): Promise<{ ok: boolean; ranAt: string; tasks: Record<string, Record<string, number>> }> {
  const res = await request.post('/api/jobs/daily', { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

/** Signs in through the outbox and the confirmation step. */
export async function signIn(page: Page, email: string, baseURL = ''): Promise<void> {
  await withEmailLock(email, async () => {
    const link = await requestLink(page, email, baseURL);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm sign-in' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  });
}
