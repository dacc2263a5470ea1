import { inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { pairings } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { approvePairings, proposePairings } from '@/lib/pairings/operations';
import { getOverviewData } from '@/lib/reports/overview';
import { resetClock, setClock } from '@/lib/time/clock';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor } from '../support/program';

const DAY = 86_400_000;
afterEach(() => resetClock());

// This file's database starts empty (migrations only), so every number below is what the test made.
describe('[OVERVIEW] the coordinator’s numbers, against data the test made', () => {
  it('[OVERVIEW]: registrations, waiting students, free places, pairings and meeting cadence add up', async () => {
    const db = await getDb();
    const start = new Date('2027-03-01T15:00:00Z');
    setClock(start);
    const admin = await createPerson('admin');
    await Promise.all([createPerson('mentee', 'pending'), createPerson('mentee', 'pending'), createPerson('mentor', 'pending')]);
    const mentees = await Promise.all([approvedMentee(), approvedMentee(), approvedMentee()]);
    const mentors = await Promise.all([approvedMentor(), approvedMentor()]); // capacity 2 each
    await proposePairings(admin, [
      { menteeId: mentees[0].id, mentorId: mentors[0].id },
      { menteeId: mentees[1].id, mentorId: mentors[0].id },
    ]);
    const ids = (
      await db
        .select({ id: pairings.id, menteeId: pairings.menteeId })
        .from(pairings)
        .where(
          inArray(
            pairings.menteeId,
            mentees.map((m) => m.id),
          ),
        )
    ).sort((a, b) => (a.menteeId === mentees[0].id ? -1 : b.menteeId === mentees[0].id ? 1 : 0));
    expect((await approvePairings(admin, [ids[0].id])).ok).toBe(1); // one released, one still proposed

    const now = await getOverviewData(admin);
    expect(now.headline).toMatchObject({
      pendingReview: { mentee: 2, mentor: 1 },
      approved: { mentee: 3, mentor: 2 },
      waitingMentees: 1, // the third student; the other two have a proposed or active pairing
      activePairings: 1,
      proposedPairings: 1,
      mentorsWithFreePlaces: 1, // the first mentor's two places are taken by the two pairings
      freePlaces: 2,
      cadence: { 'on-track': 1, 'due-soon': 0, overdue: 0 },
    });

    // Sixty-one days on with no meeting logged: the released pairing is overdue.
    setClock(new Date(start.getTime() + 61 * DAY));
    expect((await getOverviewData(admin)).headline.cadence).toEqual({ 'on-track': 0, 'due-soon': 0, overdue: 1 });
  });

  it('[OVERVIEW]: only admins see it', async () => {
    const mentor = await createPerson('mentor', 'approved');
    await expect(getOverviewData(mentor)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
