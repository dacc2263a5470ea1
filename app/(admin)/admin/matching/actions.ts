'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction, type ActionState } from '@/lib/actions';
import { plural } from '@/lib/text';
import { freeMentorPlaces } from '@/lib/matching/waitlist';
import { toPlanView, type PlanView } from '@/lib/matching/plan';
import { optimisePool } from '@/lib/matching/workbench';
import { proposePairings } from '@/lib/pairings/operations';

export type { PlanPair, PlanView } from '@/lib/matching/plan';

export type OptimiseState = ActionState & { plan?: PlanView };

/** Runs the whole-pool optimiser. A POST, not a page load: it is work, and it should run only when asked. */
export const optimiseAction = roleAction('admin', z.object({}), async (_data, user): Promise<OptimiseState> => {
  const [plan, free] = await Promise.all([optimisePool(user), freeMentorPlaces(user)]);
  return { ok: true, plan: toPlanView(plan, free) };
});

// "menteeId|mentorId": each half an id token (no spaces or invisible characters: a NUL would make
// PostgreSQL refuse the whole query instead of the form answering).
const pairValue = /^([^|\s\u0000-\u001f\u007f-\u009f]{1,64})\|([^|\s\u0000-\u001f\u007f-\u009f]{1,64})$/;

const stageSchema = z.object({
  runId: z.string().max(64).optional(),
  pairs: z
    .array(z.string().regex(pairValue, 'Unknown pair.'), { error: 'Choose at least one pair to stage.' })
    .default([])
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length > 0, 'Choose at least one pair to stage.')
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
  /** Where the staged proposals are listed, selected, for approval. */
  approveHref?: string;
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
  return {
    ok: outcome.ok > 0,
    message,
    runId: data.runId,
    outcome: { staged: outcome.ok, failed },
    approveHref: outcome.stagedAt ? `/admin/pairings?state=proposed&staged=${encodeURIComponent(outcome.stagedAt)}` : undefined,
  };
});
