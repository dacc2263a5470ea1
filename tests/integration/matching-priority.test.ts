import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { loadPool, scoreInPool } from '@/lib/matching/pool';
import { solveAssignment } from '@/lib/matching/solver';
import { optimise } from '@/lib/matching/workbench';
import { approvedMentee, approvedMentor } from '../support/program';

const DAY = 86_400_000;

/** The pool restricted to this test's people (other files share the database). */
async function poolFor(menteeIds: string[], mentorIds: string[]) {
  const pool = await loadPool(await getDb());
  return {
    ...pool,
    mentees: pool.mentees.filter((m) => menteeIds.includes(m.id)),
    mentors: pool.mentors.filter((m) => mentorIds.includes(m.id)),
  };
}

async function setWaiting(id: string, days: number, rematch = false) {
  const db = await getDb();
  const since = new Date(Date.now() - days * DAY);
  await db
    .update(users)
    .set({ waitingSince: since, priorityRematchAt: rematch ? since : null })
    .where(eq(users.id, id));
}

// A close fit for the physician below, and a weak one (other specialty, needs and times).
const closeFit = { specialties: ['family-medicine'], helpWith: ['mcat', 'interviews'], availability: ['weekend-morning'] };
const weakFit = { specialties: ['pediatrics'], helpWith: ['personal-statement'], availability: ['weekday-evening'] };

describe('[MATCHING]: the optimiser helps first those who should be helped first', () => {
  it('pairs the no-fault rematch and the 74-day waiter that a plain best-score plan would leave out, and says why the others wait', async () => {
    const mentor = await approvedMentor({ fullName: 'Dr. Priority Example', capacity: '2' });
    const rematch = await approvedMentee({ ...weakFit, fullName: 'Rema Rematch' });
    const longWait = await approvedMentee({ ...weakFit, fullName: 'Lena Longwait' });
    const newA = await approvedMentee({ ...closeFit, fullName: 'Nia Newcomer' });
    const newB = await approvedMentee({ ...closeFit, fullName: 'Noor Newcomer' });
    await setWaiting(rematch.id, 5, true);
    await setWaiting(longWait.id, 74);
    await setWaiting(newA.id, 4);
    await setWaiting(newB.id, 6);

    const pool = await poolFor([rematch.id, longWait.id, newA.id, newB.id], [mentor.id]);
    expect(pool.mentees.map((m) => m.daysWaiting).sort((a, b) => a - b)).toEqual([4, 5, 6, 74]);

    // The scenario is real: by score alone, both newcomers would take the two places.
    const scores = pool.mentees.map((m) =>
      pool.mentors.map((t) => {
        const s = scoreInPool(pool, m, t);
        return s.allowed ? s.total : null;
      }),
    );
    const plain = solveAssignment({ scores, capacity: [2] });
    const plainPaired = pool.mentees
      .filter((_, i) => plain.assignment[i] >= 0)
      .map((m) => m.id)
      .sort();
    expect(plainPaired).toEqual([newA.id, newB.id].sort());

    const plan = optimise(pool);
    expect(plan.pairs.map((p) => p.menteeId).sort()).toEqual([rematch.id, longWait.id].sort());
    expect(plan.pairs.every((p) => p.mentorId === mentor.id)).toBe(true);
    expect(plan.priority).toEqual([
      { tier: 3, label: 'No-fault rematches', paired: 1, waiting: 1 },
      { tier: 2, label: 'Waiting more than 60 days', paired: 1, waiting: 1 },
      { tier: 0, label: 'Waiting under 30 days', paired: 0, waiting: 2 },
    ]);
    // A lower total than the plain plan: priority comes before score, by design.
    expect(plan.total).toBeLessThan(plain.total);

    expect(plan.unpaired.map((u) => u.menteeId).sort()).toEqual([newA.id, newB.id].sort());
    for (const u of plan.unpaired) {
      expect(u.reason).toContain('Could have been paired with Dr. Priority Example');
      expect(u.reason).toContain('Rema Rematch with Dr. Priority Example (a no-fault rematch)');
      expect(u.reason).toContain('Lena Longwait with Dr. Priority Example (waited 74 days)');
    }
  });

  it('among equal priority the best total wins, and a student no physician may take is told which rules stop it, with counts', async () => {
    const mentor = await approvedMentor({ fullName: 'Dr. Single Place', capacity: '1' });
    const strong = await approvedMentee({ ...closeFit, fullName: 'Sol Strongfit' });
    const weak = await approvedMentee({ ...weakFit, fullName: 'Wen Weakfit' });
    const blocked = await approvedMentee({ identityPreference: 'required', identityPreferenceRaces: ['american-indian-alaska-native'], fullName: 'Bo Blocked' });
    await setWaiting(strong.id, 40);
    await setWaiting(weak.id, 45); // waited longer, but in the same tier (30 to 60 days)
    await setWaiting(blocked.id, 90);

    const plan = optimise(await poolFor([strong.id, weak.id, blocked.id], [mentor.id]));
    expect(plan.pairs.map((p) => [p.menteeId, p.mentorId])).toEqual([[strong.id, mentor.id]]);
    expect(plan.unpaired.find((u) => u.menteeId === weak.id)?.reason).toBe(
      'Could have been paired with Dr. Single Place, but those places went to Sol Strongfit with Dr. Single Place (same priority, and the plan’s total fit is higher this way).',
    );
    expect(plan.unpaired.find((u) => u.menteeId === blocked.id)?.reason).toBe(
      'No physician can take them now. Of 1 physician: 1 does not share the identity they require (or has not shared it).',
    );
  });
});
