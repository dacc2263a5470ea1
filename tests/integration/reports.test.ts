import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { checkInRounds, checkIns, closeSurveys, cohorts, meetings, menteeProfiles, mentorProfiles, pairings } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getOutcomeReport } from '@/lib/reports/outcomes';
import { figureText, guarded, percentile } from '@/lib/reports/suppress';
import { createPerson } from '../support/people';

const DAY = 86_400_000;
const accepted = { expectationsVersion: 1, expectationsAcceptedAt: new Date('2026-01-01T00:00:00Z') };

async function cohortFor(year: number) {
  const db = await getDb();
  const [c] = await db
    .insert(cohorts)
    .values({ name: `Cohort ${year}`, programYear: year, launchDate: `${year}-01-15` })
    .returning({ id: cohorts.id });
  return c.id;
}

/** A student of the cohort with a preference, paired with a new physician after waiting `waited` days. */
async function pairedStudent(cohortId: number, preference: 'none' | 'preferred' | 'required', waited: number) {
  const db = await getDb();
  const student = await createPerson('mentee', 'approved', 'Report Student');
  const physician = await createPerson('mentor', 'approved', 'Report Physician');
  await db.insert(menteeProfiles).values({
    userId: student.id,
    preferredName: 'S',
    school: 'Example U',
    schoolYear: 'junior',
    major: 'biology',
    targetCycle: 2030,
    cohortId,
    identityPreference: preference,
    ...accepted,
  });
  await db.insert(mentorProfiles).values({
    userId: physician.id,
    preferredName: 'P',
    credential: 'MD',
    specialty: 'Pediatrics',
    organisation: 'Example Health',
    yearsInPractice: 5,
    capacity: 1,
    ...accepted,
  });
  const approvedAt = new Date('2030-03-01T12:00:00Z');
  const [p] = await db
    .insert(pairings)
    .values({
      menteeId: student.id,
      mentorId: physician.id,
      state: 'active',
      approvedAt,
      menteeWaitingSince: new Date(approvedAt.getTime() - waited * DAY),
      startDate: '2030-03-01',
      endDate: '2031-03-01',
    })
    .returning({ id: pairings.id });
  return { pairingId: p.id, student, physician };
}

describe('[REPORTS] small groups are suppressed in the query layer', () => {
  it('[REPORTS]: an identity breakdown of 4 students shows "fewer than 5"; at 5 it shows the numbers', async () => {
    const admin = await createPerson('admin');
    const cohortId = await cohortFor(2091);
    for (const waited of [10, 20, 30, 40]) await pairedStudent(cohortId, 'preferred', waited);
    // Plenty of students without a preference, so the overall figures are shown.
    for (const waited of [5, 6, 7, 8, 9, 11]) await pairedStudent(cohortId, 'none', waited);

    const at4 = await getOutcomeReport(admin, 2091);
    const preferred4 = at4.identity.find((g) => g.preference === 'preferred')!;
    expect(preferred4.asked).toEqual({ shown: false, n: null });
    expect(preferred4.met).toEqual({ shown: false, n: null });
    expect(preferred4.waited.median).toEqual({ shown: false, n: null });
    expect(figureText(preferred4.asked)).toBe('fewer than 5');
    expect(at4.pairingsFormed).toBe(10);
    // Sorted: 5 6 7 8 9 10 11 20 30 40 — the 5th of 10 (nearest rank).
    expect(at4.waited.median).toEqual({ shown: true, value: 9, n: 10 });

    await pairedStudent(cohortId, 'preferred', 50);
    const at5 = await getOutcomeReport(admin, 2091);
    const preferred5 = at5.identity.find((g) => g.preference === 'preferred')!;
    expect(preferred5.asked).toEqual({ shown: true, value: 5, n: 5 });
    // Nobody in these pairings shared an identity answer: asked 5, met 0.
    expect(preferred5.met).toEqual({ shown: true, value: 0, n: 5 });
    expect(preferred5.waited.median).toEqual({ shown: true, value: 30, n: 5 });
    expect(preferred5.waited.p90).toEqual({ shown: true, value: 50, n: 5 });
    // "Required" stays at 0 students: suppressed, not shown as 0.
    expect(at5.identity.find((g) => g.preference === 'required')!.asked.shown).toBe(false);
  });

  it('[REPORTS]: the overall median of 4 waits is suppressed, of 5 it is shown', async () => {
    const admin = await createPerson('admin');
    const cohortId = await cohortFor(2092);
    for (const waited of [3, 4, 5, 6]) await pairedStudent(cohortId, 'none', waited);
    expect((await getOutcomeReport(admin, 2092)).waited.median.shown).toBe(false);
    await pairedStudent(cohortId, 'none', 100);
    const r = await getOutcomeReport(admin, 2092);
    expect(r.waited.median).toEqual({ shown: true, value: 5, n: 5 });
    expect(r.waited.p90).toEqual({ shown: true, value: 100, n: 5 });
    expect(r.participants.mentees).toBe(5);
  });

  it('[REPORTS]: meetings per pairing, check-in and close-survey averages; averages of 4 answers read "fewer than 5", of 5 they are shown', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const cohortId = await cohortFor(2093);
    const pairs: Awaited<ReturnType<typeof pairedStudent>>[] = [];
    for (const waited of [1, 2, 3, 4, 5]) pairs.push(await pairedStudent(cohortId, 'none', waited));
    // 7 meetings over 5 pairings (one deleted meeting does not count).
    for (const [i, date] of ['2030-03-10', '2030-04-10', '2030-05-10'].entries())
      await db.insert(meetings).values({
        pairingId: pairs[0].pairingId,
        date,
        format: 'video',
        durationMinutes: 30,
        loggedBy: pairs[0].student.id,
        ...(i === 2 ? { deletedAt: new Date(), deletedBy: pairs[0].student.id } : {}),
      });
    for (const p of pairs.slice(1))
      await db.insert(meetings).values({ pairingId: p.pairingId, date: '2030-03-20', format: 'phone', durationMinutes: 45, loggedBy: p.physician.id });
    const answer = async (p: (typeof pairs)[number], safety: number) => {
      const [round] = await db.insert(checkInRounds).values({ pairingId: p.pairingId, round: 1, openedOn: '2030-04-01' }).returning({ id: checkInRounds.id });
      await db.insert(checkIns).values({ roundId: round.id, pairingId: p.pairingId, userId: p.student.id, safety, useful: 4, frequency: 3, answeredAt: new Date() });
      await db.insert(closeSurveys).values({
        pairingId: p.pairingId,
        userId: p.physician.id,
        side: 'mentor',
        rating: safety,
        helpedMost: 'Mock interviews',
        mentorAgain: safety > 2,
        wouldRecommend: true,
        answeredAt: new Date(),
      });
    };
    for (const [i, p] of pairs.slice(0, 4).entries()) await answer(p, [5, 4, 5, 2][i]);

    const at4 = await getOutcomeReport(admin, 2093);
    expect(at4.meetings).toEqual({ total: 6, perPairing: { shown: true, value: 1.2, n: 5 } });
    // Gaps: 9 and 31 days for the first pairing (from its start on 2030-03-01), 19 for each of the four others.
    expect(at4.cadence).toEqual({
      byMonth: [
        { month: '2030-03', meetings: 5 },
        { month: '2030-04', meetings: 1 },
      ],
      medianGapDays: { shown: true, value: 19, n: 6 },
      pairingsWithLongGap: 0,
      overdueDays: 60,
    });
    expect(at4.checkIns).toEqual({ answers: 4, safety: { shown: false, n: null }, useful: { shown: false, n: null }, frequency: { shown: false, n: null } });
    expect(at4.closeSurveys.rating).toEqual({ shown: false, n: null });
    expect(at4.closeSurveys.recommendPercent).toEqual({ shown: false, n: null });

    await answer(pairs[4], 4);
    const at5 = await getOutcomeReport(admin, 2093);
    // Safety (5 + 4 + 5 + 2 + 4) / 5 = 4.0; useful 4; frequency 3.
    expect(at5.checkIns).toEqual({
      answers: 5,
      safety: { shown: true, value: 4, n: 5 },
      useful: { shown: true, value: 4, n: 5 },
      frequency: { shown: true, value: 3, n: 5 },
    });
    expect(at5.closeSurveys).toEqual({
      answers: 5,
      rating: { shown: true, value: 4, n: 5 },
      recommendPercent: { shown: true, value: 100, n: 5 },
      mentorAgainPercent: { shown: true, value: 80, n: 5 },
    });

    // A meeting 73 days after the previous one: that pairing went past the 60-day threshold.
    await db.insert(meetings).values({ pairingId: pairs[1].pairingId, date: '2030-06-01', format: 'video', durationMinutes: 30, loggedBy: pairs[1].student.id });
    const later = await getOutcomeReport(admin, 2093);
    expect(later.cadence.pairingsWithLongGap).toBe(1);
    expect(later.cadence.byMonth.at(-1)).toEqual({ month: '2030-06', meetings: 1 });
  });

  it('[REPORTS]: guarded and percentile at the edges', () => {
    expect(guarded(4, () => 1)).toEqual({ shown: false, n: null });
    expect(guarded(5, () => 1)).toEqual({ shown: true, value: 1, n: 5 });
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 50)).toBe(7);
  });

  it('[REPORTS]: only admins read the report', async () => {
    const student = await createPerson('mentee', 'approved');
    const physician = await createPerson('mentor', 'approved');
    await expect(getOutcomeReport(student, 2091)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOutcomeReport(physician, 2091)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
