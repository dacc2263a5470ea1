import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutAction } from '@/lib/auth/actions';
import { NavLinks, type NavLink } from './nav-links';
import { ProgramContactLine } from './program-contact';

type Props = {
  area: string;
  nav: NavLink[];
  user: { email: string; name: string | null };
  children: ReactNode;
};

/** The frame of every portal: program name, navigation, who is signed in, sign-out. */
export function PortalShell({ area, nav, user, children }: Props) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-stone-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="font-bold text-brand-800 no-underline">
            Mentor Match <span className="ml-1 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{area}</span>
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden max-w-56 truncate text-stone-600 sm:inline">{user.name ?? user.email}</span>
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-md px-3 font-semibold text-brand-800 hover:bg-brand-50">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={`${area} navigation`} className="mx-auto max-w-6xl px-2">
          <NavLinks links={nav} />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl border-t border-stone-200 px-4 py-6 text-sm text-stone-600">
        <ProgramContactLine />
      </footer>
    </div>
  );
}
