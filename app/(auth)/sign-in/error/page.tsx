import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth-card';
import { SignInForm } from '../sign-in-form';

export const metadata: Metadata = { title: 'Sign-in link problem' };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'This sign-in link no longer works',
    body: 'It has already been used, it has expired, or a newer link was sent after it. Links work once and only for a short time. Send yourself a new one below.',
  },
  CrossSite: {
    title: 'Please sign in from this site',
    body: 'A page on another website tried to sign you in here, so we stopped it: it could have signed you in to someone else’s account. Nothing was changed. If you were signing in, ask for a fresh link below and open it from your own email.',
  },
  AccessDenied: { title: 'Sign-in was refused', body: 'This address cannot sign in. If you think that is a mistake, contact the program coordinator.' },
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string; email?: string }> }) {
  const { error, email: given } = await searchParams;
  // After a cross-site attempt the address in the link is not necessarily the visitor's own.
  const email = error === 'CrossSite' ? undefined : given;
  const message = MESSAGES[error ?? ''] ?? {
    title: 'We could not sign you in',
    body: 'Something went wrong with that sign-in. Please ask for a new link.',
  };
  return (
    <AuthCard title={message.title}>
      <p className="mb-5 text-stone-700">{message.body}</p>
      <SignInForm email={email} />
    </AuthCard>
  );
}
