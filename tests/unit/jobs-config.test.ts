import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, isLoopbackUrl, resetEnvForTests } from '@/lib/env';
import { bearerMatches } from '@/lib/jobs/cron-auth';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function envWith(vars: Record<string, string | undefined>) {
  process.env = { ...saved, ...vars } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  resetEnvForTests();
  return () => getEnv();
}

describe('[CLOCK]: TEST_CLOCK is refused in production unless the app is only on this machine', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://127.10.0.1', 'http://[::1]:8080', 'http://127.1/'])('allows %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
    expect(envWith({ NODE_ENV: 'production', TEST_CLOCK: 'enabled', AUTH_URL: url, DATABASE_URL: undefined })().TEST_CLOCK).toBe('enabled');
  });

  it.each(['https://mentors.example.org', 'http://128.0.0.1', 'http://localhost.example.org', 'http://10.0.0.5:3000', 'http://[::2]', 'http://0.0.0.0'])(
    'refuses %s',
    (url) => {
      expect(isLoopbackUrl(url)).toBe(false);
      expect(envWith({ NODE_ENV: 'production', TEST_CLOCK: 'enabled', AUTH_URL: url, DATABASE_URL: undefined })).toThrow(
        /TEST_CLOCK=enabled is refused in production/,
      );
    },
  );

  it('is fine anywhere outside production, and off by default', () => {
    expect(envWith({ NODE_ENV: 'development', TEST_CLOCK: 'enabled', AUTH_URL: 'https://mentors.example.org' })().TEST_CLOCK).toBe('enabled');
    expect(envWith({ NODE_ENV: 'production', TEST_CLOCK: undefined, AUTH_URL: 'https://mentors.example.org', DATABASE_URL: undefined })().TEST_CLOCK).toBe(
      'disabled',
    );
    expect(envWith({ TEST_CLOCK: 'yes' })).toThrow(/TEST_CLOCK/);
  });

  it('CRON_SECRET must be long enough to be a secret', () => {
    expect(envWith({ CRON_SECRET: 'short' })).toThrow(/CRON_SECRET must be at least 16/);
    expect(envWith({ CRON_SECRET: 'a-long-enough-cron-secret' })().CRON_SECRET).toBe('a-long-enough-cron-secret');
  });
});

describe('[CRON]: the bearer check', () => {
  const secret = 'the-cron-secret-123456';
  it('accepts exactly "Bearer <secret>" (scheme in any case)', () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`bearer ${secret}`, secret)).toBe(true);
  });
  it.each([null, '', 'Bearer', 'Bearer ', secret, `Basic ${secret}`, `Bearer ${secret}x`, `Bearer ${secret.slice(1)}`, `Bearer ${secret} extra`])(
    'refuses %j',
    (h) => {
      expect(bearerMatches(h, secret)).toBe(false);
    },
  );
});
