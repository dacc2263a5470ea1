import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth-card';
import { SignInForm } from '../sign-in-form';

export const metadata: Metadata = { title: 'Sign-in link problem' };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'This sign-in link no longer works',
    body: 'It has already been used, it has expired, or a newer link was sent after it. Links work once and only for a short time. Send yourself a new one below.',
  },
  AccessDenied: { title: 'Sign-in was refused', body: 'This address cannot sign in. If you think that is a mistake, contact the program coordinator.' },
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string; email?: string }> }) {
  const { error, email } = await searchParams;
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
