import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime } from '@/lib/time/format';
import { requireRole } from '@/lib/auth/session';
import { listEmails } from '@/lib/email/admin-log';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'Email log' };

export default async function EmailLogPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const user = await requireRole('admin');
  const { to } = await searchParams;
  const address = typeof to === 'string' ? to.slice(0, 254) : undefined;
  const mails = await listEmails(user, { to: address });
  const env = getEnv();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Email log</h1>
        <p className="mt-1 max-w-prose text-stone-700">Every email the program has sent or kept, newest first (the last 100).</p>
      </div>
      {env.emailTransport === 'outbox' && (
        <Alert tone="info">
          Email is not being sent: it is kept here instead (<code>EMAIL_TRANSPORT=outbox</code>). Sign-in links are never stored, so
          people cannot sign in from this copy — set up Resend to deliver mail.
        </Alert>
      )}
      <form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field id="to" label="Only mail to this address">
            {(aria) => <Input {...aria} name="to" type="email" defaultValue={address} />}
          </Field>
        </div>
        <Button type="submit">Show</Button>
      </form>
      {mails.length === 0 ? (
        <EmptyState title={address ? 'No mail to this address' : 'No email yet'}>
          {address ? 'Check the spelling, or clear the filter to see all mail.' : 'Emails appear here as the program sends them.'}
        </EmptyState>
      ) : (
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
                  {m.error ? (
                    <Badge tone="bad">Failed: {m.error}</Badge>
                  ) : m.transport === 'resend' ? (
                    <Badge tone="good">Sent</Badge>
                  ) : (
                    <Badge tone="neutral">Kept, not sent</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
