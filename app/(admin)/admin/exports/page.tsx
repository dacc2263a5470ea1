import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/session';
import { describeExports } from '@/lib/exports/exports';

export const metadata: Metadata = { title: 'Exports' };

/**
 * The exports, each as a plain download. Identity columns need a second step: this page, with
 * ?confirm=<file>, says exactly which columns are added before offering the link.
 */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const files = describeExports(user);
  const { confirm: asked } = await searchParams;
  const confirm = files.find((f) => f.file === asked && f.identityColumns.length > 0);
  if (confirm)
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">Include identity answers in {confirm.title.toLowerCase()}.csv?</h1>
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>People shared these answers in confidence, for matching. This file adds these columns to the usual ones:</p>
          <ul className="list-disc pl-5 font-mono text-sm">
            {confirm.identityColumns.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p>The download is recorded in the audit log under your name. Keep the file somewhere only coordinators can open, and delete it when you are done.</p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">
          <a
            href={`/admin/exports/${confirm.file}.csv?identity=yes`}
            className="rounded-md bg-amber-700 px-4 py-2 text-center font-semibold text-white no-underline hover:bg-amber-800"
          >
            Yes, download with identity answers
          </a>
          <Link href="/admin/exports" className="rounded-md border border-stone-300 px-4 py-2 text-center no-underline">
            Cancel
          </Link>
        </div>
      </div>
    );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Exports</h1>
      <p className="max-w-prose text-stone-700">Spreadsheet files (CSV, UTF-8) of the program’s records. Every download is recorded in the audit log.</p>
      <ul className="grid gap-4 md:grid-cols-2">
        {files.map((f) => (
          <li key={f.file} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="font-semibold">{f.title}</h2>
            <p className="text-sm text-stone-700">{f.summary}</p>
            <details className="text-sm">
              <summary className="cursor-pointer">Columns</summary>
              <p className="mt-1 font-mono text-xs break-words text-stone-600">{f.columns.join(', ')}</p>
            </details>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <a
                href={`/admin/exports/${f.file}.csv`}
                className="rounded-md bg-brand-700 px-4 py-2 text-center font-semibold text-white no-underline hover:bg-brand-800"
              >
                Download {f.file}.csv
              </a>
              {f.identityColumns.length > 0 && (
                <Link href={`/admin/exports?confirm=${f.file}`} className="text-sm">
                  With identity answers…
                </Link>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
