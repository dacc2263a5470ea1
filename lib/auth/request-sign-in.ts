import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { takeRateLimit } from './rate-limit';

export const SIGN_IN_LIMITS = {
  perEmail: { max: 3, windowMs: 15 * 60_000 },
  perIp: { max: 10, windowMs: 15 * 60_000 },
};

export type SignInGate = 'send' | 'email-limited' | 'ip-limited';

/**
 * Decides whether a sign-in email may be sent, counting in the database so the limit holds across
 * app instances. When it may, older links for the address are invalidated first: only the newest
 * link works.
 */
export async function gateSignInEmail(email: string, ip: string): Promise<SignInGate> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const hit = await takeRateLimit(tx, [
      { key: `sign-in:ip:${ip}`, ...SIGN_IN_LIMITS.perIp },
      { key: `sign-in:email:${email}`, ...SIGN_IN_LIMITS.perEmail },
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
