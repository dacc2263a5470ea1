import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users, type PersonStatus, type Role } from '@/db/schema';

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The proxy's quick look-up: who holds this session token, if it is still valid. Auth.js writes a
 * session's expiry and checks it in real time (Date.now()), so this look-up does too: against the
 * app clock, a test clock moved months ahead (the year's journeys) made every new session look
 * expired to the proxy while Auth.js still accepted it.
 */
export async function sessionPerson(token: string): Promise<{ role: Role | null; status: PersonStatus } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role, status: users.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, sql`now()`)));
  return row ?? null;
}
