'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { roleAction } from '@/lib/actions';
import { formatDate } from '@/lib/time/format';
import {
  attestationSchema,
  capacitySchema,
  menteeRegistrationSchema,
  mentorProfileEditSchema,
  mentorRegistrationSchema,
  pauseSchema,
  withdrawSchema,
} from './schemas';
import { attestCurrentStatement, saveMenteeProfile, saveMentorProfile, setMentorCapacity, setMentorPause, withdrawFromProgram } from './profile';

/** Mentee registration and later edits share one action: the same validation both times. */
export const saveMenteeProfileAction = roleAction('mentee', menteeRegistrationSchema, async ({ profile, identity }, user) => {
  const { submitted } = await saveMenteeProfile(user, profile, identity);
  revalidatePath('/mentee', 'layout');
  redirect(submitted ? '/mentee?registered=1' : '/mentee/profile?saved=1');
});

export const registerMentorAction = roleAction('mentor', mentorRegistrationSchema, async ({ profile, identity, attestation }, user) => {
  await saveMentorProfile(user, profile, identity, attestation);
  revalidatePath('/mentor', 'layout');
  redirect('/mentor?registered=1');
});

export const saveMentorProfileAction = roleAction('mentor', mentorProfileEditSchema, async ({ profile, identity }, user) => {
  await saveMentorProfile(user, profile, identity, null);
  revalidatePath('/mentor', 'layout');
  redirect('/mentor/profile?saved=1');
});

export const attestAction = roleAction('mentor', attestationSchema, async (input, user) => {
  await attestCurrentStatement(user, input);
  revalidatePath('/mentor', 'layout');
  redirect('/mentor?attested=1');
});

export const pauseAction = roleAction('mentor', pauseSchema, async ({ pausedUntil }, user) => {
  await setMentorPause(user, pausedUntil);
  revalidatePath('/mentor');
  return { ok: true, message: pausedUntil ? `Paused: no new mentees through ${formatDate(pausedUntil)}.` : 'You are taking new mentees again.' };
});

export const capacityAction = roleAction('mentor', capacitySchema, async ({ capacity }, user) => {
  await setMentorCapacity(user, capacity);
  revalidatePath('/mentor');
  return { ok: true, message: `Saved: you can take up to ${capacity} mentee${capacity === 1 ? '' : 's'}.` };
});

export const withdrawAction = roleAction(['mentee', 'mentor'], withdrawSchema, async ({ reason }, user) => {
  await withdrawFromProgram(user, reason);
  revalidatePath('/', 'layout');
  redirect(`/${user.role}?withdrawn=1`);
});
