import type { Metadata } from 'next';
import Form from 'next/form';
import { statusLabel } from '@/components/people/status-card';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Field, Input, Select } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { personStatus } from '@/db/schema';
import { plural } from '@/lib/text';
import { formatDate } from '@/lib/time/format';
import { isDecidable } from '@/lib/people/decisions';
import { listPeople, parsePeopleQuery, WAITING_DAYS_OPTIONS, type PeopleQuery, type PersonRow } from '@/lib/people/list';
import { requireRole } from '@/lib/auth/session';
import { BulkDecisionForm, type BulkRow } from './bulk-form';
import { ROLE_LABELS, STATUS_TONES } from './copy';

export const metadata: Metadata = { title: 'People' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTER_KEYS = ['q', 'role', 'status', 'attested', 'paused', 'waiting'] as const;

/** The list's address for another page with the same filters, so every view is bookmarkable. */
function pageHref(query: PeopleQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query[key] !== undefined) params.set(key, String(query[key]));
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/admin/people?${qs}` : '/admin/people';
}

function toRow(p: PersonRow): BulkRow {
  const mentor = p.role === 'mentor';
  return {
    id: p.id,
    name: p.name ?? p.email,
    email: p.email,
    role: p.role ? ROLE_LABELS[p.role] : 'Not chosen yet',
    status: { label: statusLabel(p.status), tone: STATUS_TONES[p.status] },
    registered: formatDate(p.registeredAt),
    waiting: p.waitingDays === null ? '—' : plural(p.waitingDays, 'day', 'days'),
    attested: mentor ? (p.attested ? 'Yes' : 'No') : '—',
    paused: mentor ? (p.pausedUntil ? `Until ${formatDate(p.pausedUntil)}` : 'No') : '—',
    decidable: isDecidable(p),
  };
}

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('admin');
  const query = parsePeopleQuery(await searchParams);
  const result = await listPeople(user, query);
  const filtered = FILTER_KEYS.some((k) => query[k] !== undefined);
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.rows.length - 1;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">People</h1>
        <p className="mt-1 text-stone-700">Find anyone who has registered, review new registrations and decide on several at once.</p>
      </div>

      <FilterForm query={query} />

      {result.total === 0 ? (
        <EmptyState
          title={filtered ? 'No one matches these filters' : 'No one has registered yet'}
          action={
            filtered && (
              <ButtonLink href="/admin/people" variant="secondary">
                Clear filters
              </ButtonLink>
            )
          }
        >
          {filtered && 'Try a shorter search or fewer filters.'}
        </EmptyState>
      ) : (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-base font-semibold text-stone-800">
            {`Showing ${first}–${last} of ${plural(result.total, 'person', 'people')}`}
          </h2>
          <BulkDecisionForm rows={result.rows.map(toRow)} caption="People, newest registration first" />
          <Pagination label="Pages of people" page={result.page} pageCount={result.pageCount} href={(page) => pageHref(query, page)} />
        </section>
      )}
    </div>
  );
}

const STATUS_OPTIONS = personStatus.enumValues.map((s) => ({ value: s, label: statusLabel(s) }));

/** A GET form: the filters live in the address, so a view can be bookmarked or shared. */
function FilterForm({ query }: { query: PeopleQuery }) {
  return (
    <Card>
      {/* Keyed by the query so "Clear filters" and back/forward show the filters actually applied. */}
      <Form key={JSON.stringify(query)} action="/admin/people" role="search" aria-label="Filter people" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field id="q" label="Search by name or email">
            {(aria) => <Input {...aria} type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} autoComplete="off" />}
          </Field>
          <Field id="role" label="Role">
            {(aria) => (
              <Select {...aria} name="role" defaultValue={query.role ?? ''}>
                <option value="">Everyone</option>
                <option value="mentee">Students</option>
                <option value="mentor">Physicians</option>
                <option value="admin">Coordinators</option>
              </Select>
            )}
          </Field>
          <Field id="status" label="Status">
            {(aria) => (
              <Select {...aria} name="status" defaultValue={query.status ?? ''}>
                <option value="">Any status</option>
                {STATUS_OPTIONS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="attested" label="Attested the current values statement" hint="Physicians only.">
            {(aria) => (
              <Select {...aria} name="attested" defaultValue={query.attested ?? ''}>
                <option value="">Either</option>
                <option value="yes">Yes</option>
                <option value="no">No</option>
              </Select>
            )}
          </Field>
          <Field id="paused" label="Paused new pairings" hint="Physicians only.">
            {(aria) => (
              <Select {...aria} name="paused" defaultValue={query.paused ?? ''}>
                <option value="">Either</option>
                <option value="yes">Paused</option>
                <option value="no">Not paused</option>
              </Select>
            )}
          </Field>
          <Field id="waiting" label="Waiting for a mentor">
            {(aria) => (
              <Select {...aria} name="waiting" defaultValue={query.waiting ? String(query.waiting) : ''}>
                <option value="">Any time</option>
                {/* A bookmarked custom number still shows as selected. */}
                {query.waiting && !(WAITING_DAYS_OPTIONS as readonly number[]).includes(query.waiting) && (
                  <option value={query.waiting}>More than {plural(query.waiting, 'day', 'days')}</option>
                )}
                {WAITING_DAYS_OPTIONS.map((d) => (
                  <option key={d} value={d}>
                    More than {d} days
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">
          <SubmitButton pendingText="Searching…">Apply filters</SubmitButton>
          <ButtonLink href="/admin/people" variant="secondary">
            Clear filters
          </ButtonLink>
        </div>
      </Form>
    </Card>
  );
}
