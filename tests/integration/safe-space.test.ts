/**
 * A safe space (issue 11): private check-ins and concerns. Who can read what (only admins, never the
 * other member or anyone else), when check-ins open (30 days, then every 60, once per round, never
 * while paused), the safety flag (at 2, not at 3), the audited read of a concern, and resolving one
 * with a no-fault rematch.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, checkInRounds, checkIns, concernNotes, concerns, emails, pairings, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getWaitlist } from '@/lib/matching/workbench';
import { checkInRoundAt, flaggedPairingIds, getMyCheckIn, getMyCheckInPrompts, getPairingCheckIns, openCheckIns, submitCheckIn } from '@/lib/safety/check-ins';
import {
  addConcernNote,
  assignConcern,
  countOpenConcerns,
  getMyConcernChoices,
  getMyPauseNotices,
  listConcerns,
  listPairingConcerns,
  openConcern,
  raiseConcern,
  resolveConcern,
} from '@/lib/safety/concerns';
import { concernSchema } from '@/lib/safety/forms';
import { getProgramSettings, programSettingsFormSchema, updateProgramSettings } from '@/lib/settings/program';
import { now, resetClock, setClock } from '@/lib/time/clock';
import { callAction, toFormData } from '../support/action-harness';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor, releasePairing } from '../support/program';

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<object>()), getCurrentUser: async () => signedIn.user }));
vi.mock('next/cache', async (original) => ({ ...(await original<object>()), revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

afterEach(() => {
  resetClock();
  signedIn.user = null;
});

const DAY = 86_400_000;
/** Noon UTC: the same calendar day in the program's zone (America/Chicago). */
const START = new Date('2027-01-11T18:00:00Z');
const at = (days: number) => new Date(START.getTime() + days * DAY);

/** A released pairing that started on START's program day, with its own admin. */
async function livePair() {
  resetClock();
  const admin = await createPerson('admin');
  const mentee = await approvedMentee();
  const mentor = await approvedMentor();
  setClock(START);
  return { admin, mentee, mentor, pairingId: await releasePairing(admin, mentee.id, mentor.id) };
}

async function sweepOn(day: number) {
  setClock(at(day));
  return openCheckIns.run({ now: now() });
}

async function mailTo(to: string, kind: string) {
  const db = await getDb();
  return db
    .select({ subject: emails.subject, text: emails.text, url: emails.url })
    .from(emails)
    .where(and(eq(emails.to, to), eq(emails.kind, kind)));
}

async function roundsOf(pairingId: number) {
  const db = await getDb();
  return db
    .select({ id: checkInRounds.id, round: checkInRounds.round, openedOn: checkInRounds.openedOn })
    .from(checkInRounds)
    .where(eq(checkInRounds.pairingId, pairingId))
    .orderBy(checkInRounds.round);
}

const answers = (roundId: number, safety: number, extra: Partial<{ useful: number; frequency: number; comment: string | null }> = {}) => ({
  roundId,
  safety,
  useful: 4,
  frequency: 4,
  comment: null,
  ...extra,
});

const concern = (about: number | 'none', over: Record<string, string> = {}) =>
  concernSchema.parse({ about: String(about), body: 'In our last meeting a remark about my family made me feel unwelcome.', ...over });

describe('[CHECK-INS]: rounds', () => {
  it('round arithmetic: none before day 30, round 1 at 30, round 2 at 90, round 3 at 150', () => {
    expect([0, 29, 30, 89, 90, 149, 150].map((d) => checkInRoundAt(d, 30, 60))).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('a check-in opens 30 days after the start and again at 90, once per round however often the sweep runs; both members are emailed', async () => {
    const { mentee, mentor, pairingId } = await livePair();
    await sweepOn(29);
    expect(await roundsOf(pairingId)).toEqual([]);
    expect(await mailTo(mentee.email, 'check-in')).toHaveLength(0);

    await sweepOn(30);
    await sweepOn(30);
    await sweepOn(31);
    const first = await roundsOf(pairingId);
    expect(first.map((r) => r.round)).toEqual([1]);
    const menteeMail = await mailTo(mentee.email, 'check-in');
    const mentorMail = await mailTo(mentor.email, 'check-in');
    expect(menteeMail).toHaveLength(1);
    expect(mentorMail).toHaveLength(1);
    expect(menteeMail[0].url).toMatch(new RegExp(`/mentee/check-in/${first[0].id}$`));
    expect(mentorMail[0].url).toMatch(new RegExp(`/mentor/check-in/${first[0].id}$`));
    expect(menteeMail[0].text).toMatch(/Only the program coordinators read your answers/);

    await sweepOn(89);
    expect((await roundsOf(pairingId)).map((r) => r.round)).toEqual([1]);
    await sweepOn(90);
    await sweepOn(90);
    expect((await roundsOf(pairingId)).map((r) => r.round)).toEqual([1, 2]);
    expect(await mailTo(mentee.email, 'check-in')).toHaveLength(2);
    expect(await mailTo(mentor.email, 'check-in')).toHaveLength(2);
    // Only the newest round is open: the banner offers round 2, not the unanswered round 1.
    setClock(at(90));
    expect((await getMyCheckInPrompts(mentee)).map((p) => p.round)).toEqual([2]);
  });

  it('a paused pairing gets no check-in: raising a concern with "pause" stops them; resuming starts them again', async () => {
    const { admin, mentee, mentor, pairingId } = await livePair();
    setClock(at(20));
    const { concernId, paused } = await raiseConcern(mentee, concern(pairingId, { pause: 'on' }));
    expect(paused).toBe(true);
    await sweepOn(30);
    await sweepOn(31);
    expect(await roundsOf(pairingId)).toEqual([]);
    expect(await mailTo(mentee.email, 'check-in')).toHaveLength(0);
    expect(await mailTo(mentor.email, 'check-in')).toHaveLength(0);

    setClock(at(32));
    await resolveConcern(admin, { concernId, resolution: 'Talked with both; agreed to carry on.', outcome: 'resumed' });
    const db = await getDb();
    const [p] = await db.select({ pausedAt: pairings.pausedAt, state: pairings.state }).from(pairings).where(eq(pairings.id, pairingId));
    expect(p).toEqual({ pausedAt: null, state: 'active' });
    await sweepOn(33);
    expect((await roundsOf(pairingId)).map((r) => r.round)).toEqual([1]);
    expect(await mailTo(mentor.email, 'check-in')).toHaveLength(1);
  });
});

describe('[CHECK-INS]: the settings', () => {
  it('the first check-in and the interval are settings: validated, audited before and after, and the sweep follows them', async () => {
    const { admin, mentee, pairingId } = await livePair();
    const before = await getProgramSettings(admin);
    const form = {
      termMonths: '12',
      renewalWindowDays: '30',
      cadenceDueSoonDays: '45',
      cadenceOverdueDays: '60',
      ...Object.fromEntries(Object.entries(before.weights).map(([k, v]) => [`weight_${k}`, String(v)])),
    };
    for (const bad of ['', '0', '6', '366', '12.5', '1e3'])
      expect(programSettingsFormSchema.safeParse({ ...form, checkInFirstDays: bad, checkInEveryDays: '60' }).error?.issues[0].path).toEqual(['checkInFirstDays']);
    const parsed = programSettingsFormSchema.parse({ ...form, checkInFirstDays: '14', checkInEveryDays: '30' });
    await updateProgramSettings(admin, parsed);
    try {
      const db = await getDb();
      const [last] = await db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'settings.updated'), eq(auditLog.actorId, admin.id)));
      expect(last.details).toMatchObject({ before: { checkInFirstDays: before.checkInFirstDays }, after: { checkInFirstDays: 14, checkInEveryDays: 30 } });
      await sweepOn(13);
      expect(await roundsOf(pairingId)).toEqual([]);
      await sweepOn(14);
      await sweepOn(44);
      expect((await roundsOf(pairingId)).map((r) => r.round)).toEqual([1, 2]);
      expect(await mailTo(mentee.email, 'check-in')).toHaveLength(2);
    } finally {
      await updateProgramSettings(admin, { ...parsed, checkInFirstDays: before.checkInFirstDays, checkInEveryDays: before.checkInEveryDays });
    }
  });
});

describe('[CHECK-INS]: answers and the safety flag', () => {
  it('a 2 on "respected and safe" flags the pairing and emails every admin; a 3 does not', async () => {
    const low = await livePair();
    const ok = await livePair();
    await sweepOn(30);
    const [lowRound] = await roundsOf(low.pairingId);
    const [okRound] = await roundsOf(ok.pairingId);

    await submitCheckIn(ok.mentee, answers(okRound.id, 3));
    expect(await mailTo(ok.admin.email, 'check-in-flag')).toHaveLength(0);
    expect((await flaggedPairingIds(ok.admin, [ok.pairingId])).has(ok.pairingId)).toBe(false);

    const { flagged } = await submitCheckIn(low.mentee, answers(lowRound.id, 2, { comment: 'I do not feel heard.' }));
    expect(flagged).toBe(true);
    expect((await flaggedPairingIds(low.admin, [low.pairingId, ok.pairingId])).has(low.pairingId)).toBe(true);
    // Every admin hears of it (both admins made here), with no answers in the email.
    for (const admin of [low.admin, ok.admin]) {
      const mail = await mailTo(admin.email, 'check-in-flag');
      expect(mail).toHaveLength(1);
      expect(mail[0].url).toMatch(new RegExp(`/admin/pairings/${low.pairingId}$`));
      expect(mail[0].text).not.toContain('I do not feel heard');
    }
    const history = await getPairingCheckIns(low.admin, low.pairingId);
    expect(history[0].answers).toEqual([expect.objectContaining({ side: 'mentee', safety: 2, comment: 'I do not feel heard.' })]);
  });

  it('one answer per member per round: a second submission is refused and nothing changes', async () => {
    const { mentee, pairingId } = await livePair();
    await sweepOn(30);
    const [round] = await roundsOf(pairingId);
    await submitCheckIn(mentee, answers(round.id, 5));
    await expect(submitCheckIn(mentee, answers(round.id, 1))).rejects.toThrow(/not open for you/);
    const db = await getDb();
    const rows = await db.select({ safety: checkIns.safety }).from(checkIns).where(eq(checkIns.roundId, round.id));
    expect(rows).toEqual([{ safety: 5 }]);
    expect(await getMyCheckIn(mentee, round.id)).toBeNull();
  });
});

describe('[SAFE SPACE]: visibility', () => {
  it('the other member and any other mentee or mentor can never read or answer a check-in that is not theirs', async () => {
    const { admin, mentee, mentor, pairingId } = await livePair();
    const other = await livePair();
    await sweepOn(30);
    const [round] = await roundsOf(pairingId);
    await submitCheckIn(mentee, answers(round.id, 1, { comment: 'Private words.' }));

    // Members have no reading function at all for answers: every admin read refuses them.
    for (const who of [mentee, mentor, other.mentee, other.mentor]) {
      await expect(getPairingCheckIns(who, pairingId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(flaggedPairingIds(who, [pairingId])).rejects.toBeInstanceOf(ForbiddenError);
    }
    // The other member's own prompt does not reveal whether the student answered, nor what.
    const prompts = await getMyCheckInPrompts(mentor);
    expect(prompts).toHaveLength(1);
    expect(JSON.stringify(prompts)).not.toMatch(/Private words|safety/);
    // Someone else's round: not offered, not answerable, nothing written.
    for (const who of [other.mentee, other.mentor]) {
      expect(await getMyCheckIn(who, round.id)).toBeNull();
      expect((await getMyCheckInPrompts(who)).map((p) => p.roundId)).not.toContain(round.id);
      await expect(submitCheckIn(who, answers(round.id, 5))).rejects.toThrow(/not open for you/);
    }
    await expect(submitCheckIn(admin, answers(round.id, 5))).rejects.toBeInstanceOf(ForbiddenError);
    const db = await getDb();
    expect(await db.select({ userId: checkIns.userId }).from(checkIns).where(eq(checkIns.roundId, round.id))).toEqual([{ userId: mentee.id }]);
  });

  it('concerns: nobody but admins reads them; the other member sees only the neutral pause; no one can raise one about someone else’s pairing', async () => {
    const { admin, mentee, mentor, pairingId } = await livePair();
    const other = await livePair();
    setClock(at(10));
    const { concernId } = await raiseConcern(mentee, concern(pairingId, { pause: 'on', contact: 'on', channel: 'phone', phone: '+1 555 010 0100' }));

    for (const who of [mentee, mentor, other.mentee, other.mentor]) {
      await expect(listConcerns(who)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(openConcern(who, concernId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listPairingConcerns(who, pairingId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(countOpenConcerns(who)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(assignConcern(who, { concernId, assigneeId: admin.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addConcernNote(who, { concernId, body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(resolveConcern(who, { concernId, resolution: 'x', outcome: 'ended-rematch' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    // The mentor learns only that the coordinator paused it; the student that they did.
    expect(await getMyPauseNotices(mentor)).toEqual([{ pairingId, partner: expect.any(String), pausedByMe: false }]);
    expect(await getMyPauseNotices(mentee)).toEqual([{ pairingId, partner: expect.any(String), pausedByMe: true }]);
    expect(JSON.stringify(await getMyPauseNotices(mentor))).not.toMatch(/unwelcome/);
    expect(await getMyPauseNotices(other.mentor)).toEqual([]);

    // Someone else's pairing: refused in the query, nothing paused, no concern written.
    const db = await getDb();
    const before = await db.select({ id: concerns.id }).from(concerns);
    await expect(raiseConcern(other.mentee, concern(pairingId, { pause: 'on' }))).rejects.toThrow(/current mentorships/);
    await expect(raiseConcern(other.mentor, concern(pairingId, { pause: 'on' }))).rejects.toThrow(/current mentorships/);
    expect(await db.select({ id: concerns.id }).from(concerns)).toEqual(before);
    const [p] = await db.select({ pausedBy: pairings.pausedBy }).from(pairings).where(eq(pairings.id, pairingId));
    expect(p.pausedBy).toBe(mentee.id);
    expect((await getMyConcernChoices(other.mentor)).map((c) => c.pairingId)).toEqual([other.pairingId]);

    // Every admin is told, without the concern's words.
    const mail = await mailTo(admin.email, 'concern-raised');
    expect(mail).toHaveLength(1);
    expect(mail[0].text).not.toMatch(/unwelcome|555/);
    expect(mail[0].url).toMatch(new RegExp(`/admin/concerns/${concernId}$`));
  });

  it('non-admins are refused by every inbox action, and nothing is written', async () => {
    const { admin, mentee, mentor, pairingId } = await livePair();
    const { concernId } = await raiseConcern(mentor, concern(pairingId));
    const actions = await import('@/app/(admin)/admin/concerns/actions');
    const db = await getDb();
    const snapshot = async () => ({
      c: await db.select().from(concerns).where(eq(concerns.id, concernId)),
      n: await db.select().from(concernNotes).where(eq(concernNotes.concernId, concernId)),
      p: await db.select({ state: pairings.state }).from(pairings).where(eq(pairings.id, pairingId)),
    });
    const before = await snapshot();
    const forms = [
      [actions.assignConcernAction, { concernId: String(concernId), assigneeId: admin.id }],
      [actions.addConcernNoteAction, { concernId: String(concernId), body: 'A note.' }],
      [actions.resolveConcernAction, { concernId: String(concernId), resolution: 'Done.', outcome: 'ended-rematch' }],
    ] as const;
    for (const who of [null, mentee, mentor]) {
      signedIn.user = who;
      for (const [action, form] of forms) expect((await callAction(action, toFormData({ ...form }))).kind).toBe('refused');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('[CONCERNS]: the inbox', () => {
  it('the list carries no text; opening a concern writes an audited read each time', async () => {
    const { admin, mentee, pairingId } = await livePair();
    const { concernId } = await raiseConcern(mentee, concern(pairingId));
    const db = await getDb();
    const reads = async () =>
      db
        .select({ actorId: auditLog.actorId })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'concern.read'), eq(auditLog.subjectType, 'concern'), eq(auditLog.subjectId, String(concernId))));
    const { rows: list } = await listConcerns(admin, 'open', { limit: 1000 });
    expect(list.find((c) => c.id === concernId)).toBeDefined();
    expect(JSON.stringify(list)).not.toMatch(/unwelcome/);
    expect(await reads()).toEqual([]);
    const opened = await openConcern(admin, concernId);
    expect(opened?.body).toMatch(/unwelcome/);
    expect(await reads()).toEqual([{ actorId: admin.id }]);
    await openConcern(admin, concernId);
    expect(await reads()).toHaveLength(2);
  });

  it('assignment makes it in progress, notes are kept, and every step is audited', async () => {
    const { admin, mentee, pairingId } = await livePair();
    const { concernId } = await raiseConcern(mentee, concern(pairingId));
    await assignConcern(admin, { concernId, assigneeId: admin.id });
    await addConcernNote(admin, { concernId, body: 'Called the student; follow up Friday.' });
    await expect(assignConcern(admin, { concernId, assigneeId: mentee.id })).rejects.toThrow(/coordinators/);
    const detail = await openConcern(admin, concernId);
    expect(detail).toMatchObject({
      status: 'in_progress',
      assignedTo: admin.id,
      notes: [expect.objectContaining({ body: 'Called the student; follow up Friday.' })],
    });
    await resolveConcern(admin, { concernId, resolution: 'Spoke with both.', outcome: 'none' });
    const db = await getDb();
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'concern'), eq(auditLog.subjectId, String(concernId))))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['concern.raised', 'concern.assigned', 'concern.note-added', 'concern.read', 'concern.resolved']);
    await expect(resolveConcern(admin, { concernId, resolution: 'Again.', outcome: 'none' })).rejects.toThrow(/already resolved/);
  });

  it('resolving with a no-fault rematch ends the pairing and puts the student at the top of the waitlist', async () => {
    // A student who has waited longer, without priority: the rematched student must still come first.
    const waitingLonger = await approvedMentee();
    const { admin, mentee, mentor, pairingId } = await livePair();
    setClock(at(40));
    const { concernId } = await raiseConcern(mentee, concern(pairingId, { pause: 'on' }));
    const waitingBefore = (await getWaitlist(admin)).some((e) => e.menteeId === mentee.id);
    expect(waitingBefore).toBe(false);
    await resolveConcern(admin, { concernId, resolution: 'Agreed a fresh start with another mentor.', outcome: 'ended-rematch' });

    const db = await getDb();
    const [p] = await db.select({ state: pairings.state, rematch: pairings.rematchRequested }).from(pairings).where(eq(pairings.id, pairingId));
    expect(p).toEqual({ state: 'ended', rematch: true });
    const list = await getWaitlist(admin);
    const atIndex = list.findIndex((e) => e.menteeId === mentee.id);
    expect(atIndex).toBeGreaterThanOrEqual(0);
    expect(list[atIndex].priorityRematch).toBe(true);
    expect(list.slice(0, atIndex).every((e) => e.priorityRematch)).toBe(true);
    const other = list.findIndex((e) => e.menteeId === waitingLonger.id);
    expect(other).toBeGreaterThan(atIndex);
    expect(list[other].priorityRematch).toBe(false);
    // Both are told it ended (never why); the mentor's email carries nothing of the concern.
    const ended = await mailTo(mentor.email, 'pairing-ended');
    expect(ended).toHaveLength(1);
    expect(ended[0].text).not.toMatch(/unwelcome|concern/i);
    const [c] = await db
      .select({ status: concerns.status, outcome: concerns.outcome })
      .from(concerns)
      .where(inArray(concerns.id, [concernId]));
    expect(c).toEqual({ status: 'resolved', outcome: 'ended-rematch' });
  });
  it('resolving by withdrawing the physician ends every pairing of theirs, rematches each student first, and tells each in neutral words', async () => {
    const { admin, mentee, mentor, pairingId } = await livePair();
    // The same physician's second student, in a pairing the concern is not about.
    const second = await approvedMentee();
    const p2 = { id: await releasePairing(admin, second.id, mentor.id) };
    const db = await getDb();
    // Another physician's pairing stays as it is.
    const bystander = await livePair();
    setClock(at(40));
    const { concernId } = await raiseConcern(mentee, concern(pairingId, { pause: 'on' }));
    const { concernId: later } = await raiseConcern(second, concern(p2.id));

    await resolveConcern(admin, { concernId, resolution: 'Repeated disrespect; agreed with the medical lead.', outcome: 'withdrew-mentor' });

    const [m] = await db.select({ status: users.status, reason: users.statusReason }).from(users).where(eq(users.id, mentor.id));
    expect(m.status).toBe('withdrawn');
    expect(m.reason).toContain(`concern #${concernId}`);
    const states = await db
      .select({ id: pairings.id, state: pairings.state, rematch: pairings.rematchRequested, endedBy: pairings.endedBy })
      .from(pairings)
      .where(inArray(pairings.id, [pairingId, p2.id, bystander.pairingId]));
    const byId = new Map(states.map((r) => [r.id, r]));
    expect(byId.get(pairingId)).toMatchObject({ state: 'ended', rematch: true, endedBy: admin.id });
    expect(byId.get(p2.id)).toMatchObject({ state: 'ended', rematch: true, endedBy: admin.id });
    expect(byId.get(bystander.pairingId)).toMatchObject({ state: 'active' });
    // Both students are waiting again, with no-fault priority.
    const students = await db
      .select({ id: users.id, waitingSince: users.waitingSince, priority: users.priorityRematchAt })
      .from(users)
      .where(inArray(users.id, [mentee.id, second.id]));
    expect(students).toHaveLength(2);
    for (const st of students) {
      expect(st.waitingSince).not.toBeNull();
      expect(st.priority).not.toBeNull();
    }
    // Each student hears that the mentor stepped back, never about the concern; the physician hears
    // only that their participation ended.
    for (const st of [mentee, second]) {
      const mail = await mailTo(st.email, 'pairing-ended');
      expect(mail).toHaveLength(1);
      expect(mail[0].text).toMatch(/step back/);
      expect(mail[0].text).not.toMatch(/concern|disrespect|medical lead/i);
    }
    const told = await mailTo(mentor.email, 'participation-ended');
    expect(told).toHaveLength(1);
    expect(told[0].text).not.toMatch(/concern|disrespect|medical lead|Student/i);
    expect(await mailTo(mentor.email, 'pairing-ended')).toHaveLength(0);
    // Audited: the withdrawal on the person, each ending on its pairing, the resolution on the concern.
    const trail = await db
      .select({ action: auditLog.action, subjectId: auditLog.subjectId, actorId: auditLog.actorId })
      .from(auditLog)
      .where(inArray(auditLog.action, ['person.withdrawn', 'pairing.ended', 'concern.resolved']));
    expect(trail).toEqual(
      expect.arrayContaining([
        { action: 'person.withdrawn', subjectId: mentor.id, actorId: admin.id },
        { action: 'pairing.ended', subjectId: String(pairingId), actorId: admin.id },
        { action: 'pairing.ended', subjectId: String(p2.id), actorId: admin.id },
        { action: 'concern.resolved', subjectId: String(concernId), actorId: admin.id },
      ]),
    );
    const [c] = await db.select({ outcome: concerns.outcome }).from(concerns).where(eq(concerns.id, concernId));
    expect(c.outcome).toBe('withdrew-mentor');
    // The inbox no longer offers it for a physician who has left.
    await expect(resolveConcern(admin, { concernId: later, resolution: 'Again.', outcome: 'withdrew-mentor' })).rejects.toThrow(/already left/);
    expect((await openConcern(admin, later))?.mentorInProgram).toBeNull();
  });
});
