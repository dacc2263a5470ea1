'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formValues, roleAction, type ActionState } from '@/lib/actions';
import { plural } from '@/lib/text';
import { approvalKey, approveSelectedSchema, endKey, endPairingFormSchema } from '@/lib/pairings/forms';
import { namePairings, previewIntroduction, type IntroPreview } from '@/lib/pairings/queries';
import { approvePairings, endPairing } from '@/lib/pairings/operations';

function revalidatePairings() {
  revalidatePath('/admin/pairings');
  revalidatePath('/admin/matching', 'layout');
  revalidatePath('/admin');
}

export type ApproveState = ActionState & {
  preview?: IntroPreview;
  /** Which selected pair the preview shows (0-based), in the order of the selection. */
  previewAt?: number;
  outcome?: { released: number; failed: { name: string; reason: string }[] };
};

/**
 * Approve and release, in two steps. The first submission only checks the email and shows it
 * filled in for the first selected pairing (Previous / Next page through every selected pair's
 * email: `previewAt`), with "Release 3 pairings?"; the second carries the key
 * of what was confirmed. If the selection or the words changed in between, the keys differ and
 * the coordinator is asked again — both people in every pair get this email, so it must be the
 * one they saw.
 */
export const approveSelectedAction = roleAction('admin', approveSelectedSchema, async (data, user, formData): Promise<ApproveState> => {
  const key = approvalKey(data);
  const typed = formValues(formData);
  if (data.confirm !== key) {
    const at = Math.min(data.previewAt ?? 0, data.ids.length - 1);
    const preview = await previewIntroduction(user, data.ids[at], data);
    if (!preview)
      return {
        message: `The ${at === 0 ? 'first' : 'previewed'} selected proposal no longer exists. Reload the page and choose again.`,
        values: typed,
      };
    return { preview, previewAt: at, values: { ...typed, ids: data.ids.map(String), step: 'confirm', confirm: key } };
  }
  const outcome = await approvePairings(user, data.ids, { subject: data.subject, body: data.body });
  revalidatePairings();
  // All released: the rows have moved to the Active tab, so show the news there.
  if (outcome.failed.length === 0) redirect(`/admin/pairings?state=active&done=released&n=${outcome.ok}`);
  const names = await namePairings(
    user,
    outcome.failed.map((f) => Number(f.id)),
  );
  const message = outcome.ok
    ? `${plural(outcome.ok, 'pairing', 'pairings')} released. Both people in each pair were emailed their introduction.`
    : 'No pairing was released.';
  return {
    ok: outcome.ok > 0,
    message,
    outcome: { released: outcome.ok, failed: outcome.failed.map((f) => ({ name: names[f.id] ?? `Proposal ${f.id}`, reason: f.reason })) },
    // The email stays as edited for the next batch; the selection is done with.
    values: { subject: typed.subject ?? '', body: typed.body ?? '' },
  };
});

const endFormSchema = endPairingFormSchema.extend({ mode: z.enum(['withdraw', 'end']).default('end') });

/**
 * Ends an active pairing, or withdraws a proposal, after a confirmation step keyed like the
 * approval. A withdrawn proposal always sends the student back to the top of the waitlist: the
 * student never knew about it, so it cannot be their fault.
 */
export const endPairingAction = roleAction('admin', endFormSchema, async (data, user, formData) => {
  const rematch = data.mode === 'withdraw' ? true : data.rematch;
  const key = endKey({ pairingId: data.pairingId, reason: data.reason, rematch });
  if (data.confirm !== key) return { values: { ...formValues(formData), step: 'confirm', confirm: key } };
  await endPairing(user, data.pairingId, data.reason, rematch, data.mode === 'withdraw' ? 'proposed' : 'active');
  revalidatePairings();
  const done = data.mode === 'withdraw' ? 'withdrawn' : rematch ? 'ended-rematch' : 'ended';
  redirect(`/admin/pairings?state=${data.mode === 'withdraw' ? 'proposed' : 'active'}&done=${done}`);
});
