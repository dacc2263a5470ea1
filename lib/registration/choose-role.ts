import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { now } from '@/lib/time/clock';

/**
 * Records whether a newly signed-in person registers as a student or a physician. Only a person
 * without a role can choose (the WHERE clause enforces it): nobody makes themselves an admin, and
 * a role is not switched by replaying the form.
 */
export async function chooseRole(actor: SessionUser, role: 'mentee' | 'mentor'): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ role, status: 'registering', statusChangedAt: now() })
      .where(and(eq(users.id, actor.id), isNull(users.role)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new UserFacingError('You have already chosen how you take part in the program.');
    await writeAudit(tx, { actorId: actor.id, action: 'role.chosen', subjectId: actor.id, details: { role } });
  });
}
