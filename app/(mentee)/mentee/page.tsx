import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SafeSpaceBanners } from '@/components/safety/member-banners';
import { StatusCard } from '@/components/people/status-card';
import { Alert } from '@/components/ui/alert';
import { ForgetParam } from '@/components/ui/one-time-notice';
import { MentorCard } from '@/components/pairings/person-cards';
import { TermBanners } from '@/components/terms/term-banners';
import { MenteeMeetingsCard } from '@/components/meetings/home-cadence';
import { requireRole } from '@/lib/auth/session';
import { getMyMentor } from '@/lib/pairings/queries';
import { getMyRecentEndings } from '@/lib/pairings/endings';
import { EndedNotes } from '@/components/pairings/ended-notes';
import { RoadmapHomeSection } from '@/components/roadmap/home-section';

export const metadata: Metadata = { title: 'Home' };

export default async function MenteeHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireRole('mentee');
  if (user.status === 'registering') redirect('/register/mentee');
  const [params, mentor, endings] = await Promise.all([searchParams, getMyMentor(user), getMyRecentEndings(user)]);
  return (
    <div className="space-y-6">
      <ForgetParam names={['registered', 'withdrawn']} />
      <h1 className="text-2xl font-bold">Welcome{user.goesBy ? `, ${user.goesBy}` : ''}</h1>
      {params.registered && (
        <Alert tone="success" title="Registration received">
          Thank you! We emailed you a confirmation. The coordinator will review your registration soon.
        </Alert>
      )}
      {params.withdrawn && <Alert tone="info">You have withdrawn from the program.</Alert>}
      {/* Once a new mentor is introduced, the old ending is no longer news. */}
      {!mentor && user.status !== 'withdrawn' && <EndedNotes endings={endings.slice(0, 1)} side="mentee" />}
      {/* section: term and renewal */}
      <TermBanners user={user} />
      {/* section: check-ins and concerns */}
      <SafeSpaceBanners user={user} />
      {mentor ? <MentorCard mentor={mentor} /> : <StatusCard status={user.status} />}
      {/* section: meetings and cadence */}
      {mentor && <MenteeMeetingsCard user={user} />}
      {/* section: application roadmap */}
      {mentor && <RoadmapHomeSection user={user} pairingId={mentor.pairingId} href="/mentee/roadmap" />}
    </div>
  );
}
