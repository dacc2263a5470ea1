import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth-card';
import { SubmitButton } from '@/components/ui/submit-button';

export const metadata: Metadata = { title: 'Confirm sign-in', referrer: 'no-referrer' };

/**
 * The page a magic link opens. Opening it changes nothing: only pressing the button (a POST)
 * spends the token, so mail scanners that fetch links cannot burn them.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token, email, callbackUrl } = await searchParams;
  if (!token || !email) {
    return (
      <AuthCard title="This link is incomplete">
        <p className="mb-4 text-stone-700">The address may have been cut off by your email program. Ask for a new link instead.</p>
        <Link href="/sign-in">Send a new sign-in link</Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirm sign-in">
      <form method="post" action="/api/auth/confirm" className="space-y-5">
        <p className="text-stone-700">
          Sign in as <strong className="break-all">{email}</strong>?
        </p>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
        <SubmitButton className="w-full" pendingText="Signing in…">
          Sign in
        </SubmitButton>
        <p className="text-sm text-stone-600">
          Not you? Close this page; nothing happens until you press the button.
        </p>
      </form>
    </AuthCard>
  );
}
