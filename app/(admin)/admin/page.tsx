import type { Metadata } from 'next';
import Link from 'next/link';
import { getOverview } from '@/lib/people/overview';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Overview' };

export default async function AdminHome() {
  const user = await requireRole('admin');
  const o = await getOverview(user);
  const tiles = [
    { label: 'Registrations to review', value: o.pendingReview, href: '/admin/people?status=pending' },
    { label: 'Students waiting for a mentor', value: o.waitingMentees, href: '/admin/matching' },
    { label: 'Active pairings', value: o.activePairings, href: '/admin/pairings' },
    { label: 'Proposals awaiting approval', value: o.proposedPairings, href: '/admin/pairings?state=proposed' },
    { label: 'Approved students', value: o.menteesApproved, href: '/admin/people?role=mentee&status=approved' },
    { label: 'Approved physicians', value: o.mentorsApproved, href: '/admin/people?role=mentor&status=approved' },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Program overview</h1>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        {tiles.map((t) => (
          <li key={t.label}>
            <Link href={t.href} className="block rounded-lg border border-stone-200 bg-white p-4 no-underline hover:border-brand-600">
              <span className="block text-3xl font-bold text-stone-900">{t.value}</span>
              <span className="mt-1 block text-sm text-stone-700">{t.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
