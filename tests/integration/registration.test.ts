import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { attestations, auditLog, emails, identityAnswers, mentorProfiles, menteeProfiles, users, valuesStatements } from '@/db/schema';
import { mentorEligibility } from '@/lib/matching/eligibility';
import { getOwnIdentityAnswers, revealIdentityAnswers } from '@/lib/registration/identity';
import { attestCurrentStatement, saveMenteeProfile, saveMentorProfile, setMentorCapacity, setMentorPause, withdrawFromProgram } from '@/lib/registration/profile';
import { getOwnMenteeForm, getOwnMentorForm } from '@/lib/registration/queries';
import { identitySchema, menteeProfileSchema, mentorProfileSchema } from '@/lib/registration/schemas';
import { getCurrentStatement } from '@/lib/values/statements';
import { INITIAL_VALUES_STATEMENT } from '@/lib/registration/expectations';
import { identityForm, validMenteeForm, validMentorForm } from '../support/forms';
import { createPerson } from '../support/people';

const mentee = () => menteeProfileSchema.parse(validMenteeForm());
const mentor = () => mentorProfileSchema.parse(validMentorForm());
// Without consent the form must carry no answers: answers without consent are refused, not dropped
// (identitySchema; tested in defects.test.ts). Withdrawing consent means unticking and clearing.
const identity = (consent: boolean) => identitySchema.parse(consent ? identityForm(true) : {});

async function currentVersion() {
  return (await getCurrentStatement())!.version;
}

beforeAll(async () => {
  const db = await getDb();
  await db.insert(valuesStatements).values({ version: 1, ...INITIAL_VALUES_STATEMENT }).onConflictDoNothing();
});

async function registeredMentor() {
  const person = await createPerson('mentor');
  await saveMentorProfile(person, mentor(), identity(true), { attest: true, signatureName: 'Dr. Test Mentor', statementVersion: await currentVersion() });
  return person;
}

describe('[REGISTRATION]: submitting a profile', () => {
  it('a mentee registration moves registering → pending, stores the profile, audits and emails', async () => {
    const person = await createPerson('mentee');
    const { submitted } = await saveMenteeProfile(person, mentee(), identity(false));
    expect(submitted).toBe(true);
    const db = await getDb();
    const [u] = await db.select({ status: users.status, name: users.name }).from(users).where(eq(users.id, person.id));
    expect(u).toEqual({ status: 'pending', name: 'Ana Test Student' });
    const [p] = await db.select().from(menteeProfiles).where(eq(menteeProfiles.userId, person.id));
    expect(p.helpWith).toEqual(['mcat', 'personal-statement']);
    expect(p.expectationsVersion).toBe(1);
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, person.id));
    expect(audits.map((a) => a.action)).toContain('registration.submitted');
    const mail = await db.select({ kind: emails.kind }).from(emails).where(eq(emails.to, person.email));
    expect(mail.map((m) => m.kind)).toEqual(['registration-received']);
  });

  it('editing later keeps the status and does not email again', async () => {
    const person = await createPerson('mentee');
    await saveMenteeProfile(person, mentee(), identity(false));
    const again = await saveMenteeProfile({ ...person, status: 'pending' }, { ...mentee(), major: 'Chemistry' }, identity(false));
    expect(again.submitted).toBe(false);
    const db = await getDb();
    const [p] = await db.select({ major: menteeProfiles.major }).from(menteeProfiles).where(eq(menteeProfiles.userId, person.id));
    expect(p.major).toBe('Chemistry');
    const [u] = await db.select({ status: users.status }).from(users).where(eq(users.id, person.id));
    expect(u.status).toBe('pending');
    expect(await db.select().from(emails).where(eq(emails.to, person.email))).toHaveLength(1);
  });

  it('HTML typed into a field is stored exactly as text', async () => {
    const person = await createPerson('mentee');
    await saveMenteeProfile(person, { ...mentee(), about: '<img src=x onerror=alert(1)>' }, identity(false));
    const form = await getOwnMenteeForm(person);
    expect(form.about).toBe('<img src=x onerror=alert(1)>');
  });

  it('a mentor cannot register without signing the values statement', async () => {
    const person = await createPerson('mentor');
    await expect(saveMentorProfile(person, mentor(), identity(false), null)).rejects.toThrow(/values statement/);
    const db = await getDb();
    expect(await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, person.id))).toHaveLength(0);
  });

  it('a mentee cannot write a mentor profile (role checked in the query)', async () => {
    const person = await createPerson('mentee');
    await expect(saveMentorProfile(person, mentor(), identity(false), null)).rejects.toThrow(/Not allowed/);
    const db = await getDb();
    expect(await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, person.id))).toHaveLength(0);
  });

  it('a signature against an outdated statement version is refused', async () => {
    const person = await createPerson('mentor');
    await expect(
      saveMentorProfile(person, mentor(), identity(false), { attest: true, signatureName: 'X', statementVersion: (await currentVersion()) + 5 }),
    ).rejects.toThrow(/updated while you were reading/);
  });
});

describe('[IDENTITY]: consent and visibility', () => {
  it('no consent → nothing stored; consent → stored; consent withdrawn → erased', async () => {
    const person = await createPerson('mentee');
    const db = await getDb();
    await saveMenteeProfile(person, mentee(), identity(false));
    expect(await db.select().from(identityAnswers).where(eq(identityAnswers.userId, person.id))).toHaveLength(0);
    await saveMenteeProfile(person, mentee(), identity(true));
    expect(await getOwnIdentityAnswers(person)).toMatchObject({ races: ['black-african-american', 'hispanic-latino'], gender: 'woman' });
    await saveMenteeProfile(person, mentee(), identity(false));
    expect(await db.select().from(identityAnswers).where(eq(identityAnswers.userId, person.id))).toHaveLength(0);
  });

  it('a mentor never reads a mentee’s identity answers; another mentee never reads anyone’s', async () => {
    const student = await createPerson('mentee');
    const secret = `only-this-student-${student.id}`; // the mentor registers with the shared form's answers
    await saveMenteeProfile(student, mentee(), identitySchema.parse({ ...identityForm(true), selfDescription: secret }));
    const physician = await registeredMentor();
    const otherStudent = await createPerson('mentee');
    await saveMenteeProfile(otherStudent, mentee(), identity(false));
    const db = await getDb();
    // Read straight from the table: the answers are there to leak, and stay as they were.
    const stored = () => db.select().from(identityAnswers).where(eq(identityAnswers.userId, student.id));
    const before = await stored();
    expect(before).toEqual([expect.objectContaining({ selfDescription: secret, races: ['black-african-american', 'hispanic-latino'] })]);

    await expect(revealIdentityAnswers(physician, student.id)).rejects.toThrow(/Not allowed/);
    await expect(revealIdentityAnswers(otherStudent, student.id)).rejects.toThrow(/Not allowed/);
    // Everything else the other two can read about themselves carries none of the student's answers.
    const seen = JSON.stringify([await getOwnIdentityAnswers(otherStudent), await getOwnIdentityAnswers(physician), await getOwnMenteeForm(otherStudent), await getOwnMentorForm(physician)]);
    expect(seen).not.toContain(secret);
    expect(await getOwnIdentityAnswers(otherStudent)).toBeNull();
    expect(await stored()).toEqual(before);
    const views = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, student.id), eq(auditLog.action, 'identity.viewed')));
    expect(views).toHaveLength(0);
  });

  it('an admin can reveal them, and each reveal is audited', async () => {
    const student = await createPerson('mentee');
    await saveMenteeProfile(student, mentee(), identity(true));
    const admin = await createPerson('admin');
    expect(await revealIdentityAnswers(admin, student.id)).toMatchObject({ selfDescription: 'Afro-Latina' });
    const db = await getDb();
    const views = await db.select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.subjectId, student.id), eq(auditLog.action, 'identity.viewed')));
    expect(views).toEqual([{ actorId: admin.id }]);
  });
});

describe('[ATTESTATION]: the gate to being matched', () => {
  async function approve(id: string) {
    const db = await getDb();
    await db.update(users).set({ status: 'approved' }).where(eq(users.id, id));
  }
  async function eligibility(id: string) {
    return (await mentorEligibility(await getDb())).find((m) => m.userId === id)!;
  }

  it('an approved mentor who signed the current statement is matchable', async () => {
    const m = await registeredMentor();
    await approve(m.id);
    expect(await eligibility(m.id)).toMatchObject({ matchable: true, freeSlots: 2, reasons: [] });
  });

  it('an unattested mentor is not matchable', async () => {
    const m = await registeredMentor();
    await approve(m.id);
    const db = await getDb();
    await db.delete(attestations).where(eq(attestations.userId, m.id));
    expect(await eligibility(m.id)).toMatchObject({ matchable: false, reasons: ['has not signed the current values statement'] });
  });

  it('a new statement version makes mentors unmatchable until they sign it again', async () => {
    const m = await registeredMentor();
    await approve(m.id);
    const db = await getDb();
    const next = (await currentVersion()) + 1;
    await db.insert(valuesStatements).values({ version: next, title: 'Updated', body: 'Updated commitment text '.repeat(5) });
    expect((await eligibility(m.id)).matchable).toBe(false);
    await attestCurrentStatement(m, { attest: true, signatureName: 'Dr. Test Mentor', statementVersion: next });
    expect((await eligibility(m.id)).matchable).toBe(true);
  });

  it('pausing and capacity count; a pending mentor is not matchable', async () => {
    const m = await registeredMentor();
    expect((await eligibility(m.id)).reasons).toContain('registration is pending');
    await approve(m.id);
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await setMentorPause(m, future);
    expect((await eligibility(m.id)).reasons).toEqual([`paused until ${future}`]);
    await setMentorPause(m, null);
    await setMentorCapacity(m, 3);
    expect(await eligibility(m.id)).toMatchObject({ matchable: true, freeSlots: 3 });
  });

  it('the database refuses a capacity outside 1–3 even if validation were bypassed', async () => {
    const m = await registeredMentor();
    await expect(setMentorCapacity(m, 4)).rejects.toThrow();
  });
});

describe('[WITHDRAW]', () => {
  it('withdrawing keeps the person, marks when and why, and blocks further edits', async () => {
    const person = await createPerson('mentee');
    await saveMenteeProfile(person, mentee(), identity(false));
    await withdrawFromProgram(person, 'Taking a gap year abroad');
    const db = await getDb();
    const [u] = await db.select({ status: users.status, reason: users.statusReason }).from(users).where(eq(users.id, person.id));
    expect(u).toEqual({ status: 'withdrawn', reason: 'Taking a gap year abroad' });
    await expect(saveMenteeProfile(person, mentee(), identity(false))).rejects.toThrow(/withdrawn/);
    await expect(withdrawFromProgram(person, 'again')).rejects.toThrow(/already left/);
  });
});
