import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input, Select } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime } from '@/lib/time/format';
import { requireRole } from '@/lib/auth/session';
import { EMAIL_LOG_PAGE_SIZE, EMAIL_STATUSES, listEmailKinds, listEmails } from '@/lib/email/admin-log';
import type { EmailStatus } from '@/db/schema';
import { firstParam } from '@/lib/forms/query';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'Email log' };

const STATUS_LABEL: Record<EmailStatus, string> = { queued: 'Waiting to be sent', sent: 'Sent', failed: 'Failed' };

export default async function EmailLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('admin');
  const params = await searchParams;
  const address = firstParam(params.to)?.slice(0, 254);
  const kinds = await listEmailKinds(user);
  const kind = kinds.find((k) => k === firstParam(params.kind));
  const status = EMAIL_STATUSES.find((s) => s === firstParam(params.status));
  const cursor = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).safeParse(firstParam(params.before));
  const before = cursor.success ? cursor.data : undefined;
  // One more than a page: whether there is an older page to link to.
  const found = await listEmails(user, { to: address, kind, status, before }, EMAIL_LOG_PAGE_SIZE + 1);
  const mails = found.slice(0, EMAIL_LOG_PAGE_SIZE);
  const older = found.length > EMAIL_LOG_PAGE_SIZE ? mails[mails.length - 1].id : null;
  const pageHref = (change: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ to: address, kind, status, ...change })) if (v !== undefined && v !== '') q.set(k, String(v));
    return q.size ? `/admin/emails?${q}` : '/admin/emails';
  };
  const filtered = Boolean(address || kind || status);
  const env = getEnv();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Email log</h1>
        <p className="mt-1 max-w-prose text-stone-700">Every email the program has sent or kept, newest first, 50 to a page.</p>
      </div>
      {env.emailTransport === 'outbox' && (
        <Alert tone="info">
          Email is not being sent: it is kept here instead (<code>EMAIL_TRANSPORT=outbox</code>). Sign-in links are never stored, so people cannot sign in from this
          copy — set up Resend to deliver mail.
        </Alert>
      )}
      <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label="Filter the email log">
        <Field id="to" label="To this address">
          {(aria) => <Input {...aria} name="to" type="email" defaultValue={address} />}
        </Field>
        <Field id="kind" label="Kind">
          {(aria) => (
            <Select {...aria} name="kind" defaultValue={kind ?? ''}>
              <option value="">Any kind</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="status" label="Delivery">
          {(aria) => (
            <Select {...aria} name="status" defaultValue={status ?? ''}>
              <option value="">Any</option>
              {EMAIL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex gap-3">
          <Button type="submit">Show</Button>
          {filtered && (
            <ButtonLink href="/admin/emails" variant="secondary">
              Clear
            </ButtonLink>
          )}
        </div>
      </form>
      {mails.length === 0 ? (
        <EmptyState title={before ? 'No older mail' : filtered ? 'No mail matches these filters' : 'No email yet'}>
          {before ? (
            <Link href={pageHref({})}>Back to the newest</Link>
          ) : filtered ? (
            'Check the spelling, or clear the filters to see all mail.'
          ) : (
            'Emails appear here as the program sends them.'
          )}
        </EmptyState>
      ) : (
        <>
          <Table caption="Emails, newest first">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>To</Th>
                <Th>Subject</Th>
                <Th>Kind</Th>
                <Th>Delivery</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {mails.map((m) => (
                <tr key={m.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(m.createdAt)}</Td>
                  <Td className="break-all">{m.to}</Td>
                  <Td>{m.subject}</Td>
                  <Td>
                    <Badge>{m.kind}</Badge>
                  </Td>
                  <Td>
                    {m.status === 'failed' ? (
                      <Badge tone="bad">Failed: {m.error ?? 'unknown error'}</Badge>
                    ) : m.status === 'queued' ? (
                      <Badge tone="warn">{m.attempts > 0 ? `Retrying (${m.attempts} tries so far${m.error ? `: ${m.error}` : ''})` : 'Waiting to be sent'}</Badge>
                    ) : m.transport === 'resend' ? (
                      <Badge tone="good">{m.attempts > 1 ? `Sent after ${m.attempts} tries` : 'Sent'}</Badge>
                    ) : (
                      <Badge tone="neutral">Kept, not sent</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {(before || older) && (
            <nav aria-label="Pages of the email log" className="flex flex-wrap gap-3">
              {before && (
                <ButtonLink href={pageHref({})} variant="secondary">
                  Newest emails
                </ButtonLink>
              )}
              {older && (
                <ButtonLink href={pageHref({ before: older })} variant="secondary">
                  Older emails
                </ButtonLink>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
