'use server';
import { redirect, unstable_rethrow } from 'next/navigation';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/actions';
import { signIn } from '@/lib/auth/auth';
import { safeReturnPath } from '@/lib/auth/links';
import { signInAttempt, type SignInAttempt } from '@/lib/auth/sign-in-email';
import { signInSchema } from '@/lib/auth/validation';

/**
 * The sign-in form. Validation here gives the person a field error; the limits, invalidation of
 * older links and the email itself live in the provider's send step (lib/auth/sign-in-email.ts), so
 * they hold for Auth.js's own endpoint as well. An address that hit its limit goes through exactly
 * the same steps as any other (same cookie, same headers, same timing): nobody can learn from the
 * response whether an address is known or limited.
 */
export async function requestSignInLink(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { email } = parsed.data;
  const returnTo = safeReturnPath(parsed.data.callbackUrl, '/portal');

  const attempt: SignInAttempt = {};
  let failed = false;
  try {
    // Failures inside Auth.js come back as a redirect to its error page, not a throw.
    const next: unknown = await signInAttempt.run(attempt, () => signIn('resend', { email, redirectTo: returnTo, redirect: false }));
    failed = attempt.outcome === 'failed' || (typeof next === 'string' && new URL(next, 'http://x').searchParams.has('error'));
  } catch (err) {
    unstable_rethrow(err);
    console.error('sign-in email failed', err);
    failed = true;
  }
  if (attempt.outcome === 'ip-limited')
    return {
      message: 'Too many sign-in requests have come from your network in the last 15 minutes. Please wait a little and try again.',
      values,
    };
  if (failed) return { message: 'We could not send the email just now. Please try again in a minute.', values };
  redirect(`/check-email?email=${encodeURIComponent(email)}`);
}
