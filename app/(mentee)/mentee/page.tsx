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
import { getMyClosings } from '@/lib/terms/closing';
import { formatDate } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Home' };

export default async function MenteeHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireRole('mentee');
  if (user.status === 'registering') redirect('/register/mentee');
  const [params, mentor, endings, closings] = await Promise.all([searchParams, getMyMentor(user), getMyRecentEndings(user), getMyClosings(user, 1)]);
  // A completed year takes the student off the waitlist: the generic "we will email you an
  // introduction" would promise a mentor nobody is looking for.
  const completed = !mentor && closings[0] && !closings[0].waitingAgain ? closings[0] : null;
  const statusNote = completed
    ? `Your mentorship with ${completed.otherName} completed${completed.endDate ? ` on ${formatDate(completed.endDate)}` : ''}. Thank you for taking part! You are not on the waitlist for a new mentor${completed.mayRejoinWaitlist ? ' — use the button above if you would like one' : '; write to the coordinator if you would like one'}.`
    : undefined;
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
      {mentor ? <MentorCard mentor={mentor} /> : <StatusCard status={user.status} note={statusNote} />}
      {/* section: meetings and cadence */}
      {mentor && <MenteeMeetingsCard user={user} />}
      {/* section: application roadmap */}
      {mentor && <RoadmapHomeSection user={user} pairingId={mentor.pairingId} href="/mentee/roadmap" />}
    </div>
  );
}
