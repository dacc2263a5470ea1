/**
 * Lighthouse 12 (mobile: the default config, simulated slow 4G and 4× CPU slowdown) with Debian's
 * Chromium on the built app: the landing page, sign-in and each portal home, signed in with a real
 * session cookie. Prints the median performance and accessibility scores of N runs per page, with
 * LCP and TBT, and names every failing accessibility audit. Targets: performance ≥ 95,
 * accessibility 100.
 *
 *   npx next build && npm run bench:lighthouse [-- --runs 3] [-- --quick] [-- --port 3595]
 *
 * `--quick`: one run of the landing page (CI proves the bench works). The server is `next start` on
 * a fresh, seeded embedded database of its own. Scores depend on the machine's speed: Lighthouse's
 * own CPU benchmark (`benchmarkIndex`) is printed beside them, so a loaded machine shows as such.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const runs = quick ? 1 : opt('runs', 3);
const port = opt('port', 3595);
const base = `http://localhost:${port}`;
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PAGES: { path: string; as: string | null }[] = [
  { path: '/', as: null },
  { path: '/sign-in', as: null },
  { path: '/mentee', as: 'mentee@example.org' },
  { path: '/mentor', as: 'mentor@example.org' },
  { path: '/admin', as: 'admin@example.org' },
];
const pages = quick ? PAGES.slice(0, 1) : PAGES;

if (!existsSync('.next/BUILD_ID')) {
  console.error('No build found in .next: run `npx next build` first.');
  process.exit(2);
}
if (!existsSync(chromePath)) {
  console.error(`No Chromium at ${chromePath} (apt-get install chromium, or set CHROMIUM_PATH).`);
  process.exit(2);
}

const dir = `.data/bench-lighthouse-${process.pid}`;
rmSync(dir, { recursive: true, force: true });
const server = spawn('npx', ['next', 'start', '--port', String(port)], {
  env: {
    ...process.env,
    DATABASE_URL: undefined,
    PGLITE_DIR: dir,
    PORT: String(port),
    AUTH_URL: base,
    EMAIL_TRANSPORT: 'outbox',
    NODE_ENV: 'production',
    // The quick run measures only the landing page, which needs no database: no demo data to seed.
    ...(quick ? { SEED_DEMO_DATA: 'false' } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Healthy: migrated (and seeded), so no start-up work competes with the measurement for the CPU. */
async function waitHealthy() {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error('the server exited');
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy in 180 s');
}

/** Signs in through the app as a person would (link from the dev outbox) and returns the cookie. */
async function sessionCookie(email: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ baseURL: base });
    const before = ((await (await fetch(`${base}/api/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as unknown[]).length;
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: /^Send/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    let url: string | null = null;
    for (let i = 0; i < 100 && !url; i++) {
      const mails = (await (await fetch(`${base}/api/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as { url: string | null }[];
      if (mails.length > before) url = mails[0].url;
      else await new Promise((r) => setTimeout(r, 200));
    }
    if (!url) throw new Error(`no sign-in email for ${email}`);
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith('authjs.session-token'));
    if (!session) throw new Error(`no session cookie for ${email}`);
    return `${session.name}=${session.value}`;
  } finally {
    await browser.close();
  }
}

type Result = { path: string; perf: number[]; a11y: number[]; lcp: number[]; tbt: number[]; bench: number[]; failing: Set<string> };

let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await waitHealthy();
  const cookies = new Map<string, string>();
  for (const p of pages) if (p.as && !cookies.has(p.as)) cookies.set(p.as, await sessionCookie(p.as));

  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  console.log(`Lighthouse 12 mobile, median of ${runs} run${runs === 1 ? '' : 's'} (targets: performance ≥ 95, accessibility 100)\n`);
  console.log(
    `${'page'.padEnd(10)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'LCP ms'.padStart(7)} ${'TBT ms'.padStart(7)} ${'CPU idx'.padStart(8)}  runs (perf)`,
  );
  for (const p of pages) {
    const r: Result = { path: p.path, perf: [], a11y: [], lcp: [], tbt: [], bench: [], failing: new Set() };
    for (let i = 0; i < runs; i++) {
      const out = await lighthouse(`${base}${p.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders: p.as ? { Cookie: cookies.get(p.as)! } : undefined,
      });
      const lhr = out?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${p.path}`);
      if (lhr.runtimeError) throw new Error(`${p.path}: ${lhr.runtimeError.message}`);
      if (new URL(lhr.finalDisplayedUrl).pathname !== p.path) throw new Error(`${p.path} ended on ${lhr.finalDisplayedUrl}: not signed in?`);
      r.perf.push(Math.round((lhr.categories.performance.score ?? 0) * 100));
      r.a11y.push(Math.round((lhr.categories.accessibility.score ?? 0) * 100));
      r.lcp.push(lhr.audits['largest-contentful-paint'].numericValue ?? NaN);
      r.tbt.push(lhr.audits['total-blocking-time'].numericValue ?? NaN);
      r.bench.push(lhr.environment.benchmarkIndex);
      for (const ref of lhr.categories.accessibility.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) r.failing.add(`${a.id}: ${a.title}`);
      }
    }
    // Each page as soon as it is measured: a long run shows its progress.
    const flag = median(r.perf) < 95 || median(r.a11y) < 100 ? '  BELOW TARGET' : '';
    console.log(
      `${r.path.padEnd(10)} ${String(median(r.perf)).padStart(5)} ${String(median(r.a11y)).padStart(5)} ${Math.round(median(r.lcp)).toString().padStart(7)} ${Math.round(median(r.tbt)).toString().padStart(7)} ${Math.round(median(r.bench)).toString().padStart(8)}  ${r.perf.join(' ')}${flag}`,
    );
    for (const f of r.failing) console.log(`           accessibility: ${f}`);
  }
} finally {
  await chrome?.kill();
  if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
