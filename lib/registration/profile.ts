import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Tx } from '@/db/client';
import { cohorts, menteeProfiles, mentorProfiles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission, ForbiddenError } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { queueRegistrationReceived } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { endPairingsOnWithdrawal } from '@/lib/pairings/operations';
import { recordAttestation } from '@/lib/values/statements';
import { EXPECTATIONS_VERSION } from './expectations';
import { saveIdentityAnswers } from './identity';
import type { AttestationInput, IdentityInput, MenteeProfileInput, MentorProfileInput } from './schemas';
import { now } from '@/lib/time/clock';

/**
 * Locks and returns the actor's own user row, checking the role in the query. A person without a
 * role who opens a registration form takes that role here (the role choice and the form agree).
 */
async function lockOwnRow(tx: Tx, actor: SessionUser, role: 'mentee' | 'mentor') {
  if (actor.role && actor.role !== role) throw new ForbiddenError('profile:edit-own');
  const [row] = await tx.select({ status: users.status, role: users.role, email: users.email }).from(users).where(eq(users.id, actor.id)).for('update');
  if (!row || (row.role && row.role !== role)) throw new ForbiddenError('profile:edit-own');
  if (row.status === 'withdrawn') throw new UserFacingError('You have withdrawn from the program. Contact the coordinator if you would like to rejoin.');
  if (!row.role)
    await tx
      .update(users)
      .set({ role })
      .where(and(eq(users.id, actor.id), eq(users.status, 'registering')));
  return row;
}

async function openCohortId(tx: Tx): Promise<number | null> {
  const [c] = await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.isOpen, true)).orderBy(cohorts.launchDate).limit(1);
  return c?.id ?? null;
}

function sharedColumns(input: MenteeProfileInput | MentorProfileInput) {
  return {
    preferredName: input.preferredName,
    pronouns: input.pronouns,
    meetingFormats: input.meetingFormats,
    availability: input.availability,
    city: input.city,
    languages: input.languages,
    about: input.about,
    expectationsVersion: EXPECTATIONS_VERSION,
    expectationsAcceptedAt: now(),
  };
}

/** Submits a first registration (registering → pending) or saves later edits; same validation. */
async function saveProfile(
  actor: SessionUser,
  role: 'mentee' | 'mentor',
  fullName: string,
  identity: IdentityInput,
  writeProfile: (tx: Tx, cohortId: number | null, firstTime: boolean) => Promise<void>,
): Promise<{ submitted: boolean }> {
  assertPermission({ role: actor.role ?? role }, 'profile:edit-own');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const row = await lockOwnRow(tx, actor, role);
    const firstTime = row.status === 'registering';
    await writeProfile(tx, firstTime ? await openCohortId(tx) : null, firstTime);
    await saveIdentityAnswers(tx, actor.id, identity);
    await tx
      .update(users)
      .set(firstTime ? { name: fullName, status: 'pending', statusChangedAt: now() } : { name: fullName })
      .where(eq(users.id, actor.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: firstTime ? 'registration.submitted' : 'profile.updated',
      subjectId: actor.id,
      details: { role, identityConsent: identity.consent },
    });
    if (firstTime) await queueRegistrationReceived(tx, { email: row.email, name: fullName }, role);
    return { submitted: firstTime };
  });
  return { submitted: result.submitted };
}

export async function saveMenteeProfile(actor: SessionUser, input: MenteeProfileInput, identity: IdentityInput) {
  const values = {
    ...sharedColumns(input),
    school: input.school,
    schoolYear: input.schoolYear,
    major: input.major,
    targetCycle: input.targetCycle,
    specialties: input.specialties,
    specialtyOther: input.specialtyOther,
    helpWith: input.helpWith,
    helpOther: input.helpOther,
    firstGen: input.firstGen,
    identityPreference: input.identityPreference,
    identityPreferenceRaces: input.identityPreference === 'none' ? [] : input.identityPreferenceRaces,
  };
  return saveProfile(actor, 'mentee', input.fullName, identity, async (tx, cohortId) => {
    await tx
      .insert(menteeProfiles)
      .values({ userId: actor.id, cohortId, ...values })
      .onConflictDoUpdate({ target: menteeProfiles.userId, set: values });
  });
}

export async function saveMentorProfile(actor: SessionUser, input: MentorProfileInput, identity: IdentityInput, attestation: AttestationInput | null) {
  const values = {
    ...sharedColumns(input),
    credential: input.credential,
    credentialOther: input.credential === 'other' ? input.credentialOther : null,
    specialty: input.specialty,
    specialtyOther: input.specialtyOther,
    organisation: input.organisation,
    yearsInPractice: input.yearsInPractice,
    residencyAffiliation: input.residencyAffiliation,
    capacity: input.capacity,
    advice: input.advice,
    showIdentity: input.showIdentity,
  };
  return saveProfile(actor, 'mentor', input.fullName, identity, async (tx, cohortId, firstTime) => {
    if (firstTime && !attestation) throw new UserFacingError('Please read and sign the values statement to register.');
    await tx
      .insert(mentorProfiles)
      .values({ userId: actor.id, cohortId, ...values })
      .onConflictDoUpdate({ target: mentorProfiles.userId, set: values });
    if (attestation) await recordAttestation(tx, actor.id, attestation.statementVersion, attestation.signatureName);
  });
}

/** A mentor attests the current statement (first time or after a new version). */
export async function attestCurrentStatement(actor: SessionUser, input: AttestationInput): Promise<void> {
  assertPermission(actor, 'values:attest');
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOwnRow(tx, actor, 'mentor');
    await recordAttestation(tx, actor.id, input.statementVersion, input.signatureName);
    await writeAudit(tx, { actorId: actor.id, action: 'values.attested', subjectId: actor.id, details: { version: input.statementVersion } });
  });
}

/** "Not taking new mentees until DATE" (null resumes). Current mentees are unaffected. */
export async function setMentorPause(actor: SessionUser, pausedUntil: string | null): Promise<void> {
  assertPermission(actor, 'mentor:pause');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx.update(mentorProfiles).set({ pausedUntil }).where(eq(mentorProfiles.userId, actor.id)).returning({ id: mentorProfiles.userId });
    if (!updated.length) throw new UserFacingError('Finish your registration first.');
    await writeAudit(
      tx,
      pausedUntil
        ? { actorId: actor.id, action: 'mentor.paused', subjectId: actor.id, details: { pausedUntil } }
        : { actorId: actor.id, action: 'mentor.resumed', subjectId: actor.id, details: { pausedUntil: null } },
    );
  });
}

export async function setMentorCapacity(actor: SessionUser, capacity: number): Promise<void> {
  assertPermission(actor, 'mentor:pause');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx.update(mentorProfiles).set({ capacity }).where(eq(mentorProfiles.userId, actor.id)).returning({ id: mentorProfiles.userId });
    if (!updated.length) throw new UserFacingError('Finish your registration first.');
    await writeAudit(tx, { actorId: actor.id, action: 'mentor.capacity-changed', subjectId: actor.id, details: { capacity } });
  });
}

/** Leaving the program: nothing is deleted; the person is marked withdrawn with when and why. */
export async function withdrawFromProgram(actor: SessionUser, reason: string): Promise<void> {
  assertPermission(actor, 'profile:edit-own');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ status: 'withdrawn', statusReason: reason, statusChangedAt: now(), waitingSince: null })
      .where(and(eq(users.id, actor.id), inArray(users.status, ['registering', 'pending', 'approved', 'waitlisted'])))
      .returning({ id: users.id });
    if (!updated.length) throw new UserFacingError('You have already left the program.');
    // The partner's "pairing ended" email is queued in here; the one who left is not written to about it.
    await endPairingsOnWithdrawal(tx, actor.id, reason);
    await writeAudit(tx, { actorId: actor.id, action: 'person.withdrew', subjectId: actor.id, details: { reason } });
  });
}
