import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MeetingsPanel } from '@/components/meetings/meetings-panel';
import { requireRole } from '@/lib/auth/session';
import { getMemberPairing, listMyMeetings } from '@/lib/meetings/meetings';
import { weMetMatches } from '@/lib/meetings/we-met';

export const metadata: Metadata = { title: 'Meetings' };

/** A mentor's meetings with one mentee (an active pairing of theirs; anyone else's is a 404). */
export default async function MentorMeetingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ pairingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole('mentor');
  const [{ pairingId }, query] = await Promise.all([params, searchParams]);
  if (!/^[1-9]\d{0,9}$/.test(pairingId)) notFound();
  const pairing = await getMemberPairing(user, Number(pairingId));
  if (!pairing) notFound();
  const meetings = await listMyMeetings(user, pairing.pairingId);
  const token = typeof query['we-met'] === 'string' ? query['we-met'] : undefined;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/mentor">← Your mentees</Link>
      </p>
      <h1 className="text-2xl font-bold">Meetings with {pairing.otherName}</h1>
      <MeetingsPanel pairing={pairing} meetings={meetings} weMet={token === undefined ? undefined : weMetMatches(token, user.id, pairing.pairingId)} />
    </div>
  );
}
