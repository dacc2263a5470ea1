import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pairings, users } from '@/db/schema';
import { approvePairings, proposePairings } from '@/lib/pairings/operations';
import { createPerson } from './people';
import { approvedMentee, approvedMentor } from './program';

/** An approved (active) pairing of two fresh people, started on `startDate`. */
export async function activePairing(startDate: string) {
  const admin = await createPerson('admin');
  const mentee = await approvedMentee();
  const mentor = await approvedMentor();
  await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
  const db = await getDb();
  const [p] = await db
    .select({ id: pairings.id })
    .from(pairings)
    .where(and(eq(pairings.menteeId, mentee.id), eq(pairings.state, 'proposed')));
  const outcome = await approvePairings(admin, [p.id]);
  if (outcome.ok !== 1) throw new Error(`approval failed: ${JSON.stringify(outcome)}`);
  await db.update(pairings).set({ startDate }).where(eq(pairings.id, p.id));
  // Names of their own, so a test can tell pairings apart in a list or an email.
  const tag = randomUUID().slice(0, 6);
  await db
    .update(users)
    .set({ name: `Student ${tag}` })
    .where(eq(users.id, mentee.id));
  await db
    .update(users)
    .set({ name: `Dr. Mentor ${tag}` })
    .where(eq(users.id, mentor.id));
  return { admin, mentee: { ...mentee, name: `Student ${tag}` }, mentor: { ...mentor, name: `Dr. Mentor ${tag}` }, pairingId: p.id };
}
