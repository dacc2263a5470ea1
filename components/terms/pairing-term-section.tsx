import { EndPairingForm } from '@/app/(admin)/admin/pairings/end-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { SessionUser } from '@/lib/auth/session';
import { getTermSection, type TermHistory } from '@/lib/terms/admin';
import { formatDate, formatDateTime } from '@/lib/time/format';
import { ExtendTermForm } from './extend-term-form';

const OUTCOME = { renewed: 'Renewed', completed: 'Completed', ended: 'Ended early' } as const;

function Answer({ c }: { c: TermHistory['choices']['mentee'] }) {
  if (!c) return <span className="text-stone-500">No answer</span>;
  return (
    <span>
      <Badge tone={c.choice === 'continue' ? 'good' : 'neutral'}>{c.choice === 'continue' ? 'Continue' : 'Conclude'}</Badge>
      <span className="block text-xs text-stone-600">{formatDateTime(c.chosenAt)}</span>
    </span>
  );
}

/**
 * The coordinator's "term and renewal" section of a pairing: every term with both answers, the
 * close survey answers (seen by coordinators only), and extending or ending the current term.
 */
export async function PairingTermSection({
  user,
  pairingId,
  menteeName,
  mentorName,
}: {
  user: SessionUser;
  pairingId: number;
  menteeName: string;
  mentorName: string;
}) {
  const section = await getTermSection(user, pairingId);
  if (!section || section.state === 'proposed') return null;
  const open = section.terms.find((t) => t.outcome === null);
  return (
    <Card aria-labelledby={`terms-${pairingId}`}>
      <h2 id={`terms-${pairingId}`} className="mb-3 text-lg font-semibold text-stone-900">
        Term and renewal
      </h2>
      {section.terms.length ? (
        <Table caption="Terms of this pairing">
          <thead>
            <tr>
              <Th>Term</Th>
              <Th>Dates</Th>
              <Th>Student</Th>
              <Th>Physician</Th>
              <Th>Outcome</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {section.terms.map((t) => (
              <tr key={t.id}>
                <Td>{t.number}</Td>
                <Td>
                  <span className="whitespace-nowrap">{formatDate(t.startDate)} –</span> <span className="whitespace-nowrap">{formatDate(t.endDate)}</span>
                  {t.extendedFrom && <span className="block text-xs text-stone-600">extended from {formatDate(t.extendedFrom)}</span>}
                </Td>
                <Td>
                  <Answer c={t.choices.mentee} />
                </Td>
                <Td>
                  <Answer c={t.choices.mentor} />
                </Td>
                <Td>
                  {t.outcome ? (
                    OUTCOME[t.outcome]
                  ) : (
                    <Badge tone={section.windowOpen ? 'warn' : 'info'}>{section.windowOpen ? 'Current · renewal window open' : 'Current'}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-stone-600">No term is recorded for this pairing.</p>
      )}
      {section.paused && open && (
        <p className="mt-3 text-sm text-amber-900">
          This pairing is paused: its members are not asked about renewal, and it does not renew or complete on its own. Extend the term or end it here.
        </p>
      )}

      {section.state !== 'active' || !open ? null : (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <section aria-labelledby={`extend-${pairingId}`}>
            <h3 id={`extend-${pairingId}`} className="mb-2 font-semibold">
              Extend the current term
            </h3>
            <ExtendTermForm pairingId={pairingId} currentEnd={open.endDate} />
          </section>
          <section aria-labelledby={`end-now-${pairingId}`}>
            <h3 id={`end-now-${pairingId}`} className="mb-2 font-semibold">
              End the term now
            </h3>
            <p className="mb-3 text-sm text-stone-700">Ends the pairing today instead of on {formatDate(open.endDate)}.</p>
            <EndPairingForm pairingId={pairingId} menteeName={menteeName} mentorName={mentorName} mode="end" />
          </section>
        </div>
      )}

      <section aria-labelledby={`survey-${pairingId}`} className="mt-6">
        <h3 id={`survey-${pairingId}`} className="mb-2 font-semibold">
          Close survey
        </h3>
        {section.surveys.length === 0 ? (
          <p className="text-sm text-stone-600">{section.state === 'completed' ? 'Nobody has answered yet.' : 'Sent to both members when the pairing completes.'}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {section.surveys.map((s) => (
              <div key={s.side} className="rounded-md border border-stone-200 p-4 text-sm">
                <p className="font-semibold">
                  {s.side === 'mentee' ? 'Student' : 'Physician'}: {s.name}
                </p>
                <dl className="mt-2 space-y-1.5">
                  <div>
                    <dt className="inline font-semibold text-stone-700">How it went: </dt>
                    <dd className="inline">{s.rating} of 5</dd>
                  </div>
                  <div>
                    <dt className="font-semibold text-stone-700">What helped most</dt>
                    <dd className="whitespace-pre-line">{s.helpedMost}</dd>
                  </div>
                  {s.mentorAgain !== null && (
                    <div>
                      <dt className="inline font-semibold text-stone-700">Would mentor again: </dt>
                      <dd className="inline">{s.mentorAgain ? 'Yes' : 'No'}</dd>
                    </div>
                  )}
                  <div>
                    <dt className="inline font-semibold text-stone-700">Would recommend the program: </dt>
                    <dd className="inline">{s.wouldRecommend ? 'Yes' : 'No'}</dd>
                  </div>
                  {s.comment && (
                    <div>
                      <dt className="font-semibold text-stone-700">Comment</dt>
                      <dd className="whitespace-pre-line">{s.comment}</dd>
                    </div>
                  )}
                  <div className="text-xs text-stone-600">Answered {formatDateTime(s.answeredAt)}</div>
                </dl>
              </div>
            ))}
          </div>
        )}
      </section>
    </Card>
  );
}
