import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Card, CardTitle } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/session';
import { openConcern } from '@/lib/safety/concerns';
import { CONCERN_STATUSES, RESOLUTION_OUTCOMES, type ResolutionOutcome } from '@/lib/safety/forms';
import { formatDate, formatDateTime } from '@/lib/time/format';
import { AssignForm, NoteForm, ResolveForm } from '../forms';

export const metadata: Metadata = { title: 'Concern' };

/** One concern. Rendering it calls openConcern, which writes the audited read. */
export default async function ConcernPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('admin');
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id)) notFound();
  const c = await openConcern(user, Number(id));
  if (!c) notFound();
  const outcomes: ResolutionOutcome[] = ['none'];
  if (c.pairingState === 'active') {
    if (c.pairingPausedAt) outcomes.push('resumed');
    outcomes.push('ended-rematch');
  }
  if (c.mentorInProgram) outcomes.push('withdrew-mentor');
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/concerns">← Concerns</Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Concern #{c.id}</h1>
        <Badge tone={c.status === 'new' ? 'bad' : c.status === 'in_progress' ? 'warn' : 'neutral'}>{CONCERN_STATUSES[c.status]}</Badge>
        {c.pairingPausedAt && c.pairingState === 'active' && <Badge tone="info">Pairing paused since {formatDate(c.pairingPausedAt)}</Badge>}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardTitle>What happened</CardTitle>
            <p className="text-sm text-stone-600">
              Raised {formatDateTime(c.raisedAt)} by {c.raiserName} ({c.raiserRole === 'mentor' ? 'physician' : 'student'}, {c.raiserEmail})
            </p>
            <p className="mt-3 whitespace-pre-line break-words text-stone-900">{c.body}</p>
            <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="font-semibold text-stone-700">About</dt>
                <dd>{c.pairingId ? <Link href={`/admin/pairings/${c.pairingId}`}>{c.pairingLabel}</Link> : 'Not about a pairing'}</dd>
              </div>
              <div>
                <dt className="font-semibold text-stone-700">Contact</dt>
                <dd>
                  {!c.contactRequested ? 'Did not ask to be contacted' : c.contactChannel === 'phone' ? `By phone: ${c.contactPhone}` : `By email: ${c.raiserEmail}`}
                </dd>
              </div>
              <div>
                <dt className="font-semibold text-stone-700">Pause</dt>
                <dd>{c.pausedPairing ? 'They paused the pairing when raising this' : 'No pause requested'}</dd>
              </div>
            </dl>
          </Card>
          <Card>
            <CardTitle>Private notes</CardTitle>
            {c.notes.length ? (
              <ul className="mb-4 space-y-3">
                {c.notes.map((n) => (
                  <li key={n.id} className="border-l-2 border-stone-200 pl-3 text-sm">
                    <p className="whitespace-pre-line break-words">{n.body}</p>
                    <p className="mt-1 text-stone-500">
                      {n.author} · {formatDateTime(n.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-4 text-sm text-stone-600">No notes yet.</p>
            )}
            <NoteForm concernId={c.id} />
          </Card>
        </div>
        <div className="space-y-6">
          {c.status === 'resolved' ? (
            <Card>
              <CardTitle>Resolved</CardTitle>
              <p className="text-sm text-stone-600">{formatDateTime(c.resolvedAt)}</p>
              <p className="mt-2 text-sm font-semibold">{c.outcome ? RESOLUTION_OUTCOMES[c.outcome] : ''}</p>
              <p className="mt-2 whitespace-pre-line break-words text-sm">{c.resolution}</p>
            </Card>
          ) : (
            <>
              <Card>
                <CardTitle>Assignment</CardTitle>
                <AssignForm concernId={c.id} admins={c.admins} assignedTo={c.assignedTo} />
              </Card>
              <Card>
                <CardTitle>Resolve</CardTitle>
                <ResolveForm concernId={c.id} outcomes={outcomes} mentorName={c.mentorInProgram?.name ?? null} />
              </Card>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
