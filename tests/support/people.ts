import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { users, type PersonStatus, type Role } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';

/** A person with a unique address, so tests never collide on the unique email and can run concurrently. */
export async function createPerson(
  role: Role | null,
  status: PersonStatus = role === 'admin' ? 'approved' : 'registering',
  name = 'Test Person',
): Promise<SessionUser> {
  const db = await getDb();
  const email = `${role ?? 'new'}-${randomUUID().slice(0, 8)}@example.edu`;
  const [row] = await db
    .insert(users)
    .values({ email, name, role, status })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status });
  return { ...row, goesBy: null };
}
