import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { takeRateLimit } from './rate-limit';

const WINDOW_MS = 15 * 60_000;

/** 3 per address and 10 per client address every 15 minutes, unless configured otherwise. */
export function signInLimits() {
  const env = getEnv();
  return {
    perEmail: { max: env.SIGN_IN_LIMIT_PER_EMAIL, windowMs: WINDOW_MS },
    perIp: { max: env.SIGN_IN_LIMIT_PER_IP, windowMs: WINDOW_MS },
  };
}

export type SignInGate = 'send' | 'email-limited' | 'ip-limited';

/**
 * Decides whether a sign-in email may be sent, counting in the database so the limit holds across
 * app instances. When it may, older links for the address are invalidated first: only the newest
 * link works.
 */
export async function gateSignInEmail(email: string, ip: string): Promise<SignInGate> {
  const db = await getDb();
  const limits = signInLimits();
  return db.transaction(async (tx) => {
    const hit = await takeRateLimit(tx, [
      { key: `sign-in:ip:${ip}`, ...limits.perIp },
      { key: `sign-in:email:${email}`, ...limits.perEmail },
    ]);
    if (hit) return hit.key.startsWith('sign-in:ip:') ? 'ip-limited' : 'email-limited';
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
    return 'send';
  });
}

/** The client address as the nearest proxy saw it (the last X-Forwarded-For entry). */
export function clientIp(h: Headers): string {
  const forwarded = h.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? h.get('x-real-ip') ?? 'unknown').slice(0, 64);
}
