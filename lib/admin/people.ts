import 'server-only';
import { createHash } from 'node:crypto';
import { and, count, desc, eq, ilike, inArray, lte, not, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  attestations,
  auditLog,
  cohorts,
  menteeProfiles,
  mentorProfiles,
  personStatus,
  userRole,
  users,
  valuesStatements,
  type PersonStatus,
  type Role,
} from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { queueDecision } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { daysSince } from './format';

export const PAGE_SIZE = 25;
export const DECISIONS = ['approved', 'waitlisted', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Only people who finished registering and are still in the program can be decided on. */
export const DECIDABLE_ROLES = ['mentee', 'mentor'] as const satisfies readonly Role[];
export const DECIDABLE_STATUSES = ['pending', 'waitlisted', 'approved', 'declined'] as const satisfies readonly PersonStatus[];
/** The "waiting more than N days" choices offered by the filter. */
export const WAITING_DAYS_OPTIONS = [7, 30, 60, 90] as const;

export function isDecidable(person: { role: Role | null; status: PersonStatus }): boolean {
  return (
    !!person.role &&
    (DECIDABLE_ROLES as readonly Role[]).includes(person.role) &&
    (DECIDABLE_STATUSES as readonly PersonStatus[]).includes(person.status)
  );
}

// ---------------------------------------------------------------------------
// Schemas (pure; the server actions and the tests use them)
// ---------------------------------------------------------------------------

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const reasonField = z
  .string()
  .optional()
  .transform((v) => v?.trim() || null)
  .refine((v) => v === null || v.length <= 500, 'Keep the reason under 500 characters.')
  .refine((v) => v === null || !CONTROL.test(v), 'Remove the invisible characters from the reason.');

const decisionField = z.enum(DECISIONS, { error: 'Choose approve, waitlist or decline.' });

const idField = z.string().trim().min(1).max(64);

const idsField = z
  .array(idField, { error: 'Choose at least one person.' })
  .default([])
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.length > 0, 'Choose at least one person.')
  .refine((ids) => ids.length <= 100, 'Choose at most 100 people at a time.');

/** A decline goes out by email with the reason in it: the person deserves to know why. */
function requireReasonToDecline(v: { decision: Decision; reason: string | null }, ctx: z.RefinementCtx) {
  if (v.decision === 'declined' && !v.reason)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason when declining. It is included in the email.' });
}

export const decisionSchema = z.object({ ids: idsField, decision: decisionField, reason: reasonField }).superRefine(requireReasonToDecline);
export type DecisionInput = z.output<typeof decisionSchema>;

/** The bulk form: the same decision, plus the key of the confirmation the coordinator answered. */
export const bulkDecisionSchema = z
  .object({ ids: idsField, decision: decisionField, reason: reasonField, confirm: z.string().max(128).optional() })
  .superRefine(requireReasonToDecline);

/** The decision form on one person's page. */
export const personDecisionSchema = z
  .object({ userId: idField, decision: decisionField, reason: reasonField })
  .superRefine(requireReasonToDecline);

/**
 * Names exactly what the coordinator confirmed (decision, people, reason): if any of it changes
 * between "Review" and "Confirm", the key no longer matches and they are asked again.
 */
export function confirmationKey(input: DecisionInput): string {
  const ids = [...input.ids].sort().join(',');
  return createHash('sha256').update(`${input.decision}\n${input.reason ?? ''}\n${ids}`).digest('hex').slice(0, 32);
}

/** Search params → a query. Anything malformed is ignored rather than failing the page. */
const firstString = (v: unknown) => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
};
const param = <T extends z.ZodType>(schema: T) => z.preprocess(firstString, schema.optional()).catch(undefined);

export const peopleQuerySchema = z.object({
  q: param(z.string().max(100)),
  role: param(z.enum(userRole.enumValues)),
  status: param(z.enum(personStatus.enumValues)),
  attested: param(z.enum(['yes', 'no'])),
  paused: param(z.enum(['yes', 'no'])),
  waiting: param(z.coerce.number().int().min(1).max(3650)),
  page: param(z.coerce.number().int().min(1).max(1_000_000)),
});
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

export function parsePeopleQuery(params: Record<string, string | string[] | undefined>): PeopleQuery {
  return peopleQuerySchema.parse(params);
}

// ---------------------------------------------------------------------------
// The people list
// ---------------------------------------------------------------------------

export type PersonRow = {
  id: string;
  name: string | null;
  email: string;
  role: Role | null;
  status: PersonStatus;
  registeredAt: Date;
  waitingDays: number | null;
  /** Mentors only: attested the current values statement. */
  attested: boolean | null;
  /** Mentors only: "not taking new mentees until" this date (today or later). */
  pausedUntil: string | null;
};

export type PeoplePage = { rows: PersonRow[]; total: number; page: number; pageCount: number; pageSize: number };

/** LIKE treats % and _ as wildcards; a search for "100%" means the characters themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const attestedCurrent = sql<boolean>`exists (
  select 1 from ${attestations} a
  where a.user_id = ${users.id}
    and a.statement_version = (select max(vs.version) from ${valuesStatements} vs))`;
const pausedNow = sql<boolean>`coalesce(${mentorProfiles.pausedUntil} >= current_date, false)`;

function peopleWhere(query: Partial<PeopleQuery>): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (query.role) where.push(eq(users.role, query.role));
  if (query.status) where.push(eq(users.status, query.status));
  // Attestation and pausing are about mentors: either filter narrows the list to mentors.
  if (query.attested) where.push(eq(users.role, 'mentor'), query.attested === 'yes' ? attestedCurrent : not(attestedCurrent));
  if (query.paused) where.push(eq(users.role, 'mentor'), query.paused === 'yes' ? pausedNow : not(pausedNow));
  if (query.waiting) where.push(lte(users.waitingSince, sql`now() - make_interval(days => ${query.waiting}::int)`));
  return and(...where);
}

/** One page of people, newest registration first, with the total for the pager. */
export async function listPeople(actor: SessionUser, query: Partial<PeopleQuery>): Promise<PeoplePage> {
  assertPermission(actor, 'registrants:review');
  const db = await getDb();
  const where = peopleWhere(query);
  const [{ total }] = await db
    .select({ total: count() })
    .from(users)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      registeredAt: users.createdAt,
      waitingSince: users.waitingSince,
      attested: sql<boolean | null>`case when ${users.role} = 'mentor' then ${attestedCurrent} end`,
      pausedUntil: sql<string | null>`case when ${pausedNow} then ${mentorProfiles.pausedUntil}::text end`,
    })
    .from(users)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const now = new Date();
  return {
    rows: rows.map(({ waitingSince, ...r }) => ({ ...r, waitingDays: daysSince(waitingSince, now) })),
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
  };
}

// ---------------------------------------------------------------------------
// One person
// ---------------------------------------------------------------------------

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

async function auditTrailOf(id: string): Promise<AuditView[]> {
  const db = await getDb();
  const actor = alias(users, 'actor');
  return db
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
    .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, id)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_TRAIL_LIMIT);
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
  const [mentee, mentor, signed, audit, [current]] = await Promise.all([
    person.role === 'mentee' ? menteeProfileOf(id) : null,
    person.role === 'mentor' ? mentorProfileOf(id) : null,
    person.role === 'mentor' ? attestationsOf(id) : [],
    auditTrailOf(id),
    db.select({ version: sql<number | null>`max(${valuesStatements.version})` }).from(valuesStatements),
  ]);
  return {
    ...person,
    decidable: isDecidable(person),
    mentee,
    mentor,
    attestations: signed,
    currentStatementVersion: current?.version ?? null,
    audit,
  };
}

// ---------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------

export type DecisionResult = { changed: number; skipped: number };

type Decided = { id: string; email: string; name: string | null; role: 'mentee' | 'mentor' };

/** The waitlist clock: it starts when a mentee is approved and stops when they are declined. */
function waitingSinceAfter(decision: Decision, role: 'mentee' | 'mentor', current: Date | null, now: Date): Date | null {
  if (decision === 'declined') return null;
  if (decision === 'approved' && role === 'mentee') return current ?? now;
  return current;
}

/**
 * Approves, waitlists or declines registrants, all in one transaction with an audit row and a
 * queued email for each person whose status changed. People who are not mentees or mentors, who have not
 * finished registering, who withdrew, or who already have that status are skipped.
 */
export async function decideRegistrants(
  actor: SessionUser,
  input: { ids: string[]; decision: Decision; reason: string | null },
): Promise<DecisionResult> {
  assertPermission(actor, 'registrants:review');
  if (!(DECISIONS as readonly string[]).includes(input.decision)) throw new UserFacingError('Choose approve, waitlist or decline.');
  const reason = input.reason?.trim() || null;
  if (input.decision === 'declined' && !reason) throw new UserFacingError('Give a reason when declining.');
  const ids = [...new Set(input.ids)];
  if (!ids.length) return { changed: 0, skipped: 0 };

  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    // Locked in id order, so two coordinators deciding overlapping groups cannot deadlock, and
    // each person's "from" status is the one this decision replaces.
    const rows = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, waitingSince: users.waitingSince })
      .from(users)
      .where(inArray(users.id, ids))
      .orderBy(users.id)
      .for('update');
    const now = new Date();
    const changed: Decided[] = [];
    for (const row of rows) {
      if (!isDecidable(row) || row.status === input.decision) continue;
      const role = row.role as Decided['role'];
      await tx
        .update(users)
        .set({
          status: input.decision,
          statusReason: reason,
          statusChangedAt: now,
          waitingSince: waitingSinceAfter(input.decision, role, row.waitingSince, now),
        })
        .where(eq(users.id, row.id));
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'registrant.decided',
        subjectType: 'user',
        subjectId: row.id,
        details: { from: row.status, to: input.decision, reason },
      });
      // Queued with the decision: the person hears of it if and only if it commits.
      await queueDecision(tx, { email: row.email, name: row.name }, role, input.decision, reason);
      changed.push({ id: row.id, email: row.email, name: row.name, role });
    }
    return changed;
  });
  return { changed: decided.length, skipped: ids.length - decided.length };
}
