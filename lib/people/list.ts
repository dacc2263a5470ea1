import 'server-only';
import { and, count, desc, eq, ilike, lte, not, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { attestations, mentorProfiles, personStatus, userRole, users, valuesStatements, type PersonStatus, type Role } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { escapeLike, param, type SearchParams } from '@/lib/forms/query';
import { isWaitingMentee } from '@/lib/matching/pool';
import { pausedCondition } from '@/lib/people/pause';
import { programToday } from '@/lib/settings/program';
import { now } from '@/lib/time/clock';
import { daysSince } from '@/lib/time/dates';

export const PAGE_SIZE = 25;
/** The "waiting more than N days" choices offered by the filter. */
export const WAITING_DAYS_OPTIONS = [7, 30, 60, 90] as const;

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

export function parsePeopleQuery(params: SearchParams): PeopleQuery {
  return peopleQuerySchema.parse(params);
}

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

export { escapeLike };

const attestedCurrent = sql<boolean>`exists (
  select 1 from ${attestations} a
  where a.user_id = ${users.id}
    and a.statement_version = (select max(vs.version) from ${valuesStatements} vs))`;
function peopleWhere(query: Partial<PeopleQuery>, pausedNow: SQL<boolean>): SQL | undefined {
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
  // "Waiting for a mentor" is about students still on the waitlist: never physicians, nor a student
  // with a proposal or a mentor (their old waitingSince is history, not a wait).
  if (query.waiting)
    where.push(isWaitingMentee(), lte(users.waitingSince, sql`${now().toISOString()}::timestamptz - make_interval(days => ${query.waiting}::int)`));
  return and(...where);
}

/** One page of people, newest registration first, with the total for the pager. */
export async function listPeople(actor: SessionUser, query: Partial<PeopleQuery>): Promise<PeoplePage> {
  assertPermission(actor, 'registrants:review');
  const db = await getDb();
  const pausedNow = pausedCondition(mentorProfiles.pausedUntil, await programToday(db));
  const where = peopleWhere(query, pausedNow);
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
      waiting: sql<boolean>`${isWaitingMentee()}`,
      attested: sql<boolean | null>`case when ${users.role} = 'mentor' then ${attestedCurrent} end`,
      pausedUntil: sql<string | null>`case when ${pausedNow} then ${mentorProfiles.pausedUntil}::text end`,
    })
    .from(users)
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const at = now();
  return {
    rows: rows.map(({ waitingSince, waiting, ...r }) => ({ ...r, waitingDays: waiting ? daysSince(waitingSince, at) : null })),
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
  };
}
