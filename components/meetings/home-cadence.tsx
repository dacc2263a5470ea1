import Link from 'next/link';
import { cache } from 'react';
import { Card } from '@/components/ui/card';
import { requireRole, type SessionUser } from '@/lib/auth/session';
import { getMyCadences, type MyCadence } from '@/lib/meetings/meetings';
import { CadenceBadge, cadenceText } from './cadence';

/** The student's home: how they are doing with meeting their mentor, with a link to log one. */
export async function MenteeMeetingsCard({ user }: { user: SessionUser }) {
  const [c] = await getMyCadences(user);
  if (!c) return null;
  return (
    <Card aria-labelledby="meetings-card-heading">
      <h2 id="meetings-card-heading" className="mb-3 text-lg font-semibold text-stone-900">
        Meetings with {c.otherName}
      </h2>
      <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
        <CadenceBadge cadence={c.cadence} />
        <span>{cadenceText(c.cadence)}</span>
      </p>
      <p className="mt-3 text-sm">
        <Link href="/mentee/meetings">Log a meeting or see your meetings</Link>
      </p>
    </Card>
  );
}

/** The signed-in mentor's cadences, read once per request however many mentee blocks ask. */
const mentorCadences = cache(async (): Promise<Map<number, MyCadence>> => {
  const user = await requireRole('mentor');
  return new Map((await getMyCadences(user)).map((c) => [c.pairingId, c]));
});

/** The mentor's home, per mentee: a short cadence line with a link to log a meeting. */
export async function MenteeCadenceLine({ pairingId }: { pairingId: number }) {
  const cadence = (await mentorCadences()).get(pairingId);
  if (!cadence) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm text-stone-700">
      <CadenceBadge cadence={cadence.cadence} />
      <span>{cadenceText(cadence.cadence)}</span>
      <Link href={`/mentor/mentees/${cadence.pairingId}/meetings`} className="font-semibold">
        Log a meeting<span className="sr-only"> with {cadence.otherName}</span>
      </Link>
    </p>
  );
}
