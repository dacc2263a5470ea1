import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { firstParam, type SearchParams } from '@/lib/forms/query';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import { plural } from '@/lib/text';
import { formatDate } from '@/lib/time/format';
import { getMenteeStanding, rankAllowed, type MenteeStanding } from '@/lib/matching/waitlist';
import { requireRole } from '@/lib/auth/session';
import { listMatchRules } from '@/lib/matching/rules';
import { describeLine } from '@/lib/matching/scoring';
import { suggestMentors } from '@/lib/matching/workbench';
import { PREFERENCE_BADGES, PREFERENCE_TEXT, RULE_LABELS } from '../copy';
import { ClearRuleForm, ProposeForm, RuleForm } from './suggestion-forms';

export const metadata: Metadata = { title: 'Suggestions' };

type Params = Promise<{ menteeId: string }>;

const points = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export default async function MenteeMatchingPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const user = await requireRole('admin');
  const { menteeId } = await params;
  const q = firstParam((await searchParams).q)?.slice(0, 100);
  // Every allowed physician, ranked: the top five explained in full, the rest in a searchable list.
  const result = await suggestMentors(user, menteeId, Number.POSITIVE_INFINITY);
  if (!result) {
    // Not on the waitlist. A student who is already paired gets a pointer, anyone else a 404.
    const standing = await getMenteeStanding(user, menteeId);
    if (!standing?.open) notFound();
    return <AlreadyPaired standing={standing} />;
  }
  const { mentee, suggestions: allowed } = result;
  const suggestions = allowed.slice(0, 5);
  const everyone = rankAllowed(allowed, q, suggestions.length);
  const rules = await listMatchRules(user, { menteeId });
  const lockedTo = new Set(rules.filter((r) => r.kind === 'lock').map((r) => r.mentorId));
  const pref = PREFERENCE_BADGES[mentee.identityPreference];

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/matching">← Waitlist</Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold break-words">Suggestions for {mentee.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-stone-700">
          <span>Waiting {plural(mentee.daysWaiting, 'day', 'days')}</span>
          <span aria-hidden="true">·</span>
          <span>Identity preference:</span>
          <Badge tone={pref.tone}>{pref.label}</Badge>
          {mentee.priorityRematch && <Badge tone="info">Rematch: top priority</Badge>}
        </p>
      </div>

      <Card aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="mb-3 text-lg font-semibold text-stone-900">
          Summary
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <dt className="font-semibold text-stone-700">Waiting</dt>
          <dd className="mb-2 sm:mb-0">
            {plural(mentee.daysWaiting, 'day', 'days')}
            {mentee.priorityRematch && ' — back after a no-fault ending, so they come first'}
          </dd>
          <dt className="font-semibold text-stone-700">Identity preference</dt>
          <dd className="mb-2 sm:mb-0">{PREFERENCE_TEXT[mentee.identityPreference]}</dd>
          <dt className="font-semibold text-stone-700">Allowed mentors</dt>
          <dd className="mb-2 sm:mb-0">{mentee.allowedMentors}</dd>
          {mentee.blockedReason && (
            <>
              <dt className="font-semibold text-stone-700">Why not paired yet</dt>
              <dd className="mb-2 sm:mb-0">{mentee.blockedReason}</dd>
            </>
          )}
        </dl>
        <p className="mt-4 text-sm">
          <Link href={`/admin/people/${mentee.menteeId}`}>Full profile and history</Link>
        </p>
      </Card>

      <section aria-labelledby="suggestions-heading" className="space-y-4">
        <h2 id="suggestions-heading" className="text-xl font-semibold text-stone-900">
          {suggestions.length ? `Top ${suggestions.length} suggestions` : 'Suggestions'}
        </h2>
        {suggestions.length === 0 ? (
          <EmptyState title="No physician can be suggested yet">{mentee.blockedReason ?? 'No physician with a free place is allowed for this student.'}</EmptyState>
        ) : (
          <ol className="space-y-4">
            {suggestions.map((s, i) => (
              <li key={s.mentorId}>
                <Card aria-labelledby={`s-${s.mentorId}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 id={`s-${s.mentorId}`} className="text-lg font-semibold text-stone-900">
                      <span className="sr-only">Suggestion {i + 1}: </span>
                      <Link href={`/admin/people/${s.mentorId}`}>{s.name}</Link>
                    </h3>
                    <p className="text-stone-800">
                      Score <span className="text-xl font-bold">{points(s.score)}</span>
                    </p>
                  </div>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-700">
                    {plural(s.freeSlots, 'free place', 'free places')}
                    {lockedTo.has(s.mentorId) && <Badge tone="good">{RULE_LABELS.lock.long}</Badge>}
                  </p>
                  <h4 className="mt-3 text-sm font-semibold text-stone-800">How the score is made up</h4>
                  <ul className="mt-1 space-y-0.5 text-sm text-stone-800">
                    {s.breakdown.map((line) => (
                      <li key={line.criterion}>{describeLine(line)}</li>
                    ))}
                  </ul>
                  <div className="mt-4 space-y-3">
                    <ProposeForm menteeId={mentee.menteeId} mentorId={s.mentorId} mentorName={s.name} />
                    <details className="rounded-md border border-stone-200 p-3">
                      <summary className="cursor-pointer text-sm font-semibold">
                        {lockedTo.has(s.mentorId) ? 'Exclude this pair instead' : 'Lock or exclude this pair'}
                        <span className="sr-only"> ({s.name})</span>
                      </summary>
                      <div className="mt-3">
                        <RuleForm menteeId={mentee.menteeId} mentorId={s.mentorId} mentorName={s.name} locked={lockedTo.has(s.mentorId)} />
                      </div>
                    </details>
                  </div>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>

      {allowed.length > suggestions.length || q ? (
        <section aria-labelledby="all-heading" className="space-y-3">
          <h2 id="all-heading" className="text-xl font-semibold text-stone-900">
            {q ? `Allowed physicians matching “${q}”` : `Every other allowed physician (${allowed.length - suggestions.length})`}
          </h2>
          <form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label="Search the allowed physicians">
            <div className="flex-1">
              <Field id="q" label="Find a physician by name">
                {(a) => <Input {...a} name="q" defaultValue={q} maxLength={100} />}
              </Field>
            </div>
            <Button type="submit">Search</Button>
            {q && (
              <ButtonLink href={`/admin/matching/${mentee.menteeId}`} variant="secondary">
                Clear
              </ButtonLink>
            )}
          </form>
          {everyone.length === 0 ? (
            <EmptyState title="No allowed physician has that name">Check the spelling, or clear the search to see everyone allowed.</EmptyState>
          ) : (
            <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Allowed physicians, best score first">
              {everyone.map((s) => (
                <li key={s.mentorId} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p>
                      <span className="mr-2 text-sm text-stone-600">#{s.rank}</span>
                      <Link href={`/admin/people/${s.mentorId}`} className="font-semibold">
                        {s.name}
                      </Link>
                    </p>
                    <p className="text-sm text-stone-700">
                      Score {points(s.score)} · {plural(s.freeSlots, 'free place', 'free places')}
                      {lockedTo.has(s.mentorId) && ' · locked'}
                    </p>
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer text-brand-800">
                        How the score is made up<span className="sr-only"> for {s.name}</span>
                      </summary>
                      <ul className="mt-1 space-y-0.5 text-stone-800">
                        {s.breakdown.map((line) => (
                          <li key={line.criterion}>{describeLine(line)}</li>
                        ))}
                      </ul>
                    </details>
                  </div>
                  <div className="shrink-0">
                    <ProposeForm menteeId={mentee.menteeId} mentorId={s.mentorId} mentorName={s.name} />
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      <Card aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="mb-2 text-lg font-semibold text-stone-900">
          Locks and exclusions for {mentee.name}
        </h2>
        <p className="mb-4 text-sm text-stone-700">
          A lock makes the optimiser pair them whenever the pair is allowed. An exclusion keeps the pair out of every suggestion and proposal.
        </p>
        {rules.length === 0 ? (
          <p className="text-sm text-stone-700">None.</p>
        ) : (
          <Table caption={`Locks and exclusions for ${mentee.name}`}>
            <thead>
              <tr>
                <Th>Physician</Th>
                <Th>Rule</Th>
                <Th>Reason</Th>
                <Th>Set</Th>
                <Th>
                  <span className="sr-only">Remove</span>
                </Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rules.map((r) => (
                <tr key={r.id}>
                  <Td className="min-w-40">{r.mentorName}</Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={RULE_LABELS[r.kind].tone}>{RULE_LABELS[r.kind].long}</Badge>
                  </Td>
                  <Td className="min-w-48">{r.reason ?? '—'}</Td>
                  <Td className="whitespace-nowrap">
                    {formatDate(r.createdAt)}
                    {r.createdByName && <span className="block text-xs text-stone-600">by {r.createdByName}</span>}
                  </Td>
                  <Td>
                    <ClearRuleForm menteeId={r.menteeId} mentorId={r.mentorId} mentorName={r.mentorName} kind={RULE_LABELS[r.kind].label.toLowerCase()} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}

function AlreadyPaired({ standing }: { standing: MenteeStanding }) {
  const open = standing.open!;
  const proposed = open.state === 'proposed';
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/matching">← Waitlist</Link>
      </p>
      <h1 className="text-2xl font-bold break-words">{standing.name} is not on the waitlist</h1>
      <Card>
        <p className="text-stone-800">
          {proposed
            ? `${standing.name} has a proposal with ${open.mentorName} waiting for your approval.`
            : `${standing.name} is paired with ${open.mentorName}${open.startDate ? ` since ${formatDate(open.startDate)}` : ''}.`}
        </p>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          <ButtonLink href={`/admin/pairings?state=${proposed ? 'proposed' : 'active'}`}>{proposed ? 'Review proposals' : 'See active pairings'}</ButtonLink>
          <ButtonLink href={`/admin/people/${standing.id}`} variant="secondary">
            Their profile
          </ButtonLink>
        </div>
      </Card>
    </div>
  );
}
