'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction, type ActionState } from '@/lib/actions';
import { idField } from '@/lib/forms/fields';
import { formatDateTime } from '@/lib/time/format';
import { decideRegistrants, personDecisionSchema } from '@/lib/people/decisions';
import { revealIdentityAnswers } from '@/lib/registration/identity';
import { labelOf, RACE_CATEGORIES } from '@/lib/registration/options';
import { decisionSummary } from '../copy';

function revalidatePerson(id: string) {
  revalidatePath(`/admin/people/${id}`);
  revalidatePath('/admin/people');
  revalidatePath('/admin');
}

export const decidePersonAction = roleAction('admin', personDecisionSchema, async (data, user) => {
  const result = await decideRegistrants(user, { ids: [data.userId], decision: data.decision, reason: data.reason });
  revalidatePerson(data.userId);
  if (!result.changed)
    return { message: 'Nothing changed: this person already has that status, or can no longer be decided on.' };
  return { ok: true, message: decisionSummary(data.decision, result) };
});

export type IdentityView = {
  races: string[];
  selfDescription: string | null;
  preferNotToAnswer: boolean;
  gender: string | null;
  consentedAt: string;
};

/** `answers` is undefined until shown, null when the person gave none (or withdrew consent). */
export type IdentityRevealState = ActionState & { answers?: IdentityView | null };

const revealSchema = z.object({ userId: idField });

/**
 * Shows one person's identity answers to an admin. A POST on purpose: the read is recorded in the
 * audit log (by revealIdentityAnswers), so it must never happen on a page load or a prefetch, and
 * the answers travel only in this response, never in the page or its address.
 */
export const revealIdentityAction = roleAction('admin', revealSchema, async (data, user): Promise<IdentityRevealState> => {
  const row = await revealIdentityAnswers(user, data.userId);
  // The page's audit trail now has the read in it.
  revalidatePath(`/admin/people/${data.userId}`);
  return {
    answers: row && {
      races: row.races.map((r) => labelOf(RACE_CATEGORIES, r)),
      selfDescription: row.selfDescription,
      preferNotToAnswer: row.preferNotToAnswer,
      gender: row.gender,
      consentedAt: formatDateTime(row.consentedAt),
    },
  };
});
