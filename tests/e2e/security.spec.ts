import http from 'node:http';
import type { Page, Response } from '@playwright/test';
import { SHORT_PORT } from '../../playwright.config';
import { expect, outbox, requestLink, signIn, test, uniqueEmail } from './fixtures';

const SHORT = `http://localhost:${SHORT_PORT}`;

test.describe('[SIGN-IN] holes closed', () => {
  test('login CSRF: a page on another site that auto-posts a link is refused with an explanation', async ({ page, context, baseURL }) => {
    const attacker = uniqueEmail('attacker');
    const link = await requestLink(page, attacker);
    const params = new URL(link).searchParams;
    await context.clearCookies();
    // The attacker's page, served from another origin, posts the attacker's own link at once.
    await page.route('http://attacker.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form id="f" method="post" action="${baseURL}/api/auth/confirm">
          <input name="token" value="${params.get('token')}"><input name="email" value="${attacker}">
          <input name="callbackUrl" value="${params.get('callbackUrl') ?? ''}"></form>
          <script>document.getElementById('f').submit()</script>`,
      }),
    );
    await page.goto('http://attacker.example/prize');
    await expect(page.getByRole('heading', { level: 1, name: 'Please sign in from this site' })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(''); // not the attacker's address
    await expect(page.getByRole('button', { name: /^Send/ })).toBeVisible();
    expect((await context.cookies()).some((c) => c.name.includes('session-token'))).toBe(false);
    // The visitor is not signed in as anyone.
    await page.goto('/portal');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a server action replayed without Origin is refused with 403 and does nothing', async ({ page, request }) => {
    const email = uniqueEmail('no-origin');
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
      page.getByRole('button', { name: /^Send/ }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    expect(await outbox(request, email)).toHaveLength(1);
    const headers = { ...action.headers() };
    delete headers.origin;
    delete headers['sec-fetch-site'];
    const variants: Record<string, string>[] = [{}, { origin: new URL(action.url()).origin, 'sec-fetch-site': 'cross-site' }, { origin: 'https://evil.example' }];
    for (const extra of variants) {
      const res = await request.post(action.url(), { headers: { ...headers, ...extra }, data: action.postDataBuffer()!, maxRedirects: 0 });
      expect(res.status()).toBe(403);
    }
    await page.waitForTimeout(300);
    expect(await outbox(request, email)).toHaveLength(1);
  });

  test('the form answers a limited address exactly like any other (cookie, headers, status)', async ({ page }) => {
    const email = uniqueEmail('same-answer');
    const answers: { status: number; cookies: string[]; revalidated: boolean; redirect: string | null }[] = [];
    const capture = async (res: Response) => {
      const h = await res.allHeaders();
      answers.push({
        status: res.status(),
        cookies: (await res.headersArray())
          .filter((x) => x.name.toLowerCase() === 'set-cookie')
          .map((x) => x.value.split('=')[0])
          .sort(),
        revalidated: 'x-action-revalidated' in h,
        redirect: h['x-action-redirect']?.replace(/email=[^&;]*/, 'email=…') ?? null,
      });
    };
    for (let i = 0; i < 5; i++) {
      // A first visit each time (Auth.js sets its callback cookie only when it changes).
      await page.context().clearCookies();
      await page.goto(`${SHORT}/sign-in`);
      await page.getByLabel('Email').fill(email);
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']),
        page.getByRole('button', { name: /^Send/ }).click(),
      ]);
      await capture(res);
      await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    }
    expect(await outbox(page.request, email, SHORT)).toHaveLength(3);
    expect(answers[0].cookies).toContain('authjs.callback-url');
    for (const a of answers.slice(3)) expect(a).toEqual(answers[0]);
  });

  test('rotating X-Forwarded-For from an untrusted address does not escape the per-network limit', async () => {
    // A client on 127.0.0.N (not the trusted 127.0.0.1) talking to the server directly.
    const local = `127.0.0.${2 + Math.floor(Math.random() * 250)}`;
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 11; i++) await directSignIn(`spoof-${tag}-${i}@example.edu`, local, `203.0.113.${i + 1}`);
    const sent = [];
    for (let i = 0; i < 11; i++) sent.push((await fetchJson(`${SHORT}/api/dev/outbox?to=spoof-${tag}-${i}@example.edu`)).length);
    expect(sent.slice(0, 10)).toEqual(Array(10).fill(1));
    expect(sent[10]).toBe(0);
  });
});

test.describe('[HEADERS] Content-Security-Policy with a nonce, enforced', () => {
  test('pages work with the policy and report no violations', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await page.goto('/');
    const csp = res!.headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every script on the page carries this response's nonce.
    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    // A second response gets a different nonce.
    const again = await page.request.get('/');
    expect(again.headers()['content-security-policy']).not.toContain(nonce);

    // The app works: client-side navigation, a server action with a field error, a full sign-in.
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect(page.getByText(/like name@example.edu/)).toBeVisible();
    await signIn(page, 'mentee@example.org');
    await expect(page).toHaveURL(/\/mentee$/);
    await visitAll(page, ['/mentee', '/mentee/profile', '/dev/outbox']);
    expect(violations).toEqual([]);
  });

  test('an admin page works under the policy too', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, 'admin@example.org');
    await visitAll(page, ['/admin', '/admin/people', '/admin/matching', '/admin/emails']);
    await expect(page.getByRole('heading', { level: 1, name: 'Email log' })).toBeVisible();
    // The log lists sign-in emails without their links.
    await expect(page.getByRole('cell', { name: 'sign-in' }).first()).toBeVisible();
    expect(await page.locator('main a[href*="token="]').count()).toBe(0);
    expect(violations).toEqual([]);
  });
});

async function visitAll(page: Page, paths: string[]) {
  for (const p of paths) {
    const res = await page.goto(p);
    expect(res!.status(), p).toBeLessThan(400);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
}

/** A request from a chosen local address, as an outside client would make it (no browser). */
function raw(url: string, opts: { method?: string; localAddress?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const u = new URL(url);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: opts.method ?? 'GET',
        localAddress: opts.localAddress,
        headers: { host: u.host, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function directSignIn(email: string, localAddress: string, forwardedFor: string) {
  const headers = { 'x-forwarded-for': forwardedFor };
  const csrf = await raw(`${SHORT}/api/auth/csrf`, { localAddress, headers });
  const cookie = ([] as string[])
    .concat(csrf.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await raw(`${SHORT}/api/auth/signin/resend`, {
    method: 'POST',
    localAddress,
    headers: { ...headers, cookie, origin: SHORT, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${SHORT}/portal` }).toString(),
  });
  expect(res.status).toBe(302);
}

async function fetchJson(url: string) {
  const res = await raw(url);
  return JSON.parse(res.body) as unknown[];
}
