import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { mentorProfiles, pairings, users } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { isWaitingMentee } from '@/lib/matching/pool';
import { CADENCE_STATUSES, cadenceStatusSql, type CadenceStatus } from '@/lib/meetings/cadence';
import { livePairing } from '@/lib/pairings/membership';
import { pausedCondition } from '@/lib/people/pause';
import { loadProgramSettings, programToday } from '@/lib/settings/program';
import { now } from '@/lib/time/clock';

const DAY = 86_400_000;
/** How many weeks the over-time charts reach back. */
export const WEEKS = 12;

export type Headline = {
  registered: { mentee: number; mentor: number };
  approved: { mentee: number; mentor: number };
  pendingReview: { mentee: number; mentor: number };
  waitingMentees: number;
  mentorsWithFreePlaces: number;
  freePlaces: number;
  activePairings: number;
  proposedPairings: number;
  mentorsNotAttested: number;
  /** Live (active, not paused) pairings by meeting cadence. */
  cadence: Record<CadenceStatus, number>;
};

export type WeekPoint = { label: string; values: Record<string, number> };

export type OverviewData = {
  headline: Headline;
  registrationsPerWeek: WeekPoint[];
  pairingsOverTime: WeekPoint[];
  waitedDistribution: WeekPoint[];
  placesVsWaiting: WeekPoint[];
};

/** Buckets of the days-waited chart (lower bound inclusive). */
export const WAIT_BUCKETS = [
  { label: '0–7 d', min: 0, max: 7 },
  { label: '8–30 d', min: 8, max: 30 },
  { label: '31–60 d', min: 31, max: 60 },
  { label: '61–90 d', min: 61, max: 90 },
  { label: '90+ d', min: 91, max: Infinity },
] as const;

const weekLabel = (d: Date) => d.toISOString().slice(5, 10).replace('-', '/');

/** The program at a glance, for the coordinator's overview page. */
export async function getOverviewData(actor: SessionUser): Promise<OverviewData> {
  assertPermission(actor, 'reports:read');
  const db = await getDb();
  const at = now();
  const today = await programToday(db);

  const byRoleStatus = await db
    .select({ role: users.role, status: users.status, n: sql<number>`count(*)::int` })
    .from(users)
    .groupBy(users.role, users.status);
  const num = (role: 'mentee' | 'mentor', pred: (s: string) => boolean) =>
    byRoleStatus.filter((r) => r.role === role && pred(r.status)).reduce((a, r) => a + r.n, 0);

  // Counted in the database, one row however many wait: the total and the days-waited buckets.
  const waitedDays = sql`greatest(0, floor(extract(epoch from (${at.toISOString()}::timestamptz - coalesce(${users.waitingSince}, ${users.statusChangedAt}, ${users.createdAt}))) / 86400))`;
  const [waiting] = await db
    .select({
      n: sql<number>`count(*)::int`,
      buckets: sql<number[]>`array[${sql.join(
        WAIT_BUCKETS.map(
          (b) => sql`(count(*) filter (where ${waitedDays} >= ${b.min}${Number.isFinite(b.max) ? sql` and ${waitedDays} <= ${b.max}` : sql``}))::int`,
        ),
        sql`, `,
      )}]`,
    })
    .from(users)
    .where(isWaitingMentee());

  // Free places: approved, unpaused mentors, capacity minus open (proposed or active) pairings.
  const free = db
    .select({
      free: sql<number>`greatest(0, ${mentorProfiles.capacity} - (select count(*)::int from ${pairings} p where p.mentor_id = ${users.id} and p.state in ('proposed','active')))`.as(
        'free',
      ),
    })
    .from(users)
    .innerJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(and(eq(users.role, 'mentor'), eq(users.status, 'approved'), sql`not ${pausedCondition(mentorProfiles.pausedUntil, today)}`))
    .as('free');
  const [places] = await db
    .select({ mentors: sql<number>`(count(*) filter (where ${free.free} > 0))::int`, places: sql<number>`coalesce(sum(${free.free}), 0)::int` })
    .from(free);

  const [notAttested] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.role, 'mentor'),
        eq(users.status, 'approved'),
        sql`not exists (select 1 from attestations a where a.user_id = ${users.id} and a.statement_version = (select max(version) from values_statements))`,
      ),
    );

  // Cadence of every live pairing, counted in one statement with the same rule as the pairings list.
  const settings = await loadProgramSettings(db);
  const status = cadenceStatusSql(today, settings);
  const live = db
    .select({ status: sql<CadenceStatus>`${status}`.as('status') })
    .from(pairings)
    .where(livePairing())
    .as('live');
  const cadenceRows = await db
    .select({ status: live.status, n: sql<number>`count(*)::int` })
    .from(live)
    .groupBy(live.status);
  const cadence = Object.fromEntries(CADENCE_STATUSES.map((c) => [c, cadenceRows.find((r) => r.status === c)?.n ?? 0])) as Record<CadenceStatus, number>;

  // Weeks ending today, oldest first.
  const weekEnds = Array.from({ length: WEEKS }, (_, i) => new Date(at.getTime() - (WEEKS - 1 - i) * 7 * DAY));
  const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  // Open pairings by state, and the state each pairing was in at the end of each week (from its own
  // dates): one row of counts, computed where the pairings are.
  const [pairingCounts] = await db
    .select({
      active: sql<number>`(count(*) filter (where ${pairings.state} = 'active'))::int`,
      proposed: sql<number>`(count(*) filter (where ${pairings.state} = 'proposed'))::int`,
      weeks: sql<[number, number, number][]>`json_build_array(${sql.join(
        weekEnds.map((end) => {
          const t = iso(end);
          const seen = sql`${pairings.proposedAt} <= ${t}`;
          const closed = sql`${pairings.endedAt} is not null and ${pairings.endedAt} <= ${t}`;
          const approved = sql`${pairings.approvedAt} is not null and ${pairings.approvedAt} <= ${t}`;
          return sql`json_build_array(count(*) filter (where ${seen} and not (${closed}) and not (${approved})), count(*) filter (where ${seen} and not (${closed}) and ${approved}), count(*) filter (where ${seen} and ${closed}))`;
        }),
        sql`, `,
      )})`,
    })
    .from(pairings);

  const [registrations] = await db
    .select({
      weeks: sql<[number, number][]>`json_build_array(${sql.join(
        weekEnds.map((end) => {
          const inWeek = sql`${users.createdAt} > ${iso(new Date(end.getTime() - 7 * DAY))} and ${users.createdAt} <= ${iso(end)}`;
          return sql`json_build_array(count(*) filter (where ${users.role} = 'mentee' and ${inWeek}), count(*) filter (where ${users.role} = 'mentor' and ${inWeek}))`;
        }),
        sql`, `,
      )})`,
    })
    .from(users)
    .where(and(sql`${users.role} in ('mentee','mentor')`, gt(users.createdAt, new Date(weekEnds[0].getTime() - 7 * DAY))));
  const registrationsPerWeek = weekEnds.map((end, i) => {
    const [mentee, mentor] = registrations.weeks[i].map(Number);
    return { label: weekLabel(end), values: { mentee, mentor } };
  });
  const pairingsOverTime = weekEnds.map((end, i) => {
    const [proposed, active, closed] = pairingCounts.weeks[i].map(Number);
    return { label: weekLabel(end), values: { proposed, active, closed } };
  });
  const waitedDistribution = WAIT_BUCKETS.map((b, i) => ({ label: b.label, values: { students: Number(waiting.buckets[i]) } }));

  const freePlaces = places.places;
  return {
    headline: {
      registered: { mentee: num('mentee', (s) => s !== 'registering'), mentor: num('mentor', (s) => s !== 'registering') },
      approved: { mentee: num('mentee', (s) => s === 'approved'), mentor: num('mentor', (s) => s === 'approved') },
      pendingReview: { mentee: num('mentee', (s) => s === 'pending'), mentor: num('mentor', (s) => s === 'pending') },
      waitingMentees: waiting.n,
      mentorsWithFreePlaces: places.mentors,
      freePlaces,
      activePairings: pairingCounts.active,
      proposedPairings: pairingCounts.proposed,
      mentorsNotAttested: notAttested.n,
      cadence,
    },
    registrationsPerWeek,
    pairingsOverTime,
    waitedDistribution,
    placesVsWaiting: [{ label: 'Now', values: { places: freePlaces, students: waiting.n } }],
  };
}
