'use server';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction, type ActionState } from '@/lib/actions';
import { plural } from '@/lib/text';
import { freeMentorPlaces } from '@/lib/matching/waitlist';
import { describeLine } from '@/lib/matching/scoring';
import { optimisePool } from '@/lib/matching/workbench';
import { proposePairings } from '@/lib/pairings/operations';

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

/** An optimiser run, as plain data for the browser. Nothing of it is saved until it is staged. */
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

export type OptimiseState = ActionState & { plan?: PlanView };

/** Runs the whole-pool optimiser. A POST, not a page load: it is work, and it should run only when asked. */
export const optimiseAction = roleAction('admin', z.object({}), async (_data, user): Promise<OptimiseState> => {
  const [plan, free] = await Promise.all([optimisePool(user), freeMentorPlaces(user)]);
  return {
    ok: true,
    plan: {
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
    },
  };
});

const pairValue = /^([^|\s]{1,64})\|([^|\s]{1,64})$/;

const stageSchema = z.object({
  runId: z.string().max(64).optional(),
  pairs: z
    .array(z.string().regex(pairValue, 'Unknown pair.'), { error: 'Choose at least one pair to stage.' })
    .default([])
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length > 0, 'Choose at least one pair to stage.')
    .refine((list) => list.length <= 500, 'Stage at most 500 pairs at a time.')
    .transform((list) =>
      list.map((v) => {
        const [, menteeId, mentorId] = pairValue.exec(v)!;
        return { menteeId, mentorId };
      }),
    ),
});

export type StageState = ActionState & {
  runId?: string;
  outcome?: { staged: number; failed: { menteeId: string; mentorId: string; reason: string }[] };
};

/**
 * Stages the chosen pairs as proposals. Only the ids come from the form: proposePairings scores
 * every pair again from the database and refuses any that is no longer allowed.
 */
export const stagePairsAction = roleAction('admin', stageSchema, async (data, user): Promise<StageState> => {
  const outcome = await proposePairings(user, data.pairs);
  revalidatePath('/admin/matching', 'layout');
  revalidatePath('/admin/pairings');
  revalidatePath('/admin');
  const failed = outcome.failed.map((f) => {
    const [menteeId = '', mentorId = ''] = f.id.split('→');
    return { menteeId, mentorId, reason: f.reason };
  });
  const message = outcome.ok
    ? `${plural(outcome.ok, 'proposal', 'proposals')} staged. Neither person sees anything until you approve ${outcome.ok === 1 ? 'it' : 'them'} under Pairings.`
    : 'Nothing was staged.';
  return { ok: outcome.ok > 0, message, runId: data.runId, outcome: { staged: outcome.ok, failed } };
});
