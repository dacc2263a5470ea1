import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth-card';
import { portalHome } from '@/lib/auth/portal';
import { getCurrentUser } from '@/lib/auth/session';
import { safeReturnPath } from '@/lib/auth/links';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(safeReturnPath(params.callbackUrl, portalHome(user)));
  return (
    <AuthCard title="Sign in">
      <p className="mb-5 text-stone-700">
        Students and physicians use the same sign-in. New here? Enter your email and we will take you to registration after you
        sign in.
      </p>
      <SignInForm callbackUrl={safeReturnPath(params.callbackUrl, '')} email={params.email} />
    </AuthCard>
  );
}
