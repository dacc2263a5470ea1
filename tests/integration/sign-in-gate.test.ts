/**
 * The sign-in gate, attacked the way an outsider would: GET /api/auth/csrf, then POST Auth.js's own
 * /api/auth/signin/resend (the same route handlers the server serves), never through our form.
 */
import { readFileSync } from 'node:fs';
import { and, eq, like, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emails, verificationTokens } from '@/db/schema';
import { handlers } from '@/lib/auth/auth';
import { PEER_HEADER } from '@/lib/auth/client-address';
import { openLink } from '@/lib/auth/link-seal';
import { hashToken } from '@/lib/auth/sign-in-email';
import { readOutbox } from '@/lib/email/outbox';
import { getEnv, resetEnvForTests } from '@/lib/env';

const unique = () => Math.random().toString(36).slice(2, 10);
const base = () => getEnv().AUTH_URL;
let peerCounter = 0;
/** A fresh client address per request unless a test wants one shared. */
const freshPeer = () => `198.51.${Math.floor(Math.random() * 200)}.${(peerCounter++ % 250) + 1}`;

async function csrf(peer: string) {
  const res = await handlers.GET(new NextRequest(`${base()}/api/auth/csrf`, { headers: { [PEER_HEADER]: peer } }));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { csrfToken, cookie };
}

async function postSignIn(email: string, opts: { peer?: string; headers?: Record<string, string> } = {}) {
  const peer = opts.peer ?? freshPeer();
  const { csrfToken, cookie } = await csrf(peer);
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: `${base()}/portal` });
  return handlers.POST(
    new NextRequest(`${base()}/api/auth/signin/resend`, {
      method: 'POST',
      body,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', [PEER_HEADER]: peer, ...opts.headers },
    }),
  );
}

async function mailRows(email: string) {
  const db = await getDb();
  return db.select().from(emails).where(eq(emails.to, email));
}
async function liveTokens(email: string) {
  const db = await getDb();
  return db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));
}

describe('[SIGN-IN]: Auth.js’s own endpoint passes the same gate as the form', () => {
  it.each([
    ['a 10 kB address', (u: string) => `${'x'.repeat(10_000)}${u}@example.edu`],
    ['CR/LF in the local part', (u: string) => `evil${u}\r\nbcc@example.edu`],
    ['U+2028 in the local part', (u: string) => `evil${u}\u2028x@example.edu`],
    ['a NUL byte', (u: string) => `evil${u}\u0000@example.edu`],
    ['two addresses', (u: string) => `evil${u}@example.edu,victim@example.edu`],
  ])('refuses %s: nothing sent, no token', async (_label, make) => {
    const u = unique();
    const res = await postSignIn(make(u));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/sign-in/error');
    const db = await getDb();
    expect(await db.select({ id: emails.id }).from(emails).where(like(emails.to, `%${u}%`))).toHaveLength(0);
    expect(await db.select().from(verificationTokens).where(like(verificationTokens.identifier, `%${u}%`))).toHaveLength(0);
  });

  it('counts the per-address limit: five requests, three emails, one live link', async () => {
    const email = `route-limit-${unique()}@example.edu`;
    for (let i = 0; i < 5; i++) expect((await postSignIn(email)).status).toBe(302);
    expect(await mailRows(email)).toHaveLength(3);
    expect(await liveTokens(email)).toHaveLength(1);
  });

  it('normalises before counting: case and spaces do not buy extra emails', async () => {
    const email = `route-case-${unique()}@example.edu`;
    for (const spelling of [email, email.toUpperCase(), ` ${email} `, email.replace('route', 'ROUTE')]) await postSignIn(spelling);
    expect(await mailRows(email)).toHaveLength(3);
  });

  it('fifty requests at once leave three emails and exactly one live link — the newest email’s', async () => {
    const email = `race50-${unique()}@example.edu`;
    const responses = await Promise.all(Array.from({ length: 50 }, () => postSignIn(email)));
    expect(responses.every((r) => r.status === 302)).toBe(true);
    const rows = await mailRows(email);
    expect(rows).toHaveLength(3);
    const tokens = await liveTokens(email);
    expect(tokens).toHaveLength(1);
    // The one live token belongs to one of the three emails (the last one committed).
    const sent = rows.map((r) => new URL(openLink(r.sealedUrl!, getEnv().AUTH_SECRET)!).searchParams.get('token')!);
    expect(sent.map((t) => hashToken(t, getEnv().AUTH_SECRET))).toContain(tokens[0].token);
  });

  it('a new link invalidates the older ones', async () => {
    const email = `route-relink-${unique()}@example.edu`;
    await postSignIn(email);
    const [first] = await liveTokens(email);
    await postSignIn(email);
    const left = await liveTokens(email);
    expect(left).toHaveLength(1);
    expect(left[0].token).not.toBe(first.token);
  });
});

describe('[SIGN-IN]: stored sign-in emails hold no usable token', () => {
  it('no column of the stored row carries the token or the link; the outbox still shows the link', async () => {
    const email = `stored-${unique()}@example.edu`;
    await postSignIn(email);
    const [row] = await mailRows(email);
    const secret = getEnv().AUTH_SECRET;
    const link = openLink(row.sealedUrl!, secret)!;
    const token = new URL(link).searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const [{ live }] = await liveTokens(email).then((t) => t.map((x) => ({ live: x.token })));
    expect(live).toBe(hashToken(token, secret)); // the token in the sealed link is the live one
    const everything = JSON.stringify(row);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(encodeURIComponent(token));
    expect(row.url).toBeNull();
    expect(row.text).toContain('[sign-in link removed from the stored copy]');
    // A database reader without AUTH_SECRET cannot open the seal.
    expect(openLink(row.sealedUrl!, 'some-other-secret-some-other-secret-xx')).toBeNull();

    const [entry] = await readOutbox(email);
    expect(entry).toMatchObject({ kind: 'sign-in', url: link });
    expect(entry.text).toContain(link);
    expect(entry.html).toContain(link.replace(/&/g, '&amp;'));
  });

  it('the migration redacts sign-in emails recorded before it', async () => {
    const db = await getDb();
    const email = `legacy-${unique()}@example.edu`;
    const live = `${base()}/sign-in/confirm?token=legacy${unique()}&email=${encodeURIComponent(email)}`;
    await db.insert(emails).values({ to: email, subject: 'Your sign-in link', kind: 'sign-in', transport: 'outbox', status: 'sent', sentAt: new Date(), url: live, text: `Sign in: ${live}`, html: `<a href="${live}">Sign in</a>` });
    const migration = readFileSync('db/migrations/0005_sealed_sign_in_links.sql', 'utf8');
    const update = migration.split('--> statement-breakpoint').find((s) => s.includes('UPDATE'))!;
    await db.execute(sql.raw(update));
    const [row] = await mailRows(email);
    expect(JSON.stringify(row)).not.toContain('token=legacy');
    expect(row.url).toBeNull();
  });
});

describe('[SIGN-IN]: a limited address answers exactly like any other', () => {
  const shape = (res: Response) => ({
    status: res.status,
    location: res.headers.get('location'),
    cookies: res.headers
      .getSetCookie()
      .map((c) => c.split('=')[0])
      .sort(),
    headers: [...res.headers.keys()].sort(),
  });

  it('same status, redirect, cookies and headers; timing within noise', async () => {
    const addresses = [0, 1, 2].map(() => `same-${unique()}@example.edu`);
    const sent: ReturnType<typeof shape>[] = [];
    const sentMs: number[] = [];
    const limited: ReturnType<typeof shape>[] = [];
    const limitedMs: number[] = [];
    for (const email of addresses) {
      for (let i = 0; i < 6; i++) {
        const t = performance.now();
        const answer = shape(await postSignIn(email));
        (i < 3 ? sentMs : limitedMs).push(performance.now() - t);
        (i < 3 ? sent : limited).push(answer);
      }
      expect(await mailRows(email)).toHaveLength(3); // the last three really were limited
    }
    for (const l of limited) expect(l).toEqual(sent[0]);
    expect(sent[0].cookies).toContain('authjs.callback-url');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`sign-in via Auth.js route: sent median ${median(sentMs).toFixed(1)} ms, limited median ${median(limitedMs).toFixed(1)} ms`);
    // The limited path waits as long as a typical send; allow for a loaded test machine.
    expect(Math.abs(median(sentMs) - median(limitedMs))).toBeLessThan(Math.max(60, median(sentMs) * 0.6));
  });
});

describe('[SIGN-IN]: forwarded headers are believed only from trusted proxies', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it('by default, rotating X-Forwarded-For from one socket address still hits the per-network limit', async () => {
    const peer = freshPeer();
    const tag = unique();
    for (let i = 0; i < 11; i++) {
      await postSignIn(`spoof-${tag}-${i}@example.edu`, { peer, headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
    }
    const db = await getDb();
    const sent = await db.select({ to: emails.to }).from(emails).where(like(emails.to, `spoof-${tag}-%`));
    expect(sent).toHaveLength(10);
    expect(sent.map((s) => s.to)).not.toContain(`spoof-${tag}-10@example.edu`);
  });

  it('with TRUSTED_PROXIES=loopback, a request through the local proxy counts the forwarded client', async () => {
    process.env.TRUSTED_PROXIES = 'loopback';
    resetEnvForTests();
    const tag = unique();
    for (let i = 0; i < 11; i++) {
      await postSignIn(`proxied-${tag}-${i}@example.edu`, { peer: '127.0.0.1', headers: { 'x-forwarded-for': `203.0.113.${(i % 250) + 1}, ${freshPeer()}` } });
    }
    const db = await getDb();
    const sent = await db.select({ to: emails.to }).from(emails).where(and(like(emails.to, `proxied-${tag}-%`), eq(emails.kind, 'sign-in')));
    expect(sent).toHaveLength(11);
  });
});
