import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart, LineChart } from '@/components/charts/charts';
import { Table, Td, Th } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/session';
import { getEmailHealth } from '@/lib/email/health';
import { getOverviewData } from '@/lib/reports/overview';
import { CADENCE_LABEL, CADENCE_STATUSES } from '@/lib/meetings/cadence';
import { countOpenConcerns } from '@/lib/safety/concerns';
import { flaggedPairingIds } from '@/lib/safety/check-ins';
import { formatDateTime } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Overview' };

const STUDENT = '#0f766e';
const PHYSICIAN = '#7c3aed';

export default async function AdminHome() {
  const user = await requireRole('admin');
  const [o, mail, openConcerns, flagged] = await Promise.all([getOverviewData(user), getEmailHealth(user), countOpenConcerns(user), flaggedPairingIds(user)]);
  const h = o.headline;
  const tiles = [
    {
      label: 'Registrations to review',
      value: h.pendingReview.mentee + h.pendingReview.mentor,
      note: `${h.pendingReview.mentee} students · ${h.pendingReview.mentor} physicians`,
      href: '/admin/people?status=pending',
    },
    { label: 'Students waiting for a mentor', value: h.waitingMentees, href: '/admin/matching' },
    {
      label: 'Physicians with free places',
      value: h.mentorsWithFreePlaces,
      note: `${h.freePlaces} places in all`,
      href: '/admin/people?role=mentor&status=approved&paused=no',
    },
    { label: 'Active pairings', value: h.activePairings, href: '/admin/pairings?state=active' },
    {
      label: 'Pairings overdue for a meeting',
      value: h.cadence.overdue,
      note: `${h.cadence['due-soon']} due soon`,
      href: '/admin/pairings?state=active&cadence=overdue',
      alert: h.cadence.overdue > 0,
    },
    { label: 'Open concerns', value: openConcerns, href: '/admin/concerns', alert: openConcerns > 0 },
    {
      label: 'Pairings flagged in a check-in',
      value: flagged.size,
      note: 'A 1 or 2 on feeling respected and safe',
      href: '/admin/pairings?state=active',
      alert: flagged.size > 0,
    },
    { label: 'Proposals awaiting approval', value: h.proposedPairings, href: '/admin/pairings?state=proposed' },
    { label: 'Physicians yet to sign the current statement', value: h.mentorsNotAttested, href: '/admin/people?role=mentor&status=approved&attested=no' },
    { label: 'Approved students', value: h.approved.mentee, note: `${h.registered.mentee} registered`, href: '/admin/people?role=mentee&status=approved' },
    { label: 'Approved physicians', value: h.approved.mentor, note: `${h.registered.mentor} registered`, href: '/admin/people?role=mentor&status=approved' },
    { label: 'Emails that could not be sent', value: mail.failed, href: '#undelivered', alert: mail.failed > 0 },
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Program overview</h1>
        <Link href="/admin/reports">Outcome report</Link>
      </div>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        {tiles.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              className={`block h-full rounded-lg border bg-white p-4 no-underline hover:border-brand-600 ${t.alert ? 'border-red-300' : 'border-stone-200'}`}
            >
              <span className={`block text-3xl font-bold tabular-nums ${t.alert ? 'text-red-700' : 'text-stone-900'}`}>{t.value}</span>
              <span className="mt-1 block text-sm text-stone-700">{t.label}</span>
              {t.note && <span className="mt-0.5 block text-xs text-stone-500">{t.note}</span>}
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="charts" className="space-y-4">
        <h2 id="charts" className="text-lg font-semibold">
          How the program is going
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            title="Registrations per week"
            description="New students and physicians who finished registering, over the last 12 weeks."
            series={[
              { key: 'mentee', label: 'Students', color: STUDENT },
              { key: 'mentor', label: 'Physicians', color: PHYSICIAN },
            ]}
            points={o.registrationsPerWeek}
          />
          <LineChart
            title="Pairings by state"
            description="How many pairings were proposed, active or closed at the end of each week."
            series={[
              { key: 'proposed', label: 'Proposed', color: '#d97706' },
              { key: 'active', label: 'Active', color: STUDENT },
              { key: 'closed', label: 'Completed or ended', color: '#78716c' },
            ]}
            points={o.pairingsOverTime}
          />
          <BarChart
            title="Meeting cadence"
            description="Active pairings by time since they last met: on track, due soon, or overdue (thresholds in settings)."
            series={[{ key: 'pairings', label: 'Pairings', color: STUDENT }]}
            points={CADENCE_STATUSES.map((c) => ({ label: CADENCE_LABEL[c], values: { pairings: h.cadence[c] } }))}
          />
          <BarChart
            title="How long students have waited"
            description="Students on the waitlist now, by days since they joined it."
            series={[{ key: 'students', label: 'Students', color: STUDENT }]}
            points={o.waitedDistribution}
          />
          <BarChart
            title="Free places and waiting students"
            description="Places physicians can still take on, beside the students waiting for one."
            series={[
              { key: 'places', label: 'Free places', color: PHYSICIAN },
              { key: 'students', label: 'Waiting students', color: STUDENT },
            ]}
            points={o.placesVsWaiting}
          />
        </div>
      </section>
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
