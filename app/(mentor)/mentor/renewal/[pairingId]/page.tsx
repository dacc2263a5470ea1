import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RenewalPanel } from '@/components/terms/renewal-panel';
import { requireRole } from '@/lib/auth/session';
import { getMyTerms } from '@/lib/terms/renewal';

export const metadata: Metadata = { title: 'Continue or conclude' };

export default async function MentorRenewalPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const user = await requireRole('mentor');
  const { pairingId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(pairingId)) notFound();
  // Only the mentor's own live pairings are listed: anyone else's id is a 404.
  const term = (await getMyTerms(user)).find((t) => t.pairingId === Number(pairingId));
  if (!term) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/mentor">← Home</Link>
      </p>
      <h1 className="text-2xl font-bold">Continue or conclude mentoring {term.otherName}</h1>
      <RenewalPanel term={term} />
    </div>
  );
}
