import type { Metadata } from 'next';
import { MeetingsPanel } from '@/components/meetings/meetings-panel';
import { EmptyState } from '@/components/ui/empty-state';
import { requireRole } from '@/lib/auth/session';
import { getMemberPairing, listMyMeetings } from '@/lib/meetings/meetings';
import { weMetMatches } from '@/lib/meetings/we-met';

export const metadata: Metadata = { title: 'Meetings' };

/** The student's meetings with their mentor: the form and the shared list. */
export default async function MenteeMeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('mentee');
  const [params, pairing] = await Promise.all([searchParams, getMemberPairing(user)]);
  const token = typeof params['we-met'] === 'string' ? params['we-met'] : undefined;
  if (!pairing)
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Meetings</h1>
        <EmptyState title="No mentor yet">Once you are paired with a mentor, you log your meetings here.</EmptyState>
      </div>
    );
  const meetings = await listMyMeetings(user, pairing.pairingId);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Meetings with {pairing.otherName}</h1>
      <MeetingsPanel pairing={pairing} meetings={meetings} weMet={token === undefined ? undefined : weMetMatches(token, user.id, pairing.pairingId)} />
    </div>
  );
}
