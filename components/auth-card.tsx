import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/lib/auth/actions';

/**
 * The narrow, centred frame of the sign-in and registration steps. When someone is signed in
 * (the registration pages), the header says who and offers sign-out: a person who signed in with
 * the wrong address must be able to leave.
 */
export function AuthCard({
  title,
  children,
  wide,
  signedInAs,
}: {
  title: ReactNode;
  children: ReactNode;
  wide?: boolean;
  signedInAs?: string;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex flex-wrap items-center justify-between gap-2 px-4 py-4 sm:px-8">
        <Link href="/" className="font-semibold text-brand-800 no-underline">
          ← Mentor Match
        </Link>
        {signedInAs && (
          <div className="flex min-w-0 items-center gap-2 text-sm">
            <span className="hidden max-w-56 truncate text-stone-600 sm:inline">{signedInAs}</span>
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-md px-3 font-semibold text-brand-800 hover:bg-brand-50">
                Sign out
              </button>
            </form>
          </div>
        )}
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 sm:pt-8">
        <div className={wide ? 'w-full max-w-3xl' : 'w-full max-w-md'}>
          <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
            <h1 className="mb-4 text-2xl font-bold tracking-tight text-stone-900">{title}</h1>
            {children}
          </div>
        </div>
      </main>
    </div>
  );
}
