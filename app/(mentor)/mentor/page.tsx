import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SafeSpaceBanners } from '@/components/safety/member-banners';
import { StatusCard } from '@/components/people/status-card';
import { Alert } from '@/components/ui/alert';
import { ForgetParam } from '@/components/ui/one-time-notice';
import { Card, CardTitle } from '@/components/ui/card';
import { CapacityForm, PauseForm } from '@/components/registration/mentor-settings';
import { MenteeCard } from '@/components/pairings/person-cards';
import { MenteeCadenceLine } from '@/components/meetings/home-cadence';
import { EmptyState } from '@/components/ui/empty-state';
import { TermBanners } from '@/components/terms/term-banners';
import { requireRole } from '@/lib/auth/session';
import { getMyMentees } from '@/lib/pairings/queries';
import { getMyRecentEndings } from '@/lib/pairings/endings';
import { EndedNotes } from '@/components/pairings/ended-notes';
import { RoadmapHomeSection } from '@/components/roadmap/home-section';
import { isPaused } from '@/lib/people/pause';
import { capacityAction, pauseAction } from '@/lib/registration/actions';
import { getMentorStanding } from '@/lib/registration/queries';
import { programToday } from '@/lib/settings/program';
import { formatDate } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Home' };

export default async function MentorHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireRole('mentor');
  if (user.status === 'registering') redirect('/register/mentor');
  const [params, standing, mentees, today, endings] = await Promise.all([
    searchParams,
    getMentorStanding(user),
    getMyMentees(user),
    programToday(),
    getMyRecentEndings(user),
  ]);
  const paused = standing && isPaused(standing.pausedUntil, today) ? standing.pausedUntil : null;
  return (
    <div className="space-y-6">
      <ForgetParam names={['registered', 'attested', 'withdrawn']} />
      <h1 className="text-2xl font-bold">Welcome{user.goesBy ? `, ${user.goesBy}` : ''}</h1>
      {params.registered && (
        <Alert tone="success" title="Registration received">
          Thank you! We emailed you a confirmation. The coordinator will review your registration soon.
        </Alert>
      )}
      {params.attested && <Alert tone="success">Thank you for signing the values statement.</Alert>}
      {params.withdrawn && <Alert tone="info">You have withdrawn from the program.</Alert>}
      {standing && !standing.attestedCurrent && user.status !== 'withdrawn' && (
        <Alert tone="warning" title="Please sign the current values statement">
          The program has a new version of its values statement. Until you sign it you will not be paired with new mentees.{' '}
          <Link href="/mentor/values">Read and sign it</Link>.
        </Alert>
      )}
      {user.status !== 'withdrawn' && <EndedNotes endings={endings} side="mentor" />}
      {/* section: term and renewal */}
      <TermBanners user={user} />
      {/* section: check-ins and concerns */}
      <SafeSpaceBanners user={user} />
      {user.status === 'approved' && (
        <section aria-labelledby="mentees-heading" className="space-y-3">
          <h2 id="mentees-heading" className="text-lg font-semibold">
            Your mentees
          </h2>
          {mentees.length ? (
            <div className="grid gap-4 lg:grid-cols-2">
              {mentees.map((m) => (
                <div key={m.pairingId} className="space-y-3">
                  <MenteeCard mentee={m} />
                  {/* per mentee: meetings and cadence */}
                  <MenteeCadenceLine pairingId={m.pairingId} />
                  {/* per mentee: application roadmap */}
                  <RoadmapHomeSection user={user} pairingId={m.pairingId} href={`/mentor/mentees/${m.pairingId}/roadmap`} compact />
                </div>
              ))}
            </div>
          ) : (
            <EmptyState title="No mentees yet">
              The coordinator pairs mentors with students as they join. You will get an introduction email when you are paired.
            </EmptyState>
          )}
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <StatusCard
          status={user.status}
          note={
            mentees.length && standing
              ? `You mentor ${mentees.length} of up to ${standing.capacity} student${standing.capacity === 1 ? '' : 's'}. ${mentees.length < standing.capacity ? 'The coordinator may pair you with another while you have a free place.' : 'Your places are full.'}`
              : undefined
          }
        />
        {standing && user.status !== 'withdrawn' && user.status !== 'declined' && (
          <Card>
            <CardTitle>Availability for new mentees</CardTitle>
            <p className="mb-4 text-sm text-stone-700">
              {paused
                ? `Paused: you will not get new mentees through ${formatDate(paused)}.`
                : mentees.length >= standing.capacity
                  ? 'Your places are full, so the coordinator will not propose anyone new. Raise the number below if you can take another student.'
                  : 'You are open to new mentees.'}
            </p>
            <div className="space-y-6">
              <CapacityForm action={capacityAction} capacity={standing.capacity} />
              <PauseForm action={pauseAction} pausedUntil={paused} />
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}
