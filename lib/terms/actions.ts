'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { formatDate } from '@/lib/time/format';
import { extendTerm } from './admin';
import { rejoinWaitlist, submitCloseSurvey } from './closing';
import { closeSurveySchema, extendTermSchema, rejoinWaitlistSchema, renewalChoiceSchema } from './forms';
import { chooseRenewal } from './renewal';

export const chooseRenewalAction = roleAction(['mentee', 'mentor'], renewalChoiceSchema, async ({ pairingId, choice }, user) => {
  await chooseRenewal(user, pairingId, choice);
  revalidatePath(`/${user.role}`, 'layout');
  return {
    ok: true,
    message:
      choice === 'continue'
        ? 'Saved: you would like to continue. The mentorship goes on only if you both choose to continue.'
        : 'Saved: you would like to conclude at the end of this term.',
  };
});

export const submitSurveyAction = roleAction(['mentee', 'mentor'], closeSurveySchema, async (input, user) => {
  await submitCloseSurvey(user, input);
  revalidatePath(`/${user.role}`, 'layout');
  return { ok: true, message: 'Thank you! Your answers were sent to the program coordinator.' };
});

export const rejoinWaitlistAction = roleAction('mentee', rejoinWaitlistSchema, async ({ pairingId }, user) => {
  await rejoinWaitlist(user, pairingId);
  // No revalidation: the home would re-render without this card (the offer is spent) before the
  // confirmation below could show; the next visit shows the home as it now is.
  return { ok: true, message: 'You are back on the waitlist, counted from today. The coordinator will email you when you are paired again.' };
});

export const extendTermAction = roleAction('admin', extendTermSchema, async ({ pairingId, endDate, reason }, user) => {
  await extendTerm(user, pairingId, endDate, reason);
  revalidatePath(`/admin/pairings/${pairingId}`);
  return { ok: true, message: `Extended: the term now ends on ${formatDate(endDate)}.` };
});
