'use server';
import { revalidatePath } from 'next/cache';
import { formValues, roleAction } from '@/lib/actions';
import { bulkDecisionSchema, confirmationKey, decideRegistrants } from '@/lib/people/decisions';
import { decisionSummary } from './copy';

/**
 * The bulk decision, in two steps: the first submission only asks "Approve 4 people?"; the second
 * carries the key of what was confirmed. If the selection, decision or reason changed in between,
 * the keys differ and the coordinator is asked again.
 */
export const decideSelectedAction = roleAction('admin', bulkDecisionSchema, async (data, user, formData) => {
  const key = confirmationKey(data);
  if (data.confirm !== key) return { values: { ...formValues(formData), ids: data.ids, step: 'confirm', confirm: key } };
  const result = await decideRegistrants(user, data);
  revalidatePath('/admin/people', 'layout');
  revalidatePath('/admin');
  return { ok: true, message: decisionSummary(data.decision, result) };
});
