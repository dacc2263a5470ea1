import 'server-only';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { cohorts, identityAnswers, meetings, menteeProfiles, mentorProfiles, pairings, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { csvStream, type Column } from './csv';

export const EXPORT_FILES = ['people', 'pairings', 'meetings'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** Rows are read in pages this size, ordered by id, so the stream never holds the whole table. */
const PAGE = 500;

async function* paged<R extends { id: string | number }>(page: (after: R['id'] | null) => Promise<R[]>): AsyncGenerator<R> {
  let after: R['id'] | null = null;
  for (;;) {
    const rows = await page(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

// ---------------------------------------------------------------------------
// people.csv
// ---------------------------------------------------------------------------

async function peoplePage(after: string | null) {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      role: users.role,
      status: users.status,
      name: users.name,
      email: users.email,
      registeredAt: users.createdAt,
      statusChangedAt: users.statusChangedAt,
      waitingSince: users.waitingSince,
      menteePreferredName: menteeProfiles.preferredName,
      mentorPreferredName: mentorProfiles.preferredName,
      menteePronouns: menteeProfiles.pronouns,
      mentorPronouns: mentorProfiles.pronouns,
      menteeCity: menteeProfiles.city,
      mentorCity: mentorProfiles.city,
      cohort: cohorts.name,
      school: menteeProfiles.school,
      schoolYear: menteeProfiles.schoolYear,
      major: menteeProfiles.major,
      targetCycle: menteeProfiles.targetCycle,
      credential: mentorProfiles.credential,
      specialty: mentorProfiles.specialty,
      organisation: mentorProfiles.organisation,
      capacity: mentorProfiles.capacity,
      pausedUntil: mentorProfiles.pausedUntil,
      // Identity columns: read only for an identity export (see peopleColumns).
      firstGen: menteeProfiles.firstGen,
      identityPreference: menteeProfiles.identityPreference,
      identityPreferenceRaces: menteeProfiles.identityPreferenceRaces,
      races: identityAnswers.races,
      selfDescription: identityAnswers.selfDescription,
      gender: identityAnswers.gender,
      preferNotToAnswer: identityAnswers.preferNotToAnswer,
    })
    .from(users)
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, users.id))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .leftJoin(cohorts, sql`${cohorts.id} = coalesce(${menteeProfiles.cohortId}, ${mentorProfiles.cohortId})`)
    .leftJoin(identityAnswers, eq(identityAnswers.userId, users.id))
    .where(after === null ? undefined : gt(users.id, after))
    .orderBy(asc(users.id))
    .limit(PAGE);
}
type PersonExportRow = Awaited<ReturnType<typeof peoplePage>>[number];

const PEOPLE_COLUMNS: Column<PersonExportRow>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'role', value: (r) => r.role },
  { header: 'status', value: (r) => r.status },
  { header: 'name', value: (r) => r.name },
  { header: 'email', value: (r) => r.email },
  { header: 'preferred_name', value: (r) => r.menteePreferredName ?? r.mentorPreferredName },
  { header: 'pronouns', value: (r) => r.menteePronouns ?? r.mentorPronouns },
  { header: 'city', value: (r) => r.menteeCity ?? r.mentorCity },
  { header: 'cohort', value: (r) => r.cohort },
  { header: 'registered_at', value: (r) => r.registeredAt },
  { header: 'status_changed_at', value: (r) => r.statusChangedAt },
  { header: 'waiting_since', value: (r) => r.waitingSince },
  { header: 'school', value: (r) => r.school },
  { header: 'school_year', value: (r) => r.schoolYear },
  { header: 'major', value: (r) => r.major },
  { header: 'target_cycle', value: (r) => r.targetCycle },
  { header: 'credential', value: (r) => r.credential },
  { header: 'specialty', value: (r) => r.specialty },
  { header: 'organisation', value: (r) => r.organisation },
  { header: 'capacity', value: (r) => r.capacity },
  { header: 'paused_until', value: (r) => r.pausedUntil },
];

/** The identity columns, named once: the confirmation page lists exactly these. */
const PEOPLE_IDENTITY_COLUMNS: Column<PersonExportRow>[] = [
  { header: 'identity_races', value: (r) => r.races },
  { header: 'identity_self_description', value: (r) => r.selfDescription },
  { header: 'identity_gender', value: (r) => r.gender },
  { header: 'identity_prefer_not_to_answer', value: (r) => r.preferNotToAnswer },
  { header: 'first_generation', value: (r) => r.firstGen },
  { header: 'mentor_identity_preference', value: (r) => r.identityPreference },
  { header: 'mentor_identity_preference_races', value: (r) => r.identityPreferenceRaces },
];

// ---------------------------------------------------------------------------
// pairings.csv
// ---------------------------------------------------------------------------

const mentee = alias(users, 'mentee');
const mentor = alias(users, 'mentor');
const menteeIdentity = alias(identityAnswers, 'mentee_identity');
const mentorIdentity = alias(identityAnswers, 'mentor_identity');

async function pairingsPage(after: number | null) {
  const db = await getDb();
  return db
    .select({
      id: pairings.id,
      state: pairings.state,
      menteeId: pairings.menteeId,
      menteeName: mentee.name,
      menteeEmail: mentee.email,
      mentorId: pairings.mentorId,
      mentorName: mentor.name,
      mentorEmail: mentor.email,
      score: pairings.score,
      proposedAt: pairings.proposedAt,
      approvedAt: pairings.approvedAt,
      startDate: pairings.startDate,
      endDate: pairings.endDate,
      renewals: pairings.renewals,
      endedAt: pairings.endedAt,
      endReason: pairings.endReason,
      rematchRequested: pairings.rematchRequested,
      identityPreference: menteeProfiles.identityPreference,
      menteeRaces: menteeIdentity.races,
      mentorRaces: mentorIdentity.races,
    })
    .from(pairings)
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .leftJoin(menteeIdentity, eq(menteeIdentity.userId, pairings.menteeId))
    .leftJoin(mentorIdentity, eq(mentorIdentity.userId, pairings.mentorId))
    .where(after === null ? undefined : and(gt(pairings.id, after)))
    .orderBy(asc(pairings.id))
    .limit(PAGE);
}
type PairingExportRow = Awaited<ReturnType<typeof pairingsPage>>[number];

const PAIRING_COLUMNS: Column<PairingExportRow>[] = [
  { header: 'id', value: (r) => r.id },
  { header: 'state', value: (r) => r.state },
  { header: 'mentee_id', value: (r) => r.menteeId },
  { header: 'mentee_name', value: (r) => r.menteeName },
  { header: 'mentee_email', value: (r) => r.menteeEmail },
  { header: 'mentor_id', value: (r) => r.mentorId },
  { header: 'mentor_name', value: (r) => r.mentorName },
  { header: 'mentor_email', value: (r) => r.mentorEmail },
  { header: 'score', value: (r) => r.score },
  { header: 'proposed_at', value: (r) => r.proposedAt },
  { header: 'approved_at', value: (r) => r.approvedAt },
  { header: 'start_date', value: (r) => r.startDate },
  { header: 'end_date', value: (r) => r.endDate },
  { header: 'renewals', value: (r) => r.renewals },
  { header: 'ended_at', value: (r) => r.endedAt },
  { header: 'end_reason', value: (r) => r.endReason },
  { header: 'rematch_requested', value: (r) => r.rematchRequested },
];

const PAIRING_IDENTITY_COLUMNS: Column<PairingExportRow>[] = [
  { header: 'mentee_identity_preference', value: (r) => r.identityPreference },
  { header: 'mentee_identity_races', value: (r) => r.menteeRaces },
  { header: 'mentor_identity_races', value: (r) => r.mentorRaces },
];

// ---------------------------------------------------------------------------
// meetings.csv — one row per live (not deleted) meeting. The note the members share with each
// other is NOT exported: it is written for the other member, not for a spreadsheet, and the
// program's reporting needs only when, how and what about.
// ---------------------------------------------------------------------------

const logger = alias(users, 'logger');
const confirmer = alias(users, 'confirmer');

async function meetingsPage(after: number | null) {
  const db = await getDb();
  return db
    .select({
      id: meetings.id,
      pairingId: meetings.pairingId,
      menteeName: mentee.name,
      menteeEmail: mentee.email,
      mentorName: mentor.name,
      mentorEmail: mentor.email,
      date: meetings.date,
      format: meetings.format,
      durationMinutes: meetings.durationMinutes,
      topics: meetings.topics,
      loggedByName: logger.name,
      loggedByEmail: logger.email,
      loggedByRole: logger.role,
      loggedAt: meetings.loggedAt,
      confirmedByName: confirmer.name,
      confirmedByEmail: confirmer.email,
      confirmedAt: meetings.confirmedAt,
    })
    .from(meetings)
    .innerJoin(pairings, eq(pairings.id, meetings.pairingId))
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .innerJoin(logger, eq(logger.id, meetings.loggedBy))
    .leftJoin(confirmer, eq(confirmer.id, meetings.confirmedBy))
    .where(and(isNull(meetings.deletedAt), after === null ? undefined : gt(meetings.id, after)))
    .orderBy(asc(meetings.id))
    .limit(PAGE);
}
type MeetingExportRow = Awaited<ReturnType<typeof meetingsPage>>[number];

const MEETING_COLUMNS: Column<MeetingExportRow>[] = [
  { header: 'meeting_id', value: (r) => r.id },
  { header: 'pairing_id', value: (r) => r.pairingId },
  { header: 'student', value: (r) => r.menteeName ?? r.menteeEmail },
  { header: 'physician', value: (r) => r.mentorName ?? r.mentorEmail },
  { header: 'date', value: (r) => r.date },
  { header: 'format', value: (r) => r.format },
  { header: 'duration_minutes', value: (r) => r.durationMinutes },
  { header: 'topics', value: (r) => r.topics },
  { header: 'logged_by', value: (r) => r.loggedByName ?? r.loggedByEmail },
  { header: 'logged_by_role', value: (r) => (r.loggedByRole === 'mentor' ? 'physician' : r.loggedByRole === 'mentee' ? 'student' : r.loggedByRole) },
  { header: 'logged_at', value: (r) => r.loggedAt },
  { header: 'confirmed', value: (r) => r.confirmedAt !== null },
  { header: 'confirmed_by', value: (r) => r.confirmedByName ?? r.confirmedByEmail },
  { header: 'confirmed_at', value: (r) => r.confirmedAt },
];

// ---------------------------------------------------------------------------

type Spec<R extends { id: string | number }> = {
  title: string;
  summary: string;
  columns: Column<R>[];
  identityColumns: Column<R>[];
  page: (after: R['id'] | null) => Promise<R[]>;
};

const SPECS: { people: Spec<PersonExportRow>; pairings: Spec<PairingExportRow>; meetings: Spec<MeetingExportRow> } = {
  people: {
    title: 'People',
    summary: 'Everyone who has signed in: role, status, contact details, profile and waiting dates.',
    columns: PEOPLE_COLUMNS,
    identityColumns: PEOPLE_IDENTITY_COLUMNS,
    page: peoplePage,
  },
  pairings: {
    title: 'Pairings',
    summary: 'Every pairing, from proposal to its end: who, when, its state, renewals and end reasons.',
    columns: PAIRING_COLUMNS,
    identityColumns: PAIRING_IDENTITY_COLUMNS,
    page: pairingsPage,
  },
  meetings: {
    title: 'Meetings',
    summary:
      'Every logged meeting: pairing, day, format, length, topics, who logged it and whether the other member confirmed it. The members’ shared notes are not included.',
    columns: MEETING_COLUMNS,
    identityColumns: [],
    page: meetingsPage,
  },
};

export type ExportDescription = { file: ExportFile; title: string; summary: string; columns: string[]; identityColumns: string[] };

/** What each export holds, for the exports page and its identity confirmation. */
export function describeExports(actor: SessionUser): ExportDescription[] {
  assertPermission(actor, 'exports:download');
  return EXPORT_FILES.map((file) => {
    const s: Pick<Spec<never>, 'title' | 'summary'> & { columns: { header: string }[]; identityColumns: { header: string }[] } = SPECS[file];
    return { file, title: s.title, summary: s.summary, columns: s.columns.map((c) => c.header), identityColumns: s.identityColumns.map((c) => c.header) };
  });
}

/**
 * Starts an export: checks the permission, writes the audit row (who, which file, whether identity
 * columns were included) and only then returns the stream. The audit row is committed before the
 * first byte leaves, so an interrupted download is still on record.
 */
export async function startExport(actor: SessionUser, file: ExportFile, opts: { identity: boolean }): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, 'exports:download');
  // meetings.csv has no identity columns: ?identity=yes changes nothing there, and is not recorded as such.
  if (file === 'meetings') opts = { identity: false };
  if (opts.identity) assertPermission(actor, 'identity:read-any');
  const db = await getDb();
  await db.transaction((tx) =>
    writeAudit(tx, { action: 'export.downloaded', actorId: actor.id, subjectId: `${file}.csv`, details: { file: `${file}.csv`, identity: opts.identity } }),
  );
  if (file === 'people') return streamOf(SPECS.people, opts.identity);
  if (file === 'meetings') return streamOf(SPECS.meetings, opts.identity);
  return streamOf(SPECS.pairings, opts.identity);
}

function streamOf<R extends { id: string | number }>(spec: Spec<R>, identity: boolean) {
  return csvStream(identity ? [...spec.columns, ...spec.identityColumns] : spec.columns, paged(spec.page));
}
