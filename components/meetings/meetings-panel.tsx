import { Alert } from '@/components/ui/alert';
import { Card, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { MeetingView, MemberPairing } from '@/lib/meetings/meetings';
import { MEETING_EDIT_DAYS } from '@/lib/meetings/limits';
import { HELP_AREAS, labelOf, MEETING_FORMATS } from '@/lib/registration/options';
import { formatDate } from '@/lib/time/format';
import { CadenceBadge, cadenceText } from './cadence';
import { DeleteMeetingForm, MeetingForm } from './meeting-form';

type Props = {
  pairing: MemberPairing;
  meetings: MeetingView[];
  /** Opened from a reminder's "We met" link: true (valid, prefilled), false (refused), undefined (not). */
  weMet?: boolean;
};

/** A member's meetings page body: cadence, the form, and the list (newest first). */
export function MeetingsPanel({ pairing, meetings, weMet }: Props) {
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap items-center gap-2 text-stone-700">
        <CadenceBadge cadence={pairing.cadence} />
        <span>{cadenceText(pairing.cadence)}</span>
      </p>
      {weMet === true && (
        <Alert tone="info" title="Thanks for meeting!">
          The form is ready for today with {pairing.otherName}. Check the details and press “Log meeting” — nothing is logged until you do.
        </Alert>
      )}
      {weMet === false && (
        <Alert tone="warning" title="This link is not valid for you">
          It was changed or was sent to someone else, so nothing was filled in. You can still log a meeting below.
        </Alert>
      )}
      <Card>
        <CardTitle>Log a meeting</CardTitle>
        <p className="mb-4 text-sm text-stone-600">If {pairing.otherName} already logged the same day, your entry confirms theirs instead of adding a second one.</p>
        <MeetingForm
          mode="log"
          pairingId={pairing.pairingId}
          today={pairing.today}
          defaults={{ date: weMet ? pairing.today : '', format: '', durationMinutes: '', topics: [], note: '' }}
        />
      </Card>
      <section aria-labelledby="meetings-heading" className="space-y-3">
        <h2 id="meetings-heading" className="text-lg font-semibold">
          Meetings <span className="font-normal text-stone-600">({meetings.length})</span>
        </h2>
        {meetings.length === 0 ? (
          <EmptyState title="No meetings logged yet">Log your first meeting above; you both see the list.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {meetings.map((m) => (
              <li key={m.id}>
                <MeetingItem meeting={m} today={pairing.today} />
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-stone-600">You can correct or delete an entry you logged for {MEETING_EDIT_DAYS} days after logging it.</p>
      </section>
    </div>
  );
}

/** One meeting as either member (or the coordinator) reads it. */
export function MeetingItem({ meeting: m, today }: { meeting: MeetingView; today?: string }) {
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h3 className="font-semibold text-stone-900">
        {formatDate(m.date)} · {labelOf(MEETING_FORMATS, m.format)} · {m.durationMinutes} min
      </h3>
      <p className="mt-1 text-sm text-stone-700">{m.topics.map((t) => labelOf(HELP_AREAS, t)).join(', ')}</p>
      {m.note && <p className="mt-2 text-sm whitespace-pre-line text-stone-800">{m.note}</p>}
      <p className="mt-2 text-xs text-stone-600">
        Logged by {m.mine ? 'you' : m.loggedByName}
        {m.confirmedByName ? ` · confirmed by ${m.confirmedByMe ? 'you' : m.confirmedByName}` : ' · not confirmed yet'}
      </p>
      {m.editable && today && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-800">
            Correct or delete<span className="sr-only"> your entry for {formatDate(m.date)}</span>
          </summary>
          <div className="mt-3 space-y-4">
            <MeetingForm
              mode="correct"
              meetingId={m.id}
              today={today}
              defaults={{ date: m.date, format: m.format, durationMinutes: String(m.durationMinutes), topics: m.topics, note: m.note ?? '' }}
            />
            <DeleteMeetingForm meetingId={m.id} day={formatDate(m.date)} />
          </div>
        </details>
      )}
    </article>
  );
}
