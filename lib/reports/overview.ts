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

  const waiting = await db.select({ since: users.waitingSince, changed: users.statusChangedAt, created: users.createdAt }).from(users).where(isWaitingMentee());

  // Free places: approved, unpaused mentors, capacity minus open (proposed or active) pairings.
  const places = await db
    .select({
      free: sql<number>`greatest(0, ${mentorProfiles.capacity} - (select count(*)::int from ${pairings} p where p.mentor_id = ${users.id} and p.state in ('proposed','active')))`,
    })
    .from(users)
    .innerJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(and(eq(users.role, 'mentor'), eq(users.status, 'approved'), sql`not ${pausedCondition(mentorProfiles.pausedUntil, today)}`));

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

  const allPairings = await db
    .select({ state: pairings.state, proposedAt: pairings.proposedAt, approvedAt: pairings.approvedAt, endedAt: pairings.endedAt })
    .from(pairings);
  const openBy = (state: string) => allPairings.filter((p) => p.state === state).length;

  // Weeks ending today, oldest first.
  const weekEnds = Array.from({ length: WEEKS }, (_, i) => new Date(at.getTime() - (WEEKS - 1 - i) * 7 * DAY));
  const since = new Date(weekEnds[0].getTime() - 7 * DAY);
  const registrations = await db
    .select({ role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(and(sql`${users.role} in ('mentee','mentor')`, gt(users.createdAt, since)));
  const registrationsPerWeek = weekEnds.map((end) => {
    const start = end.getTime() - 7 * DAY;
    const inWeek = registrations.filter((r) => r.createdAt.getTime() > start && r.createdAt.getTime() <= end.getTime());
    return { label: weekLabel(end), values: { mentee: inWeek.filter((r) => r.role === 'mentee').length, mentor: inWeek.filter((r) => r.role === 'mentor').length } };
  });

  // The state each pairing was in at the end of each week, from its own dates.
  const pairingsOverTime = weekEnds.map((end) => {
    const t = end.getTime();
    let proposed = 0;
    let active = 0;
    let closed = 0;
    for (const p of allPairings) {
      if (p.proposedAt.getTime() > t) continue;
      if (p.endedAt && p.endedAt.getTime() <= t) closed++;
      else if (p.approvedAt && p.approvedAt.getTime() <= t) active++;
      else proposed++;
    }
    return { label: weekLabel(end), values: { proposed, active, closed } };
  });

  const waitedDays = waiting.map((w) => Math.max(0, Math.floor((at.getTime() - (w.since ?? w.changed ?? w.created).getTime()) / DAY)));
  const waitedDistribution = WAIT_BUCKETS.map((b) => ({ label: b.label, values: { students: waitedDays.filter((d) => d >= b.min && d <= b.max).length } }));

  const freePlaces = places.reduce((a, p) => a + p.free, 0);
  return {
    headline: {
      registered: { mentee: num('mentee', (s) => s !== 'registering'), mentor: num('mentor', (s) => s !== 'registering') },
      approved: { mentee: num('mentee', (s) => s === 'approved'), mentor: num('mentor', (s) => s === 'approved') },
      pendingReview: { mentee: num('mentee', (s) => s === 'pending'), mentor: num('mentor', (s) => s === 'pending') },
      waitingMentees: waiting.length,
      mentorsWithFreePlaces: places.filter((p) => p.free > 0).length,
      freePlaces,
      activePairings: openBy('active'),
      proposedPairings: openBy('proposed'),
      mentorsNotAttested: notAttested.n,
      cadence,
    },
    registrationsPerWeek,
    pairingsOverTime,
    waitedDistribution,
    placesVsWaiting: [{ label: 'Now', values: { places: freePlaces, students: waiting.length } }],
  };
}
