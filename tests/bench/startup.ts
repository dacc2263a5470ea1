/**
 * Start-up time on a fresh embedded database: starts the server (`next start` on the build, or
 * `next dev` with `--dev`) on an empty PGlite folder and reports when `/` first answers (first byte
 * and whole page), when `/api/health` first answers 200, and what the terminal said on the way.
 *
 *   node --import tsx tests/bench/startup.ts [--dev] [--port 3590]
 *
 * `--dev` on a fresh clone (no .next) measures the first compile too; delete `.next/dev` first for that.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const port = Number(args[args.indexOf('--port') + 1] || 3590) || 3590;
const dir = `.data/bench-startup-${process.pid}`;
rmSync(dir, { recursive: true, force: true });

const t0 = performance.now();
const at = () => Math.round(performance.now() - t0);
const lines: string[] = [];
const child = spawn('npx', ['next', dev ? 'dev' : 'start', '--port', String(port)], {
  env: { ...process.env, DATABASE_URL: undefined, PGLITE_DIR: dir, PORT: String(port), AUTH_URL: `http://localhost:${port}`, EMAIL_TRANSPORT: 'outbox' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
for (const s of [child.stdout!, child.stderr!])
  s.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) lines.push(`${(at() / 1000).toFixed(1).padStart(6)} s  ${line.trim()}`);
  });

async function firstAnswer(path: string, ok: (status: number) => boolean): Promise<{ firstByte: number; done: number }> {
  for (;;) {
    const t = at();
    try {
      const res = await fetch(`http://localhost:${port}${path}`, { signal: AbortSignal.timeout(180_000) });
      const firstByte = at();
      await res.text();
      if (ok(res.status)) return { firstByte, done: at() };
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`the server exited:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (at() - t))));
  }
}

try {
  // The landing page first, as a person would; health is polled at the same time.
  const [landing, health] = await Promise.all([firstAnswer('/', (s) => s === 200), firstAnswer('/api/health', (s) => s === 200)]);
  console.log(lines.join('\n'));
  console.log(
    JSON.stringify({
      mode: dev ? 'dev' : 'start',
      landingFirstByteMs: landing.firstByte,
      landingCompleteMs: landing.done,
      healthyMs: health.done,
    }),
  );
} finally {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
