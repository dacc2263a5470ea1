import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users, type PersonStatus, type Role } from '@/db/schema';

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The proxy's quick look-up: who holds this session token, if it is still valid. Auth.js writes
 * and checks `sessions.expires` on the real clock (Date.now() + maxAge), so the gate compares with
 * the real clock too: comparing with the app clock (moved by months in the journeys) called every
 * session expired here while Auth.js still honoured it, and the two redirected to each other.
 */
export async function sessionPerson(token: string): Promise<{ role: Role | null; status: PersonStatus } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role, status: users.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date())));
  return row ?? null;
}
