import 'server-only';
import { getEnv } from '@/lib/env';

const WINDOW_MS = 15 * 60_000;

/**
 * 3 per address and 10 per client address every 15 minutes, unless configured otherwise. Counted in
 * the database (lib/auth/sign-in-email.ts), so the limits hold across app instances.
 */
export function signInLimits() {
  const env = getEnv();
  return {
    perEmail: { max: env.SIGN_IN_LIMIT_PER_EMAIL, windowMs: WINDOW_MS },
    perIp: { max: env.SIGN_IN_LIMIT_PER_IP, windowMs: WINDOW_MS },
  };
}
