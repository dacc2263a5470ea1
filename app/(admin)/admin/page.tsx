import type { Metadata } from 'next';
import Link from 'next/link';
import { Table, Td, Th } from '@/components/ui/table';
import { getOverview } from '@/lib/people/overview';
import { formatDateTime } from '@/lib/time/format';
import { requireRole } from '@/lib/auth/session';
import { getEmailHealth } from '@/lib/email/health';

export const metadata: Metadata = { title: 'Overview' };

export default async function AdminHome() {
  const user = await requireRole('admin');
  const [o, mail] = await Promise.all([getOverview(user), getEmailHealth(user)]);
  const tiles = [
    { label: 'Registrations to review', value: o.pendingReview, href: '/admin/people?status=pending' },
    { label: 'Students waiting for a mentor', value: o.waitingMentees, href: '/admin/matching' },
    { label: 'Active pairings', value: o.activePairings, href: '/admin/pairings' },
    { label: 'Proposals awaiting approval', value: o.proposedPairings, href: '/admin/pairings?state=proposed' },
    { label: 'Approved students', value: o.menteesApproved, href: '/admin/people?role=mentee&status=approved' },
    { label: 'Approved physicians', value: o.mentorsApproved, href: '/admin/people?role=mentor&status=approved' },
    { label: 'Emails that could not be sent', value: mail.failed, href: '#undelivered' },
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
      <section aria-labelledby="undelivered" className="space-y-3">
        <h2 id="undelivered" className="text-lg font-semibold">
          Undelivered email
        </h2>
        {mail.failed === 0 ? (
          <p className="text-sm text-stone-700">
            Every email has gone out{mail.queued > 0 ? `; ${mail.queued} ${mail.queued === 1 ? 'is' : 'are'} on the way right now` : ''}.
          </p>
        ) : (
          <>
            <p className="text-sm text-stone-700">
              {mail.failed === 1 ? 'One email' : `${mail.failed} emails`} could not be delivered after several tries. The person did not receive{' '}
              {mail.failed === 1 ? 'it' : 'them'}: check the address, or tell them another way.
              {mail.failed > mail.recentFailures.length && ` The ${mail.recentFailures.length} most recent are below.`}
            </p>
            <Table caption="Emails that could not be delivered, most recent first">
              <thead>
                <tr>
                  <Th>To</Th>
                  <Th>Email</Th>
                  <Th>Why</Th>
                  <Th>Recorded</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {mail.recentFailures.map((f) => (
                  <tr key={f.id}>
                    <Td className="min-w-44 break-all">{f.to}</Td>
                    <Td className="min-w-48">
                      {f.subject}
                      <span className="block text-xs text-stone-500">
                        {f.kind} · {f.attempts} {f.attempts === 1 ? 'try' : 'tries'}
                      </span>
                    </Td>
                    <Td className="min-w-48 max-w-xs break-words text-stone-700">{f.error ?? 'Unknown'}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(f.createdAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </section>
    </div>
  );
}
