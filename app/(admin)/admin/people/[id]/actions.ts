'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorMessage, isNextControlFlow, roleAction } from '@/lib/actions';
import { formatDateTime } from '@/lib/admin/format';
import { decideRegistrants, personDecisionSchema } from '@/lib/admin/people';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
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
export type IdentityRevealState = { message?: string; answers?: IdentityView | null };

const revealSchema = z.object({ userId: z.string().trim().min(1).max(64) });

/**
 * Shows one person's identity answers to an admin. A POST on purpose: the read is recorded in the
 * audit log (by revealIdentityAnswers), so it must never happen on a page load or a prefetch, and
 * the answers travel only in this response, never in the page or its address.
 */
export async function revealIdentityAction(_prev: IdentityRevealState, formData: FormData): Promise<IdentityRevealState> {
  const user = await getCurrentUser();
  if (user?.role !== 'admin') return { message: 'Your session has ended or you do not have access. Sign in again.' };
  const parsed = revealSchema.safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return { message: 'That person could not be found.' };
  let state: IdentityRevealState;
  try {
    const row = await revealIdentityAnswers(user, parsed.data.userId);
    state = {
      answers: row && {
        races: row.races.map((r) => labelOf(RACE_CATEGORIES, r)),
        selfDescription: row.selfDescription,
        preferNotToAnswer: row.preferNotToAnswer,
        gender: row.gender,
        consentedAt: formatDateTime(row.consentedAt),
      },
    };
  } catch (err) {
    if (isNextControlFlow(err)) throw err;
    if (err instanceof ForbiddenError) return { message: 'You do not have access to do that.' };
    console.error(err);
    return { message: errorMessage(err) };
  }
  // The page's audit trail now has the read in it.
  revalidatePath(`/admin/people/${parsed.data.userId}`);
  return state;
}
