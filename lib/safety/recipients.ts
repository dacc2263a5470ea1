import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { users } from '@/db/schema';

/** Every coordinator (role 'admin', not withdrawn): who hears about flags and concerns. */
export async function programAdmins(tx: Tx): Promise<{ id: string; email: string; name: string | null }[]> {
  return tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'admin'), ne(users.status, 'withdrawn')));
}
