import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pairings, users } from '@/db/schema';
import { createPerson } from './people';
import { approvedMentee, approvedMentor, releasePairing } from './program';

/** An approved (active) pairing of two fresh people, started on `startDate`. */
export async function activePairing(startDate: string) {
  const admin = await createPerson('admin');
  const mentee = await approvedMentee();
  const mentor = await approvedMentor();
  const p = { id: await releasePairing(admin, mentee.id, mentor.id) };
  const db = await getDb();
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
