/**
 * The one place that reads process.env. Parsed lazily on first use (never at import or build
 * time) and validated with zod.
 *
 * Development, tests and the embedded database work with no env at all: AUTH_URL defaults to
 * http://localhost:$PORT and a development secret is generated once under .data/. A production
 * deployment on a real PostgreSQL server (NODE_ENV=production with DATABASE_URL) must say
 * AUTH_SECRET, AUTH_URL and how to send mail, or it refuses to start with a clear message.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  AUTH_URL: z.url().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  /** Explicitly choose the dev outbox even in production (staging, e2e). */
  EMAIL_TRANSPORT: z.enum(['outbox', 'resend']).optional(),
  ADMIN_EMAILS: csv,
  /** Sign-in link lifetime; 10 minutes unless a test shortens it. */
  SIGN_IN_LINK_MAX_AGE: z.coerce.number().int().min(1).max(86400).default(600),
  /** Sign-in emails allowed per address and per client address every 15 minutes. */
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(10000).default(3),
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(10000).default(10),
  /** Skip seeding demo data on first start of the embedded database. */
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  /** The bearer secret of POST /api/jobs/daily; without it the endpoint does not exist. */
  CRON_SECRET: z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional(),
  /** `enabled` lets POST /api/test/clock move the app's time (tests and demos only). */
  TEST_CLOCK: z.enum(['enabled', 'disabled']).default('disabled'),
});

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  AUTH_URL: string;
  emailTransport: 'outbox' | 'resend';
  emailFrom: string;
};

let cached: Env | undefined;

export class EnvError extends Error {}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const raw = parsed.data;
  const strict = raw.NODE_ENV === 'production' && Boolean(raw.DATABASE_URL);
  const transport = raw.EMAIL_TRANSPORT ?? (raw.RESEND_API_KEY ? 'resend' : 'outbox');

  if (strict) {
    const missing: string[] = [];
    if (!raw.AUTH_SECRET) missing.push('AUTH_SECRET (32+ random characters: `openssl rand -base64 32`)');
    if (!raw.AUTH_URL) missing.push('AUTH_URL (the public base URL, e.g. https://mentors.example.org)');
    if (!raw.EMAIL_TRANSPORT && !raw.RESEND_API_KEY) missing.push('RESEND_API_KEY and EMAIL_FROM (or EMAIL_TRANSPORT=outbox to keep mail in the database)');
    if (transport === 'resend' && !raw.EMAIL_FROM) missing.push('EMAIL_FROM (a sender on your Resend domain)');
    if (missing.length) throw new EnvError(`Production configuration is incomplete. Set:\n  - ${missing.join('\n  - ')}`);
  }
  if (transport === 'resend' && !raw.RESEND_API_KEY) throw new EnvError('EMAIL_TRANSPORT=resend needs RESEND_API_KEY');

  const authUrl = (raw.AUTH_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  // Anyone who can reach the clock endpoint can move the program's time; on a real deployment
  // that would send reminders and end terms early. Only a server reachable on this machine may.
  if (raw.NODE_ENV === 'production' && raw.TEST_CLOCK === 'enabled' && !isLoopbackUrl(authUrl))
    throw new EnvError(`TEST_CLOCK=enabled is refused in production unless AUTH_URL is a loopback address (localhost, 127.0.0.0/8 or ::1); it is ${authUrl}.`);

  cached = {
    ...raw,
    AUTH_SECRET: raw.AUTH_SECRET ?? developmentSecret(),
    AUTH_URL: authUrl,
    emailTransport: transport,
    emailFrom: raw.EMAIL_FROM ?? 'Mentor Match <mentors@example.org>',
  };
  // Auth.js reads AUTH_URL itself to build links; keep it the same origin as ours so a magic link
  // never points at a different host than the one the person signed in on.
  process.env.AUTH_URL = cached.AUTH_URL;
  return cached;
}

/** localhost, 127.0.0.0/8 or ::1 — nothing that resolves elsewhere. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host === '[::1]') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return !!v4 && v4.slice(1).every((o) => Number(o) <= 255) && v4[1] === '127';
}

/** Generated once, kept under .data/, so sessions survive restarts on a developer's machine. */
function developmentSecret(): string {
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Tests only: forget the parsed env so a test can change process.env. */
export function resetEnvForTests() {
  cached = undefined;
}
