import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/session';
import { notice } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { endPairingsOnWithdrawal } from '@/lib/pairings/operations';
import { now } from '@/lib/time/clock';

/**
 * A coordinator withdraws a person from the program (today: a physician, when resolving a concern).
 * Nothing is deleted: the person is marked withdrawn with the coordinator's reason (kept from the
 * members), every open pairing of theirs ends with a no-fault rematch for the student, and each
 * student is told in the same neutral words as when a mentor steps back. The person is told only
 * that their participation has ended and that the coordinator will be in touch. Runs in the
 * caller's transaction; the person's row is locked so two coordinators cannot both do it.
 * Returns how many pairings ended.
 */
export async function withdrawByCoordinatorIn(
  tx: Tx,
  actor: SessionUser,
  personId: string,
  reason: string,
  concernId: number | null,
): Promise<number> {
  const [person] = await tx
    .select({ id: users.id, email: users.email, name: users.name, status: users.status })
    .from(users)
    .where(and(eq(users.id, personId), inArray(users.role, ['mentee', 'mentor'])))
    .for('update');
  if (!person) throw new UserFacingError('This person does not exist.');
  if (person.status === 'withdrawn') throw new UserFacingError('This person has already left the program.');
  await tx.update(users).set({ status: 'withdrawn', statusReason: reason, statusChangedAt: now(), waitingSince: null }).where(eq(users.id, person.id));
  const ended = await endPairingsOnWithdrawal(tx, person.id, reason, actor.id);
  await writeAudit(tx, { actorId: actor.id, action: 'person.withdrawn', subjectId: person.id, details: { reason, concernId } });
  await notice(
    tx,
    person,
    'participation-ended',
    'Your participation in the program has ended',
    [
      'The program coordinator has ended your participation in the mentorship program, and any mentorship you had through it has ended too.',
      'The coordinator will contact you about it. If you have questions before then, reply to the contact below.',
    ],
  );
  return ended;
}
