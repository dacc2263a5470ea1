import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, isLoopbackUrl, parseTrustedProxies, PEER_HEADER } from '@/lib/auth/client-address';
import { openLink, sealLink } from '@/lib/auth/link-seal';
import { crossOriginReason } from '@/lib/auth/origin';
import { emailSchema } from '@/lib/auth/validation';
import { getEnv, outboxIsPublic, resetEnvForTests } from '@/lib/env';
import { contentSecurityPolicy } from '@/lib/security/headers';
import { formatSecurityEvent } from '@/lib/security/log';

const peer = (address: string, xff?: string) => new Headers({ [PEER_HEADER]: address, ...(xff ? { 'x-forwarded-for': xff } : {}) });

describe('[SIGN-IN]: the client address behind proxies', () => {
  const none = parseTrustedProxies([]);
  it('trusts no forwarded header by default: rotating X-Forwarded-For changes nothing', () => {
    const seen = new Set(['1.1.1.1', '2.2.2.2', '10.0.0.9, 3.3.3.3'].map((xff) => clientAddress(peer('203.0.113.7', xff), none)));
    expect([...seen]).toEqual(['203.0.113.7']);
  });
  it('without the stamped peer address every request shares one bucket (never the client’s word)', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '9.9.9.9' }), none)).toBe('unknown');
  });
  it('behind trusted proxies, walks X-Forwarded-For from the right to the first untrusted hop', () => {
    const trusted = parseTrustedProxies(['10.0.0.0/8', 'loopback']);
    expect(clientAddress(peer('10.0.0.5', '198.51.100.1, 203.0.113.9'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(peer('127.0.0.1', '198.51.100.1, 10.1.2.3'), trusted)).toBe('198.51.100.1');
    // A spoofed leftmost entry is never reached while a real client hop stands to its right.
    expect(clientAddress(peer('::ffff:10.0.0.5', 'spoofed, 203.0.113.9'), trusted)).toBe('203.0.113.9');
    // A request straight from an untrusted address keeps its own address, whatever it claims.
    expect(clientAddress(peer('203.0.113.50', '10.0.0.1'), trusted)).toBe('203.0.113.50');
  });
  it('refuses a malformed range', () => {
    expect(() => parseTrustedProxies(['10.0.0.0/40'])).toThrow(/TRUSTED_PROXIES/);
  });
  it.each([
    ['http://localhost:3000', true],
    ['http://127.0.0.9:80', true],
    ['http://[::1]:3000', true],
    ['https://mentors.example.org', false],
    ['http://127.example.org', false],
    ['http://10.0.0.1', false],
  ])('%s is loopback: %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });
});

describe('[SIGN-IN]: addresses are normalised before anything is counted or sent', () => {
  it('trim and case make one address of many spellings; look-alike characters are refused', () => {
    expect(emailSchema.parse('  Someone@Example.EDU ')).toBe('someone@example.edu');
    expect(emailSchema.safeParse('admin\uff20example.org').success).toBe(false); // fullwidth @
    expect(emailSchema.safeParse('jose\u0301@example.edu').success).toBe(false);
  });
  it.each(['a\u2028b@example.org', 'a\u2029b@example.org', 'a\rb@example.org', 'a\nb@example.org', 'x'.repeat(300) + '@example.org'])(
    'refuses %j',
    (v) => {
      expect(emailSchema.safeParse(v).success).toBe(false);
    },
  );
});

describe('[SIGN-IN]: sealed links for the dev outbox', () => {
  it('opens only with the secret it was sealed with', () => {
    const link = 'http://localhost:3000/sign-in/confirm?token=abc&email=a%40b.org';
    const sealed = sealLink(link, 's'.repeat(40));
    expect(sealed).not.toContain('abc');
    expect(openLink(sealed, 's'.repeat(40))).toBe(link);
    expect(openLink(sealed, 't'.repeat(40))).toBeNull();
    expect(openLink(sealed.slice(0, -4) + 'AAAA', 's'.repeat(40))).toBeNull();
    expect(openLink('https://example.org', 's'.repeat(40))).toBeNull();
  });
});

describe('[REQUESTS]: where a state-changing request comes from', () => {
  const base = 'https://mentors.example.org';
  it.each([
    [{ origin: base, 'sec-fetch-site': 'same-origin' }, null],
    [{ origin: base }, null],
    [{}, 'no origin'],
    [{ origin: 'null' }, 'foreign origin'],
    [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, null],
    [{ 'sec-fetch-site': 'none' }, 'sec-fetch-site none'],
    [{ origin: 'https://evil.example' }, 'foreign origin'],
    [{ origin: base, 'sec-fetch-site': 'cross-site' }, 'sec-fetch-site cross-site'],
    [{ origin: base, 'sec-fetch-site': 'same-site' }, 'sec-fetch-site same-site'],
  ])('%j → %s', (headers, reason) => {
    expect(crossOriginReason(new Headers(headers as Record<string, string>), base)).toBe(reason);
  });
});

describe('[HEADERS]: the Content-Security-Policy', () => {
  it('allows scripts only with the nonce, and no plugins, base or framing', () => {
    const csp = contentSecurityPolicy('abc123', { dev: false, https: true });
    expect(csp).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", 'upgrade-insecure-requests']) expect(csp).toContain(d);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('[SECURITY LOG]: one line per event that input cannot forge', () => {
  it('escapes every line break, including U+2028 and U+2029, and caps long values', () => {
    const line = formatSecurityEvent('sign-in.requested', {
      email: 'a@example.org\r\n{"event":"sign-in.succeeded","email":"admin@example.org"}\u2028\u2029',
      ip: 'x'.repeat(5000),
    });
    expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
    const parsed = JSON.parse(line);
    expect(parsed.event).toBe('sign-in.requested');
    expect(parsed.kind).toBe('security');
    expect(parsed.email).toContain('\r\n{"event"');
    expect(parsed.ip.length).toBeLessThan(400);
  });
  it('a field cannot overwrite the event name', () => {
    const parsed = JSON.parse(formatSecurityEvent('authorisation.refused', { event: 'sign-in.succeeded', kind: 'x' }));
    expect(parsed).toMatchObject({ event: 'authorisation.refused', kind: 'security' });
  });
});

describe('[OUTBOX]: public only where nobody else can reach it', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvForTests();
  });
  it.each([
    ['development', 'https://mentors.example.org', false, true],
    ['production', 'http://localhost:3000', false, true],
    ['production', 'http://127.0.0.1:3000', false, true],
    ['production', 'https://mentors.example.org', false, false],
    ['production', 'https://mentors.example.org', true, true],
  ])('%s on %s (opt-in %s): %s', (nodeEnv, url, optIn, open) => {
    expect(outboxIsPublic('outbox', nodeEnv, url, optIn)).toBe(open);
    expect(outboxIsPublic('resend', nodeEnv, url, optIn)).toBe(false);
  });
  it('is read from the environment', () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.example.org/app',
      AUTH_SECRET: 'x'.repeat(40),
      AUTH_URL: 'https://mentors.example.org',
      EMAIL_TRANSPORT: 'outbox',
    });
    resetEnvForTests();
    expect(getEnv().publicOutbox).toBe(false);
    process.env.OUTBOX_PUBLIC = 'true';
    resetEnvForTests();
    expect(getEnv().publicOutbox).toBe(true);
  });
});

/** Semver order including prereleases (5.0.0-beta.9 < 5.0.0-beta.32 < 5.0.0). */
function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2);
  const [coreB, preB] = b.split('-', 2);
  const na = coreA.split('.').map(Number);
  const nb = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (na[i] !== nb[i]) return na[i] - nb[i];
  if (!preA || !preB) return preA ? -1 : preB ? 1 : 0;
  const pa = preA.split('.');
  const pb = preB.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const x = Number(pa[i]);
    const y = Number(pb[i]);
    const c = Number.isNaN(x) || Number.isNaN(y) ? pa[i].localeCompare(pb[i]) : x - y;
    if (c) return c;
  }
  return 0;
}

describe('[CI]: installed versions carry the security fixes', () => {
  const installed = (name: string) =>
    JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version as string;
  it('the comparison orders prereleases', () => {
    expect(compareVersions('5.0.0-beta.31', '5.0.0-beta.32')).toBeLessThan(0);
    expect(compareVersions('5.0.0-beta.4', '5.0.0-beta.32')).toBeLessThan(0);
    expect(compareVersions('5.0.0', '5.0.0-beta.32')).toBeGreaterThan(0);
    expect(compareVersions('16.2.10', '16.2.11')).toBeLessThan(0);
    expect(compareVersions('16.10.0', '16.2.11')).toBeGreaterThan(0);
  });
  it('next ≥ 16.2.11 (proxy authorisation bypass fix)', () => {
    expect(compareVersions(installed('next'), '16.2.11')).toBeGreaterThanOrEqual(0);
  });
  it('next-auth ≥ 5.0.0-beta.32 (email misdelivery fixes)', () => {
    expect(compareVersions(installed('next-auth'), '5.0.0-beta.32')).toBeGreaterThanOrEqual(0);
  });
});
