import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { attestations, menteeProfiles, mentorProfiles, users } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { getCurrentStatement } from '@/lib/values/statements';
import { DEFAULT_SCHOOL } from './options';
import { getOwnIdentityAnswers } from './identity';

type FormInitial = Record<string, string | string[] | null>;

/** Identity answers as the form's fields (only the person's own). */
async function identityInitial(actor: SessionUser): Promise<FormInitial> {
  const answers = await getOwnIdentityAnswers(actor);
  if (!answers) return {};
  return {
    identityConsent: 'on',
    races: answers.races,
    selfDescription: answers.selfDescription,
    preferNotToAnswer: answers.preferNotToAnswer ? 'on' : '',
    gender: answers.gender,
  };
}

/** The mentee's own profile as form values; a fresh registrant gets sensible defaults. */
export async function getOwnMenteeForm(actor: SessionUser): Promise<FormInitial> {
  assertPermission({ role: actor.role ?? 'mentee' }, 'profile:edit-own');
  const db = await getDb();
  const [p] = await db.select().from(menteeProfiles).where(eq(menteeProfiles.userId, actor.id));
  if (!p) return { fullName: actor.name, school: DEFAULT_SCHOOL, identityPreference: 'none' };
  return {
    fullName: actor.name,
    preferredName: p.preferredName,
    pronouns: p.pronouns,
    school: p.school,
    schoolYear: p.schoolYear,
    major: p.major,
    targetCycle: String(p.targetCycle),
    firstGen: p.firstGen === null ? '' : p.firstGen ? 'yes' : 'no',
    specialties: p.specialties,
    specialtyOther: p.specialtyOther,
    helpWith: p.helpWith,
    helpOther: p.helpOther,
    about: p.about,
    meetingFormats: p.meetingFormats,
    availability: p.availability,
    city: p.city,
    languages: p.languages,
    identityPreference: p.identityPreference,
    identityPreferenceRaces: p.identityPreferenceRaces,
    expectations: 'on',
    ...(await identityInitial(actor)),
  };
}

export async function getOwnMentorForm(actor: SessionUser): Promise<FormInitial> {
  assertPermission({ role: actor.role ?? 'mentor' }, 'profile:edit-own');
  const db = await getDb();
  const [p] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, actor.id));
  if (!p) return { fullName: actor.name, signatureName: actor.name };
  return {
    fullName: actor.name,
    preferredName: p.preferredName,
    pronouns: p.pronouns,
    credential: p.credential,
    credentialOther: p.credentialOther,
    specialty: p.specialty,
    specialtyOther: p.specialtyOther,
    organisation: p.organisation,
    yearsInPractice: String(p.yearsInPractice),
    residencyAffiliation: p.residencyAffiliation,
    capacity: String(p.capacity),
    advice: p.advice,
    about: p.about,
    meetingFormats: p.meetingFormats,
    availability: p.availability,
    city: p.city,
    languages: p.languages,
    showIdentity: p.showIdentity ? 'on' : '',
    expectations: 'on',
    ...(await identityInitial(actor)),
  };
}

export type MentorStanding = {
  capacity: number;
  pausedUntil: string | null;
  currentVersion: number | null;
  attestedVersion: number | null;
  attestedCurrent: boolean;
};

/** What the mentor's portal needs to say whether they can be paired. */
export async function getMentorStanding(actor: SessionUser): Promise<MentorStanding | null> {
  assertPermission(actor, 'mentor:pause');
  const db = await getDb();
  const [p] = await db
    .select({ capacity: mentorProfiles.capacity, pausedUntil: mentorProfiles.pausedUntil })
    .from(mentorProfiles)
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(and(eq(mentorProfiles.userId, actor.id), eq(users.role, 'mentor')));
  if (!p) return null;
  const current = await getCurrentStatement(db);
  const [last] = await db
    .select({ version: attestations.statementVersion })
    .from(attestations)
    .where(eq(attestations.userId, actor.id))
    .orderBy(desc(attestations.statementVersion))
    .limit(1);
  const attestedVersion = last?.version ?? null;
  return {
    ...p,
    currentVersion: current?.version ?? null,
    attestedVersion,
    attestedCurrent: !!current && attestedVersion === current.version,
  };
}
