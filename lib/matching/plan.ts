/**
 * An optimiser run as the matching page shows it: plain data for the browser, every pair's score
 * already in words. Nothing of it is saved until the coordinator stages it.
 */
import { randomUUID } from 'node:crypto';
import { describeLine } from './scoring';
import type { Optimisation } from './workbench';

export type PlanPair = {
  key: string;
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  score: number;
  /** The score broken down, already in words. */
  lines: string[];
  locked: boolean;
};

export type PlanView = {
  runId: string;
  pairs: PlanPair[];
  total: number;
  identity: { met: number; asked: number };
  /** Paired per priority tier, highest first (lib/matching/priority.ts). */
  priority: { tier: number; label: string; paired: number; waiting: number }[];
  unpaired: { menteeId: string; name: string; reason: string }[];
  brokenLocks: { menteeName: string; mentorName: string; reason: string }[];
  ms: number;
  waiting: number;
  free: { mentors: number; places: number };
};

export function toPlanView(plan: Optimisation, free: { mentors: number; places: number }): PlanView {
  return {
    runId: randomUUID(),
    pairs: plan.pairs.map((p) => ({
      key: `${p.menteeId}|${p.mentorId}`,
      menteeId: p.menteeId,
      menteeName: p.menteeName,
      mentorId: p.mentorId,
      mentorName: p.mentorName,
      score: p.score,
      lines: p.breakdown.map(describeLine),
      locked: p.locked,
    })),
    total: plan.total,
    identity: { met: plan.identityPreferences.met, asked: plan.identityPreferences.asked },
    priority: plan.priority,
    unpaired: plan.unpaired,
    brokenLocks: plan.brokenLocks,
    ms: Math.round(plan.ms * 10) / 10,
    waiting: plan.pairs.length + plan.unpaired.length,
    free,
  };
}
