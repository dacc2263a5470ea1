import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { attestations, auditLog, cohorts, menteeProfiles, mentorProfiles, pairings, users, valuesStatements, type PersonStatus, type Role } from '@/db/schema';
import type { SubjectType } from '@/lib/audit/events';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { isDecidable } from './decisions';

export type SharedProfileView = {
  preferredName: string;
  pronouns: string | null;
  meetingFormats: string[];
  availability: string[];
  city: string | null;
  languages: string[];
  about: string;
  cohortName: string | null;
  expectationsAcceptedAt: Date;
};

export type MenteeProfileView = SharedProfileView & {
  school: string;
  schoolYear: string;
  major: string;
  targetCycle: number;
  specialties: string[];
  specialtyOther: string | null;
  helpWith: string[];
  helpOther: string | null;
  firstGen: boolean | null;
  identityPreference: string;
  identityPreferenceRaces: string[];
};

export type MentorProfileView = SharedProfileView & {
  credential: string;
  credentialOther: string | null;
  specialty: string;
  specialtyOther: string | null;
  organisation: string;
  yearsInPractice: number;
  residencyAffiliation: string | null;
  capacity: number;
  advice: string[];
  showIdentity: boolean;
  pausedUntil: string | null;
};

export type AttestationView = { version: number; title: string; signatureName: string; attestedAt: Date };

export type AuditView = {
  id: number;
  action: string;
  details: Record<string, unknown> | null;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
};

export type PersonDetail = {
  id: string;
  name: string | null;
  email: string;
  role: Role | null;
  status: PersonStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
  registeredAt: Date;
  waitingSince: Date | null;
  decidable: boolean;
  mentee: MenteeProfileView | null;
  mentor: MentorProfileView | null;
  attestations: AttestationView[];
  currentStatementVersion: number | null;
  audit: AuditView[];
  /** Every pairing this person has been in, newest first, with the other person. */
  pairings: PersonPairing[];
};

export type PersonPairing = {
  id: number;
  state: 'proposed' | 'active' | 'completed' | 'ended';
  /** The other member: the mentor for a student, the student for a mentor. */
  otherId: string;
  otherName: string;
  startDate: string | null;
  endDate: string | null;
  endedAt: Date | null;
  endReason: string | null;
  rematchRequested: boolean;
};

/** How many audit entries a person's page shows (newest first). */
export const AUDIT_TRAIL_LIMIT = 100;

function sharedProfileColumns(t: typeof menteeProfiles | typeof mentorProfiles) {
  return {
    preferredName: t.preferredName,
    pronouns: t.pronouns,
    meetingFormats: t.meetingFormats,
    availability: t.availability,
    city: t.city,
    languages: t.languages,
    about: t.about,
    cohortName: cohorts.name,
    expectationsAcceptedAt: t.expectationsAcceptedAt,
  };
}

async function menteeProfileOf(id: string): Promise<MenteeProfileView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      ...sharedProfileColumns(menteeProfiles),
      school: menteeProfiles.school,
      schoolYear: menteeProfiles.schoolYear,
      major: menteeProfiles.major,
      targetCycle: menteeProfiles.targetCycle,
      specialties: menteeProfiles.specialties,
      specialtyOther: menteeProfiles.specialtyOther,
      helpWith: menteeProfiles.helpWith,
      helpOther: menteeProfiles.helpOther,
      firstGen: menteeProfiles.firstGen,
      identityPreference: menteeProfiles.identityPreference,
      identityPreferenceRaces: menteeProfiles.identityPreferenceRaces,
    })
    .from(menteeProfiles)
    .leftJoin(cohorts, eq(cohorts.id, menteeProfiles.cohortId))
    .where(eq(menteeProfiles.userId, id));
  return row ?? null;
}

async function mentorProfileOf(id: string): Promise<MentorProfileView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      ...sharedProfileColumns(mentorProfiles),
      credential: mentorProfiles.credential,
      credentialOther: mentorProfiles.credentialOther,
      specialty: mentorProfiles.specialty,
      specialtyOther: mentorProfiles.specialtyOther,
      organisation: mentorProfiles.organisation,
      yearsInPractice: mentorProfiles.yearsInPractice,
      residencyAffiliation: mentorProfiles.residencyAffiliation,
      capacity: mentorProfiles.capacity,
      advice: mentorProfiles.advice,
      showIdentity: mentorProfiles.showIdentity,
      pausedUntil: mentorProfiles.pausedUntil,
    })
    .from(mentorProfiles)
    .leftJoin(cohorts, eq(cohorts.id, mentorProfiles.cohortId))
    .where(eq(mentorProfiles.userId, id));
  return row ?? null;
}

async function attestationsOf(id: string): Promise<AttestationView[]> {
  const db = await getDb();
  return db
    .select({
      version: attestations.statementVersion,
      title: valuesStatements.title,
      signatureName: attestations.signatureName,
      attestedAt: attestations.attestedAt,
    })
    .from(attestations)
    .innerJoin(valuesStatements, eq(valuesStatements.version, attestations.statementVersion))
    .where(eq(attestations.userId, id))
    .orderBy(desc(attestations.statementVersion));
}

async function pairingsOf(id: string): Promise<PersonPairing[]> {
  const db = await getDb();
  const other = alias(users, 'other');
  const rows = await db
    .select({
      id: pairings.id,
      state: pairings.state,
      menteeId: pairings.menteeId,
      mentorId: pairings.mentorId,
      otherName: other.name,
      otherEmail: other.email,
      startDate: pairings.startDate,
      endDate: pairings.endDate,
      endedAt: pairings.endedAt,
      endReason: pairings.endReason,
      rematchRequested: pairings.rematchRequested,
    })
    .from(pairings)
    .innerJoin(other, sql`${other.id} = case when ${pairings.menteeId} = ${id} then ${pairings.mentorId} else ${pairings.menteeId} end`)
    .where(or(eq(pairings.menteeId, id), eq(pairings.mentorId, id)))
    .orderBy(desc(pairings.proposedAt), desc(pairings.id));
  return rows.map(({ menteeId, mentorId, otherName, otherEmail, ...r }) => ({
    ...r,
    otherId: menteeId === id ? mentorId : menteeId,
    otherName: otherName ?? otherEmail,
  }));
}

async function auditTrailOf(id: string): Promise<AuditView[]> {
  const db = await getDb();
  const actor = alias(users, 'actor');
  return (
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
        actorName: actor.name,
        actorEmail: actor.email,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      // The person's own events, and those of every pairing they have been in (proposed, released, ended).
      .where(
        or(
          and(eq(auditLog.subjectType, 'user' satisfies SubjectType), eq(auditLog.subjectId, id)),
          and(
            eq(auditLog.subjectType, 'pairing' satisfies SubjectType),
            inArray(
              auditLog.subjectId,
              db
                .select({ id: sql<string>`${pairings.id}::text` })
                .from(pairings)
                .where(or(eq(pairings.menteeId, id), eq(pairings.mentorId, id))),
            ),
          ),
        ),
      )
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_TRAIL_LIMIT)
  );
}

/**
 * Everything the coordinator reviews about one person, except identity answers: those are read
 * only through revealIdentityAnswers, which records the read. Null when there is no such person.
 */
export async function getPersonDetail(actor: SessionUser, id: string): Promise<PersonDetail | null> {
  assertPermission(actor, 'registrants:review');
  assertPermission(actor, 'audit:read');
  const db = await getDb();
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      statusReason: users.statusReason,
      statusChangedAt: users.statusChangedAt,
      registeredAt: users.createdAt,
      waitingSince: users.waitingSince,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!person) return null;
  const [mentee, mentor, signed, audit, [current], pairingRows] = await Promise.all([
    person.role === 'mentee' ? menteeProfileOf(id) : null,
    person.role === 'mentor' ? mentorProfileOf(id) : null,
    person.role === 'mentor' ? attestationsOf(id) : [],
    auditTrailOf(id),
    db.select({ version: sql<number | null>`max(${valuesStatements.version})` }).from(valuesStatements),
    pairingsOf(id),
  ]);
  return {
    ...person,
    decidable: isDecidable(person),
    mentee,
    mentor,
    attestations: signed,
    currentStatementVersion: current?.version ?? null,
    audit,
    pairings: pairingRows,
  };
}
