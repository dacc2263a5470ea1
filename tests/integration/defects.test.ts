import { and, desc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emails, pairings, programSettings, users } from '@/db/schema';
import { announcePairingEnded, getMyRecentEndings } from '@/lib/pairings/endings';
import { endPairing, proposePairings } from '@/lib/pairings/operations';
import { clearRoleChoice } from '@/lib/registration/choose-role';
import { saveMenteeProfile, withdrawFromProgram } from '@/lib/registration/profile';
import { identitySchema, menteeProfileSchema, menteeRegistrationSchema, UNCONSENTED_IDENTITY } from '@/lib/registration/schemas';
import { programContact, updateProgramContact } from '@/lib/settings/program';
import { resetClock, setClock } from '@/lib/time/clock';
import { identityForm, validMenteeForm } from '../support/forms';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor, releasePairing } from '../support/program';

async function mailTo(address: string, kind: string) {
  const db = await getDb();
  return db
    .select({ subject: emails.subject, text: emails.text })
    .from(emails)
    .where(and(eq(emails.to, address), eq(emails.kind, kind)))
    .orderBy(desc(emails.id));
}

async function activePairing() {
  const admin = await createPerson('admin');
  const mentee = await approvedMentee();
  const mentor = await approvedMentor();
  return { admin, mentee, mentor, pairingId: await releasePairing(admin, mentee.id, mentor.id) };
}

describe('[REGISTRATION]: a wrong role can be undone until the profile is submitted', () => {
  it('a registering physician goes back to no role, with an audit row', async () => {
    const person = await createPerson('mentor', 'registering');
    await clearRoleChoice(person);
    const db = await getDb();
    const [row] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, person.id));
    expect(row).toEqual({ role: null, status: 'registering' });
    const audits = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'role.cleared')));
    expect(audits.map((a) => a.details)).toEqual([{ from: 'mentor' }]);
  });

  it('after submitting, or as an admin, the role stays', async () => {
    const mentee = await approvedMentee();
    await expect(clearRoleChoice(mentee)).rejects.toThrow('already been sent');
    const admin = await createPerson('admin', 'registering');
    await expect(clearRoleChoice(admin)).rejects.toThrow('already been sent');
    const db = await getDb();
    const rows = await db
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(inArray(users.id, [mentee.id, admin.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.role]))).toEqual({ [mentee.id]: 'mentee', [admin.id]: 'admin' });
  });
});

describe('[REGISTRATION]: identity answers are never dropped in silence', () => {
  it('answers without consent are refused with the reason, on the consent box', () => {
    const result = identitySchema.safeParse(identityForm(false));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['identityConsent', UNCONSENTED_IDENTITY]]);
    const whole = menteeRegistrationSchema.safeParse({ ...validMenteeForm(), gender: 'woman' });
    expect(whole.error?.issues.map((i) => i.path.join('.'))).toEqual(['identityConsent']);
  });

  it('no answers and no consent is fine (nothing to keep); consented answers are kept', () => {
    expect(identitySchema.parse({})).toEqual({ consent: false });
    expect(identitySchema.parse({ identityConsent: 'on', gender: 'woman' })).toMatchObject({ consent: true, gender: 'woman' });
  });
});

describe('[PAIRINGS]: ending a pairing tells both people what happens next', () => {
  it('a coordinator ending with a rematch emails both kindly, without the private reason, and both portals say it', async () => {
    const { admin, mentee, mentor, pairingId } = await activePairing();
    await endPairing(admin, pairingId, 'Private note: schedules never matched', true);

    const [toMentee] = await mailTo(mentee.email, 'pairing-ended');
    const [toMentor] = await mailTo(mentor.email, 'pairing-ended');
    expect(toMentee.text).toContain('Hello Ana,');
    expect(toMentee.text).toContain('Your mentorship with Sam has ended');
    expect(toMentee.text).toContain('top of the waitlist');
    expect(toMentor.text).toContain('Hello Sam,');
    expect(toMentor.text).toContain('Your mentorship with Ana has ended');
    expect(toMentor.text).toContain('The place is free again');
    for (const m of [toMentee, toMentor]) expect(m.text).not.toContain('schedules never matched');

    expect((await getMyRecentEndings(mentee)).map((e) => [e.pairingId, e.partner, e.rematch])).toEqual([[pairingId, 'Sam', true]]);
    expect((await getMyRecentEndings(mentor)).map((e) => [e.pairingId, e.partner])).toEqual([[pairingId, 'Ana']]);
    // Someone else sees nothing of it.
    const other = await approvedMentee();
    expect(await getMyRecentEndings(other)).toEqual([]);
  });

  it('without a rematch the student is told how to ask for one', async () => {
    const { admin, mentee, pairingId } = await activePairing();
    await endPairing(admin, pairingId, 'Concluded early', false);
    const [toMentee] = await mailTo(mentee.email, 'pairing-ended');
    expect(toMentee.text).toContain('If you would like another mentor, write to the coordinator');
    expect(toMentee.text).not.toContain('top of the waitlist');
  });

  it('a mentor who withdraws: the student hears, with the rematch; the mentor gets no ending email', async () => {
    const { mentee, mentor } = await activePairing();
    await withdrawFromProgram(mentor, 'Moving abroad');
    const [toMentee] = await mailTo(mentee.email, 'pairing-ended');
    expect(toMentee.text).toContain('Sam has had to step back from the program');
    expect(toMentee.text).toContain('top of the waitlist');
    expect(await mailTo(mentor.email, 'pairing-ended')).toEqual([]);
  });

  it('a withdrawn proposal (never shown to the two) sends nothing and keeps the days waited', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee();
    const mentor = await approvedMentor();
    const db = await getDb();
    const since = new Date('2026-09-01T12:00:00Z');
    await db.update(users).set({ waitingSince: since }).where(eq(users.id, mentee.id));
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const [p] = await db
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(eq(pairings.menteeId, mentee.id), eq(pairings.state, 'proposed')));
    await endPairing(admin, p.id, 'Not the right fit', false, 'proposed');
    const [row] = await db.select({ waitingSince: users.waitingSince }).from(users).where(eq(users.id, mentee.id));
    expect(row.waitingSince?.toISOString()).toBe(since.toISOString());
    expect(await mailTo(mentee.email, 'pairing-ended')).toEqual([]);
    expect(await mailTo(mentor.email, 'pairing-ended')).toEqual([]);
  });

  it('an ended active pairing starts a new wait from the ending', async () => {
    const { admin, mentee, pairingId } = await activePairing();
    const at = new Date('2026-11-20T15:00:00Z');
    setClock(at);
    try {
      await endPairing(admin, pairingId, 'Concluded', true);
    } finally {
      resetClock();
    }
    const db = await getDb();
    const [row] = await db.select({ waitingSince: users.waitingSince }).from(users).where(eq(users.id, mentee.id));
    // The clock runs on from the moment set: the new wait starts at the ending, not before it.
    expect(Math.abs(row.waitingSince!.getTime() - at.getTime())).toBeLessThan(60_000);
  });
});

describe('[PROGRAM]: the coordinator contact and greetings by the name people go by', () => {
  it('the contact is audited and printed in every email; notices greet by the name people go by', async () => {
    const admin = await createPerson('admin');
    const db = await getDb();
    await updateProgramContact(admin, { contactName: 'Jordan Rivera', contactEmail: 'coordinator@example.org' });
    expect(await programContact()).toEqual({ name: 'Jordan Rivera', email: 'coordinator@example.org' });
    const [audit] = await db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.action, 'settings.contact-updated')).orderBy(desc(auditLog.id));
    expect(audit.details).toMatchObject({ after: { name: 'Jordan Rivera', email: 'coordinator@example.org' } });

    const person = await createPerson('mentee', 'registering', 'Ana Test Student');
    await saveMenteeProfile(person, menteeProfileSchema.parse({ ...validMenteeForm(), preferredName: 'Annie' }), identitySchema.parse({}));
    const [received] = await mailTo(person.email, 'registration-received');
    expect(received.text).toContain('Hello Annie,');
    expect(received.text).toContain('Write to Jordan Rivera, the program coordinator, at coordinator@example.org');
  });

  it('a non-admin cannot set the contact, and it stays as it was', async () => {
    const db = await getDb();
    await updateProgramContact(await createPerson('admin'), { contactName: 'Jordan Rivera', contactEmail: 'coordinator@example.org' });
    const [before] = await db.select({ n: programSettings.contactName, e: programSettings.contactEmail }).from(programSettings);
    expect(before).toEqual({ n: 'Jordan Rivera', e: 'coordinator@example.org' });
    const mentor = await approvedMentor();
    await expect(updateProgramContact(mentor, { contactName: 'Mallory', contactEmail: 'mallory@example.org' })).rejects.toThrow();
    const [after] = await db.select({ n: programSettings.contactName, e: programSettings.contactEmail }).from(programSettings);
    expect(after).toEqual(before);
  });

  it('the ended-pairing announcement reads the names people go by, not the full names', async () => {
    const { mentee, mentor, pairingId } = await activePairing();
    const db = await getDb();
    await db.transaction((tx) => announcePairingEnded(tx, { pairingId, menteeId: mentee.id, mentorId: mentor.id, cause: 'coordinator', rematch: false }));
    const [toMentor] = await mailTo(mentor.email, 'pairing-ended');
    expect(toMentor.text).not.toContain('Ana Test Student');
  });
});
