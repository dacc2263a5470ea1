import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { SessionUser } from '@/lib/auth/session';
import { flaggedPairingIds, getPairingCheckIns } from '@/lib/safety/check-ins';
import { listPairingConcerns } from '@/lib/safety/concerns';
import { CONCERN_STATUSES, FLAG_AT_OR_BELOW } from '@/lib/safety/forms';
import { formatDate } from '@/lib/time/format';

const low = (n: number) => n <= FLAG_AT_OR_BELOW;

function Score({ n }: { n: number }) {
  return low(n) ? <strong className="rounded bg-red-100 px-1.5 text-red-900">{n}</strong> : <span>{n}</span>;
}

/**
 * The coordinator's pairing page, "check-ins and concerns": the safety flag, health (low answers on
 * usefulness and meeting often enough), every check-in answer, and concerns about the pairing
 * (their text only in the inbox, where opening one is audited).
 */
export async function PairingSafetySection({ user, pairingId }: { user: SessionUser; pairingId: number }) {
  const [history, flagged, concerns] = await Promise.all([
    getPairingCheckIns(user, pairingId),
    flaggedPairingIds(user, [pairingId]),
    listPairingConcerns(user, pairingId),
  ]);
  const latest = history.find((r) => r.answers.length);
  const lowHealth = latest?.answers.filter((a) => low(a.useful) || low(a.frequency)) ?? [];
  return (
    <Card aria-labelledby="safety-heading">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="safety-heading" className="text-lg font-semibold text-stone-900">
          Check-ins and concerns
        </h2>
        {flagged.has(pairingId) && <Badge tone="bad">Safety flag</Badge>}
      </div>
      {flagged.has(pairingId) && (
        <p className="mb-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
          In the latest check-in someone answered 1 or 2 to “I feel respected and safe in this mentorship”. Reach out to them soon.
        </p>
      )}
      {lowHealth.length > 0 && (
        <p className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          Health: {lowHealth.map((a) => `the ${a.side === 'mentee' ? 'student' : 'physician'}`).join(' and ')} answered low on usefulness or meeting often enough in
          the latest check-in.
        </p>
      )}

      <h3 className="mt-2 text-base font-semibold">Concerns about this pairing</h3>
      {concerns.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {concerns.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/admin/concerns/${c.id}`}>Concern #{c.id}</Link>
              <span>
                raised {formatDate(c.raisedAt)} by the {c.raiserRole === 'mentor' ? 'physician' : 'student'}
              </span>
              <Badge tone={c.status === 'resolved' ? 'neutral' : 'warn'}>{CONCERN_STATUSES[c.status]}</Badge>
              {c.pausedPairing && <Badge tone="info">Paused the pairing</Badge>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-stone-600">None.</p>
      )}

      <h3 className="mt-4 text-base font-semibold">Check-in history</h3>
      {history.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">No check-in has opened yet.</p>
      ) : (
        <div className="mt-2">
          <Table caption="Check-in answers, newest round first (1 = strongly disagree, 5 = strongly agree)">
            <thead>
              <tr>
                <Th>Round</Th>
                <Th>Who</Th>
                <Th>Respected and safe</Th>
                <Th>Useful</Th>
                <Th>Meeting often enough</Th>
                <Th>Comment</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {history.flatMap((r) =>
                r.answers.length
                  ? r.answers.map((a, i) => (
                      <tr key={`${r.round}-${a.side}`}>
                        <Td className="whitespace-nowrap">{i === 0 ? `${r.round} · ${formatDate(r.openedOn)}` : ''}</Td>
                        <Td className="min-w-32">
                          {a.name} <span className="text-stone-500">({a.side === 'mentee' ? 'student' : 'physician'})</span>
                        </Td>
                        <Td>
                          <Score n={a.safety} />
                        </Td>
                        <Td>
                          <Score n={a.useful} />
                        </Td>
                        <Td>
                          <Score n={a.frequency} />
                        </Td>
                        <Td className="min-w-56 whitespace-pre-line">{a.comment ?? '—'}</Td>
                      </tr>
                    ))
                  : [
                      <tr key={`${r.round}-none`}>
                        <Td className="whitespace-nowrap">
                          {r.round} · {formatDate(r.openedOn)}
                        </Td>
                        <Td colSpan={5} className="text-stone-600">
                          No answers yet.
                        </Td>
                      </tr>,
                    ],
              )}
            </tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
