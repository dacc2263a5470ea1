'use server';
import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/actions';
import { signIn } from '@/lib/auth/auth';
import { safeReturnPath } from '@/lib/auth/links';
import { clientIp, gateSignInEmail } from '@/lib/auth/request-sign-in';
import { signInSchema } from '@/lib/auth/validation';

export async function requestSignInLink(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  const { email } = parsed.data;
  const returnTo = safeReturnPath(parsed.data.callbackUrl, '/portal');

  try {
    const gate = await gateSignInEmail(email, clientIp(await headers()));
    if (gate === 'ip-limited')
      return {
        message: 'Too many sign-in requests have come from your network in the last 15 minutes. Please wait a little and try again.',
        values,
      };
    // An address that hit its limit gets the same answer as any other: no one can learn from the
    // response whether an address is known or limited.
    if (gate === 'send') await signIn('resend', { email, redirectTo: returnTo, redirect: false });
  } catch (err) {
    unstable_rethrow(err);
    console.error('sign-in email failed', err);
    return { message: 'We could not send the email just now. Please try again in a minute.', values };
  }
  redirect(`/check-email?email=${encodeURIComponent(email)}`);
}
