/**
 * A signed-in page reads its session once (issue 13): the proxy's read is handed to the page, pages
 * the proxy does not guard read it themselves, and a request without a session cookie reads
 * nothing. Counted through Drizzle's logger, statement by statement.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { recordQueries } from '@/db/query-log';
import { sessions } from '@/db/schema';
import { getCurrentUser, requireRole } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { proxy } from '@/proxy';
import { createPerson } from '../support/people';
import { forwardedHeaders } from '../support/request-scope';

const scope = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', async () => (await import('../support/request-scope')).nextHeaders(scope));

const COOKIE = 'authjs.session-token';
const DAY = 86_400_000;
const sessionReads = (queries: string[]) => queries.filter((q) => /from "sessions"/i.test(q)).length;

async function signedIn(role: 'mentee' | 'mentor' | 'admin', expiresInDays = 29.9) {
  const person = await createPerson(role, 'approved');
  const token = randomBytes(32).toString('base64url');
  const db = await getDb();
  await db.insert(sessions).values({ sessionToken: token, userId: person.id, expires: new Date(Date.now() + expiresInDays * DAY) });
  return { person, token };
}

/** One request as Next serves it: the proxy, then the page (or action) in the headers it forwarded. */
async function request(path: string, token?: string) {
  return recordQueries(async () => {
    const res = await proxy(new NextRequest(`${getEnv().AUTH_URL}${path}`, { headers: token ? { cookie: `${COOKIE}=${token}` } : {} }));
    scope.headers = forwardedHeaders(res);
    scope.cookies = new Map(token ? [[COOKIE, token]] : []);
    const passed = !res.headers.get('location') && res.status < 400;
    const user = passed ? await getCurrentUser() : undefined;
    return { res, user };
  });
}

describe('[SESSION]: one session read per request', () => {
  it.each(['mentee', 'mentor', 'admin'] as const)('a %s portal page: the proxy reads the session, the page takes its read', async (role) => {
    const { person, token } = await signedIn(role);
    const { result, queries } = await request(`/${role}`, token);
    expect(result.user).toMatchObject({ id: person.id, role, status: 'approved' });
    expect(sessionReads(queries)).toBe(1);
    expect(queries).toHaveLength(1);
  });

  it('pages the proxy does not guard (/, /sign-in) read it once themselves, and not at all without a cookie', async () => {
    const { person, token } = await signedIn('mentee');
    for (const path of ['/', '/sign-in']) {
      const mine = await request(path, token);
      expect(mine.result.user?.id).toBe(person.id);
      expect(sessionReads(mine.queries)).toBe(1);
      const anonymous = await request(path);
      expect(anonymous.result.user).toBeNull();
      expect(anonymous.queries).toEqual([]);
    }
  });

  it('the hand-over is bound to the token: another cookie under the same request key reads its own session', async () => {
    const a = await signedIn('mentee');
    const b = await signedIn('mentor');
    const first = await request('/mentee', a.token);
    expect(first.result.user?.id).toBe(a.person.id);
    // The same forwarded headers (the proxy's nonce), a different browser's cookie.
    scope.cookies = new Map([[COOKIE, b.token]]);
    const { result, queries } = await recordQueries(() => getCurrentUser());
    expect(result?.id).toBe(b.person.id);
    expect(sessionReads(queries)).toBe(1);
    // And a client-sent x-nonce with no proxy behind it finds nothing to take.
    scope.headers = new Headers({ 'x-nonce': 'made-up' });
    scope.cookies = new Map([[COOKIE, a.token]]);
    expect((await getCurrentUser())?.id).toBe(a.person.id);
  });

  it('keeps the guards: no session → sign-in, another role → its own portal, admin pages → 404; the page checks again', async () => {
    const anonymous = await request('/admin/people');
    expect(anonymous.result.res.headers.get('location')).toContain('/sign-in?callbackUrl=%2Fadmin%2Fpeople');
    const mentee = await signedIn('mentee');
    const toAdmin = await request('/admin', mentee.token);
    expect(toAdmin.result.res.status).toBe(404);
    const toMentor = await request('/mentor', mentee.token);
    expect(toMentor.result.res.headers.get('location')).toMatch(/\/mentee$/);
    // The page's own guard still refuses, even with the proxy's read in hand.
    const own = await request('/mentee', mentee.token);
    expect(own.result.user?.id).toBe(mentee.person.id);
    await expect(requireRole('admin')).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });

  it('an expired session is no session; a session past a day old is extended once, cookie and row', async () => {
    const expired = await signedIn('mentee', -0.01);
    expect((await request('/mentee', expired.token)).result.res.headers.get('location')).toContain('/sign-in');

    const fresh = await signedIn('mentee', 29.9);
    const quiet = await request('/mentee', fresh.token);
    expect(quiet.result.res.headers.get('set-cookie')).toBeNull();
    expect(quiet.queries).toHaveLength(1);

    const older = await signedIn('mentee', 20);
    const extended = await request('/mentee', older.token);
    expect(extended.result.user?.id).toBe(older.person.id);
    expect(extended.result.res.headers.get('set-cookie')).toMatch(new RegExp(`${COOKIE}=${older.token}.*Expires=`, 'i'));
    const db = await getDb();
    const [row] = await db.select({ expires: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, older.token));
    expect(row.expires.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(sessionReads(extended.queries)).toBe(1); // one read, plus the one update
  });
});
