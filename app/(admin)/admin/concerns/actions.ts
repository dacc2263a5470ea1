'use server';
import { revalidatePath } from 'next/cache';
import { formValues, roleAction } from '@/lib/actions';
import { addConcernNote, assignConcern, resolveConcern } from '@/lib/safety/concerns';
import { assignConcernSchema, concernNoteSchema, resolveConcernSchema, resolveKey } from '@/lib/safety/forms';

function revalidateConcern(id: number) {
  revalidatePath('/admin/concerns');
  revalidatePath(`/admin/concerns/${id}`);
  revalidatePath('/admin', 'layout');
}

export const assignConcernAction = roleAction('admin', assignConcernSchema, async (data, user) => {
  await assignConcern(user, data);
  revalidateConcern(data.concernId);
  return { ok: true, message: 'Assigned. The concern is in progress.' };
});

export const addConcernNoteAction = roleAction('admin', concernNoteSchema, async (data, user) => {
  await addConcernNote(user, data);
  revalidateConcern(data.concernId);
  return { ok: true, message: 'Note added. Only coordinators can read it.' };
});

/**
 * Resolves a concern, in two steps: the first submission is answered with a key naming exactly
 * this resolution, the second (carrying it) acts — ending a pairing cannot be undone.
 */
export const resolveConcernAction = roleAction('admin', resolveConcernSchema, async (data, user, formData) => {
  const key = resolveKey(data);
  if (data.confirm !== key) return { values: { ...formValues(formData), step: 'confirm', confirm: key } };
  await resolveConcern(user, data);
  revalidateConcern(data.concernId);
  revalidatePath('/admin/pairings');
  revalidatePath('/admin/matching', 'layout');
  return { ok: true, message: 'Resolved.' };
});
