'use server';
import { revalidatePath } from 'next/cache';
import { formValues, roleAction, type ActionState } from '@/lib/actions';
import { formatDate } from '@/lib/time/format';
import { correctMeetingSchema, deleteKey, deleteMeetingSchema, logMeetingSchema } from './forms';
import { correctMeeting, deleteMeeting, logMeeting, MeetingFieldError } from './meetings';

const guard = { permission: 'meetings:log-own' } as const;

function revalidateMeetings() {
  revalidatePath('/mentee', 'layout');
  revalidatePath('/mentor', 'layout');
}

/** A refusal that belongs beside a field comes back as that field's error, with what was typed. */
function fieldRefusal(err: unknown, formData: FormData): ActionState {
  if (!(err instanceof MeetingFieldError)) throw err;
  return { message: 'Please check the highlighted fields.', fieldErrors: { [err.field]: [err.message] }, values: formValues(formData) };
}

/** Logs a meeting, or confirms the same day's entry of the other member. */
export const logMeetingAction = roleAction(guard, logMeetingSchema, async (data, user, formData): Promise<ActionState> => {
  try {
    const { outcome } = await logMeeting(user, { ...data, note: data.note ?? undefined });
    revalidateMeetings();
    const day = formatDate(data.date);
    if (outcome === 'logged') return { ok: true, message: `Your meeting on ${day} is logged. The other member can see it.` };
    if (outcome === 'confirmed')
      return { ok: true, message: `The other member had already logged a meeting on ${day}: it is now confirmed by you too, not added twice.` };
    return { ok: true, message: `The meeting on ${day} was already logged and confirmed by you both. Nothing was added.` };
  } catch (err) {
    return fieldRefusal(err, formData);
  }
});

/** Corrects one's own entry (within 14 days of logging it). */
export const correctMeetingAction = roleAction(guard, correctMeetingSchema, async (data, user, formData): Promise<ActionState> => {
  try {
    await correctMeeting(user, { ...data, note: data.note ?? undefined });
    revalidateMeetings();
    return { ok: true, message: 'Your correction is saved.' };
  } catch (err) {
    return fieldRefusal(err, formData);
  }
});

/** Deletes one's own entry after a "Yes, delete it" step. */
export const deleteMeetingAction = roleAction(guard, deleteMeetingSchema, async (data, user, formData): Promise<ActionState> => {
  const key = deleteKey(data.meetingId);
  if (data.confirm !== key) return { values: { ...formValues(formData), step: 'confirm', confirm: key } };
  await deleteMeeting(user, data);
  revalidateMeetings();
  return { ok: true, message: 'The entry is deleted.' };
});
