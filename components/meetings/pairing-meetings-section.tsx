import { Card } from '@/components/ui/card';
import { requireRole } from '@/lib/auth/session';
import { getPairingMeetingsForAdmin } from '@/lib/meetings/meetings';
import { formatDate } from '@/lib/time/format';
import { CadenceBadge, cadenceText } from './cadence';
import { MeetingItem } from './meetings-panel';

/** The coordinator's pairing page: meetings (count, last met, cadence, the list). Checks the admin permission again. */
export async function PairingMeetingsSection({ pairingId }: { pairingId: number }) {
  const user = await requireRole('admin');
  const summary = await getPairingMeetingsForAdmin(user, pairingId);
  if (!summary) return null;
  return (
    <Card aria-labelledby="pairing-meetings-heading">
      <h2 id="pairing-meetings-heading" className="mb-3 text-lg font-semibold text-stone-900">
        Meetings
      </h2>
      <dl className="mb-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold text-stone-700">Logged</dt>
          <dd>{summary.count === 1 ? '1 meeting' : `${summary.count} meetings`}</dd>
        </div>
        <div>
          <dt className="font-semibold text-stone-700">Last met</dt>
          <dd>{summary.lastMet ? formatDate(summary.lastMet) : 'Not yet'}</dd>
        </div>
        <div>
          <dt className="font-semibold text-stone-700">Cadence</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {summary.cadence ? (
              <>
                <CadenceBadge cadence={summary.cadence} /> <span>{cadenceText(summary.cadence)}</span>
              </>
            ) : (
              'Not tracked: the pairing is not active'
            )}
          </dd>
        </div>
      </dl>
      {summary.meetings.length > 0 && (
        <ul className="space-y-3">
          {summary.meetings.map((m) => (
            <li key={m.id}>
              <MeetingItem meeting={m} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
