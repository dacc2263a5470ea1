/**
 * The authorisation matrix: every server action and route handler, called as each of anonymous,
 * a mentee, a mentor and an admin, once aimed at the caller's own records and once at someone
 * else's, against a literal table of what is allowed. A refused call must leave every row of every
 * table as it was; a call allowed only on one's own records must leave the other person's rows as
 * they were. New actions are discovered from the source ('use server' modules, app/**\/route.ts):
 * one without a row here fails the suite.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { sessions } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { callAction, toFormData, type FormInput, type Outcome } from '../support/action-harness';
import { access, ACTIONS, buildWorld, ROLES, tag, type Access, type Allowed, type Caller, type Target, type Variant, type World } from '../support/action-table';
import { diffSnapshots, rowsMentioning, snapshotAllTables } from '../support/db-snapshot';
import { exportedFunctions, HTTP_METHODS, inlineServerActions, routeHandlerModules, serverActionModules } from '../support/server-actions';

// The session is whoever the cell says; actions read it only through getCurrentUser.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<object>()), getCurrentUser: async () => signedIn.user }));
// Outside a Next request there is no request scope: hand the actions plain headers and cookies.
vi.mock('next/headers', () => {
  const jar = new Map<string, string>();
  const cookies = {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === 'object') jar.set(name.name, name.value);
      else jar.set(name, value ?? '');
    },
    delete: (name: string) => jar.delete(name),
  };
  return {
    headers: async () => new Headers({ host: 'localhost:3000', 'x-forwarded-for': '203.0.113.9', origin: 'http://localhost:3000' }),
    cookies: async () => cookies,
    draftMode: async () => ({ isEnabled: false }),
  };
});
vi.mock('next/cache', async (original) => ({ ...(await original<object>()), revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

/** Route handlers: who may call, and the request, carrying the caller's session cookie. */
type RouteCall = (t: Target, cookie: string) => NextRequest;
const BASE = 'http://localhost:3000';
const withCookie = (cookie: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) => ({
  ...init,
  headers: { ...(cookie ? { cookie } : {}), origin: BASE, ...(init.headers ?? {}) },
});
const ROUTES: Record<string, [Access, RouteCall]> = {
  'app/api/health/route.ts#GET': [access('any', 'any', 'any', 'any'), (_t, c) => new NextRequest(`${BASE}/api/health`, withCookie(c))],
  // Admin exports and the outcome report: the same 404 as an unknown address for everyone else.
  'app/(admin)/admin/exports/[file]/route.ts#GET': [access('no', 'no', 'no', 'any'), (_t, c) => new NextRequest(`${BASE}/admin/exports/people.csv`, withCookie(c))],
  'app/(admin)/admin/reports/outcomes.csv/route.ts#GET': [access('no', 'no', 'no', 'any'), (_t, c) => new NextRequest(`${BASE}/admin/reports/outcomes.csv?year=2027`, withCookie(c))],
  // The dev outbox is public by contract while the outbox transport is in use (the test default).
  'app/api/dev/outbox/route.ts#GET': [
    access('any', 'any', 'any', 'any'),
    (t, c) => new NextRequest(`${BASE}/api/dev/outbox?to=${encodeURIComponent(t.person.email)}`, withCookie(c)),
  ],
  // Absent while CRON_SECRET / TEST_CLOCK are unset (as here): 404 for everyone, nothing runs.
  'app/api/jobs/daily/route.ts#POST': [
    access('no', 'no', 'no', 'no'),
    (_t, c) => new NextRequest(`${BASE}/api/jobs/daily`, withCookie(c, { method: 'POST', headers: { authorization: 'Bearer guessed' } })),
  ],
  'app/api/test/clock/route.ts#GET': [access('no', 'no', 'no', 'no'), (_t, c) => new NextRequest(`${BASE}/api/test/clock`, withCookie(c))],
  'app/api/test/clock/route.ts#POST': [
    access('no', 'no', 'no', 'no'),
    (_t, c) => new NextRequest(`${BASE}/api/test/clock`, withCookie(c, { method: 'POST', body: JSON.stringify({ now: '2030-01-01T00:00:00Z' }) })),
  ],
  // A made-up token: refused for everyone, and no session may appear.
  'app/api/auth/confirm/route.ts#POST': [
    access('no', 'no', 'no', 'no'),
    (t, c) =>
      new NextRequest(`${BASE}/api/auth/confirm`, withCookie(c, { method: 'POST', body: new URLSearchParams({ token: 'f'.repeat(64), email: t.person.email }) })),
  ],
  // Auth.js's own session endpoint answers with the cookie holder, never with anyone else.
  'app/api/auth/[...nextauth]/route.ts#GET': [access('any', 'own', 'own', 'own'), (_t, c) => new NextRequest(`${BASE}/api/auth/session`, withCookie(c))],
  // Signing out without Auth.js's CSRF token is refused: the session row stays.
  'app/api/auth/[...nextauth]/route.ts#POST': [
    access('no', 'no', 'no', 'no'),
    (_t, c) =>
      new NextRequest(
        `${BASE}/api/auth/signout`,
        withCookie(c, { method: 'POST', body: new URLSearchParams({}), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      ),
  ],
};
// ─────────────────────────────────────────────────────────────

function caller(world: World, role: Caller): SessionUser | null {
  return role === 'anonymous' ? null : world[role];
}

function target(world: World, role: Caller, variant: Variant): Target {
  const me = caller(world, role);
  if (variant === 'own') return { person: me ?? world.mentee, mentee: world.mentee, mentor: world.mentor, pairingId: world.ownPairingId, world, tag: tag() };
  const person = role === 'mentor' ? world.otherMentor : world.otherMentee;
  return { person, mentee: world.otherMentee, mentor: world.otherMentor, pairingId: world.otherPairingId, world, tag: tag() };
}

/** The people whose rows a call aimed at someone else's records must not touch. */
function othersOf(t: Target, me: SessionUser | null): string[] {
  return [...new Set([t.person.id, t.mentee.id, t.mentor.id])].filter((id) => id !== me?.id);
}

/** Ids an attacker might add to a form to reach someone else's record; the real fields win. */
const smuggled = (t: Target): FormInput => ({ userId: t.person.id, id: t.person.id, menteeId: t.mentee.id, mentorId: t.mentor.id, actorId: t.person.id });

type Cell = { key: string; role: Caller; variant: Variant; allowed: Allowed };
const cellsOf = (table: Record<string, [Access, unknown]>): Cell[] =>
  Object.entries(table).flatMap(([key, [acc]]) =>
    ROLES.flatMap((role) => (['own', 'other'] as const).map((variant) => ({ key, role, variant, allowed: acc[role] }))),
  );

const tally = { calls: 0, refused: 0, allowed: 0, threw: 0, status5xx: 0, refusedWrites: 0 };

describe('[AUTHZ]: the authorisation matrix', () => {
  let actions: Map<string, (...args: never[]) => unknown>;
  let routes: Map<string, (...args: never[]) => unknown>;

  beforeAll(async () => {
    actions = await exportedFunctions(serverActionModules());
    routes = await exportedFunctions(routeHandlerModules(), HTTP_METHODS);
  });

  afterAll(() => {
    console.info(
      `[AUTHZ] matrix: ${tally.calls} calls (${tally.refused} refused, ${tally.allowed} allowed), ${tally.threw} threw, ${tally.status5xx} answered 5xx, ${tally.refusedWrites} refused calls wrote`,
    );
  });

  it('every server action and route handler in the source has a row in the table (and no row is stale)', () => {
    expect(inlineServerActions(), "inline 'use server' functions cannot be checked: move them into an actions module").toEqual([]);
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.keys(ACTIONS))('%s: refused where the table says no, confined to one’s own records where it says own', async (key) => {
    const [acc, form] = ACTIONS[key];
    const action = actions.get(key);
    expect(action, `${key} is in the table but not exported`).toBeDefined();
    // One world per action. Refused cells run first, on rows nobody has touched yet; allowed cells
    // then aim at their own target (own and other records are disjoint), so one cell's write
    // cannot stand in for another's.
    const cells = cellsOf({ [key]: [acc, form] }).sort((a, b) => Number(a.allowed !== 'no') - Number(b.allowed !== 'no'));
    const world = await buildWorld();
    for (const cell of cells) {
      const me = caller(world, cell.role);
      const t = target(world, cell.role, cell.variant);
      signedIn.user = me;
      const before = await snapshotAllTables();
      const outcome: Outcome = await callAction(action, toFormData({ ...smuggled(t), ...form(t) }));
      const after = await snapshotAllTables();
      const where = `${key} as ${cell.role} on ${cell.variant} records`;
      tally.calls++;
      if (outcome.kind === 'threw') tally.threw++;
      expect(outcome.kind, `${where} threw: ${outcome.kind === 'threw' ? String(outcome.error) : ''}`).not.toBe('threw');
      if (cell.allowed === 'no') {
        tally.refused++;
        const changed = diffSnapshots(before, after);
        if (Object.keys(changed).length) tally.refusedWrites++;
        expect(outcome.kind, where).toBe('refused');
        expect(changed, `${where}: a refused call changed rows`).toEqual({});
      } else {
        tally.allowed++;
        if (process.env.MATRIX_DEBUG) console.info(where, JSON.stringify(outcome).slice(0, 300));
        expect(outcome.kind, `${where}: ${JSON.stringify(outcome)}`).not.toBe('refused');
        // The table's forms are valid: an allowed cell must reach the operation itself.
        expect(outcome.kind, `${where}: ${JSON.stringify(outcome)}`).not.toBe('field-error');
        if (cell.allowed === 'own' && cell.variant === 'other') {
          const others = othersOf(t, me);
          expect(diffSnapshots(rowsMentioning(before, others), rowsMentioning(after, others)), `${where}: someone else's rows changed`).toEqual({});
        }
      }
    }
  });

  it.each(Object.keys(ROUTES))('%s: answers every caller without a 5xx, within the table', async (key) => {
    const [acc, build] = ROUTES[key];
    const handler = routes.get(key) as (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    expect(handler, `${key} is in the table but not exported`).toBeDefined();
    const world = await buildWorld();
    const db = await getDb();
    // Real database sessions, so the route handlers see each role's own cookie.
    const cookies: Record<Caller, string> = { anonymous: '', mentee: '', mentor: '', admin: '' };
    for (const role of ROLES.slice(1)) {
      const token = `matrix-${tag()}-${role}-${'x'.repeat(32)}`;
      await db.insert(sessions).values({ sessionToken: token, userId: world[role as Exclude<Caller, 'anonymous'>].id, expires: new Date(Date.now() + 86_400_000) });
      cookies[role] = `authjs.session-token=${token}`;
    }
    for (const cell of cellsOf({ [key]: [acc, build] })) {
      const me = caller(world, cell.role);
      const t = target(world, cell.role, cell.variant);
      const before = await snapshotAllTables();
      // Pages and app routes read the session through getCurrentUser; Auth.js's routes read the cookie.
      signedIn.user = me;
      const req = build(t, cookies[cell.role]);
      // Dynamic segments, as Next hands them to the handler (only the export route has one).
      const segments: Record<string, string> = key.includes('[file]') ? { file: req.nextUrl.pathname.split('/').pop()! } : {};
      const params = Promise.resolve(segments);
      const res = await handler(req, { params });
      const after = await snapshotAllTables();
      const where = `${key} as ${cell.role} on ${cell.variant} records`;
      tally.calls++;
      if (res.status >= 500) tally.status5xx++;
      expect(res.status, where).toBeLessThan(500);
      if (cell.allowed === 'no') {
        tally.refused++;
        const changed = diffSnapshots(before, after);
        if (Object.keys(changed).length) tally.refusedWrites++;
        expect(changed, `${where}: a refused request changed rows`).toEqual({});
        // Refused means no session was handed out and no 2xx page pretended otherwise.
        expect(res.headers.get('set-cookie') ?? '', where).not.toMatch(/authjs\.session-token=[^;]+/);
      } else {
        tally.allowed++;
        expect(res.status, where).toBeLessThan(400);
        if (cell.allowed === 'own') {
          const body = await res.text();
          for (const id of othersOf(t, me)) expect(body, `${where}: answered with someone else's data`).not.toContain(id);
          if (me) expect(body, where).toContain(me.email);
          else expect(body, where).toBe('null');
        }
      }
    }
  });
});
