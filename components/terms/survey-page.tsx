import { notFound } from 'next/navigation';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import type { SessionUser } from '@/lib/auth/session';
import { getSurveyFor } from '@/lib/terms/closing';
import { formatDate } from '@/lib/time/format';
import { SurveyForm } from './survey-form';

/** The close survey page for one of the member's own completed pairings (anyone else's is a 404). */
export async function SurveyPage({ user, pairingIdParam }: { user: SessionUser; pairingIdParam: string }) {
  if (!/^[1-9]\d{0,9}$/.test(pairingIdParam)) notFound();
  const pairingId = Number(pairingIdParam);
  const survey = await getSurveyFor(user, pairingId);
  if (!survey) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/${survey.side}`}>← Home</Link>
      </p>
      <h1 className="text-2xl font-bold">How did your mentorship go?</h1>
      <p className="text-stone-700">
        Your mentorship with {survey.otherName} concluded on {formatDate(survey.endDate)}. Your answers go to the program coordinator only — {survey.otherName} does
        not see them. You can answer once.
      </p>
      {survey.answered ? (
        <Alert tone="success" title="You have answered the close survey">
          Thank you for telling us how it went.
        </Alert>
      ) : (
        <Card>
          <SurveyForm pairingId={pairingId} side={survey.side} />
        </Card>
      )}
    </div>
  );
}
