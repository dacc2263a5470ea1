/**
 * The matcher's view of the pool and the pure helpers on it (no I/O): ./pool reads it from the
 * database; the optimiser's worker thread (./optimise-worker) receives it as a message.
 */
import { BLOCKER_COUNT, BLOCKER_INDEX, type PoolScores } from './matrix';
import { scorePair, type MenteeFacts, type MentorFacts, type PairScore, type Weights } from './scoring';

/** Everything the matcher needs, read in a handful of queries. */
export type Pool = {
  mentees: MenteeFacts[];
  mentors: (MentorFacts & { freeSlots: number; capacity: number })[];
  weights: Weights;
  excluded: Set<string>;
  locked: Set<string>;
  endedBefore: Set<string>;
};

export const pairKey = (menteeId: string, mentorId: string) => `${menteeId}|${mentorId}`;

export function scoreInPool(pool: Pool, mentee: MenteeFacts, mentor: MentorFacts): PairScore {
  const key = pairKey(mentee.id, mentor.id);
  return scorePair(mentee, mentor, { previouslyPaired: pool.endedBefore.has(key), excluded: pool.excluded.has(key) }, pool.weights);
}

const SHORT_REASONS = [
  'no mentor who fits has a free slot',
  'They were paired before and that pairing ended',
  'An admin excluded this pair',
  'Mentee requires a mentor who shares their identity; this mentor does not (or has not shared)',
  'Both meet only in person, in different cities',
];

/**
 * Why a mentee has no allowed mentor right now, in words — the most common blocker across all
 * mentors, so the coordinator knows what would unblock them. Read from the per-rule counts of
 * `scorePool` (one pass over the pool for every student), not by scoring again.
 */
export function whyUnmatched(pool: Pool, scores: PoolScores, i: number): string | null {
  if (scores.allowed[i] > 0) return null;
  if (pool.mentors.length === 0) return 'No mentors are registered yet';
  const off = i * BLOCKER_COUNT;
  let top = -1;
  for (let b = 0; b < BLOCKER_COUNT; b++) {
    const count = scores.firstRule[off + b];
    if (count === 0) continue;
    // The most mentors; on a tie, the rule met first in pool order.
    if (top < 0 || count > scores.firstRule[off + top] || (count === scores.firstRule[off + top] && scores.firstSeen[off + b] < scores.firstSeen[off + top]))
      top = b;
  }
  if (pool.mentees[i].identityPreference === 'required' && scores.firstRule[off + BLOCKER_INDEX.identity] > 0)
    return 'Requires a mentor who shares their identity, and none with a free slot does yet';
  const reason = SHORT_REASONS[top];
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
