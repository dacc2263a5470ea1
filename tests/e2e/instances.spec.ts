/**
 * Two `next start` instances on one fresh PostgreSQL database (E2E_PORT+15 and +16). PostgreSQL
 * only: the embedded PGlite database is one process by design (a second opener is refused).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { expect, test } from '@playwright/test';
import { latestMail, outbox } from './fixtures';

const PORTS = [Number(process.env.E2E_PORT || 3100) + 15, Number(process.env.E2E_PORT || 3100) + 16];
const A = `http://localhost:${PORTS[0]}`;
const B = `http://localhost:${PORTS[1]}`;
const serverUrl = process.env.DATABASE_URL;

test.skip(!serverUrl, 'Several instances need a PostgreSQL server (set DATABASE_URL); PGlite is one process per folder by design.');
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let admin: postgres.Sql;
let dbUrl: string;
let dbName: string;
const servers: ChildProcess[] = [];
const logs: string[] = ['', ''];

function serverEnv(i: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    PORT: String(PORTS[i]),
    // Each instance names its own address (the origin check compares a form's Origin with AUTH_URL);
    // the database, sessions, links and limits are what they share, and that is what is tested.
    AUTH_URL: `http://localhost:${PORTS[i]}`,
    AUTH_SECRET: 'instances-secret-instances-secret-instances',
    EMAIL_TRANSPORT: 'outbox',
    TRUSTED_PROXIES: '127.0.0.1,::1',
  };
}

test.beforeAll(async () => {
  dbName = `mm_security_instances_${process.pid}_${Date.now()}`;
  admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const u = new URL(serverUrl!);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
  const seeded = spawnSync('node', ['--import', 'tsx', 'db/seed-cli.ts'], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' });
  expect(seeded.status, seeded.stderr).toBe(0);
  for (const i of [0, 1]) {
    const child = spawn('npx', ['next', 'start', '--port', String(PORTS[i])], { env: serverEnv(i), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (d) => (logs[i] += d));
    child.stderr!.on('data', (d) => (logs[i] += d));
    servers.push(child);
  }
  for (const base of [A, B])
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 120_000 },
      )
      .toBe(200);
});

test.afterAll(async () => {
  for (const s of servers) if (s.pid && s.exitCode === null) process.kill(-s.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin?.end();
});

const db = () => postgres(dbUrl, { max: 2, onnotice: () => {} });

async function askLink(page: import('@playwright/test').Page, base: string, email: string) {
  const before = (await outbox(page.request, email, base)).length;
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: /^Send/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  return (await latestMail(page.request, email, before, base)).url!;
}

/** The emailed link names the instance that sent it; open it on the instance given. */
const on = (base: string, link: string) => link.replace(/^http:\/\/localhost:\d+/, base);

test('a link requested on one instance is confirmed on the other, and the session works on both', async ({ page }) => {
  const link = await askLink(page, A, 'mentee@example.org');
  await page.goto(on(B, link));
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The session is made on B from a link A sent.
  await page.waitForURL(/\/mentee$/);
  // localhost cookies are shared across ports, as one domain behind a load balancer.
  for (const base of [A, B]) {
    await page.goto(`${base}/mentee`);
    await expect(page).toHaveURL(`${base}/mentee`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});

test('the sign-in limits count across both instances', async ({ page }) => {
  const email = `across-${Date.now()}@example.edu`;
  await askLink(page, A, email);
  await askLink(page, B, email);
  await askLink(page, A, email);
  await page.goto(`${B}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: /^Send/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await outbox(page.request, email, B)).toHaveLength(3);
  const sql = db();
  const [{ n }] = await sql`select count(*)::int as n from verification_tokens where identifier = ${email}`;
  await sql.end();
  expect(n).toBe(1);
});

test('capacity holds when two coordinators approve at once on different instances', async ({ browser }) => {
  const sql = db();
  const [mentor] = await sql`select u.id from users u where u.email = 'mentor@example.org'`;
  const mentees = await sql`
    select u.id, u.name from users u
    where u.role = 'mentee' and u.status = 'approved'
      and not exists (select 1 from pairings p where p.mentee_id = u.id and p.state in ('proposed', 'active'))
    order by u.email limit 2`;
  const [adminRow] = await sql`select id from users where email = 'admin@example.org'`;
  // Two proposals fit the demo mentor's two places; then the mentor lowers their capacity to one, so
  // only one of the two approvals may go through (an approval counts active pairings only).
  for (const m of mentees) await sql`insert into pairings (mentee_id, mentor_id, state, proposed_by) values (${m.id}, ${mentor.id}, 'proposed', ${adminRow.id})`;
  await sql`update mentor_profiles set capacity = 1 where user_id = ${mentor.id}`;

  const pages = [];
  for (const base of [A, B]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const link = await askLink(page, base, 'admin@example.org');
    await page.goto(on(base, link));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin$/);
    pages.push(page);
  }
  // Each coordinator prepares the release of a different student with the same one-place mentor.
  for (const [i, base] of [A, B].entries()) {
    const page = pages[i];
    await page.goto(`${base}/admin/pairings`);
    await page.getByLabel(new RegExp(`Select ${mentees[i].name} with`)).check();
    await page.getByText('Approve and release selected').click();
    await page.getByRole('button', { name: 'Preview the email' }).click();
    await expect(page.getByRole('button', { name: /Yes, release 1 pairing/ })).toBeVisible();
  }
  await Promise.all(pages.map((p) => p.getByRole('button', { name: /Yes, release 1 pairing/ }).click()));
  await expect.poll(async () => (await sql`select count(*)::int as n from pairings where mentor_id = ${mentor.id} and state = 'active'`)[0].n).toBe(1);
  await pages[0].waitForTimeout(1000);
  const [{ n: active }] = await sql`select count(*)::int as n from pairings where mentor_id = ${mentor.id} and state = 'active'`;
  expect(active).toBe(1);
  // The refused one stays proposed with no half-written approval.
  const [{ n: half }] =
    await sql`select count(*)::int as n from pairings where mentor_id = ${mentor.id} and state = 'proposed' and (approved_at is not null or approved_by is not null)`;
  expect(half).toBe(0);
  // The one that went through was audited inside its transaction.
  const [{ n: audited }] = await sql`select count(*)::int as n from audit_log a join pairings p on a.subject_id = p.id::text
    where a.action = 'pairing.approved' and p.mentor_id = ${mentor.id} and p.state = 'active'`;
  expect(audited).toBe(1);
  for (const p of pages) await p.context().close();
  await sql.end();
});

test('a database restart mid-run leaves nothing half-written, and both instances recover by themselves', async ({ page }) => {
  const tag = Date.now().toString(36);
  const burst = (base: string, n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        fetch(`${base}/api/auth/csrf`)
          .then(async (res) => {
            const cookie = res.headers
              .getSetCookie()
              .map((c) => c.split(';')[0])
              .join('; ');
            const { csrfToken } = (await res.json()) as { csrfToken: string };
            return fetch(`${base}/api/auth/signin/resend`, {
              method: 'POST',
              redirect: 'manual',
              headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i + 1}` },
              body: new URLSearchParams({ email: `restart-${tag}-${i % 5}@example.edu`, csrfToken, callbackUrl: `${base}/portal` }),
            });
          })
          .then(
            (r) => r.status,
            () => 0,
          ),
      ),
    );
  const running = Promise.all([burst(A, 20), burst(B, 20)]);
  await new Promise((r) => setTimeout(r, 150));
  // "Restart" our own database: every connection to it is cut, as when the server restarts.
  await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`);
  await running;

  // Both instances find the database again without being restarted.
  for (const base of [A, B])
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);
  const link = await askLink(page, B, 'mentor@example.org');
  await page.goto(on(A, link));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/mentor$/);

  // Nothing half-written: at most one live link per address, every sign-in email has its counted
  // hit, and no sign-in email row holds a link.
  const sql = db();
  const multi = await sql`select identifier from verification_tokens where identifier like ${`restart-${tag}-%`} group by identifier having count(*) > 1`;
  expect(multi).toHaveLength(0);
  for (let i = 0; i < 5; i++) {
    const email = `restart-${tag}-${i}@example.edu`;
    const [{ mails }] = await sql`select count(*)::int as mails from emails where "to" = ${email}`;
    const [{ hits }] = await sql`select count(*)::int as hits from rate_limit_hits where key = ${`sign-in:email:${email}`}`;
    expect(mails).toBeLessThanOrEqual(hits);
    expect(mails).toBeLessThanOrEqual(3);
  }
  const [{ leaked }] = await sql`select count(*)::int as leaked from emails where kind = 'sign-in' and (url is not null or text like '%token=%')`;
  expect(leaked).toBe(0);
  await sql.end();
  expect(logs.join('')).not.toMatch(/Mentor Match cannot start/);
});
