import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { identityAnswers, matchRules, menteeProfiles, mentorProfiles, pairings, users } from '@/db/schema';
import { loadProgramSettings } from '@/lib/settings/program';
import { now as clockNow } from '@/lib/time/clock';
import { todayIn } from '@/lib/time/dates';
import { mentorEligibility } from './eligibility';
import { pairKey, type Pool } from './pool-facts';

export { pairKey, scoreInPool, whyUnmatched, type Pool } from './pool-facts';

const DAY = 86_400_000;

/** An approved mentee without a proposed or active pairing (and not finished after a completed one): who the waitlist holds. */
export function isWaitingMentee() {
  return and(
    eq(users.role, 'mentee'),
    eq(users.status, 'approved'),
    sql`not exists (select 1 from ${pairings} p where p.mentee_id = ${users.id} and p.state in ('proposed','active'))`,
    // A student whose pairing completed is done with the program unless they asked to go back
    // (lib/terms/closing.ts rejoinWaitlist sets waitingSince after the completion).
    sql`not exists (select 1 from ${pairings} c where c.mentee_id = ${users.id} and c.state = 'completed' and c.ended_at > coalesce(${users.waitingSince}, '-infinity'::timestamptz))`,
  );
}

/**
 * Waiting mentees (approved, not in a proposed or active pairing) and every mentor with a profile.
 * Only the optional identity answers people consented to exist in the database, so only those are
 * used. `only.menteeIds` reads those students (and their rules) instead of the whole waitlist:
 * the suggestions page for one student, staging a chosen set of pairs.
 */
export async function loadPool(db: Db | Tx, now = clockNow(), only: { menteeIds?: string[] } = {}): Promise<Pool> {
  const settings = await loadProgramSettings(db);
  const waiting = await db
    .select({
      id: users.id,
      name: users.name,
      waitingSince: users.waitingSince,
      statusChangedAt: users.statusChangedAt,
      priorityRematchAt: users.priorityRematchAt,
      specialties: menteeProfiles.specialties,
      helpWith: menteeProfiles.helpWith,
      meetingFormats: menteeProfiles.meetingFormats,
      availability: menteeProfiles.availability,
      city: menteeProfiles.city,
      languages: menteeProfiles.languages,
      identityPreference: menteeProfiles.identityPreference,
      identityPreferenceRaces: menteeProfiles.identityPreferenceRaces,
      races: identityAnswers.races,
    })
    .from(users)
    .innerJoin(menteeProfiles, eq(menteeProfiles.userId, users.id))
    .leftJoin(identityAnswers, eq(identityAnswers.userId, users.id))
    .where(and(isWaitingMentee(), only.menteeIds ? inArray(users.id, only.menteeIds) : undefined));

  const mentorRows = await db
    .select({
      id: users.id,
      name: users.name,
      specialty: mentorProfiles.specialty,
      advice: mentorProfiles.advice,
      meetingFormats: mentorProfiles.meetingFormats,
      availability: mentorProfiles.availability,
      city: mentorProfiles.city,
      languages: mentorProfiles.languages,
      races: identityAnswers.races,
    })
    .from(users)
    .innerJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .leftJoin(identityAnswers, eq(identityAnswers.userId, users.id))
    .where(and(eq(users.role, 'mentor'), inArray(users.status, ['approved', 'pending', 'waitlisted'])));

  const eligibility = new Map((await mentorEligibility(db, todayIn(settings.timeZone, now))).map((e) => [e.userId, e]));
  const rules = await db
    .select({ menteeId: matchRules.menteeId, mentorId: matchRules.mentorId, kind: matchRules.kind })
    .from(matchRules)
    .where(only.menteeIds ? inArray(matchRules.menteeId, only.menteeIds) : undefined);
  const ended = await db
    .select({ menteeId: pairings.menteeId, mentorId: pairings.mentorId })
    .from(pairings)
    .where(
      and(
        inArray(pairings.state, ['completed', 'ended']),
        isNotNull(pairings.approvedAt), // a withdrawn proposal was never a pairing
        only.menteeIds ? inArray(pairings.menteeId, only.menteeIds) : undefined,
      ),
    );

  return {
    mentees: waiting
      .map((m) => {
        const since = m.waitingSince ?? m.statusChangedAt ?? now;
        return {
          id: m.id,
          name: m.name ?? 'Unnamed student',
          specialties: m.specialties,
          helpWith: m.helpWith,
          meetingFormats: m.meetingFormats,
          availability: m.availability,
          city: m.city,
          languages: m.languages,
          identityPreference: m.identityPreference,
          identityPreferenceRaces: m.identityPreferenceRaces,
          races: m.races,
          daysWaiting: Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY)),
          priorityRematch: m.priorityRematchAt !== null,
        };
      })
      // The waitlist order: no-fault rematches first, then the longest wait.
      .sort((a, b) => Number(b.priorityRematch) - Number(a.priorityRematch) || b.daysWaiting - a.daysWaiting || a.name.localeCompare(b.name)),
    mentors: mentorRows.map((m) => {
      const e = eligibility.get(m.id);
      return {
        id: m.id,
        name: m.name ?? 'Unnamed mentor',
        specialty: m.specialty,
        advice: m.advice,
        meetingFormats: m.meetingFormats,
        availability: m.availability,
        city: m.city,
        languages: m.languages,
        races: m.races,
        unavailableReasons: e?.reasons ?? ['has no profile'],
        freeSlots: e?.freeSlots ?? 0,
        capacity: e?.capacity ?? 0,
      };
    }),
    weights: settings.weights,
    excluded: new Set(rules.filter((r) => r.kind === 'exclude').map((r) => pairKey(r.menteeId, r.mentorId))),
    locked: new Set(rules.filter((r) => r.kind === 'lock').map((r) => pairKey(r.menteeId, r.mentorId))),
    endedBefore: new Set(ended.map((r) => pairKey(r.menteeId, r.mentorId))),
  };
}
