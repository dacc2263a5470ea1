import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input, Select } from '@/components/ui/field';
import { auditEventOptions, auditLabel, describeAudit, isSensitive } from '@/lib/audit/describe';
import { SUBJECT_TYPES } from '@/lib/audit/events';
import { listAuditLog, parseAuditQuery, type AuditQuery, type AuditRow } from '@/lib/audit/log';
import { requireRole } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/forms/query';
import { formatDateTime } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Audit log' };

const SUBJECT_LABEL: Partial<Record<(typeof SUBJECT_TYPES)[number], string>> = {
  user: 'A person',
  pairing: 'A pairing',
  'match-rule': 'A match rule',
  cohort: 'A cohort',
  'program-settings': 'Program settings',
  'values-statement': 'The values statement',
  export: 'An export',
  'admin-invite': 'An admin invitation',
  'roadmap-template-item': 'The roadmap template',
  'roadmap-checklist': 'A roadmap',
  'roadmap-item': 'A roadmap item',
};

/** The address of this view with other filters kept (the cursor is dropped unless given). */
function href(query: AuditQuery, change: Partial<Record<keyof AuditQuery, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, before: undefined, ...change })) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : '/admin/audit';
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('admin');
  const query = parseAuditQuery(await searchParams);
  const { rows, nextBefore } = await listAuditLog(user, query);
  const filtered = Boolean(query.actor || query.event || query.subjectType || query.subjectId || query.from || query.to);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-1 max-w-prose text-stone-700">
          Every change and every sensitive read, newest first. Reads of identity answers and downloads of exports are marked, because they are the ones the program
          answers for.
        </p>
      </div>

      <form method="get" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the audit log">
        <Field id="actor" label="Who (name or email)">
          {(a) => <Input {...a} name="actor" defaultValue={query.actor} maxLength={100} />}
        </Field>
        <Field id="event" label="Event">
          {(a) => (
            <Select {...a} name="event" defaultValue={query.event ?? ''}>
              <option value="">Any event</option>
              {auditEventOptions().map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="subjectType" label="About">
          {(a) => (
            <Select {...a} name="subjectType" defaultValue={query.subjectType ?? ''}>
              <option value="">Anything</option>
              {SUBJECT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SUBJECT_LABEL[t] ?? t.replace(/-/g, ' ')}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="from" label="From (day)">
          {(a) => <Input {...a} name="from" type="date" defaultValue={query.from} />}
        </Field>
        <Field id="to" label="To (day, included)">
          {(a) => <Input {...a} name="to" type="date" defaultValue={query.to} />}
        </Field>
        {query.subjectId && <input type="hidden" name="subjectId" value={query.subjectId} />}
        <div className="flex items-end gap-3">
          <Button type="submit">Show</Button>
          {filtered && (
            <ButtonLink href="/admin/audit" variant="secondary">
              Clear filters
            </ButtonLink>
          )}
        </div>
      </form>

      {query.subjectId && (
        <p className="text-sm text-stone-700">
          Only entries about one {query.subjectType === 'pairing' ? 'pairing' : 'record'}.{' '}
          <Link href={href(query, { subjectId: undefined })}>Show all subjects</Link>
        </p>
      )}

      {rows.length === 0 ? (
        <EmptyState title={filtered || query.before ? 'Nothing matches' : 'Nothing recorded yet'}>
          {filtered
            ? 'Try a wider date range or clear a filter.'
            : query.before
              ? 'There are no older entries.'
              : 'Changes and sensitive reads appear here as they happen.'}
        </EmptyState>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Audit entries, newest first">
          {rows.map((r) => (
            <AuditItem key={r.id} row={r} />
          ))}
        </ol>
      )}

      <nav aria-label="Audit log pages" className="flex flex-wrap gap-3">
        {query.before && (
          <ButtonLink href={href(query, {})} variant="secondary">
            Newest entries
          </ButtonLink>
        )}
        {nextBefore && (
          <ButtonLink href={href(query, { before: nextBefore })} variant="secondary">
            Older entries
          </ButtonLink>
        )}
      </nav>
    </div>
  );
}

function AuditItem({ row }: { row: AuditRow }) {
  const sensitive = isSensitive(row.action);
  return (
    <li className={`flex flex-col gap-1 px-4 py-3 sm:flex-row sm:gap-4 ${sensitive ? 'border-l-4 border-l-amber-500' : ''}`}>
      <div className="shrink-0 text-sm text-stone-600 sm:w-48">
        <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
      </div>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={sensitive ? 'warn' : 'neutral'}>{auditLabel(row.action)}</Badge>
          <span className="text-sm text-stone-700">
            by {row.actorId ? <Link href={`/admin/people/${row.actorId}`}>{row.actorName ?? row.actorEmail ?? 'someone'}</Link> : 'the program (automatic)'}
          </span>
        </p>
        <p className="break-words text-stone-900">{describeAudit(row.action, row.details)}</p>
        <Subject row={row} />
      </div>
    </li>
  );
}

function Subject({ row }: { row: AuditRow }) {
  if (!row.subjectId) return null;
  if (row.subjectType === 'user')
    return (
      <p className="text-sm">
        <Link href={`/admin/people/${row.subjectId}`}>Open the person</Link>
      </p>
    );
  if (row.subjectType === 'pairing')
    return (
      <p className="text-sm">
        <Link href={`/admin/pairings/${row.subjectId}`}>Open the pairing</Link>
      </p>
    );
  return null;
}
