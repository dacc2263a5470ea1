import { Alert } from '@/components/ui/alert';
import { Card, CardTitle } from '@/components/ui/card';
import type { MyTerm } from '@/lib/terms/renewal';
import { formatDate, formatDateTime } from '@/lib/time/format';
import { termLength } from './copy';
import { RenewalChoiceForm } from './renewal-choice-form';

/** The renewal page's body: what the choice means, the dates, and the form. */
export function RenewalPanel({ term }: { term: MyTerm }) {
  const end = formatDate(term.endDate);
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>Your term with {term.otherName}</CardTitle>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold text-stone-700">Term</dt>
            <dd>
              {term.term === 1 ? 'First term' : `Term ${term.term}`}: {formatDate(term.startDate)} – {end}
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-700">Days left</dt>
            <dd>{term.daysLeft}</dd>
          </div>
          <div>
            <dt className="font-semibold text-stone-700">Your answer</dt>
            <dd>{term.myChoice ? `${term.myChoice === 'continue' ? 'Continue' : 'Conclude'} (since ${formatDateTime(term.chosenAt)})` : 'Not answered yet'}</dd>
          </div>
        </dl>
      </Card>
      <Card>
        <CardTitle>Continue or conclude?</CardTitle>
        <div className="mb-4 space-y-2 text-sm text-stone-700">
          <p>
            <strong>Continue</strong> means another term together, starting {end}. It happens only if you <em>both</em> choose to continue.
          </p>
          <p>
            <strong>Conclude</strong> means the mentorship finishes on {end}. If either of you concludes, or nobody answers, it concludes.
          </p>
          <p>You can change your answer as often as you like until {end}. Your answer is not shown to the other person.</p>
        </div>
        {!term.windowOpen && <Alert tone="info">The program asks everyone in the last weeks of the term; you can already answer now if you know.</Alert>}
        <div className="mt-4">
          <RenewalChoiceForm
            pairingId={term.pairingId}
            current={term.myChoice}
            otherName={term.otherName}
            endLabel={end}
            nextTermLabel={termLength(term.termMonths)}
          />
        </div>
      </Card>
    </div>
  );
}
