import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Card, CardTitle } from '@/components/ui/card';
import type { SessionUser } from '@/lib/auth/session';
import { getMyClosings } from '@/lib/terms/closing';
import { getMyTerms, renewalPath, surveyPath } from '@/lib/terms/renewal';
import { formatDate } from '@/lib/time/format';
import { RejoinWaitlistForm } from './rejoin-waitlist-form';

/**
 * The portal home's term banners: the renewal question while a term is in its window (one per
 * pairing), the close survey after a completion, and — for a student whose mentor concluded while
 * they wanted to continue — the way back to the waitlist.
 */
export async function TermBanners({ user }: { user: SessionUser }) {
  if (user.status === 'withdrawn') return null;
  const side = user.role === 'mentor' ? 'mentor' : 'mentee';
  const [terms, closings] = await Promise.all([getMyTerms(user), getMyClosings(user)]);
  const open = terms.filter((t) => t.windowOpen);
  const toSurvey = closings.filter((c) => !c.surveyAnswered);
  const rejoin = side === 'mentee' ? closings.find((c) => c.mayRejoinWaitlist) : undefined;
  if (!open.length && !toSurvey.length && !rejoin) return null;
  return (
    <div className="space-y-3">
      {open.map((t) => (
        <Alert key={t.pairingId} tone="warning" title={`Your term with ${t.otherName} ends on ${formatDate(t.endDate)}`}>
          <p>
            {t.myChoice
              ? `You chose to ${t.myChoice}. You can change your answer until ${formatDate(t.endDate)}.`
              : 'Would you like to continue for another term, or conclude? You can change your answer until the end date.'}{' '}
            <Link href={renewalPath(side, t.pairingId)}>{t.myChoice ? 'Review your answer' : 'Choose continue or conclude'}</Link>
          </p>
        </Alert>
      ))}
      {rejoin && (
        <Card>
          <CardTitle>Would you like another mentor?</CardTitle>
          <p className="mb-4 text-sm text-stone-700">
            Your mentorship with {rejoin.otherName} concluded on {formatDate(rejoin.endDate)}: you wanted to continue, and your mentor chose to conclude. That is
            nobody’s fault. If you would like to be paired again, you can go back on the waitlist; your wait counts from today.
          </p>
          <RejoinWaitlistForm pairingId={rejoin.pairingId} />
        </Card>
      )}
      {toSurvey.map((c) => (
        <Alert key={c.pairingId} tone="info" title={`Your mentorship with ${c.otherName} has concluded`}>
          <p>
            Thank you! Would you tell the program how it went? Five short questions, read only by the coordinator.{' '}
            <Link href={surveyPath(side, c.pairingId)}>Answer the close survey</Link>
          </p>
        </Alert>
      ))}
    </div>
  );
}
