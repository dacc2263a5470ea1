'use server';
import { roleAction } from '@/lib/actions';
import { submitCheckIn } from './check-ins';
import { raiseConcern } from './concerns';
import { checkInSchema, concernSchema } from './forms';

/**
 * A member's private check-in answers; they never come back to the member or the other person. No
 * revalidation: the portal pages are dynamic, and re-rendering this one would replace the thank-you
 * with "not open" (the round is answered now).
 */
export const submitCheckInAction = roleAction(['mentee', 'mentor'], checkInSchema, async (data, user) => {
  await submitCheckIn(user, data);
  return { ok: true, message: 'Thank you. Your answers went to the program coordinators only.' };
});

/** Raise a concern (optionally pausing the pairing); the answer is only a confirmation. */
export const raiseConcernAction = roleAction(['mentee', 'mentor'], concernSchema, async (data, user) => {
  const { paused } = await raiseConcern(user, data);
  return {
    ok: true,
    message: paused
      ? 'Thank you. Your concern went to the program coordinators, and the mentorship is paused.'
      : 'Thank you. Your concern went to the program coordinators.',
  };
});
