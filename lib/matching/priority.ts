/**
 * Who the whole-pool optimiser helps first (issue 9): a documented, lexicographic rule.
 *
 *   1. no-fault rematches (their pairing ended through no fault of theirs),
 *   2. then students waiting more than 60 days,
 *   3. then 30 to 60 days,
 *   4. then under 30 days,
 *   and only among plans that pair as many as possible at each step in that order, the
 *   best total score. `solveTiered` in ./solver computes exactly that optimum.
 */

export const PRIORITY_RULE =
  'No-fault rematches are paired first, then students waiting more than 60 days, then 30 to 60 days, then under 30 days; among plans that pair as many as possible in that order, the best total fit wins.';

export const TIER_REMATCH = 3;
export const TIER_OVER_60 = 2;
export const TIER_30_TO_60 = 1;
export const TIER_UNDER_30 = 0;

/** Tier names, highest first, for the plan's summary. */
export const TIER_LABELS: Record<number, string> = {
  [TIER_REMATCH]: 'No-fault rematches',
  [TIER_OVER_60]: 'Waiting more than 60 days',
  [TIER_30_TO_60]: 'Waiting 30 to 60 days',
  [TIER_UNDER_30]: 'Waiting under 30 days',
};

export function priorityTier(mentee: { priorityRematch: boolean; daysWaiting: number }): number {
  if (mentee.priorityRematch) return TIER_REMATCH;
  if (mentee.daysWaiting > 60) return TIER_OVER_60;
  if (mentee.daysWaiting >= 30) return TIER_30_TO_60;
  return TIER_UNDER_30;
}

/** Why a student ranks where they do, in a few words ("a no-fault rematch", "waited 74 days"). */
export function priorityNote(mentee: { priorityRematch: boolean; daysWaiting: number }): string {
  if (mentee.priorityRematch) return 'a no-fault rematch';
  return `waited ${mentee.daysWaiting} ${mentee.daysWaiting === 1 ? 'day' : 'days'}`;
}
