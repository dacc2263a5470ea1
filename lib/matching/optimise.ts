/**
 * The whole-pool optimiser's computation (no I/O): score, solve, explain. ./workbench runs it on a
 * worker thread (./optimise-worker) so the request thread stays free for everyone else.
 */
import { BLOCKER_COUNT, BLOCKER_INDEX, scorePool, type PoolScores } from './matrix';
import { scoreInPool, type Pool } from './pool-facts';
import { priorityNote, priorityTier, TIER_30_TO_60, TIER_LABELS, TIER_OVER_60, TIER_REMATCH, TIER_UNDER_30 } from './priority';
import { identityMatches, type BreakdownLine } from './scoring';
import { solveTiered } from './solver';

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
  /** The solver's own time, in ms. */
  ms: number;
  /** Where the time went, in ms: scoring the pool, solving, explaining the plan. */
  phases: { score: number; solve: number; explain: number };
};

export function optimise(pool: Pool): Optimisation {
  const phases = { score: 0, solve: 0, explain: 0 };
  let mark = performance.now();
  const lap = (phase: keyof typeof phases) => {
    const t = performance.now();
    phases[phase] += t - mark;
    mark = t;
  };

  // Score: one pass into integer cents, -1 for a forbidden pair; no breakdowns.
  const scored = scorePool(pool, { matrix: true });
  const cents = scored.cents!;
  const cols = scored.columns.length;
  const mentors = Array.from(scored.columns, (k) => pool.mentors[k]);
  const columnOf = new Map(Array.from(scored.columns, (k, c) => [pool.mentors[k].id, c]));
  const rowOf = new Map(pool.mentees.map((m, i) => [m.id, i]));
  const poolMentorOf = new Map(pool.mentors.map((m, k) => [m.id, k]));
  const tiers = pool.mentees.map(priorityTier);

  // Locks, in waitlist order then mentor order.
  const lockList: [number, number][] = [];
  for (const key of pool.locked) {
    const cut = key.indexOf('|');
    const i = rowOf.get(key.slice(0, cut));
    const k = poolMentorOf.get(key.slice(cut + 1));
    if (i !== undefined && k !== undefined) lockList.push([i, k]);
  }
  lockList.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const locked: [number, number][] = [];
  const brokenLocks: Optimisation['brokenLocks'] = [];
  const lockedMentees = new Set<number>();
  const lockSlots = new Map<number, number>();
  for (const [i, k] of lockList) {
    const mentee = pool.mentees[i];
    const mentor = pool.mentors[k];
    const j = columnOf.get(mentor.id);
    const allowed = j !== undefined && cents[i * cols + j] >= 0;
    const used = j === undefined ? 0 : (lockSlots.get(j) ?? 0);
    if (j !== undefined && allowed && !lockedMentees.has(i) && used < mentors[j].freeSlots) {
      locked.push([i, j]);
      lockedMentees.add(i);
      lockSlots.set(j, used + 1);
    } else {
      const s = allowed ? null : scoreInPool(pool, mentee, mentor);
      brokenLocks.push({
        menteeName: mentee.name,
        mentorName: mentor.name,
        reason: s && !s.allowed ? s.blockers.join('; ') : lockedMentees.has(i) ? 'mentee is locked to another mentor' : 'mentor has no free slot left',
      });
    }
  }
  // The solver's input form: points per pair, null where forbidden.
  const scores: (number | null)[][] = new Array(pool.mentees.length);
  for (let i = 0, off = 0; i < pool.mentees.length; i++, off += cols) {
    const row = new Array<number | null>(cols);
    for (let j = 0; j < cols; j++) row[j] = cents[off + j] < 0 ? null : cents[off + j] / 100;
    scores[i] = row;
  }
  lap('score');

  const result = solveTiered({ scores, capacity: mentors.map((m) => m.freeSlots), locked, tiers });
  lap('solve');

  // Explain: breakdowns for the pairs in the plan only, reasons for the students left out.
  const holders: number[][] = mentors.map(() => []);
  result.assignment.forEach((j, i) => {
    if (j >= 0) holders[j].push(i);
  });
  const lockedPair = new Set(locked.map(([i, j]) => i * cols + j));

  const pairs: OptimisedPair[] = [];
  const unpaired: Optimisation['unpaired'] = [];
  let met = 0;
  let asked = 0;
  result.assignment.forEach((j, i) => {
    const mentee = pool.mentees[i];
    if (mentee.identityPreference !== 'none') asked++;
    if (j < 0) {
      unpaired.push({ menteeId: mentee.id, name: mentee.name, reason: explainUnpaired(pool, scored, mentors, holders, lockedPair, tiers, i) });
      return;
    }
    const s = scoreInPool(pool, mentee, mentors[j]);
    if (!s.allowed) return; // cannot happen: the solver only uses allowed pairs
    if (mentee.identityPreference !== 'none' && identityMatches(mentee, mentors[j].races)) met++;
    pairs.push({
      menteeId: mentee.id,
      menteeName: mentee.name,
      mentorId: mentors[j].id,
      mentorName: mentors[j].name,
      score: s.total,
      breakdown: s.breakdown,
      locked: lockedPair.has(i * cols + j),
    });
  });
  const tierCounts = new Map<number, number>();
  for (const t of tiers) tierCounts.set(t, (tierCounts.get(t) ?? 0) + 1);
  const priority = [TIER_REMATCH, TIER_OVER_60, TIER_30_TO_60, TIER_UNDER_30]
    .map((tier) => ({ tier, label: TIER_LABELS[tier], paired: result.pairedByTier[tier] ?? 0, waiting: tierCounts.get(tier) ?? 0 }))
    .filter((t) => t.waiting > 0);
  lap('explain');
  return { pairs, total: result.total, identityPreferences: { met, asked }, priority, unpaired, brokenLocks, ms: phases.solve, phases };
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
  scored: PoolScores,
  mentors: Pool['mentors'],
  holders: number[][],
  lockedPair: Set<number>,
  tiers: number[],
  i: number,
): string {
  const cents = scored.cents!;
  const cols = mentors.length;
  const off = i * cols;
  const options: number[] = [];
  for (let j = 0; j < cols; j++) if (cents[off + j] >= 0) options.push(j);
  if (options.length === 0) return explainNoMentor(pool, scored, i);
  // Best fits first: the places the student would most have wanted.
  options.sort((a, b) => cents[off + b] - cents[off + a]);
  const shown = options.slice(0, 3);
  const takers: string[] = [];
  let moreTakers = 0;
  for (const j of shown) {
    for (const h of holders[j]) {
      const other = pool.mentees[h];
      const why = lockedPair.has(h * cols + j)
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

/** No physician is allowed: how many physicians each rule rules out, from the scoring pass's counts. */
function explainNoMentor(pool: Pool, scored: PoolScores, i: number): string {
  if (pool.mentors.length === 0) return 'No physicians are registered yet.';
  const at = (b: number) => scored.blockedBy[i * BLOCKER_COUNT + b];
  const counts = {
    unavailable: at(BLOCKER_INDEX.unavailable),
    before: at(BLOCKER_INDEX.before),
    excluded: at(BLOCKER_INDEX.excluded),
    identity: at(BLOCKER_INDEX.identity),
    city: at(BLOCKER_INDEX.city),
  };
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
