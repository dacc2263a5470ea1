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

/**
 * Undoes a mistaken role choice. Only while the profile has not been submitted (status
 * `registering`, and never an admin): after that the coordinator has seen the registration, and a
 * student turning into a physician is a conversation, not a button. Nothing else was stored yet
 * (profiles are written on submit), so clearing the role is the whole undo.
 */
export async function clearRoleChoice(actor: SessionUser): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, actor.id))
      .for('update');
    const from = row?.role;
    if (!row || row.status !== 'registering' || (from !== 'mentee' && from !== 'mentor'))
      throw new UserFacingError('Your registration has already been sent, so your role can no longer be changed here. Write to the coordinator if it is wrong.');
    await tx
      .update(users)
      .set({ role: null, statusChangedAt: now() })
      .where(and(eq(users.id, actor.id), eq(users.status, 'registering')));
    await writeAudit(tx, { actorId: actor.id, action: 'role.cleared', subjectId: actor.id, details: { from } });
  });
}
