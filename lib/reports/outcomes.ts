import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { checkIns, closeSurveys, cohorts, meetings, menteeProfiles, mentorProfiles, pairings, users } from '@/db/schema';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { loadProgramSettings } from '@/lib/settings/program';
import { daysBetween } from '@/lib/time/dates';
import { guarded, median, percentile, type Figure } from './suppress';

const DAY = 86_400_000;

/** The program years that have a cohort, newest first. */
export async function reportYears(actor: SessionUser): Promise<number[]> {
  assertPermission(actor, 'reports:read');
  const db = await getDb();
  const rows = await db
    .selectDistinct({ year: cohorts.programYear })
    .from(cohorts)
    .orderBy(sql`${cohorts.programYear} desc`);
  return rows.map((r) => r.year);
}

export type WaitingGroup = { label: string; waited: { median: Figure; p90: Figure } };

export type OutcomeReport = {
  year: number;
  participants: { mentees: number; mentors: number };
  pairingsFormed: number;
  pairingsByState: { active: number; completed: number; ended: number };
  renewals: number;
  /** Days from joining the waitlist to the approved pairing, for pairings formed this year. */
  waited: { median: Figure; p90: Figure };
  /** Identity preferences: asked, and met, preferred and required apart (an identity breakdown: suppressed below 5). */
  identity: {
    preference: 'preferred' | 'required';
    asked: Figure;
    met: Figure;
    waited: { median: Figure; p90: Figure };
  }[];
  endReasons: { reason: string; count: Figure }[];
  /** Meetings logged (and not deleted) in this year's released pairings. */
  meetings: { total: number; perPairing: Figure };
  /**
   * Cadence over the year: meetings per calendar month, the median gap between one meeting and the
   * next (the first gap from the pairing's start), and how many pairings had a gap past the overdue threshold.
   */
  cadence: { byMonth: { month: string; meetings: number }[]; medianGapDays: Figure; pairingsWithLongGap: number; overdueDays: number };
  /** Average answers (1–5) to the private check-ins of this year's pairings: averages, so suppressed below 5 answers. */
  checkIns: { answers: number; safety: Figure; useful: Figure; frequency: Figure };
  /** Close surveys of completed pairings: how it went (1–5), and the share who would recommend or mentor again. */
  closeSurveys: { answers: number; rating: Figure; recommendPercent: Figure; mentorAgainPercent: Figure };
};

/**
 * The outcome report for one program year (the year of the student's cohort). Every identity
 * breakdown and every median or percentile goes through `guarded`, here in the query layer.
 */
export async function getOutcomeReport(actor: SessionUser, year: number): Promise<OutcomeReport> {
  assertPermission(actor, 'reports:read');
  const db = await getDb();
  const inYear = eq(cohorts.programYear, year);

  const [menteeCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(menteeProfiles)
    .innerJoin(cohorts, eq(cohorts.id, menteeProfiles.cohortId))
    .innerJoin(users, eq(users.id, menteeProfiles.userId))
    .where(and(inYear, eq(users.status, 'approved')));
  const [mentorCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentorProfiles)
    .innerJoin(cohorts, eq(cohorts.id, mentorProfiles.cohortId))
    .innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(and(inYear, eq(users.status, 'approved')));

  // Approved pairings (proposals that never started are not outcomes) of this year's students.
  const formed = await db
    .select({
      id: pairings.id,
      state: pairings.state,
      approvedAt: pairings.approvedAt,
      waitingSince: pairings.menteeWaitingSince,
      renewals: pairings.renewals,
      endReason: pairings.endReason,
      preference: menteeProfiles.identityPreference,
      // Met = the physician shares one of the identities the student asked about (any BIPOC identity when none named).
      met: sql<boolean>`exists (
        select 1 from identity_answers mi, identity_answers ri
        where mi.user_id = ${pairings.menteeId} and ri.user_id = ${pairings.mentorId}
          and not ri.prefer_not_to_answer and cardinality(ri.races) > 0
          and (case when cardinality(${menteeProfiles.identityPreferenceRaces}) > 0
                    then ri.races && ${menteeProfiles.identityPreferenceRaces}
                    else exists (select 1 from unnest(ri.races) r where r <> 'White') end))`,
    })
    .from(pairings)
    .innerJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .innerJoin(cohorts, eq(cohorts.id, menteeProfiles.cohortId))
    .where(and(inYear, isNotNull(pairings.approvedAt)))
    .orderBy(asc(pairings.id));

  const waitDays = (rows: typeof formed) =>
    rows.filter((r) => r.waitingSince && r.approvedAt).map((r) => Math.max(0, Math.floor((r.approvedAt!.getTime() - r.waitingSince!.getTime()) / DAY)));
  const waitFigures = (days: number[]) => ({ median: guarded(days.length, () => median(days)), p90: guarded(days.length, () => percentile(days, 90)) });

  // Everyone who asked, paired or not, for "asked"; the paired ones for "met" and waiting.
  const askedRows = await db
    .select({ preference: menteeProfiles.identityPreference, n: sql<number>`count(*)::int` })
    .from(menteeProfiles)
    .innerJoin(cohorts, eq(cohorts.id, menteeProfiles.cohortId))
    .innerJoin(users, eq(users.id, menteeProfiles.userId))
    .where(and(inYear, eq(users.status, 'approved')))
    .groupBy(menteeProfiles.identityPreference);

  const identity = (['preferred', 'required'] as const).map((preference) => {
    const asked = askedRows.find((r) => r.preference === preference)?.n ?? 0;
    const paired = formed.filter((r) => r.preference === preference);
    const met = paired.filter((r) => r.met).length;
    return { preference, asked: guarded(asked, () => asked), met: guarded(asked, () => met), waited: waitFigures(waitDays(paired)) };
  });

  const reasons = new Map<string, number>();
  for (const r of formed) if (r.state === 'ended' && r.endReason) reasons.set(r.endReason, (reasons.get(r.endReason) ?? 0) + 1);

  // The year in meetings, check-ins and close surveys: one grouped statement each, over this year's pairings.
  const ofYear = db
    .select({ id: pairings.id })
    .from(pairings)
    .innerJoin(menteeProfiles, eq(menteeProfiles.userId, pairings.menteeId))
    .innerJoin(cohorts, eq(cohorts.id, menteeProfiles.cohortId))
    .where(and(inYear, isNotNull(pairings.approvedAt)));
  const [[meetingCount], [checkIn], [survey]] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(and(inArray(meetings.pairingId, ofYear), isNull(meetings.deletedAt))),
    db
      .select({
        n: sql<number>`count(*)::int`,
        safety: sql<number | null>`avg(${checkIns.safety})::float`,
        useful: sql<number | null>`avg(${checkIns.useful})::float`,
        frequency: sql<number | null>`avg(${checkIns.frequency})::float`,
      })
      .from(checkIns)
      .where(inArray(checkIns.pairingId, ofYear)),
    db
      .select({
        n: sql<number>`count(*)::int`,
        rating: sql<number | null>`avg(${closeSurveys.rating})::float`,
        recommend: sql<number>`count(*) filter (where ${closeSurveys.wouldRecommend})::int`,
        mentors: sql<number>`count(*) filter (where ${closeSurveys.side} = 'mentor')::int`,
        mentorAgain: sql<number>`count(*) filter (where ${closeSurveys.mentorAgain})::int`,
      })
      .from(closeSurveys)
      .where(inArray(closeSurveys.pairingId, ofYear)),
  ]);
  const round1 = (v: number | null) => Math.round((v ?? 0) * 10) / 10;

  const dated = await db
    .select({ pairingId: meetings.pairingId, date: meetings.date, start: pairings.startDate })
    .from(meetings)
    .innerJoin(pairings, eq(pairings.id, meetings.pairingId))
    .where(and(inArray(meetings.pairingId, ofYear), isNull(meetings.deletedAt)))
    .orderBy(asc(meetings.pairingId), asc(meetings.date));
  const { cadenceOverdueDays } = await loadProgramSettings(db);
  const byMonth = new Map<string, number>();
  const gaps: number[] = [];
  const longGap = new Set<number>();
  let previous: { pairingId: number; date: string } | null = null;
  for (const m of dated) {
    byMonth.set(m.date.slice(0, 7), (byMonth.get(m.date.slice(0, 7)) ?? 0) + 1);
    const from = previous?.pairingId === m.pairingId ? previous.date : m.start;
    if (from) {
      const gap = daysBetween(from, m.date);
      if (gap >= 0) gaps.push(gap);
      if (gap > cadenceOverdueDays) longGap.add(m.pairingId);
    }
    previous = m;
  }
  const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

  return {
    year,
    meetings: { total: meetingCount.n, perPairing: guarded(formed.length, () => round1(meetingCount.n / formed.length)) },
    cadence: {
      byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, meetings: n })),
      medianGapDays: guarded(gaps.length, () => median(gaps)),
      pairingsWithLongGap: longGap.size,
      overdueDays: cadenceOverdueDays,
    },
    checkIns: {
      answers: checkIn.n,
      safety: guarded(checkIn.n, () => round1(checkIn.safety)),
      useful: guarded(checkIn.n, () => round1(checkIn.useful)),
      frequency: guarded(checkIn.n, () => round1(checkIn.frequency)),
    },
    closeSurveys: {
      answers: survey.n,
      rating: guarded(survey.n, () => round1(survey.rating)),
      recommendPercent: guarded(survey.n, () => percent(survey.recommend, survey.n)),
      mentorAgainPercent: guarded(survey.mentors, () => percent(survey.mentorAgain, survey.mentors)),
    },
    participants: { mentees: menteeCount.n, mentors: mentorCount.n },
    pairingsFormed: formed.length,
    pairingsByState: {
      active: formed.filter((r) => r.state === 'active').length,
      completed: formed.filter((r) => r.state === 'completed').length,
      ended: formed.filter((r) => r.state === 'ended').length,
    },
    renewals: formed.filter((r) => r.renewals > 0).length,
    waited: waitFigures(waitDays(formed)),
    identity,
    // Free-text reasons could name a person: each reason is a breakdown, suppressed below 5.
    endReasons: endReasonRows(reasons),
  };
}

/** Reasons given by 5 or more are named; the rest are pooled as "other reasons" (itself shown only at 5 or more). */
function endReasonRows(reasons: Map<string, number>): { reason: string; count: Figure }[] {
  const named = [...reasons].filter(([, n]) => n >= 5).sort((a, b) => b[1] - a[1]);
  const rest = [...reasons].filter(([, n]) => n < 5).reduce((sum, [, n]) => sum + n, 0);
  const rows = named.map(([reason, n]) => ({ reason, count: guarded(n, () => n) }));
  if (rest > 0) rows.push({ reason: 'Other reasons', count: guarded(rest, () => rest) });
  return rows;
}
