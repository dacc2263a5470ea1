'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction } from '@/lib/actions';
import { idField } from '@/lib/forms/fields';
import { clearMatchRule, clearMatchRuleSchema, matchRuleSchema, setMatchRule } from '@/lib/matching/rules';
import { proposePairings } from '@/lib/pairings/operations';

function revalidateMatching(menteeId: string) {
  revalidatePath(`/admin/matching/${menteeId}`);
  revalidatePath('/admin/matching');
}

/** Stages one suggestion as a proposal; the score is computed again on the server. */
export const proposeOneAction = roleAction('admin', z.object({ menteeId: idField, mentorId: idField }), async (data, user) => {
  const outcome = await proposePairings(user, [data]);
  revalidateMatching(data.menteeId);
  revalidatePath('/admin/pairings');
  revalidatePath('/admin');
  if (!outcome.ok) return { message: `Not proposed: ${outcome.failed[0]?.reason ?? 'the pair is no longer allowed.'}` };
  return { ok: true, message: 'Proposed. Approve it under Pairings to introduce them.' };
});

export const setRuleAction = roleAction('admin', matchRuleSchema, async (data, user) => {
  const rule = await setMatchRule(user, data);
  revalidateMatching(data.menteeId);
  return {
    ok: true,
    message:
      data.kind === 'lock'
        ? `Locked: the optimiser will pair ${rule.menteeName} with ${rule.mentorName} whenever that pair is allowed.`
        : `Excluded: ${rule.menteeName} and ${rule.mentorName} will not be suggested or proposed together.`,
  };
});

export const clearRuleAction = roleAction('admin', clearMatchRuleSchema, async (data, user) => {
  await clearMatchRule(user, data);
  revalidateMatching(data.menteeId);
  return { ok: true, message: 'Rule removed.' };
});
