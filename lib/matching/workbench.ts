import 'server-only';
import { getDb } from '@/db/client';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { loadPool, pairKey, scoreInPool, whyUnmatched, type Pool } from './pool';
import { priorityNote, priorityTier, TIER_30_TO_60, TIER_LABELS, TIER_OVER_60, TIER_REMATCH, TIER_UNDER_30 } from './priority';
import { identityMatches, type BreakdownLine, type PairScore } from './scoring';
import { solveTiered } from './solver';

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

export type OptimisedPair = {
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  score: number;
  breakdown: BreakdownLine[];
  locked: boolean;
};
export type Optimisation = {
  pairs: OptimisedPair[];
  total: number;
  identityPreferences: { met: number; asked: number };
  /** How many of each priority tier were paired, highest tier first (see ./priority). */
  priority: { tier: number; label: string; paired: number; waiting: number }[];
  unpaired: { menteeId: string; name: string; reason: string }[];
  /** Locks that could not be honoured (the pair is not allowed now). */
  brokenLocks: { menteeName: string; mentorName: string; reason: string }[];
  ms: number;
};

/**
 * The whole-pool optimiser: an exact assignment of waiting mentees to free mentor slots that
 * pairs no-fault rematches first, then the longest waits by tier, then maximises the total score
 * (lib/matching/priority.ts), honouring admin locks and exclusions. Nothing is written; the admin
 * stages the result as proposals.
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
  const tiers = pool.mentees.map(priorityTier);

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
  const result = solveTiered({ scores, capacity: mentors.map((m) => m.freeSlots), locked, tiers });
  const ms = performance.now() - started;

  // Who holds each mentor's places in the plan, to explain the students left out.
  const holders: number[][] = mentors.map(() => []);
  result.assignment.forEach((j, i) => {
    if (j >= 0) holders[j].push(i);
  });
  const lockedPair = new Set(locked.map(([i, j]) => `${i}|${j}`));

  const pairs: OptimisedPair[] = [];
  const unpaired: Optimisation['unpaired'] = [];
  let met = 0;
  let asked = 0;
  result.assignment.forEach((j, i) => {
    const mentee = pool.mentees[i];
    if (mentee.identityPreference !== 'none') asked++;
    if (j < 0) {
      unpaired.push({ menteeId: mentee.id, name: mentee.name, reason: explainUnpaired(pool, mentors, scored, holders, lockedPair, tiers, i) });
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
      locked: lockedPair.has(`${i}|${j}`),
    });
  });
  const priority = [TIER_REMATCH, TIER_OVER_60, TIER_30_TO_60, TIER_UNDER_30]
    .map((tier) => ({ tier, label: TIER_LABELS[tier], paired: result.pairedByTier[tier] ?? 0, waiting: tiers.filter((t) => t === tier).length }))
    .filter((t) => t.waiting > 0);
  return { pairs, total: result.total, identityPreferences: { met, asked }, priority, unpaired, brokenLocks, ms };
}

const listNames = (names: string[], more: number): string => {
  const all = more > 0 ? [...names, `${more} more`] : names;
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
};

/**
 * A specific reason for one student the plan leaves unpaired: the physicians who could have
 * taken them and who holds those places (and why those students came first), or, when no
 * physician is allowed at all, how many physicians each rule rules out.
 */
function explainUnpaired(
  pool: Pool,
  mentors: Pool['mentors'],
  scored: PairScore[][],
  holders: number[][],
  lockedPair: Set<string>,
  tiers: number[],
  i: number,
): string {
  const options = mentors.map((_, j) => j).filter((j) => scored[i][j].allowed);
  if (options.length === 0) return explainNoMentor(pool, pool.mentees[i]);
  // Best fits first: the places the student would most have wanted.
  options.sort((a, b) => (scored[i][b] as { total: number }).total - (scored[i][a] as { total: number }).total);
  const shown = options.slice(0, 3);
  const takers: string[] = [];
  let moreTakers = 0;
  for (const j of shown) {
    for (const h of holders[j]) {
      const other = pool.mentees[h];
      const why = lockedPair.has(`${h}|${j}`)
        ? 'locked by a coordinator'
        : tiers[h] > tiers[i]
          ? priorityNote(other)
          : 'same priority, and the plan’s total fit is higher this way';
      if (takers.length < 4) takers.push(`${other.name} with ${mentors[j].name} (${why})`);
      else moreTakers++;
    }
  }
  const could = listNames(
    shown.map((j) => mentors[j].name),
    options.length - shown.length,
  );
  return `Could have been paired with ${could}, but those places went to ${listNames(takers, moreTakers)}.`;
}

/** No physician is allowed: count, per rule, how many physicians it rules out (one pass). */
function explainNoMentor(pool: Pool, mentee: Pool['mentees'][number]): string {
  if (pool.mentors.length === 0) return 'No physicians are registered yet.';
  const counts = { unavailable: 0, before: 0, excluded: 0, identity: 0, city: 0 };
  for (const mentor of pool.mentors) {
    const s = scoreInPool(pool, mentee, mentor);
    if (s.allowed) continue;
    for (const b of s.blockers) {
      if (b.startsWith('Mentor ')) counts.unavailable++;
      else if (b.startsWith('They were paired before')) counts.before++;
      else if (b.startsWith('An admin excluded')) counts.excluded++;
      else if (b.startsWith('Mentee requires')) counts.identity++;
      else if (b.startsWith('Both meet only in person')) counts.city++;
    }
  }
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [
    counts.unavailable && `${n(counts.unavailable, 'is', 'are')} not taking new mentees now (full, paused, or not yet approved and attested)`,
    counts.identity && `${n(counts.identity, 'does', 'do')} not share the identity they require (or ${counts.identity === 1 ? 'has' : 'have'} not shared it)`,
    counts.before && `${n(counts.before, 'was', 'were')} paired with them before`,
    counts.excluded && `${n(counts.excluded, 'is', 'are')} excluded for them by a coordinator`,
    counts.city && `${n(counts.city, 'meets', 'meet')} only in person in another city`,
  ].filter(Boolean);
  const total = pool.mentors.length;
  return `No physician can take them now. Of ${total} ${total === 1 ? 'physician' : 'physicians'}: ${parts.join('; ')}.`;
}
