import { Alert } from '@/components/ui/alert';
import { MENTOR_NEXT_STEP, menteeNextStep, type RecentEnding } from '@/lib/pairings/endings';
import { formatDate } from '@/lib/time/format';

/** The portal's side of the "pairing ended" email: the same words, for the same 60 days. */
export function EndedNotes({ endings, side }: { endings: RecentEnding[]; side: 'mentee' | 'mentor' }) {
  return endings.map((e) => (
    <Alert key={e.pairingId} tone="info" title={`Your mentorship with ${e.partner} has ended`}>
      It ended on {formatDate(e.endedAt)}. {side === 'mentee' ? menteeNextStep(e.rematch) : MENTOR_NEXT_STEP}
    </Alert>
  ));
}
