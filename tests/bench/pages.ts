/**
 * Benchmark: do the pages stay flat as the program grows? (issue 13)
 *
 *   npx next build                        first: this benchmark builds nothing of the app itself
 *   npm run bench:pages                   --scale 50, 10 s per page
 *   npm run bench:pages -- --quick        CI: scale 1, 2 s per page (proves it still runs)
 *   options: --scale N  --duration S  --connections N (10)  --port P (3460: uses P and P+1)
 *            --only /admin,/mentee  --no-optimise  --app DIR (another checkout's build: before/after)
 *
 * What it does, in one run:
 *  1. seeds a fresh embedded database (a temp folder) at --scale (`db:seed -- --scale N`) and mints
 *     database sessions (the way the integration tests do) for the coordinator, the busiest paired
 *     student and the physician with the most mentees (the ready accounts at scale 1);
 *  2. starts the built app (`next start`) on it, and the baseline: a trivial dynamic Next page (one
 *     `headers()` read, a root layout, no database), built once into $TMPDIR/mm-bench-baseline from the
 *     same next/react, started with `next start` — the peer at its best on the same machine;
 *  3. autocannon (10 connections) on each page, the baseline measured before and after the pages
 *     (the machine is shared: the ratio uses their mean, and both are printed); prints req/s,
 *     p50, p99, the HTML size and req/s as a ratio of the baseline's; any non-2xx answer fails;
 *  4. the scenario: /mentee's p99 while the coordinator posts "Optimise the whole pool" again and
 *     again (the form's own no-JavaScript post), next to /mentee's p99 alone.
 * Targets at --scale 50: every page ≥ 0.5× the baseline, p99 ≤ 250 ms, HTML ≤ 200 kB.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEXT_BIN = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3460' },
    only: { type: 'string' },
    'no-optimise': { type: 'boolean', default: false },
    app: { type: 'string' },
  },
});
const scale = Number(args.scale ?? (args.quick ? 1 : 50));
const duration = Number(args.duration ?? (args.quick ? 2 : 10));
const connections = Number(args.connections);
const appPort = Number(args.port);
const basePort = appPort + 1;
const appUrl = `http://localhost:${appPort}`;
/** The built app to start: this checkout, or --app DIR (another checkout's build, e.g. the commit before a change). */
const APP_DIR = resolve(args.app ?? ROOT);
const baseUrl = `http://localhost:${basePort}`;

type Who = 'anonymous' | 'mentee' | 'mentor' | 'admin';
const PAGES: { path: string; who: Who }[] = [
  { path: '/', who: 'anonymous' },
  { path: '/sign-in', who: 'anonymous' },
  { path: '/mentee', who: 'mentee' },
  { path: '/mentor', who: 'mentor' },
  { path: '/admin', who: 'admin' },
  { path: '/admin/people', who: 'admin' },
  { path: '/admin/matching', who: 'admin' },
  { path: '/admin/pairings', who: 'admin' },
];
const TARGET = { ratio: 0.5, p99: 250, kB: 200 };

const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
function stopAll() {
  for (const child of children) if (child.pid && child.exitCode === null) child.kill('SIGTERM');
  for (const c of cleanups.splice(0)) c();
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// 1. The data: a fresh embedded database at the scale, and a session for each kind of person.
// ---------------------------------------------------------------------------------------------
async function seed(dir: string): Promise<Record<Exclude<Who, 'anonymous'>, string>> {
  process.env.PGLITE_DIR = dir;
  delete process.env.DATABASE_URL;
  const { getDb, closeDb } = await import('../../db/client');
  const { migrate } = await import('../../db/migrate');
  const { seedDemoData } = await import('../../db/seed');
  const { seedScaled } = await import('../../db/seed-scale');
  const { sessions, users } = await import('../../db/schema');
  const { sql, eq } = await import('drizzle-orm');
  const started = performance.now();
  await migrate();
  const db = await getDb();
  await seedDemoData(db);
  const counts = await seedScaled(db, scale);
  log(`seeded scale ${scale} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

  // The busiest people: most meetings for a student, most active mentees for a physician.
  const busiestMentee = await db.execute<{ id: string }>(
    sql`select p.mentee_id as id from pairings p left join meetings m on m.pairing_id = p.id where p.state = 'active' and p.paused_at is null group by p.mentee_id order by count(m.id) desc, p.mentee_id limit 1`,
  );
  const busiestMentor = await db.execute<{ id: string }>(
    sql`select mentor_id as id from pairings where state = 'active' group by mentor_id order by count(*) desc, mentor_id limit 1`,
  );
  const rowsOf = (r: unknown) => ((r as { rows?: { id: string }[] }).rows ?? (r as { id: string }[])) as { id: string }[];
  const byEmail = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0].id;
  const ids = {
    admin: await byEmail('admin@example.org'),
    mentee: rowsOf(busiestMentee)[0]?.id ?? (await byEmail('mentee@example.org')),
    mentor: rowsOf(busiestMentor)[0]?.id ?? (await byEmail('mentor@example.org')),
  };
  const tokens = {} as Record<Exclude<Who, 'anonymous'>, string>;
  for (const who of ['admin', 'mentee', 'mentor'] as const) {
    tokens[who] = randomBytes(32).toString('base64url');
    await db.insert(sessions).values({ sessionToken: tokens[who], userId: ids[who], expires: new Date(Date.now() + 7 * 86_400_000) });
  }
  await closeDb();
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// 2. The servers.
// ---------------------------------------------------------------------------------------------
// Outside the checkout (inside it, Next takes the checkout's instrumentation for the baseline's),
// with the checkout's node_modules linked in; built by webpack, which follows that link.
const BASELINE_DIR = join(tmpdir(), 'mm-bench-baseline');
const BASELINE_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }),
  'next.config.mjs': 'export default {};\n',
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      jsx: 'preserve',
      strict: true,
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      lib: ['dom', 'es2022'],
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      esModuleInterop: true,
      plugins: [{ name: 'next' }],
    },
    include: ['**/*.tsx'],
  }),
  'app/layout.tsx': `export const metadata = { title: 'Baseline' };\nexport default function Layout({ children }: { children: React.ReactNode }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  'app/page.tsx': `import { headers } from 'next/headers';\n// Dynamic: rendered per request, like every page of the app.\nexport default async function Page() {\n  const h = await headers();\n  return (<main><h1>Hello</h1><p>A trivial dynamic page for {h.get('user-agent') ?? 'you'}.</p></main>);\n}\n`,
};

/** The baseline app, built once (rebuilt when its files or the Next version change). */
function ensureBaseline() {
  const stamp = JSON.stringify({ files: BASELINE_FILES, next: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'next', 'package.json'), 'utf8')).version });
  const stampFile = join(BASELINE_DIR, '.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(BASELINE_DIR, '.next', 'BUILD_ID'))) return;
  rmSync(BASELINE_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(BASELINE_FILES)) {
    mkdirSync(dirname(join(BASELINE_DIR, file)), { recursive: true });
    writeFileSync(join(BASELINE_DIR, file), text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(BASELINE_DIR, 'node_modules'));
  log('building the baseline app (once)…');
  const built = spawnSync(process.execPath, [NEXT_BIN, 'build', '--webpack'], {
    cwd: BASELINE_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) throw new Error('The baseline app did not build.');
  writeFileSync(stampFile, stamp);
}

let jobsReadyNow = () => {};
const jobsReady = new Promise<void>((resolve) => (jobsReadyNow = resolve));

function start(cwd: string, port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(port)], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${port}] ${d}`));
  child.stdout?.on('data', (d: Buffer) => {
    if (/Job queue ready/.test(String(d))) jobsReadyNow();
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------------------------------------
// 3. Measuring.
// ---------------------------------------------------------------------------------------------
type Row = { name: string; rps: number; p50: number; p99: number; kB: number; non2xx: number; errors: number; timeouts: number };

async function measure(name: string, url: string, cookie?: string): Promise<Row> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const first = await fetch(url, { headers, redirect: 'manual' });
  const html = await first.text();
  if (first.status !== 200) throw new Error(`${name}: answered ${first.status} (expected 200 with its session)`);
  // Warm-up: a second of traffic so first-compile costs and caches are not measured.
  await autocannon({ url, connections, duration: 1, headers });
  const r = await autocannon({ url, connections, duration, headers });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    kB: Buffer.byteLength(html) / 1024,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** The optimise form's own post (no JavaScript): its hidden fields, multipart, same origin. */
async function optimiseForm(cookie: string): Promise<FormData> {
  const html = await (await fetch(`${appUrl}/admin/matching`, { headers: { cookie } })).text();
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => /Optimis(e|ing)/.test(f) && /\$ACTION/.test(f));
  if (!form) throw new Error('No "Optimise the whole pool" form on /admin/matching.');
  const data = new FormData();
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (!name) continue;
    const value = (input.match(/value="([^"]*)"/)?.[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    data.append(name, value);
  }
  return data;
}

async function scenario(tokens: Record<string, string>) {
  const menteeCookie = `authjs.session-token=${tokens.mentee}`;
  const adminCookie = `authjs.session-token=${tokens.admin}`;
  const form = await optimiseForm(adminCookie);
  let stop = false;
  const times: number[] = [];
  const failures: string[] = [];
  const coordinator = (async () => {
    while (!stop) {
      const t = performance.now();
      const res = await fetch(`${appUrl}/admin/matching`, {
        method: 'POST',
        body: form,
        headers: { cookie: adminCookie, origin: appUrl, 'sec-fetch-site': 'same-origin' },
        redirect: 'manual',
      });
      const body = await res.text();
      times.push(performance.now() - t);
      if (res.status >= 400) failures.push(`${res.status} ${body.slice(0, 120)}`);
    }
  })();
  await new Promise((r) => setTimeout(r, 300));
  const during = await autocannon({ url: `${appUrl}/mentee`, connections, duration, headers: { cookie: menteeCookie } });
  stop = true;
  await coordinator;
  if (failures.length) throw new Error(`optimise posts failed: ${failures[0]}`);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  return { p50: during.latency.p50, p99: during.latency.p99, rps: during.requests.average, posts: times.length, postMs: mean, non2xx: during.non2xx };
}

// ---------------------------------------------------------------------------------------------
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

async function main() {
  if (!existsSync(join(APP_DIR, '.next', 'BUILD_ID'))) throw new Error('Build the app first: npx next build (this benchmark builds nothing of the app).');
  ensureBaseline();
  const dir = mkdtempSync(join(tmpdir(), 'mm-bench-pages-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const pgliteDir = join(dir, 'pglite');
  const tokens = await seed(pgliteDir);

  start(APP_DIR, appPort, {
    PORT: String(appPort),
    PGLITE_DIR: pgliteDir,
    AUTH_URL: appUrl,
    AUTH_SECRET: randomBytes(24).toString('base64url'),
    EMAIL_TRANSPORT: 'outbox',
    SEED_DEMO_DATA: 'false',
  });
  start(BASELINE_DIR, basePort, { PORT: String(basePort) });
  await Promise.all([waitFor(`${appUrl}/api/health`), waitFor(baseUrl)]);
  // The job queue starts 5 s after an embedded database opens and creates its schema on a fresh one:
  // wait for it (up to 3 minutes), so its start is not measured as the pages' time.
  await Promise.race([jobsReady, new Promise((r) => setTimeout(r, 180_000))]);

  const only = args.only?.split(',');
  const pages = PAGES.filter((p) => !only || only.includes(p.path));
  const rows: Row[] = [];
  const before = await measure('baseline (before)', baseUrl);
  for (const p of pages) rows.push(await measure(p.path, `${appUrl}${p.path}`, p.who === 'anonymous' ? undefined : `authjs.session-token=${tokens[p.who]}`));
  const after = await measure('baseline (after)', baseUrl);
  const base = (before.rps + after.rps) / 2;

  console.log(
    `\nbench:pages — ${APP_DIR === ROOT ? 'this checkout' : APP_DIR}, scale ${scale}, ${connections} connections, ${duration} s per page, PGlite, ${new Date().toISOString()}`,
  );
  console.log(
    `${'page'.padEnd(20)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'HTML kB'.padStart(8)} ${'× base'.padStart(7)}  targets`,
  );
  const misses: string[] = [];
  for (const r of [before, ...rows, after]) {
    const isBase = r.name.startsWith('baseline');
    const ratio = r.rps / base;
    const marks = isBase ? '' : [ratio >= TARGET.ratio ? '' : '×', r.p99 <= TARGET.p99 ? '' : 'p99', r.kB <= TARGET.kB ? '' : 'kB'].filter(Boolean).join(' ');
    if (marks) misses.push(`${r.name} (${marks})`);
    // A wrong answer fails the run; requests that timed out (10 s) are counted and shown.
    if (r.non2xx) throw new Error(`${r.name}: ${r.non2xx} non-2xx answers`);
    if (r.errors || r.timeouts) misses.push(`${r.name} (${r.errors} errors, ${r.timeouts} timeouts)`);
    console.log(
      `${r.name.padEnd(20)} ${fmt(r.rps, 1).padStart(8)} ${fmt(r.p50).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.kB, 1).padStart(8)} ${fmt(ratio, 2).padStart(7)}  ${marks ? `missed: ${marks}` : isBase ? '' : 'ok'}`,
    );
  }
  if (!args['no-optimise'] && (!only || only.includes('/mentee'))) {
    const s = await scenario(tokens);
    const alone = rows.find((r) => r.name === '/mentee');
    console.log(
      `\n/mentee while the coordinator optimises: p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms, ${fmt(s.rps, 1)} req/s (alone: p99 ${alone ? fmt(alone.p99) : '?'} ms); ${s.posts} optimise posts, ${fmt(s.postMs)} ms each on average`,
    );
    if (s.non2xx) throw new Error(`/mentee during optimise: ${s.non2xx} non-2xx answers`);
    if (s.p99 > TARGET.p99) misses.push('/mentee during optimise (p99)');
  }
  console.log(misses.length ? `\nMissed targets at this run: ${misses.join(', ')}` : '\nEvery target met.');
}

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((err: unknown) => {
    console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
    stopAll();
    process.exit(1);
  });
