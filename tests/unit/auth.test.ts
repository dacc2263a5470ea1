import { afterEach, describe, expect, it } from 'vitest';
import { callbackUrlFor, confirmUrlFor, safeReturnPath } from '@/lib/auth/links';
import { assertPermission, ForbiddenError, hasPermission, ROLE_PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import { portalHome } from '@/lib/auth/portal';
import { signInSchema } from '@/lib/auth/validation';
import { EnvError, getEnv, resetEnvForTests } from '@/lib/env';

describe('[SIGN-IN]: the email field', () => {
  it.each([
    ['Someone@Example.EDU ', 'someone@example.edu'],
    ['a.b+tag@example.org', 'a.b+tag@example.org'],
  ])('accepts %j as %j', (input, email) => {
    expect(signInSchema.parse({ email: input }).email).toBe(email);
  });
  it.each([
    ['', /email address like/],
    ['not-an-email', /email address like/],
    ['x'.repeat(10_000), /too long/],
    ['a\u0000b@example.org', /control characters/],
    ['a@example.org\r\nBcc: victim@example.org', /control characters/],
  ])('refuses %j', (input, message) => {
    const r = signInSchema.safeParse({ email: input });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toMatch(message);
  });
});

describe('[SIGN-IN]: links', () => {
  it('the emailed link points at the confirmation page, never at the token-consuming callback', () => {
    const cb = 'http://localhost:3000/api/auth/callback/resend?callbackUrl=%2Fmentee&token=abc&email=a%40b.org';
    const link = confirmUrlFor(cb, 'https://mentors.example.org');
    expect(link).toBe('https://mentors.example.org/sign-in/confirm?callbackUrl=%2Fmentee&token=abc&email=a%40b.org');
    expect(callbackUrlFor({ token: 'abc', email: 'a@b.org', callbackUrl: '/mentee' }, 'https://mentors.example.org')).toBe(
      'https://mentors.example.org/api/auth/callback/resend?token=abc&email=a%40b.org&callbackUrl=%2Fmentee',
    );
  });
  it.each([
    ['/mentee', '/mentee'],
    ['https://evil.example/x', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('return path %j → %j', (input, out) => {
    expect(safeReturnPath(input)).toBe(out);
  });
});

describe('[PORTALS]: where people belong', () => {
  it.each([
    [{ role: 'admin' as const }, '/admin'],
    [{ role: 'mentee' as const, status: 'approved' as const }, '/mentee'],
    [{ role: 'mentee' as const, status: 'registering' as const }, '/register/mentee'],
    [{ role: 'mentor' as const, status: 'pending' as const }, '/mentor'],
    [{ role: null }, '/register'],
  ])('%j → %s', (user, path) => {
    expect(portalHome(user)).toBe(path);
  });
});

describe('[PERMISSIONS]: the table', () => {
  // The whole matrix written out by hand: any change to ROLE_PERMISSIONS (a permission granted,
  // withdrawn, added or removed) must fail here and be made on purpose in both places.
  const Y = true;
  const N = false;
  const MATRIX: Record<Permission, { mentee: boolean; mentor: boolean; admin: boolean }> = {
    'portal:mentee': { mentee: Y, mentor: N, admin: N },
    'portal:mentor': { mentee: N, mentor: Y, admin: N },
    'portal:admin': { mentee: N, mentor: N, admin: Y },
    'profile:edit-own': { mentee: Y, mentor: Y, admin: N },
    'registrants:review': { mentee: N, mentor: N, admin: Y },
    'identity:read-any': { mentee: N, mentor: N, admin: Y },
    'values:publish': { mentee: N, mentor: N, admin: Y },
    'values:attest': { mentee: N, mentor: Y, admin: N },
    'mentor:pause': { mentee: N, mentor: Y, admin: N },
    'matching:run': { mentee: N, mentor: N, admin: Y },
    'pairings:approve': { mentee: N, mentor: N, admin: Y },
    'pairings:end': { mentee: N, mentor: N, admin: Y },
    'pairings:view-own': { mentee: Y, mentor: Y, admin: N },
    'pairings:view-own-mentor': { mentee: Y, mentor: N, admin: N },
    'pairings:view-own-mentees': { mentee: N, mentor: Y, admin: N },
    'settings:edit': { mentee: N, mentor: N, admin: Y },
    'audit:read': { mentee: N, mentor: N, admin: Y },
    'exports:download': { mentee: N, mentor: N, admin: Y },
    'admins:manage': { mentee: N, mentor: N, admin: Y },
    'notes:write': { mentee: N, mentor: N, admin: Y },
    'reports:read': { mentee: N, mentor: N, admin: Y },
    'emails:read': { mentee: N, mentor: N, admin: Y },
    'roadmap:template-edit': { mentee: N, mentor: N, admin: Y },
    'roadmap:use': { mentee: Y, mentor: Y, admin: N },
    'roadmap:read-any': { mentee: N, mentor: N, admin: Y },
    'terms:choose': { mentee: Y, mentor: Y, admin: N },
    'terms:survey': { mentee: Y, mentor: Y, admin: N },
    'terms:rejoin-waitlist': { mentee: Y, mentor: N, admin: N },
    'terms:manage': { mentee: N, mentor: N, admin: Y },
    'meetings:log-own': { mentee: Y, mentor: Y, admin: N },
    'meetings:read-any': { mentee: N, mentor: N, admin: Y },
    'check-ins:answer-own': { mentee: Y, mentor: Y, admin: N },
    'check-ins:read': { mentee: N, mentor: N, admin: Y },
    'concerns:raise': { mentee: Y, mentor: Y, admin: N },
    'concerns:manage': { mentee: N, mentor: N, admin: Y },
  };
  const roles = ['mentee', 'mentor', 'admin'] as const;

  it('names exactly the permissions of the table, no more, no fewer', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([permission, row]) => roles.map((role) => [permission as Permission, role, row[role]] as const));
  it.each(cases)('%s for a %s: %s', (permission, role, allowed) => {
    expect(hasPermission(role, permission)).toBe(allowed);
    if (allowed) expect(() => assertPermission({ role }, permission)).not.toThrow();
    else expect(() => assertPermission({ role }, permission)).toThrow(ForbiddenError);
  });

  it.each(Object.keys(MATRIX) as Permission[])('%s: refused to someone with no role and to no one signed in', (permission) => {
    expect(hasPermission(null, permission)).toBe(false);
    expect(hasPermission(undefined, permission)).toBe(false);
    expect(() => assertPermission({ role: null }, permission)).toThrow(ForbiddenError);
    expect(() => assertPermission(null, permission)).toThrow(ForbiddenError);
    expect(() => assertPermission(undefined, permission)).toThrow(ForbiddenError);
  });
});

describe('[ENV]', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });

  it('works with no configuration in development', () => {
    for (const k of ['AUTH_SECRET', 'AUTH_URL', 'DATABASE_URL', 'RESEND_API_KEY', 'PORT']) delete process.env[k];
    (process.env as Record<string, string>).NODE_ENV = 'development';
    resetEnvForTests();
    const env = getEnv();
    expect(env.AUTH_URL).toBe('http://localhost:3000');
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.emailTransport).toBe('outbox');
  });

  it('refuses an incomplete production deployment with a clear message', () => {
    (process.env as Record<string, string>).NODE_ENV = 'production';
    process.env.DATABASE_URL = 'postgres://db.example.org/app';
    for (const k of ['AUTH_SECRET', 'AUTH_URL', 'RESEND_API_KEY', 'EMAIL_TRANSPORT']) delete process.env[k];
    resetEnvForTests();
    expect(() => getEnv()).toThrow(EnvError);
    try {
      getEnv();
    } catch (err) {
      expect(String((err as Error).message)).toMatch(/AUTH_SECRET[\s\S]*AUTH_URL[\s\S]*RESEND_API_KEY/);
    }
  });

  it('accepts a complete production deployment and uses Resend', () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.example.org/app',
      AUTH_SECRET: 'x'.repeat(40),
      AUTH_URL: 'https://mentors.example.org/',
      RESEND_API_KEY: 're_test',
      EMAIL_FROM: 'Program <mentors@example.org>',
    });
    resetEnvForTests();
    expect(getEnv()).toMatchObject({ AUTH_URL: 'https://mentors.example.org', emailTransport: 'resend' });
  });

  it('rejects a malformed DATABASE_URL', () => {
    process.env.DATABASE_URL = 'mysql://nope';
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/postgres/);
  });
});
