import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emails, pairings, pairingTerms, sessions, users } from '@/db/schema';
import { readSession } from '@/lib/auth/gate';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { loadPool } from '@/lib/matching/pool';
import { endPairing } from '@/lib/pairings/operations';
import { extendTerm, getTermSection } from '@/lib/terms/admin';
import { getMyClosings, listSurveyAnswers, rejoinWaitlist, submitCloseSurvey } from '@/lib/terms/closing';
import { collectUnansweredRenewals } from '@/lib/terms/digest';
import { chooseRenewal, closeEndedTerms, getMyTerms, sendRenewalPrompts } from '@/lib/terms/renewal';
import { resetClock, setClock } from '@/lib/time/clock';
import { addMonths } from '@/lib/time/dates';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor, releasePairing } from '../support/program';

/** Noon in Chicago (the program's default zone) on a calendar date. */
const at = (iso: string) => new Date(`${iso}T18:00:00Z`);
const shift = (iso: string, days: number) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

afterEach(() => resetClock());

type Pair = { id: number; admin: SessionUser; mentee: SessionUser; mentor: SessionUser; start: string; end: string };

/** A pairing released on `day` (the clock stays there). */
async function released(day: string): Promise<Pair> {
  // People register today (their profile's rules read the clock), then the clock moves to the release.
  resetClock();
  const [admin, mentee, mentor] = await Promise.all([createPerson('admin'), approvedMentee(), approvedMentor()]);
  // Names of their own, so the digest's lines can be told apart.
  const db0 = await getDb();
  const suffix = Math.random().toString(36).slice(2, 8);
  for (const [who, name] of [
    [mentee, `Student ${suffix}`],
    [mentor, `Dr. Mentor ${suffix}`],
  ] as const) {
    await db0.update(users).set({ name }).where(eq(users.id, who.id));
    who.name = name;
  }
  setClock(at(day));
  const p = { id: await releasePairing(admin, mentee.id, mentor.id) };
  const db = await getDb();
  const [row] = await db.select({ start: pairings.startDate, end: pairings.endDate }).from(pairings).where(eq(pairings.id, p.id));
  return { id: p.id, admin, mentee, mentor, start: row.start!, end: row.end! };
}

async function mailsOf(kind: string, people: SessionUser[]) {
  const db = await getDb();
  return db
    .select({ to: emails.to, subject: emails.subject, url: emails.url, text: emails.text })
    .from(emails)
    .where(
      and(
        eq(emails.kind, kind),
        inArray(
          emails.to,
          people.map((p) => p.email),
        ),
      ),
    )
    .orderBy(asc(emails.id));
}

async function pairingRow(id: number) {
  const db = await getDb();
  const [p] = await db.select().from(pairings).where(eq(pairings.id, id));
  return p;
}

async function termsOf(id: number) {
  const db = await getDb();
  return db
    .select({ number: pairingTerms.number, startDate: pairingTerms.startDate, endDate: pairingTerms.endDate, outcome: pairingTerms.outcome })
    .from(pairingTerms)
    .where(eq(pairingTerms.pairingId, id))
    .orderBy(asc(pairingTerms.number));
}

async function auditsOf(subjectId: string | number, action: string) {
  const db = await getDb();
  return db
    .select({ actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, String(subjectId)), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.id));
}

/** Moves the clock to `day` and runs the two term tasks the way the sweep does. */
async function sweepOn(day: string) {
  setClock(at(day));
  const ends = await closeEndedTerms({ now: at(day) });
  const prompts = await sendRenewalPrompts({ now: at(day) });
  return { ends, prompts };
}

describe('[TERMS]: the term and its renewal prompt', () => {
  it('approval opens term 1 with the pairing’s dates: 12 months by default', async () => {
    const p = await released('2031-01-10');
    expect(p.start).toBe('2031-01-10');
    expect(p.end).toBe(addMonths('2031-01-10', 12));
    expect(await termsOf(p.id)).toEqual([{ number: 1, startDate: '2031-01-10', endDate: '2032-01-10', outcome: null }]);
  });

  it('the renewal prompt goes to both members once per term, in the window only, and never for a paused pairing', async () => {
    const p = await released('2031-02-03');
    const paused = await released('2031-02-03');
    const db = await getDb();
    await db
      .update(pairings)
      .set({ pausedAt: at('2031-05-01'), pausedBy: paused.admin.id })
      .where(eq(pairings.id, paused.id));

    await sweepOn(shift(p.end, -31)); // one day before the 30-day window
    expect(await mailsOf('renewal', [p.mentee, p.mentor])).toEqual([]);

    await sweepOn(shift(p.end, -30));
    await sweepOn(shift(p.end, -30)); // the same day again
    await sweepOn(shift(p.end, -20)); // and a later day in the window
    const sent = await mailsOf('renewal', [p.mentee, p.mentor]);
    expect(sent.map((m) => m.to).sort()).toEqual([p.mentee.email, p.mentor.email].sort());
    expect(sent.find((m) => m.to === p.mentee.email)!.url).toMatch(/\/mentee\/renewal$/);
    expect(sent.find((m) => m.to === p.mentor.email)!.url).toMatch(new RegExp(`/mentor/renewal/${p.id}$`));
    expect(sent[0].text).toContain('change your answer until');

    expect(await mailsOf('renewal', [paused.mentee, paused.mentor])).toEqual([]);
    // The banner data follows the same rule: the window is open for the live pairing only.
    expect((await getMyTerms(p.mentee)).map((t) => [t.pairingId, t.windowOpen])).toEqual([[p.id, true]]);
    expect(await getMyTerms(paused.mentee)).toEqual([]);
  });
});

describe('[TERMS]: outcomes at the end date', () => {
  it('both continue → renewed: a new term from the old end date, renewals + 1, the pairing’s end date moves, nobody is surveyed', async () => {
    const p = await released('2032-01-05');
    setClock(at(shift(p.end, -10)));
    await chooseRenewal(p.mentee, p.id, 'continue');
    await chooseRenewal(p.mentor, p.id, 'continue');

    const { ends } = await sweepOn(shift(p.end, -1));
    expect(ends.renewed ?? 0).toBe(0); // not before the end date
    await sweepOn(p.end);
    const row = await pairingRow(p.id);
    expect(row.state).toBe('active');
    expect(row.renewals).toBe(1);
    expect(row.startDate).toBe('2032-01-05'); // the pairing's own start stays
    expect(row.endDate).toBe('2034-01-05');
    expect(await termsOf(p.id)).toEqual([
      { number: 1, startDate: '2032-01-05', endDate: '2033-01-05', outcome: 'renewed' },
      { number: 2, startDate: '2033-01-05', endDate: '2034-01-05', outcome: null },
    ]);
    expect(await auditsOf(p.id, 'term.renewed')).toHaveLength(1);
    expect(await mailsOf('close-survey', [p.mentee, p.mentor])).toEqual([]);
    // A second sweep that day changes nothing more.
    await sweepOn(p.end);
    expect((await pairingRow(p.id)).renewals).toBe(1);
    // The new term asks again, once, in its own window.
    await sweepOn(shift('2034-01-05', -15));
    await sweepOn(shift('2034-01-05', -14));
    expect(await mailsOf('renewal', [p.mentee])).toHaveLength(2); // one for each term
  });

  it.each([
    ['the student concludes', 'conclude', 'continue'],
    ['the mentor concludes', 'continue', 'conclude'],
    ['both conclude', 'conclude', 'conclude'],
    ['only the student answers', 'continue', null],
    ['nobody answers', null, null],
  ] as const)('%s → completed at the end date, with the close survey to both', async (_name, menteeChoice, mentorChoice) => {
    const p = await released('2033-03-15');
    setClock(at(shift(p.end, -5)));
    if (menteeChoice) await chooseRenewal(p.mentee, p.id, menteeChoice);
    if (mentorChoice) await chooseRenewal(p.mentor, p.id, mentorChoice);
    await sweepOn(p.end);
    const row = await pairingRow(p.id);
    expect(row.state).toBe('completed');
    expect(row.renewals).toBe(0);
    expect(row.endDate).toBe(p.end);
    expect((await termsOf(p.id)).map((t) => t.outcome)).toEqual(['completed']);
    const [audit] = await auditsOf(p.id, 'term.completed');
    expect(audit.details).toMatchObject({ mentee: menteeChoice, mentor: mentorChoice });
    const surveys = await mailsOf('close-survey', [p.mentee, p.mentor]);
    expect(surveys.map((m) => m.url?.replace(/^https?:\/\/[^/]+/, '')).sort()).toEqual([`/mentee/survey/${p.id}`, `/mentor/survey/${p.id}`]);
  });

  it('a choice can be changed until the end date and is refused from then on', async () => {
    const p = await released('2034-04-01');
    setClock(at(shift(p.end, -20)));
    await chooseRenewal(p.mentee, p.id, 'conclude');
    setClock(at(shift(p.end, -1)));
    await chooseRenewal(p.mentee, p.id, 'continue');
    expect((await getMyTerms(p.mentee))[0].myChoice).toBe('continue');
    expect((await auditsOf(p.id, 'term.choice-made')).map((a) => a.details)).toEqual([
      { term: 1, side: 'mentee', choice: 'conclude', previous: null },
      { term: 1, side: 'mentee', choice: 'continue', previous: 'conclude' },
    ]);
    setClock(at(p.end));
    await expect(chooseRenewal(p.mentee, p.id, 'conclude')).rejects.toThrow(/can no longer be changed/);
    await expect(chooseRenewal(p.mentor, p.id, 'continue')).rejects.toThrow(/can no longer be changed/);
    expect((await getTermSection(p.admin, p.id))!.terms[0].choices.mentee?.choice).toBe('continue');
  });

  it('a member cannot answer for someone else’s pairing, and an admin cannot answer at all', async () => {
    const p = await released('2034-05-01');
    const other = await released('2034-05-01');
    setClock(at(shift(p.end, -3)));
    await expect(chooseRenewal(other.mentee, p.id, 'continue')).rejects.toThrow(/cannot be found/);
    await expect(chooseRenewal(other.mentor, p.id, 'conclude')).rejects.toThrow(/cannot be found/);
    await expect(chooseRenewal(p.admin, p.id, 'continue')).rejects.toThrow(ForbiddenError);
    expect((await getTermSection(p.admin, p.id))!.terms[0].choices).toEqual({ mentee: null, mentor: null });
  });
});

describe('[TERMS]: after completion', () => {
  async function completed(day: string, menteeChoice: 'continue' | 'conclude' | null, mentorChoice: 'continue' | 'conclude' | null) {
    const p = await released(day);
    setClock(at(shift(p.end, -5)));
    if (menteeChoice) await chooseRenewal(p.mentee, p.id, menteeChoice);
    if (mentorChoice) await chooseRenewal(p.mentor, p.id, mentorChoice);
    await sweepOn(p.end);
    expect((await pairingRow(p.id)).state).toBe('completed');
    return p;
  }
  const survey = { rating: 4, helpedMost: 'Mock interviews', wouldRecommend: true, comment: null };

  it('the close survey: once per member, only by the pairing’s members, and only the coordinator reads it', async () => {
    const p = await completed('2035-01-10', null, null);
    resetClock();
    const stranger = await approvedMentee();
    await expect(submitCloseSurvey(stranger, { pairingId: p.id, ...survey })).rejects.toThrow(/cannot be found/);
    await expect(submitCloseSurvey(p.admin, { pairingId: p.id, ...survey })).rejects.toThrow(ForbiddenError);
    await expect(submitCloseSurvey(p.mentor, { pairingId: p.id, ...survey })).rejects.toThrow(/mentor again/);

    await submitCloseSurvey(p.mentee, { pairingId: p.id, ...survey });
    await expect(submitCloseSurvey(p.mentee, { pairingId: p.id, ...survey, rating: 1 })).rejects.toThrow(/already answered/);
    await submitCloseSurvey(p.mentor, { pairingId: p.id, ...survey, rating: 5, mentorAgain: true });

    const answers = await listSurveyAnswers(p.admin, p.id);
    expect(answers.map((a) => [a.side, a.rating, a.mentorAgain])).toEqual([
      ['mentee', 4, null],
      ['mentor', 5, true],
    ]);
    // The other member sees that they answered themselves, never the other's answers.
    await expect(listSurveyAnswers(p.mentee, p.id)).rejects.toThrow(ForbiddenError);
    await expect(listSurveyAnswers(p.mentor, p.id)).rejects.toThrow(ForbiddenError);
    expect(JSON.stringify(await getMyClosings(p.mentor))).not.toContain('Mock interviews');
    expect((await getMyClosings(p.mentee))[0]).toMatchObject({ pairingId: p.id, surveyAnswered: true });
  });

  it('the survey is refused while the pairing is still active', async () => {
    const p = await released('2035-02-01');
    await expect(submitCloseSurvey(p.mentee, { pairingId: p.id, ...survey })).rejects.toThrow(/opens when/);
  });

  it('a completed student is off the waitlist; back on only when their mentor concluded while they chose continue, waiting from then', async () => {
    const left = await completed('2035-03-01', 'continue', 'conclude');
    const bothDone = await completed('2035-03-01', 'conclude', 'conclude');
    const studentLeft = await completed('2035-03-01', 'conclude', 'continue');
    const silent = await completed('2035-03-01', 'continue', null);
    const db = await getDb();
    const waiting = async () => new Set((await loadPool(db)).mentees.map((m) => m.id));
    for (const p of [left, bothDone, studentLeft, silent]) expect((await waiting()).has(p.mentee.id)).toBe(false);

    for (const p of [bothDone, studentLeft, silent]) {
      expect((await getMyClosings(p.mentee))[0].mayRejoinWaitlist).toBe(false);
      await expect(rejoinWaitlist(p.mentee, p.id)).rejects.toThrow(/mentor concluded/);
    }
    await expect(rejoinWaitlist(left.mentor, left.id)).rejects.toThrow(ForbiddenError);
    await expect(rejoinWaitlist(bothDone.mentee, left.id)).rejects.toThrow(/cannot be found/);

    // Not waiting until they ask: the home must not promise an introduction.
    expect((await getMyClosings(left.mentee))[0]).toMatchObject({ mayRejoinWaitlist: true, waitingAgain: false });
    const asked = shift(left.end, 9);
    setClock(at(asked));
    await rejoinWaitlist(left.mentee, left.id);
    const [u] = await db.select({ waitingSince: users.waitingSince }).from(users).where(eq(users.id, left.mentee.id));
    expect(u.waitingSince?.toISOString().slice(0, 10)).toBe(asked);
    expect((await waiting()).has(left.mentee.id)).toBe(true);
    expect((await loadPool(db, new Date(at(shift(asked, 3)).getTime() + 3_600_000))).mentees.find((m) => m.id === left.mentee.id)?.daysWaiting).toBe(3);
    expect(await auditsOf(left.mentee.id, 'term.waitlist-rejoined')).toHaveLength(1);
    await expect(rejoinWaitlist(left.mentee, left.id)).rejects.toThrow(/already back/);
    expect((await getMyClosings(left.mentee))[0]).toMatchObject({ mayRejoinWaitlist: false, waitingAgain: true });
  });
});

describe('[TERMS]: the coordinator', () => {
  it('extends a term to a later date with a reason (audited); an earlier date and non-admins are refused', async () => {
    const p = await released('2036-01-20');
    await expect(extendTerm(p.admin, p.id, p.end, 'Same day')).rejects.toThrow(/after the current end date/);
    await expect(extendTerm(p.mentee, p.id, '2037-06-01', 'Mine')).rejects.toThrow(ForbiddenError);
    await expect(extendTerm(p.mentor, p.id, '2037-06-01', 'Mine')).rejects.toThrow(ForbiddenError);
    await extendTerm(p.admin, p.id, '2037-04-20', 'Finishing the application cycle together');
    expect((await pairingRow(p.id)).endDate).toBe('2037-04-20');
    expect(await termsOf(p.id)).toEqual([{ number: 1, startDate: '2036-01-20', endDate: '2037-04-20', outcome: null }]);
    const [audit] = await auditsOf(p.id, 'term.extended');
    expect(audit).toEqual({ actorId: p.admin.id, details: { term: 1, from: '2037-01-20', to: '2037-04-20', reason: 'Finishing the application cycle together' } });
    // The old end date no longer ends it.
    await sweepOn('2037-01-20');
    expect((await pairingRow(p.id)).state).toBe('active');
    await sweepOn('2037-04-20');
    expect((await pairingRow(p.id)).state).toBe('completed');
  });

  it('ends a term now through the pairing’s ending (audited, reason kept): the open term closes as ended; members cannot', async () => {
    const p = await released('2036-02-02');
    await expect(endPairing(p.mentee, p.id, 'Mine', false, 'active')).rejects.toThrow(ForbiddenError);
    await endPairing(p.admin, p.id, 'The student moved abroad', false, 'active');
    expect((await termsOf(p.id)).map((t) => t.outcome)).toEqual(['ended']);
    expect(await auditsOf(p.id, 'pairing.ended')).toEqual([{ actorId: p.admin.id, details: { reason: 'The student moved abroad', rematch: false } }]);
    await expect(extendTerm(p.admin, p.id, '2038-01-01', 'Too late')).rejects.toThrow(/Only an active/);
  });

  it('the digest lists live pairings a week from the end with an answer missing, and no others', async () => {
    const week = await released('2037-06-10');
    const eightDays = await released('2037-06-11');
    const answered = await released('2037-06-10');
    const half = await released('2037-06-10');
    const paused = await released('2037-06-10');
    const db = await getDb();
    await db
      .update(pairings)
      .set({ pausedAt: at('2037-07-01') })
      .where(eq(pairings.id, paused.id));
    const today = shift(week.end, -7);
    setClock(at(today));
    await chooseRenewal(answered.mentee, answered.id, 'continue');
    await chooseRenewal(answered.mentor, answered.id, 'conclude');
    await chooseRenewal(half.mentor, half.id, 'continue');

    const section = await db.transaction((tx) => collectUnansweredRenewals(tx, { now: at(today), today }));
    expect(section).not.toBeNull();
    const mine = section!.lines.filter((l) => [week, eightDays, answered, half, paused].some((p) => l.includes(p.mentee.name ?? '')));
    const nameOf = (p: Pair) => p.mentee.name!;
    expect(mine.some((l) => l.includes(nameOf(week)) && l.includes('in 7 days'))).toBe(true);
    expect(mine.some((l) => l.includes(nameOf(half)) && !l.includes(`from ${half.mentor.name}`))).toBe(true);
    expect(mine.some((l) => l.includes(nameOf(eightDays)))).toBe(false);
    expect(mine.some((l) => l.includes(nameOf(answered)))).toBe(false);
    expect(mine.some((l) => l.includes(nameOf(paused)))).toBe(false);
    expect(section!.link).toEqual({ label: 'Open active pairings', path: '/admin/pairings?state=active' });

    // Nobody left without an answer: no section at all.
    const later = shift(week.end, -6);
    for (const p of [week, half, eightDays]) {
      setClock(at(later));
      await chooseRenewal(p.mentee, p.id, 'continue').catch(() => {});
      await chooseRenewal(p.mentor, p.id, 'continue').catch(() => {});
    }
    const after = await db.transaction((tx) => collectUnansweredRenewals(tx, { now: at(later), today: later }));
    expect((after?.lines ?? []).filter((l) => [week, eightDays, half].some((p) => l.includes(nameOf(p))))).toEqual([]);
  });
});

describe('[TERMS]: journeys move the clock by months', () => {
  it('a fresh session stays valid for the proxy while the app clock is a year ahead (Auth.js keeps sessions in real time)', async () => {
    const db = await getDb();
    const person = await createPerson('mentee', 'approved');
    const token = `terms-${Math.random().toString(36).slice(2)}-${'x'.repeat(32)}`;
    await db.insert(sessions).values({ sessionToken: token, userId: person.id, expires: new Date(Date.now() + 30 * 86_400_000) });
    setClock(new Date(Date.now() + 400 * 86_400_000));
    expect((await readSession(token))?.user).toMatchObject({ id: person.id, role: 'mentee', status: 'approved' });
    // An expired one is still refused.
    await db
      .update(sessions)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(sessions.sessionToken, token));
    expect(await readSession(token)).toBeNull();
  });
});
