import { cookies } from 'next/headers';
import Link from 'next/link';
import { Suspense } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/session';
import { portalHome } from '@/lib/auth/portal';
import { ProgramContactLine } from '@/components/program-contact';
import { signOutAction } from '@/lib/auth/actions';
import { SESSION_COOKIES } from '@/lib/auth/gate';
import { EXPECTATIONS } from '@/lib/registration/expectations';

export default async function LandingPage() {
  // Without a session cookie nobody is signed in: the page then needs no database at all, so it
  // answers at once even while a fresh embedded database is still being created (db/startup.ts).
  const jar = await cookies();
  const user = SESSION_COOKIES.some((c) => jar.has(c)) ? await getCurrentUser().catch(() => null) : null;
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
        <span className="font-bold text-brand-800">Mentor Match</span>
        {user ? (
          <div className="flex items-center gap-2">
            <Link href={portalHome(user)} className="font-semibold">
              Go to your portal
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-md px-3 font-semibold text-brand-800 hover:bg-brand-50">
                Sign out
              </button>
            </form>
          </div>
        ) : (
          <Link href="/sign-in" className="font-semibold">
            Sign in
          </Link>
        )}
      </header>
      <main id="main">
        <section className="bg-gradient-to-b from-brand-50 to-stone-50">
          <div className="mx-auto max-w-6xl px-4 py-14 sm:py-20">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">Physician–pre-med mentorship</p>
            <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-stone-900 sm:text-5xl">
              A physician in your corner on the way to medical school
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-stone-700">
              Many pre-med students — especially those from communities medicine has underserved — have never had a doctor to ask for
              advice. This program pairs students with practising physicians for a year of mentorship, because a more diverse
              medical workforce means better care for everyone.
            </p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <ButtonLink href="/sign-in?callbackUrl=%2Fregister%2Fmentee">I’m a pre-med student</ButtonLink>
              <ButtonLink href="/sign-in?callbackUrl=%2Fregister%2Fmentor" variant="secondary">
                I’m a physician
              </ButtonLink>
            </div>
            <p className="mt-4 text-sm text-stone-600">
              Registration is one form and needs no password — we email you a sign-in link.
            </p>
          </div>
        </section>

        <section className="mx-auto grid max-w-6xl gap-6 px-4 py-12 md:grid-cols-2">
          <div className="rounded-xl border border-stone-200 bg-white p-6">
            <h2 className="text-xl font-semibold">For pre-med students</h2>
            <p className="mt-2 text-stone-700">
              Tell us what you need — the application timeline, the MCAT, your personal statement, interviews — and whom you would
              like as a mentor. If you would prefer a mentor who is Black, Indigenous or a person of colour, you can say so
              privately, and we pair intentionally with that in mind.
            </p>
          </div>
          <div className="rounded-xl border border-stone-200 bg-white p-6">
            <h2 className="text-xl font-semibold">For physicians</h2>
            <p className="mt-2 text-stone-700">
              Mentor one to three students on the medical school application, interviews and their educational and career goals.
              Every mentor commits to anti-racism and cultural humility before being paired; being BIPOC yourself is not
              required.
            </p>
          </div>
        </section>

        <section className="mx-auto max-w-6xl px-4 pb-16">
          <h2 className="text-xl font-semibold">What both of you agree to</h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {EXPECTATIONS.map((e) => (
              <li key={e.title} className="rounded-lg border border-stone-200 bg-white p-5">
                <p className="font-semibold">{e.title}</p>
                <p className="mt-1 text-sm text-stone-700">{e.detail}</p>
              </li>
            ))}
          </ul>
          <p className="mt-8 text-stone-700">
            Pairings are made by the program coordinator, not by an algorithm alone: the software suggests, a person decides.
            Already registered?{' '}
            <Link href="/sign-in" className="font-semibold underline">
              Sign in
            </Link>
            .
          </p>
        </section>
      </main>
      <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">
        <p>A partnership between a family-medicine residency and a university pre-medical student association.</p>
        {/* The contact is a setting: streamed in when the database answers, never holding the page. */}
        <Suspense>
          <ProgramContactLine className="mt-2" />
        </Suspense>
      </footer>
    </div>
  );
}
