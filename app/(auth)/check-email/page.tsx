import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth-card';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your email' };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const minutes = Math.round(getEnv().SIGN_IN_LINK_MAX_AGE / 60);
  return (
    <AuthCard title="Check your email">
      <div className="space-y-4 text-stone-700">
        <p>
          If <strong className="break-all">{email ?? 'your address'}</strong> can receive email, a sign-in link is on its way. Open it
          on this device; it works once and for {minutes} minutes.
        </p>
        <p>Asking for a new link makes the earlier ones stop working. To keep accounts safe, we send at most three links to an address every 15 minutes — if nothing arrives, check your spam folder and wait a few minutes before trying again.</p>
        <p>
          <Link href={`/sign-in${email ? `?email=${encodeURIComponent(email)}` : ''}`}>Use a different address or send a new link</Link>
        </p>
      </div>
    </AuthCard>
  );
}
