import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Card, CardTitle } from '@/components/ui/card';
import { PairingRoadmapSection } from '@/components/roadmap/admin-section';
import { PairingTermSection } from '@/components/terms/pairing-term-section';
import { PairingMeetingsSection } from '@/components/meetings/pairing-meetings-section';
import { PairingSafetySection } from '@/components/safety/pairing-safety-section';
import { requireRole } from '@/lib/auth/session';
import { describeLine } from '@/lib/matching/scoring';
import { getPairingDetail } from '@/lib/pairings/queries';
import { formatDate } from '@/lib/time/format';
import { NotesSection } from '@/components/notes/notes-section';
import { listPairingNotes } from '@/lib/notes/notes';

export const metadata: Metadata = { title: 'Pairing' };

const STATE_LABEL = { proposed: 'Proposed (not released)', active: 'Active', completed: 'Completed', ended: 'Ended' } as const;

/**
 * One pairing for the coordinator. Each part of the year adds its own section below the summary
 * (meetings and cadence, term and renewal, check-ins and concerns, the roadmap); each section is a
 * server component that reads through its own domain and checks the admin permission again.
 */
export default async function PairingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('admin');
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id)) notFound();
  const pairing = await getPairingDetail(user, Number(id));
  if (!pairing) notFound();
  const notes = await listPairingNotes(user, pairing.id);
  const lines = pairing.breakdown.map(describeLine).filter(Boolean);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/admin/pairings?state=${pairing.state === 'completed' || pairing.state === 'ended' ? 'ended' : pairing.state}`}>← Pairings</Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {pairing.menteeName} and {pairing.mentorName}
        </h1>
        <Badge tone={pairing.state === 'active' ? 'good' : 'neutral'}>{STATE_LABEL[pairing.state]}</Badge>
        {pairing.pausedAt && <Badge tone="warn">Paused since {formatDate(pairing.pausedAt)}</Badge>}
      </div>

      <Card>
        <CardTitle>Summary</CardTitle>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold text-stone-700">Student</dt>
            <dd>
              <Link href={`/admin/people/${pairing.menteeId}`}>{pairing.menteeName}</Link> · {pairing.menteeEmail}
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-700">Physician</dt>
            <dd>
              <Link href={`/admin/people/${pairing.mentorId}`}>{pairing.mentorName}</Link> · {pairing.mentorEmail}
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-700">Proposed</dt>
            <dd>{formatDate(pairing.proposedAt)}</dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-700">Released</dt>
            <dd>{formatDate(pairing.approvedAt)}</dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-700">Term</dt>
            <dd>
              {pairing.startDate ? `${formatDate(pairing.startDate)} – ${formatDate(pairing.endDate)}` : 'Not started'}
              {pairing.renewals > 0 && ` · renewed ${pairing.renewals === 1 ? 'once' : `${pairing.renewals} times`}`}
            </dd>
          </div>
          {(pairing.state === 'ended' || pairing.state === 'completed') && (
            <div>
              <dt className="font-semibold text-stone-700">{pairing.state === 'completed' ? 'Completed' : 'Ended'}</dt>
              <dd>
                {formatDate(pairing.state === 'completed' ? pairing.endDate : pairing.endedAt)}
                {pairing.endReason && ` — ${pairing.endReason}`}
                {pairing.rematchRequested && ' · no-fault rematch requested'}
              </dd>
            </div>
          )}
        </dl>
        {lines.length > 0 && (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-semibold text-brand-800">
              Why they were paired ({pairing.score?.toLocaleString('en-US', { maximumFractionDigits: 2 })} points)
            </summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          </details>
        )}
      </Card>

      {/* section: meetings and cadence */}
      <PairingMeetingsSection pairingId={pairing.id} />

      {/* section: term and renewal */}
      <PairingTermSection user={user} pairingId={pairing.id} menteeName={pairing.menteeName} mentorName={pairing.mentorName} />

      {/* section: check-ins and concerns */}
      <PairingSafetySection user={user} pairingId={pairing.id} />

      {/* section: application roadmap */}
      <PairingRoadmapSection pairingId={pairing.id} />

      {/* section: notes */}
      <NotesSection notes={notes} about={{ pairingId: pairing.id }} />
      <p className="text-sm">
        <Link href={`/admin/audit?subjectType=pairing&subjectId=${pairing.id}`}>Everything about this pairing in the audit log</Link>
      </p>
    </div>
  );
}
