import type { Metadata } from 'next';
import Link from 'next/link';
import { RenewalPanel } from '@/components/terms/renewal-panel';
import { EmptyState } from '@/components/ui/empty-state';
import { requireRole } from '@/lib/auth/session';
import { getMyTerms } from '@/lib/terms/renewal';

export const metadata: Metadata = { title: 'Continue or conclude' };

export default async function MenteeRenewalPage() {
  const user = await requireRole('mentee');
  const [term] = await getMyTerms(user);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/mentee">← Home</Link>
      </p>
      <h1 className="text-2xl font-bold">Continue or conclude your mentorship</h1>
      {term ? (
        <RenewalPanel term={term} />
      ) : (
        <EmptyState title="Nothing to decide right now">You have no active mentorship whose term is running. Your home page shows where things stand.</EmptyState>
      )}
    </div>
  );
}
