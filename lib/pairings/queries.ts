import 'server-only';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/db/client';
import { identityAnswers, menteeProfiles, mentorProfiles, pairings, users, type Pairing } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import type { BreakdownLine } from '@/lib/matching/scoring';
import { loadIntroFacts } from './intro-facts';
import { pairingMember } from './membership';
import { cadenceDaysSql, cadenceStatusSql, lastMetSql, type CadenceStatus } from '@/lib/meetings/cadence';
import { loadProgramSettings } from '@/lib/settings/program';
import { now } from '@/lib/time/clock';
import { todayIn } from '@/lib/time/dates';
import { fillIntro, INTRO_SUBJECT_MAX } from './introduction';

export type MyMentor = {
  pairingId: number;
  name: string;
  email: string;
  preferredName: string;
  pronouns: string | null;
  credential: string;
  credentialOther: string | null;
  specialty: string;
  specialtyOther: string | null;
  organisation: string;
  about: string;
  /** Only what the mentor chose to show. */
  identity: { races: string[]; selfDescription: string | null; gender: string | null } | null;
  startDate: string | null;
  endDate: string | null;
};

/** The student's released mentor. Staged proposals are invisible: only active pairings count. */
export async function getMyMentor(actor: SessionUser): Promise<MyMentor | null> {
  assertPermission(actor, 'pairings:view-own');
  assertPermission(actor, 'pairings:view-own-mentor');
  const db = await getDb();
  const [row] = await db
    .select({
      pairingId: pairings.id,
      name: users.name,
      email: users.email,
      preferredName: mentorProfiles.preferredName,
      pronouns: mentorProfiles.pronouns,
      credential: mentorProfiles.credential,
      credentialOther: mentorProfiles.credentialOther,
      specialty: mentorProfiles.specialty,
      specialtyOther: mentorProfiles.specialtyOther,
      organisation: mentorProfiles.organisation,
      about: mentorProfiles.about,
      showIdentity: mentorProfiles.showIdentity,
      startDate: pairings.startDate,
      endDate: pairings.endDate,
    })
    .from(pairings)
    .innerJoin(users, eq(users.id, pairings.mentorId))
    .innerJoin(mentorProfiles, eq(mentorProfiles.userId, pairings.mentorId))
    .where(and(pairingMember(actor), eq(pairings.state, 'active')));
  if (!row) return null;
  const { showIdentity, ...rest } = row;
  let identity: MyMentor['identity'] = null;
  if (showIdentity) {
    const [ans] = await db
      .select({ races: identityAnswers.races, selfDescription: identityAnswers.selfDescription, gender: identityAnswers.gender })
      .from(identityAnswers)
      .innerJoin(pairings, and(eq(pairings.mentorId, identityAnswers.userId), eq(pairings.id, row.pairingId), pairingMember(actor)));
    identity = ans ?? null;
  }
  return { ...rest, name: rest.name ?? rest.preferredName, identity };
}

export type MyMentee = {
  pairingId: number;
  name: string;
  email: string;
  preferredName: string;
  pronouns: string | null;
  school: string;
  schoolYear: string;
  major: string;
  targetCycle: number;
  helpWith: string[];
  specialties: string[];
  about: string;
  startDate: string | null;
  endDate: string | null;
};

/** The mentor's released mentees — never their identity answers. */
export async function getMyMentees(actor: SessionUser): Promise<MyMentee[]> {
  assertPermission(actor, 'pairings:view-own');
  assertPermission(actor, 'pairings:view-own-mentees');
  const db = await getDb();
  const rows = await db
    .select({
      pairingId: pairings.id,
      name: users.name,
      email: users.email,
      preferredName: menteeProfiles.preferredName,
      pronouns: menteeProfiles.pronouns,
      school: menteeProfiles.school,
      schoolYear: menteeProfiles.schoolYear,
      major: menteeProfiles.major,
      targetCycle: menteeProfiles.targetCycle,
      helpWith: menteeProfiles.helpWith,
      specialties: menteeProfiles.specialties,
      about: menteeProfiles.about,
      startDate: pairings.startDate,
      endDate: pairings.endDate,
    })
    .from(pairings)
    .innerJoin(users, eq(users.id, pairings.menteeId))
    .innerJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .where(and(pairingMember(actor), eq(pairings.state, 'active')))
    .orderBy(pairings.startDate);
  return rows.map((r) => ({ ...r, name: r.name ?? r.preferredName }));
}

export type PairingRow = {
  id: number;
  state: Pairing['state'];
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  score: number | null;
  breakdown: BreakdownLine[];
  proposedAt: Date;
  startDate: string | null;
  endDate: string | null;
  endReason: string | null;
  endedAt: Date | null;
  /** Active pairings: the last live meeting, days since it (or the start) and the cadence (lib/meetings/cadence.ts). */
  lastMet: string | null;
  cadenceDays: number | null;
  cadence: CadenceStatus | null;
};

/** The Active tab's cadence filter and sort (?cadence=…, ?sort=days). */
export type PairingListOptions = {
  cadence?: CadenceStatus;
  sort?: 'days';
  /** A page of the list: `limit` rows after skipping `offset` (defaults: the first 500). */
  limit?: number;
  offset?: number;
};

const mentee = alias(users, 'mentee');
const mentor = alias(users, 'mentor');

/**
 * A page of pairings in the given states, with the total the heading shows (a count, never the
 * length of a capped page). Cadence is computed in the query: two statements for the whole page,
 * however many rows.
 */
export async function listPairingsPage(
  actor: SessionUser,
  states: Pairing['state'][],
  opts: PairingListOptions = {},
): Promise<{ rows: PairingRow[]; total: number }> {
  assertPermission(actor, 'pairings:approve');
  const db = await getDb();
  const { where } = await cadenceColumns(db);
  const [rows, [{ total }]] = await Promise.all([
    listPairings(actor, states, opts),
    db
      .select({ total: count() })
      .from(pairings)
      .where(and(inArray(pairings.state, states), opts.cadence ? where(opts.cadence) : undefined)),
  ]);
  return { rows, total };
}

async function cadenceColumns(db: Db) {
  const settings = await loadProgramSettings(db);
  const today = todayIn(settings.timeZone, now());
  const isActive = sql`${pairings.state} = 'active'`;
  const days = sql<number | null>`case when ${isActive} then ${cadenceDaysSql(today)} end`;
  const status = sql<CadenceStatus | null>`case when ${isActive} then ${cadenceStatusSql(today, settings)} end`;
  return { isActive, days, status, where: (c: CadenceStatus) => sql`${status} = ${c}` };
}

export async function listPairings(actor: SessionUser, states: Pairing['state'][] = ['proposed', 'active'], opts: PairingListOptions = {}): Promise<PairingRow[]> {
  assertPermission(actor, 'pairings:approve');
  const db = await getDb();
  // Cadence is computed in the query (one statement for the whole list, not one per row).
  const { isActive, days, status } = await cadenceColumns(db);
  const rows = await db
    .select({
      id: pairings.id,
      state: pairings.state,
      menteeId: pairings.menteeId,
      menteeName: mentee.name,
      mentorId: pairings.mentorId,
      mentorName: mentor.name,
      score: pairings.score,
      breakdown: pairings.scoreBreakdown,
      proposedAt: pairings.proposedAt,
      startDate: pairings.startDate,
      endDate: pairings.endDate,
      endReason: pairings.endReason,
      endedAt: pairings.endedAt,
      lastMet: sql<string | null>`case when ${isActive} then ${lastMetSql()} end`,
      cadenceDays: days,
      cadence: status,
    })
    .from(pairings)
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .where(and(inArray(pairings.state, states), opts.cadence ? sql`${status} = ${opts.cadence}` : undefined))
    .orderBy(...(opts.sort === 'days' ? [sql`${days} desc nulls last`, desc(pairings.id)] : [desc(pairings.proposedAt), desc(pairings.id)]))
    .limit(opts.limit ?? 500)
    .offset(opts.offset ?? 0);
  return rows.map((r) => ({
    ...r,
    menteeName: r.menteeName ?? 'Unnamed student',
    mentorName: r.mentorName ?? 'Unnamed mentor',
    score: r.score === null ? null : r.score / 100,
    breakdown: (r.breakdown as BreakdownLine[] | null) ?? [],
  }));
}

export type IntroPreview = { menteeName: string; mentorName: string; to: string[]; subject: string; body: string };

/**
 * The introduction for one proposal, filled in as approval would fill it today: the same facts and
 * the same start-date rule (a cohort that has not launched yet starts on its launch date).
 */
export async function previewIntroduction(actor: SessionUser, pairingId: number, template: { subject: string; body: string }): Promise<IntroPreview | null> {
  assertPermission(actor, 'pairings:approve');
  const db = await getDb();
  const loaded = await loadIntroFacts(db, pairingId);
  if (!loaded) return null;
  const { facts } = loaded;
  return {
    menteeName: facts.mentee_name,
    mentorName: facts.mentor_name,
    to: loaded.to,
    subject: fillIntro(template.subject, facts).slice(0, INTRO_SUBJECT_MAX),
    body: fillIntro(template.body, facts),
  };
}

/** "Ana Lopez and Dr. Kim" for each id, to report per-pairing outcomes in words. */
export async function namePairings(actor: SessionUser, ids: number[]): Promise<Record<string, string>> {
  assertPermission(actor, 'pairings:approve');
  if (!ids.length) return {};
  const db = await getDb();
  const mentee = alias(users, 'mentee');
  const mentor = alias(users, 'mentor');
  const rows = await db
    .select({ id: pairings.id, menteeName: mentee.name, menteeEmail: mentee.email, mentorName: mentor.name, mentorEmail: mentor.email })
    .from(pairings)
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .where(inArray(pairings.id, ids));
  return Object.fromEntries(rows.map((r) => [String(r.id), `${r.menteeName ?? r.menteeEmail} and ${r.mentorName ?? r.mentorEmail}`]));
}

export type PairingDetail = Omit<PairingRow, 'lastMet' | 'cadenceDays' | 'cadence'> & {
  approvedAt: Date | null;
  renewals: number;
  rematchRequested: boolean;
  pausedAt: Date | null;
  menteeEmail: string;
  mentorEmail: string;
};

/** One pairing as the coordinator sees it: who, state, dates, the score that proposed it. */
export async function getPairingDetail(actor: SessionUser, pairingId: number): Promise<PairingDetail | null> {
  assertPermission(actor, 'pairings:approve');
  const db = await getDb();
  const [r] = await db
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
      breakdown: pairings.scoreBreakdown,
      proposedAt: pairings.proposedAt,
      approvedAt: pairings.approvedAt,
      startDate: pairings.startDate,
      endDate: pairings.endDate,
      renewals: pairings.renewals,
      endReason: pairings.endReason,
      endedAt: pairings.endedAt,
      rematchRequested: pairings.rematchRequested,
      pausedAt: pairings.pausedAt,
    })
    .from(pairings)
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .where(eq(pairings.id, pairingId));
  if (!r) return null;
  return {
    ...r,
    menteeName: r.menteeName ?? r.menteeEmail,
    mentorName: r.mentorName ?? r.mentorEmail,
    score: r.score === null ? null : r.score / 100,
    breakdown: (r.breakdown as BreakdownLine[] | null) ?? [],
  };
}
