'use client';
import { useEffect } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** Shown when a page fails — most often because the database cannot be reached. No stack traces. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">We can’t load this page right now</h1>
      <p className="mt-3 text-stone-700">
        Something on our side is not responding — usually the database is briefly unavailable. Nothing you saved has been lost.
        Please try again in a minute.
      </p>
      {error.digest && <p className="mt-2 text-xs text-stone-500">Reference: {error.digest}</p>}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={() => reset()}>Try again</Button>
        <Link className="inline-flex min-h-11 items-center px-4" href="/">
          Home
        </Link>
      </div>
    </main>
  );
}
