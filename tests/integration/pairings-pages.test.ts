import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { pairings } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { approvePairings, proposePairings } from '@/lib/pairings/operations';
import { listPairingsPage } from '@/lib/pairings/queries';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor } from '../support/program';

describe('[PAIRINGS] lists that tell the truth at any size', () => {
  it('[PAIRINGS]: a page of the Active tab counts every active pairing, and the pages together hold each once', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const mentees = await Promise.all([approvedMentee(), approvedMentee(), approvedMentee(), approvedMentee(), approvedMentee()]);
    const mentors = await Promise.all([approvedMentor(), approvedMentor(), approvedMentor(), approvedMentor(), approvedMentor()]);
    await proposePairings(
      admin,
      mentees.map((m, i) => ({ menteeId: m.id, mentorId: mentors[i].id })),
    );
    const ids = (
      await db
        .select({ id: pairings.id })
        .from(pairings)
        .where(
          inArray(
            pairings.menteeId,
            mentees.map((m) => m.id),
          ),
        )
    ).map((r) => r.id);
    expect((await approvePairings(admin, ids)).ok).toBe(5);
    const before = (await listPairingsPage(admin, ['active'], { limit: 1000 })).total;
    expect(before).toBeGreaterThanOrEqual(5);

    const seen: number[] = [];
    for (let offset = 0; offset < before; offset += 2) {
      const page = await listPairingsPage(admin, ['active'], { limit: 2, offset });
      expect(page.total).toBe(before);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(before);
    expect(seen).toEqual(expect.arrayContaining(ids));
    // One ends: the count follows.
    await db.update(pairings).set({ state: 'ended', endedAt: new Date() }).where(eq(pairings.id, ids[0]));
    expect((await listPairingsPage(admin, ['active'], { limit: 2 })).total).toBe(before - 1);
  });

  it('[PAIRINGS]: only admins list pairings', async () => {
    const mentor = await createPerson('mentor', 'approved');
    await expect(listPairingsPage(mentor, ['active'])).rejects.toBeInstanceOf(ForbiddenError);
  });
});
