import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users, type PersonStatus, type Role } from '@/db/schema';
import { now } from '@/lib/time/clock';

export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/** The proxy's quick look-up: who holds this session token, if it is still valid. */
export async function sessionPerson(token: string): Promise<{ role: Role | null; status: PersonStatus } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role, status: users.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, now())));
  return row ?? null;
}
