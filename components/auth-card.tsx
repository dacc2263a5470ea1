import Link from 'next/link';
import type { ReactNode } from 'react';

/** The narrow, centred frame of the sign-in and registration steps. */
export function AuthCard({ title, children, wide }: { title: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-4 sm:px-8">
        <Link href="/" className="font-semibold text-brand-800 no-underline">
          ← Mentor Match
        </Link>
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
