import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { requireRole } from '@/lib/auth/session';
import { getOutcomeReport, reportYears } from '@/lib/reports/outcomes';
import { reportLines } from '@/lib/reports/rows';
import { MIN_GROUP } from '@/lib/reports/suppress';

export const metadata: Metadata = { title: 'Outcome report' };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const years = await reportYears(user);
  const asked = Number((await searchParams).year);
  const year = years.includes(asked) ? asked : years[0];
  if (year === undefined)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Outcome report</h1>
        <EmptyState title="No program years yet">Create a cohort in Settings; its program year gets a report here.</EmptyState>
      </div>
    );
  const lines = reportLines(await getOutcomeReport(user, year));
  const sections = [...new Set(lines.map((l) => l.section))];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Outcome report {year}</h1>
        <div className="flex gap-4 print:hidden">
          <a href={`/admin/reports/outcomes.csv?year=${year}`}>Download as CSV</a>
        </div>
      </div>
      {years.length > 1 && (
        <nav aria-label="Program year" className="print:hidden">
          <ul className="flex flex-wrap gap-2">
            {years.map((y) => (
              <li key={y}>
                <Link
                  href={`/admin/reports?year=${y}`}
                  aria-current={y === year ? 'page' : undefined}
                  className={`rounded-full border px-3 py-1 no-underline ${y === year ? 'border-brand-600 bg-brand-50' : 'border-stone-300'}`}
                >
                  {y}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="text-sm text-stone-700">
        Students of the {year} cohorts and their pairings. To protect people’s privacy, any figure about an identity group, and any median, built from fewer than{' '}
        {MIN_GROUP} people reads “fewer than {MIN_GROUP}”. Averages of check-ins and close surveys are shown only where at least {MIN_GROUP} answers stand behind
        them.
      </p>
      {sections.map((section) => (
        <section key={section} className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-4 print:border-stone-400">
          <h2 className="mb-2 font-semibold">{section}</h2>
          <dl className="divide-y divide-stone-100">
            {lines
              .filter((l) => l.section === section)
              .map((l) => (
                <div key={l.figure} className="flex items-baseline justify-between gap-4 py-1.5">
                  <dt className="text-stone-700">{l.figure}</dt>
                  <dd className={`text-right font-semibold tabular-nums ${l.value === 'fewer than 5' ? 'text-stone-500 italic' : 'text-stone-900'}`}>{l.value}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
