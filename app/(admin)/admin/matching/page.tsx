import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { Table, Td, Th } from '@/components/ui/table';
import { plural } from '@/lib/text';
import { formatDate } from '@/lib/time/format';
import { filterWaitlist, freeMentorPlaces, pageOf, parseWaitlistQuery, type WaitlistQuery } from '@/lib/matching/waitlist';
import { requireRole } from '@/lib/auth/session';
import { listMatchRules } from '@/lib/matching/rules';
import { getWaitlist } from '@/lib/matching/workbench';
import { PREFERENCE_BADGES, RULE_LABELS } from './copy';
import { OptimisePanel } from './optimise-panel';

export const metadata: Metadata = { title: 'Matching' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MatchingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('admin');
  const query = parseWaitlistQuery(await searchParams);
  const [waitlist, free, rules] = await Promise.all([getWaitlist(user), freeMentorPlaces(user), listMatchRules(user)]);
  const matching = filterWaitlist(waitlist, query);
  const { rows: shown, page, pageCount, from, to } = pageOf(matching, query.page);
  const filtered = !!(query.q || query.blocked || query.required);
  const blocked = waitlist.filter((e) => e.blockedReason !== null).length;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Matching</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          Students waiting for a mentor, longest wait first. Open a student for explained suggestions, or optimise the whole pool at once. Nothing you do here is
          visible to students or physicians until you approve a pairing.
        </p>
      </div>

      <Card aria-labelledby="optimise-heading">
        <h2 id="optimise-heading" className="mb-2 text-lg font-semibold text-stone-900">
          Optimise the whole pool
        </h2>
        <p className="mb-4 max-w-prose text-sm text-stone-700">
          Finds the assignment of waiting students to free mentor places with the highest total score — exactly, not one student at a time — honouring your locks and
          exclusions. Nothing is saved until you stage the pairs you choose; staged proposals wait for your approval under Pairings.
        </p>
        <OptimisePanel />
      </Card>

      <section aria-labelledby="waitlist-heading" className="space-y-4">
        <div>
          <h2 id="waitlist-heading" className="text-xl font-semibold text-stone-900">
            Waitlist
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            {plural(waitlist.length, 'student', 'students')} waiting
            {blocked > 0 && `, ${blocked} with no allowed mentor yet`}. {plural(free.places, 'free place', 'free places')} with{' '}
            {plural(free.mentors, 'physician', 'physicians')} who can take a new mentee.
          </p>
        </div>

        {waitlist.length > 0 && <FilterForm query={query} />}

        {shown.length === 0 ? (
          <EmptyState
            title={filtered ? 'No one on the waitlist matches these filters' : 'No one is waiting for a mentor'}
            action={
              filtered && (
                <ButtonLink href="/admin/matching" variant="secondary">
                  Clear filters
                </ButtonLink>
              )
            }
          >
            {filtered ? 'Try a shorter search or fewer filters.' : 'Approved students appear here until they have a proposed or active pairing.'}
          </EmptyState>
        ) : (
          <>
            {filtered && (
              <p className="text-sm text-stone-700" role="status">
                {plural(matching.length, 'student matches', 'students match')} of {plural(waitlist.length, 'student', 'students')}.
              </p>
            )}
            <Table caption={`Waiting students, ${query.sort === 'name' ? 'by name' : 'no-fault rematches first, then longest wait'}`}>
              <thead>
                <tr>
                  <Th>Student</Th>
                  <Th>Waiting</Th>
                  <Th>Identity preference</Th>
                  <Th>Allowed mentors</Th>
                  <Th>Why not paired yet</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {shown.map((e) => {
                  const pref = PREFERENCE_BADGES[e.identityPreference];
                  return (
                    <tr key={e.menteeId}>
                      <Td className="min-w-44">
                        <Link href={`/admin/matching/${e.menteeId}`} className="font-semibold">
                          {e.name}
                        </Link>
                        {e.priorityRematch && (
                          <span className="ml-2 inline-block">
                            <Badge tone="info">
                              Rematch<span className="sr-only">: back after a no-fault ending, top priority</span>
                            </Badge>
                          </span>
                        )}
                      </Td>
                      <Td className="whitespace-nowrap">{plural(e.daysWaiting, 'day', 'days')}</Td>
                      <Td>
                        <Badge tone={pref.tone}>{pref.label}</Badge>
                      </Td>
                      <Td>{e.allowedMentors}</Td>
                      <Td className="min-w-56">{e.blockedReason ?? <span className="text-stone-500">—</span>}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <Pagination
              label="Pages of the waitlist"
              page={page}
              pageCount={pageCount}
              href={(p) => waitlistHref(query, p)}
              shown={{ from, to, total: matching.length }}
            />
          </>
        )}
      </section>

      <Card aria-labelledby="rules-heading">
        <h2 id="rules-heading" className="mb-2 text-lg font-semibold text-stone-900">
          Locks and exclusions
        </h2>
        {rules.length === 0 ? (
          <p className="text-sm text-stone-700">None yet. Set them from a student’s suggestions.</p>
        ) : (
          <Table caption="Every lock and exclusion, newest first">
            <thead>
              <tr>
                <Th>Student</Th>
                <Th>Physician</Th>
                <Th>Rule</Th>
                <Th>Reason</Th>
                <Th>Set</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rules.map((r) => (
                <tr key={r.id}>
                  <Td className="min-w-40">
                    <Link href={`/admin/matching/${r.menteeId}`}>{r.menteeName}</Link>
                  </Td>
                  <Td className="min-w-40">{r.mentorName}</Td>
                  <Td className="whitespace-nowrap">
                    <Badge tone={RULE_LABELS[r.kind].tone}>{RULE_LABELS[r.kind].label}</Badge>
                  </Td>
                  <Td className="min-w-48">{r.reason ?? '—'}</Td>
                  <Td className="whitespace-nowrap">
                    {formatDate(r.createdAt)}
                    {r.createdByName && <span className="block text-xs text-stone-600">by {r.createdByName}</span>}
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

/** A GET form: the filters live in the address, so a view can be bookmarked or shared. */
function FilterForm({ query }: { query: WaitlistQuery }) {
  return (
    <Card>
      <Form key={JSON.stringify(query)} action="/admin/matching" role="search" aria-label="Filter the waitlist" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="q" label="Search by name">
            {(aria) => <Input {...aria} type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} autoComplete="off" />}
          </Field>
          <Field id="sort" label="Sort by">
            {(aria) => (
              <Select {...aria} name="sort" defaultValue={query.sort ?? 'waited'}>
                <option value="waited">Days waited (rematches first)</option>
                <option value="name">Name</option>
              </Select>
            )}
          </Field>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-stone-800">Show only</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
            <Check name="blocked" checked={!!query.blocked} label="Students with no allowed mentor" />
            <Check name="required" checked={!!query.required} label="Students who require a shared identity" />
          </div>
        </fieldset>
        <div className="flex flex-col gap-2 sm:flex-row">
          <SubmitButton pendingText="Filtering…">Apply filters</SubmitButton>
          <ButtonLink href="/admin/matching" variant="secondary">
            Clear filters
          </ButtonLink>
        </div>
      </Form>
    </Card>
  );
}

function Check({ name, checked, label }: { name: string; checked: boolean; label: string }) {
  return (
    <label htmlFor={`only-${name}`} className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
      <input id={`only-${name}`} type="checkbox" name={name} value="yes" defaultChecked={checked} className="size-5 accent-brand-700" />
      <span>{label}</span>
    </label>
  );
}

/** A page of the waitlist, keeping the search, filters and order. */
function waitlistHref(query: WaitlistQuery, page: number): string {
  const q = new URLSearchParams();
  for (const key of ['q', 'blocked', 'required', 'sort'] as const) if (query[key]) q.set(key, String(query[key]));
  if (page > 1) q.set('page', String(page));
  const qs = q.toString();
  return qs ? `/admin/matching?${qs}` : '/admin/matching';
}
