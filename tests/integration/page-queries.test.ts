/**
 * SQL statements per page stay the same as the program grows (issue 13): each portal home and each
 * admin list is rendered for real (layouts included, through React's server renderer, with a real
 * database session) at two data sizes, and the statements it sends are counted through Drizzle's
 * logger. A page that queries per row (per pairing, per person, per meeting) sends more at the larger
 * size and fails here. The sizes differ where it matters: the larger one has 3× the people and
 * pairings, and its student and physician have more meetings and mentees than the smaller one's.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createElement, type ComponentType } from 'react';
import { renderToReadableStream } from 'react-dom/server.edge';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { recordQueries } from '@/db/query-log';
import { sessions } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { seedScaled } from '@/db/seed-scale';

const scope = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>(), path: '/' }));
vi.mock('next/headers', async () => (await import('../support/request-scope')).nextHeaders(scope));
// React's cache() memoises per request only in the server-components build; this renderer is the
// other one, where it memoises nothing. Give it its per-request memory, as Next's render has it.
const requestCache = vi.hoisted(() => ({ memo: new Map<unknown, unknown>() }));
vi.mock('react', async (original) => {
  const react = await original<typeof import('react')>();
  const cache =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      let node = requestCache.memo.get(fn) as Map<unknown, unknown> | undefined;
      if (!node) requestCache.memo.set(fn, (node = new Map()));
      for (const arg of args) {
        let next = node.get(arg) as Map<unknown, unknown> | undefined;
        if (!next) node.set(arg, (next = new Map()));
        node = next;
      }
      if (!node.has('result')) node.set('result', fn(...args));
      return node.get('result') as R;
    };
  return { ...react, cache, default: { ...react, cache } };
});
// Client components read the address from the App Router, which is not there outside Next.
vi.mock('next/navigation', async (original) => ({
  ...(await original<object>()),
  usePathname: () => scope.path.split('?')[0],
  useSearchParams: () => new URLSearchParams(scope.path.split('?')[1] ?? ''),
  useRouter: () => ({ push: () => {}, replace: () => {}, refresh: () => {}, back: () => {}, forward: () => {}, prefetch: () => {} }),
}));

type Who = 'mentee' | 'mentor' | 'admin';
type Module = { default: unknown };
const component = (m: Module) => m.default as ComponentType<Record<string, unknown>>;
const layouts: Record<Who, () => Promise<Module>> = {
  admin: () => import('@/app/(admin)/admin/layout'),
  mentee: () => import('@/app/(mentee)/mentee/layout'),
  mentor: () => import('@/app/(mentor)/mentor/layout'),
};
const PAGES: { path: string; who: Who; page: () => Promise<Module>; search?: Record<string, string>; heading: RegExp }[] = [
  { path: '/mentee', who: 'mentee', page: () => import('@/app/(mentee)/mentee/page'), heading: /<h1/ },
  { path: '/mentee/meetings', who: 'mentee', page: () => import('@/app/(mentee)/mentee/meetings/page'), heading: /<h1/ },
  { path: '/mentor', who: 'mentor', page: () => import('@/app/(mentor)/mentor/page'), heading: /<h1/ },
  { path: '/admin', who: 'admin', page: () => import('@/app/(admin)/admin/page'), heading: /<h1/ },
  { path: '/admin/people', who: 'admin', page: () => import('@/app/(admin)/admin/people/page'), heading: />People</ },
  { path: '/admin/matching', who: 'admin', page: () => import('@/app/(admin)/admin/matching/page'), heading: /<h1/ },
  { path: '/admin/pairings', who: 'admin', page: () => import('@/app/(admin)/admin/pairings/page'), heading: />Active/ },
  { path: '/admin/pairings?state=proposed', who: 'admin', page: () => import('@/app/(admin)/admin/pairings/page'), search: { state: 'proposed' }, heading: /<h1/ },
  { path: '/admin/pairings?state=ended', who: 'admin', page: () => import('@/app/(admin)/admin/pairings/page'), search: { state: 'ended' }, heading: /<h1/ },
  { path: '/admin/concerns', who: 'admin', page: () => import('@/app/(admin)/admin/concerns/page'), heading: /<h1/ },
  { path: '/admin/emails', who: 'admin', page: () => import('@/app/(admin)/admin/emails/page'), heading: /<h1/ },
  { path: '/admin/audit', who: 'admin', page: () => import('@/app/(admin)/admin/audit/page'), heading: /<h1/ },
  { path: '/admin/reports', who: 'admin', page: () => import('@/app/(admin)/admin/reports/page'), heading: /<h1/ },
];

/** Renders a page inside its portal's layout and the root layout, as Next would, to HTML. */
async function render(who: Who, page: Module, search: Record<string, string>): Promise<string> {
  const Root = component(await import('@/app/layout'));
  const Layout = component(await layouts[who]());
  const tree = createElement(
    Root,
    null,
    createElement(Layout, null, createElement(component(page), { searchParams: Promise.resolve(search), params: Promise.resolve({}) })),
  );
  requestCache.memo = new Map(); // a new request
  const errors: unknown[] = [];
  const stream = await renderToReadableStream(tree, { onError: (err) => void errors.push(err) });
  await stream.allReady;
  const html = await new Response(stream).text();
  if (errors.length) throw errors[0];
  return html;
}

type People = Record<Who, string>;
/** At each size: the admin, and a student and a physician picked by how much they have (fewest or most). */
async function pickPeople(order: 'fewest' | 'most'): Promise<{ ids: People; meetings: number; mentees: number }> {
  const db = await getDb();
  const dir = sql.raw(order === 'fewest' ? 'asc' : 'desc');
  const rows = async <T>(q: ReturnType<typeof sql>) => {
    const r = (await db.execute(q)) as unknown as { rows?: T[] } | T[];
    return (Array.isArray(r) ? r : r.rows) ?? [];
  };
  const [mentee] = await rows<{ id: string; n: number }>(
    sql`select p.mentee_id as id, count(m.id)::int as n from pairings p join meetings m on m.pairing_id = p.id and m.deleted_at is null where p.state = 'active' and p.paused_at is null group by p.mentee_id order by n ${dir}, p.mentee_id limit 1`,
  );
  const [mentor] = await rows<{ id: string; n: number }>(
    sql`select mentor_id as id, count(*)::int as n from pairings where state = 'active' and paused_at is null group by mentor_id order by n ${dir}, mentor_id limit 1`,
  );
  const [admin] = await rows<{ id: string }>(sql`select id from users where email = 'admin@example.org'`);
  return { ids: { admin: admin.id, mentee: mentee.id, mentor: mentor.id }, meetings: mentee.n, mentees: mentor.n };
}

async function countStatements(people: People): Promise<Record<string, number>> {
  const db = await getDb();
  const tokens = {} as People;
  for (const who of ['admin', 'mentee', 'mentor'] as const) {
    tokens[who] = randomBytes(32).toString('base64url');
    await db.insert(sessions).values({ sessionToken: tokens[who], userId: people[who], expires: new Date(Date.now() + 86_400_000) });
  }
  const counts: Record<string, number> = {};
  for (const p of PAGES) {
    const page = await p.page();
    // No proxy in front: the page reads the session itself (one statement of the count).
    scope.headers = new Headers({ 'x-nonce': randomBytes(8).toString('hex'), 'x-pathname': p.path });
    scope.cookies = new Map([['authjs.session-token', tokens[p.who]]]);
    scope.path = p.path;
    await render(p.who, page, p.search ?? {}); // warm: module-level caches (settings, templates) filled once
    const { result: html, queries } = await recordQueries(() => render(p.who, page, p.search ?? {}));
    expect(html, p.path).toMatch(p.heading);
    counts[p.path] = queries.length;
  }
  return counts;
}

describe('[PAGES]: SQL statements per page do not grow with the program', () => {
  const small = { counts: {} as Record<string, number>, meetings: 0, mentees: 0, people: 0 };
  const large = { counts: {} as Record<string, number>, meetings: 0, mentees: 0, people: 0 };
  const population = async () => {
    const db = await getDb();
    const r = (await db.execute(sql`select count(*)::int as n from pairings`)) as unknown as { rows?: { n: number }[] } | { n: number }[];
    return (Array.isArray(r) ? r : r.rows)![0].n;
  };

  beforeAll(async () => {
    const db = await getDb();
    await seedDemoData(db);
    await seedScaled(db, 2);
    const a = await pickPeople('fewest');
    Object.assign(small, { counts: await countStatements(a.ids), meetings: a.meetings, mentees: a.mentees, people: await population() });
    await seedScaled(db, 6);
    const b = await pickPeople('most');
    Object.assign(large, { counts: await countStatements(b.ids), meetings: b.meetings, mentees: b.mentees, people: await population() });
  }, 600_000);

  it('the larger size really is larger where a per-row query would show', () => {
    expect(large.people).toBeGreaterThanOrEqual(small.people * 3);
    expect(large.meetings).toBeGreaterThan(small.meetings);
    expect(large.mentees).toBeGreaterThan(small.mentees);
  });

  it.each(PAGES.map((p) => p.path))('%s sends as many statements at 6× as at 2×', (path) => {
    expect(small.counts[path], `${path} rendered`).toBeGreaterThan(0);
    expect(large.counts[path], `${path}: ${small.counts[path]} statements at the small size`).toBe(small.counts[path]);
  });
});
