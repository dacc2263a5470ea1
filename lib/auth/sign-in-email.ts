import 'server-only';
import { now } from '@/lib/time/clock';
/**
 * The one gate every sign-in email passes, whoever asked: our sign-in form (a server action calling
 * Auth.js's signIn) and a direct POST to Auth.js's own /api/auth/signin/resend alike, because it
 * runs inside the provider's send step. It
 *  - validates the address (the provider's normalizeIdentifier refuses bad ones before this),
 *  - counts the per-address and per-network limits in the database,
 *  - and, for one address at a time (an advisory lock), deletes older links and stores the new one
 *    in the same transaction, so fifty requests at once leave exactly one live link.
 * The stored copy of the email never holds the link: it is redacted, and for the dev outbox the
 * link is kept sealed with a key derived from AUTH_SECRET.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { render, toPlainText } from '@react-email/render';
import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { Resend } from 'resend';
import { getDb } from '@/db/client';
import { emails, verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { SignInEmail } from '@/lib/email/templates/sign-in';
import { securityEvent } from '@/lib/security/log';
import { clientAddress } from './client-address';
import { confirmUrlFor } from './links';
import { sealLink } from './link-seal';
import { takeRateLimit } from './rate-limit';
import { signInLimits } from './request-sign-in';
import { emailSchema } from './validation';

/** What stored copies of sign-in emails show where the link was. */
export const LINK_PLACEHOLDER = '[sign-in link removed from the stored copy]';

/**
 * How the send step went, for our own form to report. The step itself never throws: Auth.js starts
 * it before awaiting other work, so an early rejection would surface as an unhandled one. A direct
 * caller of Auth.js's endpoint learns nothing either way; our form reads the outcome from here.
 */
export type SignInAttempt = { outcome?: 'sent' | 'email-limited' | 'ip-limited' | 'failed' };
const ATTEMPT = Symbol.for('mentor-match.sign-in-attempt');
const holder = globalThis as typeof globalThis & { [ATTEMPT]?: AsyncLocalStorage<SignInAttempt> };
export const signInAttempt = (holder[ATTEMPT] ??= new AsyncLocalStorage<SignInAttempt>());

/** Refused by validation (already logged as a security event). */
export class InvalidSignInAddress extends Error {}

export type SendVerificationParams = { identifier: string; token: string; expires: Date; url: string; request: Request };

/** Auth.js's normalizeIdentifier: our validation (length, control characters, NFC, trim, case). */
export function normalizeSignInAddress(identifier: unknown): string {
  const parsed = emailSchema.safeParse(identifier);
  if (!parsed.success) {
    securityEvent('sign-in.refused', { reason: 'invalid-address', detail: parsed.error.issues[0]?.message });
    throw new InvalidSignInAddress('Invalid email address.');
  }
  return parsed.data;
}

export async function sendSignInEmail(params: SendVerificationParams): Promise<void> {
  const attempt = signInAttempt.getStore();
  try {
    const outcome = await gateAndSend(params);
    if (attempt) attempt.outcome = outcome;
  } catch (err) {
    console.error('sign-in email failed', err);
    if (attempt) attempt.outcome = 'failed';
  }
}

async function gateAndSend({ identifier, token, expires, url, request }: SendVerificationParams): Promise<NonNullable<SignInAttempt['outcome']>> {
  const env = getEnv();
  const email = normalizeSignInAddress(identifier);
  const ip = clientAddress(request.headers, env.isTrustedProxy);
  const limits = signInLimits();
  const db = await getDb();

  const outcome = await db.transaction(async (tx) => {
    const hit = await takeRateLimit(tx, [
      { key: `sign-in:ip:${ip}`, ...limits.perIp },
      { key: `sign-in:email:${email}`, ...limits.perEmail },
    ]);
    if (hit) return hit.key.startsWith('sign-in:ip:') ? ('ip-limited' as const) : ('email-limited' as const);
    // The advisory lock on this address (taken in takeRateLimit) is held until commit: no other
    // request for the address can interleave between this delete and this insert.
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
    await tx.insert(verificationTokens).values({ identifier: email, token: hashToken(token, env.AUTH_SECRET), expires });
    return 'send' as const;
  });

  securityEvent(outcome === 'send' ? 'sign-in.requested' : 'sign-in.limited', { email, ip, limit: outcome === 'send' ? undefined : outcome });
  if (outcome === 'ip-limited') return outcome;

  // Only the part after the gate differs between a sent and a limited request; that is what is timed.
  const started = performance.now();
  const confirmUrl = confirmUrlFor(url, env.AUTH_URL);
  const stored = await renderStoredCopy(env.SIGN_IN_LINK_MAX_AGE);
  if (outcome === 'email-limited') {
    // Answer like a sent email: same work rendered, same time spent, same response from Auth.js.
    await pause(typicalDeliveryMs() - (performance.now() - started));
    return outcome;
  }
  const delivered = {
    html: stored.html.replaceAll(LINK_PLACEHOLDER, escapeHtml(confirmUrl)),
    text: stored.text.replaceAll(LINK_PLACEHOLDER, confirmUrl),
  };
  let providerId: string | null = null;
  let error: string | null = null;
  if (env.emailTransport === 'resend') {
    const res = await resendClient(env.RESEND_API_KEY!).emails.send({ from: env.emailFrom, to: email, subject: SUBJECT, ...delivered });
    if (res.error) error = `${res.error.name}: ${res.error.message}`;
    else providerId = res.data?.id ?? null;
  }
  await db.insert(emails).values({
    to: email,
    subject: SUBJECT,
    html: stored.html,
    text: stored.text,
    url: null,
    sealedUrl: env.emailTransport === 'outbox' ? sealLink(confirmUrl, env.AUTH_SECRET) : null,
    kind: 'sign-in',
    transport: env.emailTransport,
    // Sent at once in the request (the person is waiting), never through the queue.
    status: error ? 'failed' : 'sent',
    sentAt: error ? null : now(),
    attempts: 1,
    providerId,
    error,
  });
  if (error) {
    await db.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
    throw new Error(`The sign-in email could not be sent (${error}).`);
  }
  recordDelivery(performance.now() - started);
  return 'sent';
}

const SUBJECT = 'Your sign-in link';

/** Auth.js stores sha256(token + secret) as hex and looks the token up the same way. */
export function hashToken(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex');
}

async function renderStoredCopy(maxAgeSeconds: number) {
  const html = await render(createElement(SignInEmail, { url: LINK_PLACEHOLDER, minutes: Math.round(maxAgeSeconds / 60) }));
  return { html, text: toPlainText(html) };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

let resend: Resend | undefined;
function resendClient(key: string) {
  resend ??= new Resend(key);
  return resend;
}

// The median of the last real sends in this process, so that a limited request can take as long
// (a faster answer would tell an observer the address was limited).
const TIMING = Symbol.for('mentor-match.sign-in-delivery-ms');
const timing = globalThis as typeof globalThis & { [TIMING]?: number[] };
function recordDelivery(ms: number) {
  const recent = (timing[TIMING] ??= []);
  recent.push(ms);
  if (recent.length > 21) recent.shift();
}
function typicalDeliveryMs() {
  const recent = [...(timing[TIMING] ?? [])].sort((a, b) => a - b);
  return recent.length ? recent[Math.floor(recent.length / 2)] : 30;
}
function pause(ms: number) {
  return ms > 0 ? new Promise((r) => setTimeout(r, Math.min(ms, 5000))) : Promise.resolve();
}
