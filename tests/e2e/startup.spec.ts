/**
 * The server refuses to start rather than serve 500s, and says where mail goes. Each test starts its
 * own `next start` (ports E2E_PORT+10…) as a child process and reads what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const BASE_PORT = Number(process.env.E2E_PORT || 3100) + 10;

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(port: number, env: Record<string, string | undefined>): Started {
  let out = '';
  const child = spawn('npx', ['next', 'start', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: undefined, PORT: String(port), EMAIL_TRANSPORT: 'outbox', SEED_DEMO_DATA: 'false', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the whole tree is stopped afterwards
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function stop(s: Started) {
  if (s.child.exitCode === null && s.child.pid) {
    try {
      process.kill(-s.child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

async function waitUp(url: string, s: Started) {
  await expect
    .poll(
      async () => {
        if (s.child.exitCode !== null) return `exited: ${s.output()}`;
        return fetch(url).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(200);
}

test.describe('[STARTUP]', () => {
  test.describe.configure({ mode: 'serial', timeout: 150_000 });

  test('an incomplete production configuration exits with a clear message instead of serving 500s', async () => {
    const s = start(BASE_PORT, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:9/unreachable',
      AUTH_SECRET: undefined,
      AUTH_URL: undefined,
      EMAIL_TRANSPORT: undefined,
      RESEND_API_KEY: undefined,
    });
    try {
      const code = await Promise.race([s.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 90_000))]);
      expect(code, s.output()).toBe(1);
      expect(s.output()).toContain('Mentor Match cannot start.');
      expect(s.output()).toMatch(/Production configuration is incomplete[\s\S]*AUTH_SECRET[\s\S]*AUTH_URL/);
    } finally {
      stop(s);
    }
  });

  test('a second server on a PGlite folder in use exits with its message; the first keeps serving', async () => {
    const dir = `.data/e2e-startup-lock-${process.pid}`;
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    const first = start(BASE_PORT + 1, { PGLITE_DIR: dir, AUTH_URL: `http://localhost:${BASE_PORT + 1}` });
    try {
      await waitUp(`http://localhost:${BASE_PORT + 1}/api/health`, first);
      const second = start(BASE_PORT + 2, { PGLITE_DIR: dir, AUTH_URL: `http://localhost:${BASE_PORT + 2}` });
      try {
        const code = await Promise.race([second.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 90_000))]);
        expect(code, second.output()).toBe(1);
        expect(second.output()).toMatch(/already open in process \d+/);
      } finally {
        stop(second);
      }
      expect((await fetch(`http://localhost:${BASE_PORT + 1}/api/health`)).status).toBe(200);
    } finally {
      stop(first);
      await first.exited;
      // The server's own children (the job queue's connections) may still be closing files in the
      // folder for a moment after it exits: retry instead of failing the test on its cleanup.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      rmSync(`${dir}.lock`, { force: true });
    }
  });

  test('in production on a public address the outbox is closed, and the startup message says where mail is', async () => {
    const dir = `.data/e2e-startup-public-${process.pid}`;
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    const port = BASE_PORT + 3;
    const s = start(port, { NODE_ENV: 'production', PGLITE_DIR: dir, AUTH_URL: 'https://mentors.example.org', AUTH_SECRET: 'x'.repeat(40) });
    try {
      await waitUp(`http://localhost:${port}/api/health`, s);
      expect(s.output()).toMatch(/public outbox is off[\s\S]*\/admin\/emails/);
      expect((await fetch(`http://localhost:${port}/api/dev/outbox?to=admin@example.org`)).status).toBe(404);
      expect((await fetch(`http://localhost:${port}/dev/outbox`)).status).toBe(404);
      const res = await fetch(`http://localhost:${port}/sign-in`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      stop(s);
      await s.exited;
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });

  test('a fresh embedded database: the terminal says each step, the landing page answers without the database, and pages that need it wait for it', async () => {
    const dir = `.data/e2e-startup-fresh-${process.pid}`;
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    const port = BASE_PORT + 4;
    const s = start(port, { PGLITE_DIR: dir, AUTH_URL: `http://localhost:${port}`, SEED_DEMO_DATA: 'true' });
    try {
      // Ask for the landing page as soon as the server listens: it needs no database.
      let landing: Response | undefined;
      await expect
        .poll(
          async () => {
            if (s.child.exitCode !== null) return `exited: ${s.output()}`;
            landing = await fetch(`http://localhost:${port}/`).catch(() => undefined);
            return landing?.status ?? 0;
          },
          { timeout: 90_000, intervals: [200] },
        )
        .toBe(200);
      const html = await landing!.text();
      expect(html).toContain('A physician in your corner on the way to medical school');
      // A page reading the database waits for the migrations instead of failing on missing tables.
      await waitUp(`http://localhost:${port}/api/health`, s);
      expect((await fetch(`http://localhost:${port}/api/dev/outbox?to=admin%40example.org`)).status).toBe(200);
      const out = s.output();
      const steps = ['creating the embedded database', 'applying migrations', 'database schema up to date', 'seeding demo data', 'demo data ready', 'ready in'];
      const at = steps.map((step) => out.indexOf(`Mentor Match: ${step}`));
      expect(
        at.every((i) => i >= 0),
        out,
      ).toBe(true);
      expect(
        [...at].sort((a, b) => a - b),
        'the steps in order',
      ).toEqual(at);
      expect(out).toContain(`sign-in links appear at http://localhost:${port}/dev/outbox`);
    } finally {
      stop(s);
      await s.exited;
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      rmSync(`${dir}.lock`, { force: true });
    }
  });
});
