import 'server-only';
import { getDb } from '@/db/client';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { loadPool, pairKey, scoreInPool, whyUnmatched, type Pool } from './pool';
import { identityMatches, type BreakdownLine } from './scoring';
import { solveAssignment } from './solver';

export type WaitlistEntry = {
  menteeId: string;
  name: string;
  daysWaiting: number;
  priorityRematch: boolean;
  identityPreference: 'none' | 'preferred' | 'required';
  allowedMentors: number;
  /** Set when no allowed mentor has a free slot. */
  blockedReason: string | null;
};

export type Suggestion = { mentorId: string; name: string; score: number; breakdown: BreakdownLine[]; freeSlots: number };

/** Every approved, unpaired mentee, longest wait first (no-fault rematches at the top). */
export async function getWaitlist(actor: SessionUser): Promise<WaitlistEntry[]> {
  assertPermission(actor, 'matching:run');
  const pool = await loadPool(await getDb());
  return pool.mentees.map((m) => {
    const allowedMentors = pool.mentors.filter((mentor) => scoreInPool(pool, m, mentor).allowed).length;
    return {
      menteeId: m.id,
      name: m.name,
      daysWaiting: m.daysWaiting,
      priorityRematch: m.priorityRematch,
      identityPreference: m.identityPreference,
      allowedMentors,
      // Only a mentee with no allowed mentor needs the (second) pass that finds out why.
      blockedReason: allowedMentors ? null : whyUnmatched(pool, m),
    };
  });
}

/** The best allowed mentors for one waiting mentee, each with the score explained. */
export async function suggestMentors(actor: SessionUser, menteeId: string, limit = 5): Promise<{ mentee: WaitlistEntry; suggestions: Suggestion[] } | null> {
  assertPermission(actor, 'matching:run');
  const pool = await loadPool(await getDb());
  const mentee = pool.mentees.find((m) => m.id === menteeId);
  if (!mentee) return null;
  const suggestions: Suggestion[] = [];
  for (const mentor of pool.mentors) {
    const s = scoreInPool(pool, mentee, mentor);
    if (s.allowed) suggestions.push({ mentorId: mentor.id, name: mentor.name, score: s.total, breakdown: s.breakdown, freeSlots: mentor.freeSlots });
  }
  suggestions.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return {
    mentee: {
      menteeId: mentee.id,
      name: mentee.name,
      daysWaiting: mentee.daysWaiting,
      priorityRematch: mentee.priorityRematch,
      identityPreference: mentee.identityPreference,
      allowedMentors: suggestions.length,
      blockedReason: suggestions.length ? null : whyUnmatched(pool, mentee),
    },
    suggestions: suggestions.slice(0, limit),
  };
}

export type OptimisedPair = { menteeId: string; menteeName: string; mentorId: string; mentorName: string; score: number; breakdown: BreakdownLine[]; locked: boolean };
export type Optimisation = {
  pairs: OptimisedPair[];
  total: number;
  identityPreferences: { met: number; asked: number };
  unpaired: { menteeId: string; name: string; reason: string }[];
  /** Locks that could not be honoured (the pair is not allowed now). */
  brokenLocks: { menteeName: string; mentorName: string; reason: string }[];
  ms: number;
};

/**
 * The whole-pool optimiser: an exact maximum-total-score assignment of waiting mentees to free
 * mentor slots, honouring admin locks and exclusions. Nothing is written; the admin stages the
 * result as proposals.
 */
export async function optimisePool(actor: SessionUser): Promise<Optimisation> {
  assertPermission(actor, 'matching:run');
  const pool = await loadPool(await getDb());
  return optimise(pool);
}

export function optimise(pool: Pool): Optimisation {
  const mentors = pool.mentors.filter((m) => m.freeSlots > 0 && m.unavailableReasons.length === 0);
  const mentorIndex = new Map(mentors.map((m, j) => [m.id, j]));
  const scored = pool.mentees.map((mentee) => mentors.map((mentor) => scoreInPool(pool, mentee, mentor)));
  const scores = scored.map((row) => row.map((s) => (s.allowed ? s.total : null)));

  const locked: [number, number][] = [];
  const brokenLocks: Optimisation['brokenLocks'] = [];
  const lockedMentees = new Set<number>();
  const lockSlots = new Map<number, number>();
  pool.mentees.forEach((mentee, i) => {
    for (const mentor of pool.mentors) {
      if (!pool.locked.has(pairKey(mentee.id, mentor.id))) continue;
      const j = mentorIndex.get(mentor.id);
      const s = j === undefined ? scoreInPool(pool, mentee, mentor) : scored[i][j];
      const used = j === undefined ? 0 : (lockSlots.get(j) ?? 0);
      if (j !== undefined && s.allowed && !lockedMentees.has(i) && used < mentors[j].freeSlots) {
        locked.push([i, j]);
        lockedMentees.add(i);
        lockSlots.set(j, used + 1);
      } else {
        brokenLocks.push({
          menteeName: mentee.name,
          mentorName: mentor.name,
          reason: !s.allowed ? s.blockers.join('; ') : lockedMentees.has(i) ? 'mentee is locked to another mentor' : 'mentor has no free slot left',
        });
      }
    }
  });

  const started = performance.now();
  const result = solveAssignment({ scores, capacity: mentors.map((m) => m.freeSlots), locked });
  const ms = performance.now() - started;

  const pairs: OptimisedPair[] = [];
  const unpaired: Optimisation['unpaired'] = [];
  let met = 0;
  let asked = 0;
  result.assignment.forEach((j, i) => {
    const mentee = pool.mentees[i];
    if (mentee.identityPreference !== 'none') asked++;
    if (j < 0) {
      unpaired.push({
        menteeId: mentee.id,
        name: mentee.name,
        reason: whyUnmatched(pool, mentee) ?? 'Every mentor who fits is taken by a higher-scoring pairing in this plan',
      });
      return;
    }
    const s = scored[i][j];
    if (!s.allowed) return; // cannot happen: the solver only uses allowed pairs
    if (mentee.identityPreference !== 'none' && identityMatches(mentee, mentors[j].races)) met++;
    pairs.push({
      menteeId: mentee.id,
      menteeName: mentee.name,
      mentorId: mentors[j].id,
      mentorName: mentors[j].name,
      score: s.total,
      breakdown: s.breakdown,
      locked: locked.some(([li, lj]) => li === i && lj === j),
    });
  });
  return { pairs, total: result.total, identityPreferences: { met, asked }, unpaired, brokenLocks, ms };
}
